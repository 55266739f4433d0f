/**
 * A transport that loses answers: it forwards every request (so Jira, or the simulator, really acts
 * on it) and, for the chosen ones, throws the real answer away and answers 5xx or drops the
 * connection instead — a gateway error that arrives after the write was done. The simulator's own
 * 503 fault answers before doing anything, which is the other case.
 */
import { routePath } from '../../src/forge/route';
import { matchOperation, type OperationId } from '../../src/jira/operations';
import { TransportFailure, type JiraRequest, type JiraResponse, type JiraTransport } from '../../src/jira/transport';

/** Lose the answer to the `nth` request for this operation (counted from the transport's creation), or to the next one. */
export interface Loss {
  readonly operation: OperationId;
  readonly as: 500 | 502 | 503 | 504 | 'reset';
  readonly nth?: number;
}

export class LosingTransport implements JiraTransport {
  readonly losses: Loss[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly inner: JiraTransport) {}

  lose(...losses: Loss[]): this {
    this.losses.push(...losses);
    return this;
  }

  async send(request: JiraRequest): Promise<JiraResponse> {
    const operation = matchOperation(request.method, routePath(request.route)) ?? '';
    const count = (this.seen.get(operation) ?? 0) + 1;
    this.seen.set(operation, count);
    const response = await this.inner.send(request);
    const index = this.losses.findIndex((l) => l.operation === operation && (l.nth ?? count) === count);
    if (index < 0) return response;
    const [loss] = this.losses.splice(index, 1) as [Loss];
    if (loss.as === 'reset') throw new TransportFailure('socket hang up');
    return { status: loss.as, headers: {}, text: JSON.stringify({ errorMessages: ['The gateway did not get an answer in time.'], errors: {} }) };
  }
}
