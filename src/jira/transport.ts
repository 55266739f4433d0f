/**
 * The one thing the Jira client needs from the outside world: send a request, get status, headers and
 * body back. Two implementations: the Forge one (`src/forge/forge-transport.ts`, `requestJira` as the
 * user or as the app) and a plain HTTP one with an API token (`basic-auth-transport.ts`) for local runs
 * against the simulator or a real site.
 *
 * Paths are `Route`s, which only Forge's `route` tag makes: no code path can send a hand-concatenated URL.
 */
import type { Route } from '../forge/route';
import type { HttpMethod } from './operations';

export interface JiraRequest {
  readonly method: HttpMethod;
  /** Path and query, built with `route`. */
  readonly route: Route;
  /** JSON body, for POST and PUT. */
  readonly body?: unknown;
}

export interface JiraResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text ('' for 204). Parsing is the client's job, so a malformed body is a typed error. */
  readonly text: string;
}

export interface JiraTransport {
  send(request: JiraRequest): Promise<JiraResponse>;
}
