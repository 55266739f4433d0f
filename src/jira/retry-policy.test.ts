import fc from 'fast-check';
import { backoffMs, DEFAULT_RETRY_POLICY, isRetryableStatus, rateLimitResetMs, retryAfterMs, waitBeforeRetry } from './retry-policy';

const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('retry policy', () => {
  it.each([
    [429, true],
    [503, true],
    [502, true],
    [504, true],
    [500, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
  ])('status %d is retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it.each<[Record<string, string>, number | undefined]>([
    [{ 'retry-after': '7' }, 7000],
    [{ 'retry-after': ' 0 ' }, 0],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': 'Mon, 23 Nov 2026 10:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 09:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('Retry-After %j → %s ms', (headers, ms) => {
    expect(retryAfterMs(headers, NOW)).toBe(ms);
  });

  it.each<[Record<string, string>, number | undefined]>([
    [{ 'x-ratelimit-reset': '2026-11-23T10:02Z' }, 120_000],
    [{ 'x-ratelimit-reset': '2026-11-23T09:59Z' }, 0],
    [{ 'x-ratelimit-reset': 'later' }, undefined],
    [{}, undefined],
  ])('X-RateLimit-Reset %j → %s ms', (headers, ms) => {
    expect(rateLimitResetMs(headers, NOW)).toBe(ms);
  });

  it('prefers Retry-After, then X-RateLimit-Reset, then backoff', () => {
    const both = { 'retry-after': '3', 'x-ratelimit-reset': '2026-11-23T10:02Z' };
    expect(waitBeforeRetry(both, 1, DEFAULT_RETRY_POLICY, NOW, () => 0.5)).toEqual({ waitMs: 3000, toldByJira: true });
    expect(waitBeforeRetry({ 'x-ratelimit-reset': '2026-11-23T10:02Z' }, 1, DEFAULT_RETRY_POLICY, NOW, () => 0.5)).toEqual({ waitMs: 120_000, toldByJira: true });
    expect(waitBeforeRetry({}, 2, DEFAULT_RETRY_POLICY, NOW, () => 0.5)).toEqual({ waitMs: 500, toldByJira: false });
  });

  it.each([
    [1, 1, 500],
    [2, 1, 1000],
    [3, 1, 2000],
    [5, 1, 8000],
    [9, 1, 8000],
    [3, 0, 0],
  ])('backoff for attempt %d with random %d is %d ms', (attempt, random, ms) => {
    expect(backoffMs(attempt, DEFAULT_RETRY_POLICY, () => random)).toBe(ms);
  });

  it('backoff stays within [0, cap] and its ceiling never shrinks with attempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const wait = backoffMs(attempt, DEFAULT_RETRY_POLICY, () => r);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
        expect(backoffMs(attempt + 1, DEFAULT_RETRY_POLICY, () => 1)).toBeGreaterThanOrEqual(backoffMs(attempt, DEFAULT_RETRY_POLICY, () => 1));
      }),
    );
  });
});
