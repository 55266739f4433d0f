/**
 * The client's engine: sends one operation through the transport with retries, a deadline, typed
 * errors and response validation. Everything above it speaks in operations and domain objects.
 *
 * Invariants:
 * - a request is retried only on 429/502/503/504 (and on a `TransportFailure` when it is idempotent),
 *   at most `maxAttempts` times, waiting exactly what Jira asked for when it said;
 * - anything else a transport throws passes through untouched and is never retried: above all Forge's
 *   `NEEDS_AUTHENTICATION_ERR`, which must reach the platform for the user to see the consent prompt;
 * - no wait or attempt runs past the deadline: when Jira asks for longer than the time left, the call
 *   fails at once with a typed error instead of being killed by the platform mid-way;
 * - a body that is not JSON, or JSON of the wrong shape, is a `BadResponse`, never a crash later on.
 */
import type { z } from 'zod';
import { badResponse, errorForStatus, unavailable } from './errors';
import { JIRA_OPERATIONS, type OperationId } from './operations';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, waitBeforeRetry, type RetryPolicy } from './retry-policy';
import { TransportFailure, type JiraRequest, type JiraResponse, type JiraTransport } from './transport';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface JiraHttpOptions {
  readonly transport: JiraTransport;
  /** Time budget for everything this client does, ms. Resolvers have 25 s in all; keep a margin. */
  readonly budgetMs?: number;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/** What a client did: the numbers the tests and benchmarks count. */
export interface JiraHttpStats {
  requests: number;
  retries: number;
  readonly byOperation: Partial<Record<OperationId, number>>;
}

export const RESOLVER_BUDGET_MS = 20_000;

export class JiraHttp {
  readonly stats: JiraHttpStats = { requests: 0, retries: 0, byOperation: {} };
  private readonly deadline: number;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(private readonly options: JiraHttpOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
    this.deadline = this.clock.now() + (options.budgetMs ?? RESOLVER_BUDGET_MS);
  }

  /** Send and parse a JSON response with `schema`. */
  async json<S extends z.ZodType>(operation: OperationId, request: JiraRequest, schema: S): Promise<z.output<S>> {
    const response = await this.send(operation, request);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw badResponse(`${operation} answered ${response.status} with a body that is not JSON: ${response.text.slice(0, 80)}`, response.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw badResponse(`${operation} answered with an unexpected shape at /${first?.path.join('/') ?? ''}: ${first?.message ?? ''}`, response.status);
    }
    return parsed.data;
  }

  /** Send an operation that answers without a body we need (204, or a write whose echo we ignore). */
  async noContent(operation: OperationId, request: JiraRequest): Promise<void> {
    await this.send(operation, request);
  }

  /** Send with retries; resolves with a 2xx response, throws a JiraError, or lets a platform error through. */
  async send(operation: OperationId, request: JiraRequest): Promise<JiraResponse> {
    const op = JIRA_OPERATIONS[operation];
    if (op.method !== request.method) throw new Error(`${operation} is ${op.method}, not ${request.method}`);
    const idempotent = operation !== 'addComment';
    for (let attempt = 1; ; attempt++) {
      let response: JiraResponse;
      try {
        response = await this.attempt(operation, request);
      } catch (error) {
        // Our own errors (the deadline) and the platform's (consent, egress) are final as they are.
        if (!(error instanceof TransportFailure)) throw error;
        const detail = `${operation} failed to reach Jira: ${error instanceof Error ? error.message : String(error)}`;
        if (!idempotent || attempt >= this.retry.maxAttempts) throw unavailable(detail);
        await this.pause(this.backoffAdvice(attempt), operation, undefined, detail);
        continue;
      }
      if (response.status >= 200 && response.status < 300) return response;
      const advice = waitBeforeRetry(response.headers, attempt, this.retry, this.clock.now(), this.random);
      const retryAfter = advice.toldByJira ? advice.waitMs : undefined;
      if (!isRetryableStatus(response.status) || attempt >= this.retry.maxAttempts) {
        throw errorForStatus(response.status, response.text, operation, retryAfter);
      }
      await this.pause(advice.waitMs, operation, response, undefined);
    }
  }

  private backoffAdvice(attempt: number): number {
    return waitBeforeRetry({}, attempt, this.retry, this.clock.now(), this.random).waitMs;
  }

  /** Wait before the next attempt, unless that would cross the deadline. */
  private async pause(waitMs: number, operation: OperationId, response: JiraResponse | undefined, detail: string | undefined): Promise<void> {
    if (this.clock.now() + waitMs >= this.deadline) {
      if (response) throw errorForStatus(response.status, response.text, operation, waitMs);
      throw unavailable(`${detail ?? operation}; no time left to retry`);
    }
    this.stats.retries++;
    await this.clock.sleep(waitMs);
  }

  /** One attempt, cut off at the deadline. */
  private async attempt(operation: OperationId, request: JiraRequest): Promise<JiraResponse> {
    const remaining = this.deadline - this.clock.now();
    if (remaining <= 0) throw unavailable(`${operation}: the time budget ran out before the request`);
    this.stats.requests++;
    this.stats.byOperation[operation] = (this.stats.byOperation[operation] ?? 0) + 1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(`${operation}: no answer within the time budget`)), remaining);
    });
    try {
      return await Promise.race([this.options.transport.send(request), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
