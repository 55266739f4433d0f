/** Clocks for tests: the demo site's frozen "now", and an HTTP clock that skips its sleeps. */
import type { Clock as HttpClock } from '../../src/jira/jira-http';

/** Monday 23 November 2026, 09:00 UTC: the second week of the demo site's active SUP sprint. */
export const NOW = Date.UTC(2026, 10, 23, 9);

/** A clock whose sleeps are recorded and skipped, so retries cost no wall time. */
export function recordingClock(): HttpClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
}
