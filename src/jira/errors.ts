/**
 * Typed Jira errors. Each carries `userMessage`, one plain sentence that says what happened and what
 * to do, which the resolvers pass to the UI as they are; `message` keeps the technical detail for logs.
 */
export type JiraErrorKind = 'NotFound' | 'Forbidden' | 'BadRequest' | 'RateLimited' | 'Unavailable' | 'BadResponse';

export class JiraError extends Error {
  constructor(
    readonly kind: JiraErrorKind,
    readonly userMessage: string,
    detail: string,
    readonly status?: number,
    /** For RateLimited: how long Jira asked us to wait, when it said. */
    readonly retryAfterMs?: number,
    /** For RateLimited: set when the app's hourly points quota is spent (not a burst limit), and whose pool it is. */
    readonly quota?: 'global' | 'tenant',
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'JiraError';
  }
}

/**
 * A write that is not idempotent may or may not have happened: Jira answered 5xx or not at all, and
 * looking did not tell (jira-http.ts). `userMessage` says what may have happened and what to check;
 * it is never reported as done, and never as simply failed either.
 */
export class UncertainWrite extends JiraError {
  constructor(userMessage: string, detail: string, status?: number) {
    super('Unavailable', userMessage, `uncertain write: ${detail}`, status);
    this.name = 'UncertainWrite';
  }
}

export const UNAVAILABLE_MESSAGE = 'Jira is not responding right now. Try again in a few minutes.';

/** Jira's error body: `{errorMessages: string[], errors: {field: message}}`. */
export function jiraErrorText(text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown };
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m): m is string => typeof m === 'string') : [];
    const fields = body.errors && typeof body.errors === 'object' ? Object.values(body.errors as Record<string, unknown>).map(String) : [];
    const all = [...messages, ...fields];
    return all.length > 0 ? all.join(' ') : text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** The messages of a Jira error body (`errorMessages`, `errors`), or undefined when the text is not one. */
function jiraBodyMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown };
    if (!body || typeof body !== 'object') return undefined;
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m): m is string => typeof m === 'string' && m.trim() !== '') : [];
    const fields = body.errors && typeof body.errors === 'object' ? Object.values(body.errors as Record<string, unknown>).filter((m): m is string => typeof m === 'string' && m.trim() !== '') : [];
    const all = [...messages, ...fields].join(' ').trim();
    if (all === '') return undefined;
    return all.length > 200 ? `${all.slice(0, 200)}…` : all;
  } catch {
    return undefined;
  }
}

const seconds = (ms: number): string => {
  const n = Math.max(1, Math.ceil(ms / 1000));
  return n === 1 ? '1 second' : `${n} seconds`;
};

/** Map a final (not retried further) HTTP failure to a typed error. */
export function errorForStatus(status: number, text: string, operation: string, retryAfterMs?: number): JiraError {
  const detail = `${operation} answered ${status}: ${jiraErrorText(text)}`;
  if (status === 404) {
    return new JiraError('NotFound', 'Jira could not find it, or you do not have permission to see it.', detail, status);
  }
  if (status === 401 || status === 403) {
    return new JiraError('Forbidden', 'You do not have permission to do this in Jira. Ask a Jira admin for access.', detail, status);
  }
  if (status === 429) {
    const when = retryAfterMs === undefined ? 'in a minute' : `in ${seconds(retryAfterMs)}`;
    return new JiraError('RateLimited', `Jira is busy and asked the app to slow down. Try again ${when}.`, detail, status, retryAfterMs);
  }
  // A 500 with Jira's own error body is Jira failing this request, not an outage (those are the
  // gateway's 502/503/504, or a 500 with no error body): say what Jira said.
  const jiraMessage = status === 500 ? jiraBodyMessage(text) : undefined;
  if (jiraMessage !== undefined) {
    return new JiraError('Unavailable', `Jira failed on this request with an internal error ("${jiraMessage}"). Try again; if it keeps happening, tell your Jira admin what Jira said.`, detail, status, retryAfterMs);
  }
  if (status >= 500) {
    return new JiraError('Unavailable', UNAVAILABLE_MESSAGE, detail, status, retryAfterMs);
  }
  if (status === 400 || status === 409 || status === 422) {
    return new JiraError('BadRequest', `Jira refused the request: ${jiraErrorText(text)}`, detail, status);
  }
  return new JiraError('BadResponse', 'Jira answered in a way the app does not understand. Try again; if it keeps happening, tell the app maintainers.', detail, status);
}

/**
 * The app's hourly points quota is spent (retry-policy.ts quotaReason): nothing the user does helps
 * before it resets, so the sentence says what the app does meanwhile.
 */
export function quotaSpent(quota: 'global' | 'tenant', operation: string, text: string, retryAfterMs?: number): JiraError {
  const minutes = retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const when = minutes === undefined ? 'within the hour' : minutes === 1 ? 'in about a minute' : `in about ${minutes} minutes`;
  return new JiraError(
    'RateLimited',
    `Jira's hourly quota for apps is used up for now, so the app shows the numbers it last stored; it asks Jira again once the quota resets (${when}).`,
    `${operation} answered 429 (${quota === 'global' ? 'jira-quota-global-based' : 'jira-quota-tenant-based'}): ${jiraErrorText(text)}`,
    429,
    retryAfterMs,
    quota,
  );
}

export function badResponse(detail: string, status?: number): JiraError {
  return new JiraError('BadResponse', 'Jira answered in a way the app does not understand. Try again; if it keeps happening, tell the app maintainers.', detail, status);
}

export function unavailable(detail: string): JiraError {
  return new JiraError('Unavailable', UNAVAILABLE_MESSAGE, detail);
}
