/**
 * The client's engine: sends one operation through the transport with retries, a deadline, typed
 * errors and response validation. Everything above it speaks in operations and domain objects.
 *
 * Invariants:
 * - a request is retried only on 429/502/503/504 and on a `TransportFailure`, at most `maxAttempts`
 *   times, waiting exactly what Jira asked for when it said;
 * - a write that is not idempotent (`NON_IDEMPOTENT`: posting a comment) is never sent again blindly.
 *   A 429 is retried as for any call (Jira refused it before doing anything), but after a 5xx, no
 *   answer at all, or an answer cut off by the deadline, nobody knows whether Jira did it: the caller's
 *   `AmbiguousWriteCheck` looks in Jira first. Found → the call answers with what it found; not
 *   there → sent again (if the status is worth another try and attempts are left), else the plain
 *   error, since it is known not to have happened; the look failing too (or no check, or no time
 *   left to look) → `UncertainWrite`, whose sentence says what to check. Never "done" when unknown;
 * - anything else a transport throws passes through untouched and is never retried: above all Forge's
 *   `NEEDS_AUTHENTICATION_ERR`, which must reach the platform for the user to see the consent prompt;
 * - no wait or attempt runs past the deadline: when Jira asks for longer than the time left, the call
 *   fails at once with a typed error instead of being killed by the platform mid-way;
 * - a body that is not JSON, or JSON of the wrong shape, is a `BadResponse`, never a crash later on.
 */
import type { z } from 'zod';
import { badResponse, errorForStatus, JiraError, jiraErrorText, quotaSpent, UNAVAILABLE_MESSAGE, UncertainWrite, unavailable } from './errors';
import { JIRA_OPERATIONS, type OperationId } from './operations';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, quotaReason, waitBeforeRetry, type RetryPolicy } from './retry-policy';
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

/**
 * Writes that change Jira each time they are sent: a second POST of a comment is a second comment.
 * Every other operation the app uses is a read or sets a state (labels, sprint, assignee, property),
 * so sending it twice does no harm. An operation added to `operations.ts` that creates something
 * belongs here.
 */
export const NON_IDEMPOTENT: ReadonlySet<OperationId> = new Set<OperationId>(['addComment', 'createIssue']);

/**
 * How the caller of a non-idempotent write tells whether an attempt that got no clear answer took
 * effect anyway (see the module comment).
 */
export interface AmbiguousWriteCheck<T> {
  /** Look in Jira: what the write created when it is there, undefined when it is not. Throws when it cannot tell. */
  readonly lookup: () => Promise<T | undefined>;
  /** One sentence for the user when nobody can tell: what may have happened and what to check. */
  readonly uncertain: string;
}

/** What `json` answers for a write the caller did not say how to check. */
const UNCERTAIN_WRITE = 'Jira did not confirm the change and the app could not check it, so it may have been made: check the issue before trying again.';

/** An attempt the deadline cut off: for a write, nobody knows whether Jira did it. */
class NoAnswerInTime extends JiraError {
  constructor(detail: string) {
    super('Unavailable', UNAVAILABLE_MESSAGE, detail);
  }
}

type Exchanged<T> = { readonly response: JiraResponse } | { readonly found: T };

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

  /** Time left before this client's deadline (the invocation's budget): how much waiting a read can afford. */
  remainingMs(): number {
    return this.deadline - this.clock.now();
  }

  /**
   * Send and parse a JSON response with `schema`. For a non-idempotent write, `check` says how to
   * find out whether an attempt without a clear answer took effect; what it finds is the answer.
   */
  async json<S extends z.ZodType>(operation: OperationId, request: JiraRequest, schema: S, check?: AmbiguousWriteCheck<z.output<S>>): Promise<z.output<S>> {
    const outcome = await this.exchange(operation, request, check);
    if ('found' in outcome) return outcome.found;
    const { response } = outcome;
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
    const outcome = await this.exchange<never>(operation, request, undefined);
    if ('found' in outcome) throw new Error(`${operation}: found without a check`); // cannot happen: no check, nothing found
    return outcome.response;
  }

  private async exchange<T>(operation: OperationId, request: JiraRequest, check: AmbiguousWriteCheck<T> | undefined): Promise<Exchanged<T>> {
    const op = JIRA_OPERATIONS[operation];
    if (op.method !== request.method) throw new Error(`${operation} is ${op.method}, not ${request.method}`);
    const idempotent = !NON_IDEMPOTENT.has(operation);
    for (let attempt = 1; ; attempt++) {
      let response: JiraResponse;
      try {
        response = await this.attempt(operation, request);
      } catch (error) {
        // Cut off by the deadline: a write may have happened, and there is no time left to look.
        if (error instanceof NoAnswerInTime && !idempotent) throw new UncertainWrite(check?.uncertain ?? UNCERTAIN_WRITE, error.message);
        // Our own errors (the deadline) and the platform's (consent, egress) are final as they are.
        if (!(error instanceof TransportFailure)) throw error;
        const detail = `${operation} failed to reach Jira: ${error instanceof Error ? error.message : String(error)}`;
        const waitMs = this.backoffAdvice(attempt);
        if (!idempotent) {
          const found = await this.lookBeforeRetrying(check, waitMs, detail, undefined);
          if (found !== undefined) return { found };
          if (attempt >= this.retry.maxAttempts) throw unavailable(detail); // looked: it did not happen
          this.stats.retries++;
          continue;
        }
        if (attempt >= this.retry.maxAttempts) throw unavailable(detail);
        await this.pause(waitMs, operation, undefined, detail);
        continue;
      }
      if (response.status >= 200 && response.status < 300) return { response };
      const advice = waitBeforeRetry(response.headers, attempt, this.retry, this.clock.now(), this.random);
      const retryAfter = advice.toldByJira ? advice.waitMs : undefined;
      // A spent hourly quota refills at the window's end, not in seconds: never retried (retry-policy.ts).
      const quota = response.status === 429 ? quotaReason(response.headers) : undefined;
      if (quota !== undefined) throw quotaSpent(quota, operation, response.text, retryAfter);
      const retryable = isRetryableStatus(response.status) && attempt < this.retry.maxAttempts;
      if (!idempotent && response.status >= 500) {
        const detail = `${operation} answered ${response.status}: ${jiraErrorText(response.text)}`;
        const found = await this.lookBeforeRetrying(check, advice.waitMs, detail, response.status);
        if (found !== undefined) return { found };
        if (!retryable) throw errorForStatus(response.status, response.text, operation, retryAfter); // looked: it did not happen
        this.stats.retries++;
        continue;
      }
      if (!retryable) throw errorForStatus(response.status, response.text, operation, retryAfter);
      await this.pause(advice.waitMs, operation, response, undefined);
    }
  }

  /**
   * After an attempt of a non-idempotent write that may or may not have taken effect: wait as for a
   * retry (a gateway can answer 504 while Jira is still doing the write behind it), then look. What
   * it finds, or undefined when the write is not there; `UncertainWrite` when nobody can tell.
   */
  private async lookBeforeRetrying<T>(check: AmbiguousWriteCheck<T> | undefined, waitMs: number, detail: string, status: number | undefined): Promise<T | undefined> {
    if (!check) throw new UncertainWrite(UNCERTAIN_WRITE, `${detail}; no way to check, so not sent again`, status);
    if (this.clock.now() + waitMs >= this.deadline) throw new UncertainWrite(check.uncertain, `${detail}; no time left to check`, status);
    await this.clock.sleep(waitMs);
    try {
      return await check.lookup();
    } catch (error) {
      // Jira's errors mean "could not tell"; anything else (the platform's signals) passes through.
      if (error instanceof JiraError) throw new UncertainWrite(check.uncertain, `${detail}; checking failed: ${error.message}`, status);
      throw error;
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
      timer = setTimeout(() => reject(new NoAnswerInTime(`${operation}: no answer within the time budget`)), remaining);
    });
    try {
      return await Promise.race([this.options.transport.send(request), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
