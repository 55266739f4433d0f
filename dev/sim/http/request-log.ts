/**
 * Every REST request the simulator answered (faults included, `/__sim/*` excluded), so tests and
 * people can see exactly what a client sent and got: which operation, as whom, with what outcome.
 */
import type { SimOperationId } from './operations';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  /** Account id of the authenticated user; null when authentication failed or was not reached. */
  readonly user: string | null;
  readonly operationId: SimOperationId | undefined;
  readonly status: number;
  /** Parsed JSON, or the raw text when the body was not JSON (a malformed-body fault). */
  readonly responseBody: unknown;
  /** Jira points the answer cost (points/rules.ts); 0 for refusals (faults, 401, the quota's 429). */
  readonly points: number;
}

/** Oldest entries are dropped past this, so a long demo does not grow without bound. */
const LIMIT = 10_000;

export class RequestLog {
  private entries: RecordedRequest[] = [];

  record(entry: RecordedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > LIMIT) this.entries = this.entries.slice(-LIMIT);
  }

  all(): readonly RecordedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
