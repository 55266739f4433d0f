/**
 * The Jira transport inside Forge: `requestJira` as the current user (interactive calls, so Jira
 * enforces the user's own permissions) or as the app (triggers and scheduled jobs, which have no user).
 *
 * What `@forge/api` 8.3.0 throws instead of answering, and what becomes of it (its `out/api/fetch.js`,
 * `handleProxyResponseErrors`, and `out/api/errors.js`):
 * - `NeedsAuthenticationError` (`NEEDS_AUTHENTICATION_ERR`): the user has not yet allowed the app to act
 *   for them. Forge shows the "Allow access" prompt only when it leaves the resolver unhandled, so it is
 *   rethrown exactly as it is, marked as a platform signal: never retried, never put in an envelope.
 * - `ProxyRequestError` (`PROXY_ERR`, the `forge-proxy-error` header): Forge's proxy failed. With a 5xx
 *   or 429 status it is transient, so it becomes a `TransportFailure` (retried when idempotent); any
 *   other status cannot succeed on retry and becomes a typed Jira error with a sentence for the user.
 * - `NotAllowedError` and its kin (`REQUEST_EGRESS_ALLOWLIST_ERR`, other `HttpError`s): a refusal by
 *   the platform that no retry changes; passed through untouched (the resolver logs it as unexpected).
 * - Anything else (`FetchError`, a runtime fetch rejecting): Jira was not reached — a `TransportFailure`.
 */
import api, { HttpError, NeedsAuthenticationError, ProxyRequestError } from '@forge/api';
import { JiraError } from '../jira/errors';
import { markPlatformSignal, TransportFailure, type JiraRequest, type JiraResponse, type JiraTransport } from '../jira/transport';

export type Actor = 'user' | 'app';

const TRANSIENT_PROXY_STATUS = new Set([429, 500, 502, 503, 504]);

/** What a failure thrown by `requestJira` means for the client (see the file comment). */
export function classifyForgeFailure(error: unknown): unknown {
  if (error instanceof NeedsAuthenticationError) return markPlatformSignal(error);
  if (error instanceof ProxyRequestError) {
    if (TRANSIENT_PROXY_STATUS.has(error.status)) return new TransportFailure(error.message, { cause: error });
    return new JiraError(
      'Unavailable',
      'Forge could not pass the request on to Jira. Try again in a few minutes; if it keeps happening, tell your Jira admin.',
      `${error.message} (${error.errorCode})`,
      error.status,
    );
  }
  if (error instanceof HttpError) return error;
  return new TransportFailure(`requestJira failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export class ForgeTransport implements JiraTransport {
  constructor(private readonly actor: Actor) {}

  async send(request: JiraRequest): Promise<JiraResponse> {
    const requester = this.actor === 'user' ? api.asUser() : api.asApp();
    try {
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
    } catch (error) {
      throw classifyForgeFailure(error);
    }
  }
}
