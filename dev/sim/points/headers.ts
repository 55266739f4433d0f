/**
 * The quota headers of an answer, as https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 * ("Rate limit related headers") documents them:
 * - every answer: `RateLimit-Policy: "global-app-quota";q=65000;w=3600` (`tenant-app-quota` on Tier 2)
 *   and `RateLimit: "global-app-quota";t=<seconds to reset>`, with `;r=<remaining>` once less than
 *   20 % of the pool remains, when `X-RateLimit-NearLimit: true` is sent too;
 * - a refusal (429): also `Retry-After` (seconds to the window's end), `X-RateLimit-Limit`,
 *   `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` (ISO instant of the reset) and `RateLimit-Reason`
 *   (`jira-quota-global-based` on Tier 1, `jira-quota-tenant-based` on Tier 2).
 * Not enforcing, the names carry Jira's beta-phase prefixes (`Beta-RateLimit-Policy`, `Beta-RateLimit`,
 * `X-Beta-RateLimit-NearLimit`, and on an answer that enforcement would refuse `Beta-Retry-After`,
 * `X-Beta-RateLimit-Reason`, `X-Beta-RateLimit-Reset`): informational, the request is served.
 */

/** Less than this share of the pool left is "near the limit". */
export const NEAR_LIMIT_SHARE = 0.2;
export const HOUR_MS = 3_600_000;

export interface PoolState {
  readonly tier: 1 | 2;
  readonly quota: number;
  readonly spent: number;
  /** Epoch ms the window resets at (the next top of a UTC hour). */
  readonly resetAtMs: number;
  readonly nowMs: number;
}

export const policyName = (tier: 1 | 2): string => (tier === 1 ? 'global-app-quota' : 'tenant-app-quota');
export const quotaReason = (tier: 1 | 2): string => (tier === 1 ? 'jira-quota-global-based' : 'jira-quota-tenant-based');

export const remainingOf = (pool: PoolState): number => Math.max(0, pool.quota - pool.spent);
export const isNearLimit = (pool: PoolState): boolean => remainingOf(pool) < pool.quota * NEAR_LIMIT_SHARE;
export const isSpent = (pool: PoolState): boolean => pool.spent >= pool.quota;
export const secondsToReset = (pool: PoolState): number => Math.max(1, Math.ceil((pool.resetAtMs - pool.nowMs) / 1000));

/** `2026-11-23T10:00:00Z`, as in the docs' example 429. */
const isoSeconds = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The headers for an answer given the pool after charging it; `refused`: the answer is the quota's 429. */
export function quotaHeaders(pool: PoolState, enforced: boolean, refused: boolean): Record<string, string> {
  const beta = enforced ? '' : 'Beta-';
  const xBeta = enforced ? 'X-' : 'X-Beta-';
  const name = `"${policyName(pool.tier)}"`;
  const near = isNearLimit(pool);
  const t = secondsToReset(pool);
  const headers: Record<string, string> = {
    [`${beta}RateLimit-Policy`]: `${name};q=${pool.quota};w=${HOUR_MS / 1000}`,
    [`${beta}RateLimit`]: `${name}${near ? `;r=${remainingOf(pool)}` : ''};t=${t}`,
  };
  if (near) headers[`${xBeta}RateLimit-NearLimit`] = 'true';
  if (refused || (!enforced && isSpent(pool))) {
    Object.assign(headers, {
      [`${beta}Retry-After`]: String(t),
      [enforced ? 'RateLimit-Reason' : 'X-Beta-RateLimit-Reason']: quotaReason(pool.tier),
      [`${xBeta}RateLimit-Reset`]: isoSeconds(pool.resetAtMs),
    });
    if (enforced) Object.assign(headers, { 'X-RateLimit-Limit': String(pool.quota), 'X-RateLimit-Remaining': '0' });
  }
  return headers;
}
