/**
 * When to retry a Jira request and how long to wait first.
 *
 * Order of authority for the wait (Atlassian's rate-limit guidance): `Retry-After` exactly (seconds,
 * or an HTTP date), else `X-RateLimit-Reset` (an ISO instant), else capped exponential backoff with
 * full jitter. Retrying earlier than Jira asked only earns a longer wait.
 */
export interface RetryPolicy {
  /** Attempts in all, including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Statuses worth another try: rate limited, or Jira briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * The hourly points quota Jira answered 429 for, when it was that (not a burst limit): its
 * `RateLimit-Reason` is `jira-quota-global-based` (Tier 1, the app's one pool for every customer) or
 * `jira-quota-tenant-based` (Tier 2, this site's pool) —
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ ("Rate limit related headers").
 * Such a pool refills only when the hour's window resets, so trying again sooner is pointless: the
 * client gives up at once (jira-http.ts) and the caller keeps what it has (issue 13, item 2).
 */
export function quotaReason(headers: Readonly<Record<string, string>>): 'global' | 'tenant' | undefined {
  const reason = headers['ratelimit-reason']?.trim().toLowerCase();
  if (reason === 'jira-quota-global-based') return 'global';
  if (reason === 'jira-quota-tenant-based') return 'tenant';
  return undefined;
}

/** Parse `Retry-After`: delta-seconds or an HTTP date. */
export function retryAfterMs(headers: Readonly<Record<string, string>>, nowMs: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Parse `X-RateLimit-Reset` (ISO, e.g. `2026-11-23T10:15Z`) into a wait from now. */
export function rateLimitResetMs(headers: Readonly<Record<string, string>>, nowMs: number): number | undefined {
  const value = headers['x-ratelimit-reset']?.trim();
  if (!value) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Exponential backoff with full jitter: random in [0, min(max, base × 2^(attempt−1))]. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

export interface WaitAdvice {
  readonly waitMs: number;
  /** True when Jira said how long (Retry-After or X-RateLimit-Reset): we wait exactly that. */
  readonly toldByJira: boolean;
}

export function waitBeforeRetry(
  headers: Readonly<Record<string, string>>,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
  random: () => number,
): WaitAdvice {
  const told = retryAfterMs(headers, nowMs) ?? rateLimitResetMs(headers, nowMs);
  if (told !== undefined) return { waitMs: told, toldByJira: true };
  return { waitMs: backoffMs(attempt, policy, random), toldByJira: false };
}
