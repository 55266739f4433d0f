/**
 * A transport that answers from recordings: each request gets the next recorded body for its path
 * (query left out), in order, and every request is kept for the test to look at. A path with no
 * recording left gets a 404, so a test sees the client asking for more than it was given.
 */
import { routePath } from '../../src/forge/route';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../src/jira/transport';

export interface AskedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body?: unknown;
}

export class RecordedTransport implements JiraTransport {
  readonly asked: AskedRequest[] = [];
  private readonly answers: Map<string, unknown[]>;

  /** `answers`: per path (e.g. `/rest/api/3/search/jql`), the bodies to answer with, first to last. */
  constructor(answers: Record<string, readonly unknown[]>) {
    this.answers = new Map(Object.entries(answers).map(([path, bodies]) => [path, [...bodies]]));
  }

  async send(request: JiraRequest): Promise<JiraResponse> {
    const [path = '', query = ''] = routePath(request.route).split('?');
    this.asked.push({ method: request.method, path, query: new URLSearchParams(query), ...(request.body !== undefined ? { body: request.body } : {}) });
    const queue = this.answers.get(path);
    if (!queue || queue.length === 0) {
      return { status: 404, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ errorMessages: [`Nothing recorded for ${request.method} ${path}.`], errors: {} }) };
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(queue.shift()) };
  }
}
