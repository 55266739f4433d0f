/**
 * Counting what an invocation sends to Jira: requests, and sequential round trips (a round trip
 * starts when a request leaves while none is in flight). Transports built over one Meter count
 * together, so an invocation's user and app clients add up to the invocation's numbers.
 */
import type { JiraRequest, JiraResponse, JiraTransport } from '../../src/jira/transport';

/** What one invocation sent, over however many transports (the user's and the app's) share it. */
export interface Meter {
  requests: number;
  roundTrips: number;
  inFlight: number;
}
export const newMeter = (): Meter => ({ requests: 0, roundTrips: 0, inFlight: 0 });

/** Counts every request it forwards into its meter (a fresh one unless given). */
export class CountingTransport implements JiraTransport {
  constructor(
    private readonly inner: JiraTransport,
    private readonly meter: Meter = newMeter(),
  ) {}
  get requests(): number {
    return this.meter.requests;
  }
  get roundTrips(): number {
    return this.meter.roundTrips;
  }
  async send(request: JiraRequest): Promise<JiraResponse> {
    if (this.meter.inFlight === 0) this.meter.roundTrips++;
    this.meter.inFlight++;
    this.meter.requests++;
    try {
      return await this.inner.send(request);
    } finally {
      this.meter.inFlight--;
    }
  }
}
