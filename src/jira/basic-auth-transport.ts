/**
 * Plain HTTP transport for local runs: a base URL and basic auth with an email and an API token, which
 * is exactly how a real Jira Cloud site is reached with an API token (and how the simulator is).
 * @see https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/
 */
import { routePath } from '../forge/route';
import { TransportFailure, type JiraRequest, type JiraResponse, type JiraTransport } from './transport';

export interface BasicAuthOptions {
  /** e.g. `https://your-site.atlassian.net` or `http://localhost:8081`, without a trailing slash. */
  readonly baseUrl: string;
  readonly email: string;
  readonly apiToken: string;
}

export class BasicAuthTransport implements JiraTransport {
  private readonly authorization: string;
  private readonly baseUrl: string;

  constructor(options: BasicAuthOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
  }

  async send(request: JiraRequest): Promise<JiraResponse> {
    try {
      const response = await fetch(`${this.baseUrl}${routePath(request.route)}`, {
        method: request.method,
        headers: {
          Authorization: this.authorization,
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, text: await response.text() };
    } catch (error) {
      // fetch rejects only when no (whole) response came back: refused, reset, DNS. The client may retry that.
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new TransportFailure(`no answer from ${this.baseUrl}: ${cause}`, { cause: error });
    }
  }
}
