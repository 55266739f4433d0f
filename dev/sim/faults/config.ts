/**
 * What can go wrong on purpose, as data: the same JSON drives `startSimulator({faults})`,
 * `sim.faults.set()`, `POST /__sim/faults` and the CLI flags. Each fault picks its requests with a
 * selector: the next N, every Nth, a seeded fraction, or all — optionally only one operation.
 */
import { z } from 'zod';
import { parseSettings } from '../settings';
import { SIM_OPERATIONS, type SimOperationId } from '../http/operations';

const operationIds = Object.keys(SIM_OPERATIONS) as [SimOperationId, ...SimOperationId[]];

const selector = {
  /** Only requests for this operation. */
  operationId: z.enum(operationIds).optional(),
  /** The next N matching requests, then no more. */
  next: z.number().int().positive().optional(),
  /** Every Nth matching request (the Nth, 2Nth, …). */
  every: z.number().int().positive().optional(),
  /** This share of matching requests, drawn from the simulator's seed. */
  fraction: z.number().min(0).max(1).optional(),
};

export const faultConfigSchema = z
  .object({
    /** Added before every answer: `fixedMs` plus up to `jitterMs` (seeded). */
    latency: z.object({ fixedMs: z.number().int().min(0).default(0), jitterMs: z.number().int().min(0).default(0), operationId: selector.operationId }).strict().optional(),
    /**
     * 429 Too Many Requests. `headers`: `retry-after` (Retry-After seconds), `reset`
     * (X-RateLimit-Reset `yyyy-MM-ddTHH:mmZ`, no Retry-After) or `none`.
     */
    rateLimit: z.object({ ...selector, headers: z.enum(['retry-after', 'reset', 'none']).default('retry-after'), retryAfterSeconds: z.number().int().min(0).default(1) }).strict().optional(),
    /** Jira's per-endpoint burst limit: a token bucket per method and path template. */
    burst: z.object({ capacity: z.number().int().positive(), refillPerSecond: z.number().positive(), operationId: selector.operationId }).strict().optional(),
    /** 503 Service Unavailable, with Retry-After when `retryAfterSeconds` is set. */
    unavailable: z.object({ ...selector, retryAfterSeconds: z.number().int().min(0).optional() }).strict().optional(),
    /** Headers at once, then the body trickled out over `durationMs`. */
    slow: z.object({ ...selector, durationMs: z.number().int().min(1) }).strict().optional(),
    /** A body that is not JSON: cut in half (`truncated`) or an HTML error page (`invalid`). */
    malformed: z.object({ ...selector, kind: z.enum(['truncated', 'invalid']).default('truncated') }).strict().optional(),
    /** Search lags writes by this long unless the issue is in `reconcileIssues` (eventual consistency). */
    searchLagMs: z.number().int().min(0).optional(),
  })
  .strict();

export type FaultConfig = z.input<typeof faultConfigSchema>;
export type ResolvedFaultConfig = z.output<typeof faultConfigSchema>;
export type FaultSelector = { operationId?: SimOperationId; next?: number; every?: number; fraction?: number };

/** Validate a config; throws with one readable sentence when it is not one. */
export function parseFaultConfig(value: unknown): ResolvedFaultConfig {
  return parseSettings(faultConfigSchema, 'fault', value);
}
