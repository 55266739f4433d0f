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

/**
 * The request got no answer from Jira (connection refused or reset, DNS, the platform's own fetch
 * failing). Transports throw this, and only this, for a failure to reach Jira: the client retries it
 * when the operation is idempotent. Anything else a transport throws passes through untouched.
 */
export class TransportFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportFailure';
  }
}

/**
 * Errors that belong to the platform and must reach it exactly as thrown: Forge shows the user its
 * "Allow access" prompt only when `@forge/api`'s `NEEDS_AUTHENTICATION_ERR` leaves the resolver
 * unhandled. The transport that meets one registers it here (the object itself is left as it is); the
 * client never retries it, use cases never swallow it and the resolvers rethrow it instead of answering.
 */
const platformSignals = new WeakSet<object>();

export function markPlatformSignal<E extends object>(error: E): E {
  platformSignals.add(error);
  return error;
}

export function isPlatformSignal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && platformSignals.has(error);
}
