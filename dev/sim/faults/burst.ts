/**
 * Jira's burst limit: a token bucket per tenant, endpoint and HTTP method. A request that finds the
 * bucket empty gets 429 with `Retry-After` and `RateLimit-Reason: jira-burst-based`.
 */
export class BurstLimiter {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(private readonly capacity: number, private readonly refillPerSecond: number, private readonly clock: () => number = Date.now) {}

  /** Take a token for `key`; returns seconds to wait when there is none. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, atMs: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.atMs) / 1000) * this.refillPerSecond);
    bucket.atMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerSecond)) };
  }
}
