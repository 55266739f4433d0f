/**
 * The live fault settings of a running simulator, and the decisions the server asks of them for
 * each request: how long to wait, whether to refuse (429 burst or quota, 503) before doing any
 * work, and whether to spoil the answer (slow or malformed body). Never consulted for `/__sim/*`.
 */
import { Prng } from '../prng';
import { BurstLimiter } from './burst';
import { parseFaultConfig, type FaultConfig, type ResolvedFaultConfig } from './config';
import { FaultPicker } from './selector';

export interface FaultAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

export interface BodyFault {
  readonly slowMs?: number;
  readonly malformed?: 'truncated' | 'invalid';
}

/** `yyyy-MM-ddTHH:mmZ`, rounded up to the minute, as Jira's X-RateLimit-Reset. */
export function rateLimitReset(atMs: number): string {
  return `${new Date(Math.ceil(atMs / 60_000) * 60_000).toISOString().slice(0, 16)}Z`;
}

export class FaultController {
  private config: ResolvedFaultConfig = {};
  private pickers: { rateLimit?: FaultPicker; unavailable?: FaultPicker; slow?: FaultPicker; malformed?: FaultPicker } = {};
  private burst: BurstLimiter | undefined;
  private latencyPrng: Prng;

  constructor(private readonly seed: number, initial?: FaultConfig) {
    this.latencyPrng = new Prng(seed).fork('latency');
    if (initial) this.set(initial);
  }

  /** Replace every fault setting (and restart the counters and buckets). Throws on an invalid config. */
  set(config: FaultConfig): void {
    const parsed = parseFaultConfig(config);
    const root = new Prng(this.seed).fork('faults');
    this.config = parsed;
    this.latencyPrng = new Prng(this.seed).fork('latency');
    this.pickers = {
      ...(parsed.rateLimit ? { rateLimit: new FaultPicker(parsed.rateLimit, root.fork('rateLimit')) } : {}),
      ...(parsed.unavailable ? { unavailable: new FaultPicker(parsed.unavailable, root.fork('unavailable')) } : {}),
      ...(parsed.slow ? { slow: new FaultPicker(parsed.slow, root.fork('slow')) } : {}),
      ...(parsed.malformed ? { malformed: new FaultPicker(parsed.malformed, root.fork('malformed')) } : {}),
    };
    this.burst = parsed.burst ? new BurstLimiter(parsed.burst.capacity, parsed.burst.refillPerSecond) : undefined;
  }

  clear(): void {
    this.set({});
  }

  current(): ResolvedFaultConfig {
    return structuredClone(this.config);
  }

  get searchLagMs(): number {
    return this.config.searchLagMs ?? 0;
  }

  latencyMs(operationId: string | undefined): number {
    const latency = this.config.latency;
    if (!latency || (latency.operationId !== undefined && latency.operationId !== operationId)) return 0;
    return latency.fixedMs + Math.round(this.latencyPrng.next() * latency.jitterMs);
  }

  /** A refusal to answer instead of handling the request, or undefined to go on. */
  beforeHandling(method: string, template: string, operationId: string | undefined): FaultAnswer | undefined {
    const { burst, rateLimit, unavailable } = this.config;
    if (this.burst && burst && (burst.operationId === undefined || burst.operationId === operationId)) {
      const taken = this.burst.take(`${method} ${template}`);
      if (!taken.allowed) {
        return {
          status: 429,
          body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
          headers: { 'Retry-After': String(taken.retryAfterSeconds), 'RateLimit-Reason': 'jira-burst-based', 'X-RateLimit-Limit': String(burst.capacity), 'X-RateLimit-Remaining': '0' },
        };
      }
    }
    if (rateLimit && this.pickers.rateLimit?.applies(operationId)) {
      // A wait of seconds is what Jira's burst limit asks for; a spent hourly quota is the points
      // meter's 429 (points/), whose RateLimit-Reason the client treats as final for the hour.
      const headers: Record<string, string> =
        rateLimit.headers === 'retry-after'
          ? { 'Retry-After': String(rateLimit.retryAfterSeconds), 'RateLimit-Reason': 'jira-burst-based' }
          : rateLimit.headers === 'reset'
            ? { 'X-RateLimit-Reset': rateLimitReset(Date.now() + rateLimit.retryAfterSeconds * 1000), 'RateLimit-Reason': 'jira-burst-based' }
            : {};
      return { status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} }, headers };
    }
    if (unavailable && this.pickers.unavailable?.applies(operationId)) {
      const headers: Record<string, string> = unavailable.retryAfterSeconds !== undefined ? { 'Retry-After': String(unavailable.retryAfterSeconds) } : {};
      return { status: 503, body: { errorMessages: ['Service Unavailable'], errors: {} }, headers };
    }
    return undefined;
  }

  /** How to spoil a successful answer that has a body. */
  afterHandling(operationId: string | undefined): BodyFault {
    const { slow, malformed } = this.config;
    return {
      ...(slow && this.pickers.slow?.applies(operationId) ? { slowMs: slow.durationMs } : {}),
      ...(malformed && this.pickers.malformed?.applies(operationId) ? { malformed: malformed.kind } : {}),
    };
  }
}
