/**
 * The Jira transport inside Forge: `requestJira` as the current user (interactive calls, so Jira
 * enforces the user's own permissions) or as the app (triggers and scheduled jobs, which have no user).
 */
import api from '@forge/api';
import type { JiraRequest, JiraResponse, JiraTransport } from '../jira/transport';

export type Actor = 'user' | 'app';

export class ForgeTransport implements JiraTransport {
  constructor(private readonly actor: Actor) {}

  async send(request: JiraRequest): Promise<JiraResponse> {
    const requester = this.actor === 'user' ? api.asUser() : api.asApp();
    const response = await requester.requestJira(request.route, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value: string, name: string) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, text: await response.text() };
  }
}
