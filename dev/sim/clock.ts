/**
 * The simulator's idea of "now". The demo site is anchored to one instant; when the caller chose
 * that instant (tests), the clock stays frozen there so every response is reproducible; when the
 * anchor is the wall clock (a demo), time moves on so SLA clocks tick and writes get fresh stamps.
 */
export interface SiteClock {
  /** The instant the demo data was generated around. */
  readonly anchorMs: number;
  now(): number;
}

export type ClockMode = 'frozen' | 'running';

export function siteClock(anchorMs: number, mode: ClockMode, wallClock: () => number = Date.now): SiteClock {
  if (mode === 'frozen') return { anchorMs, now: () => anchorMs };
  const startedAt = wallClock();
  return { anchorMs, now: () => anchorMs + (wallClock() - startedAt) };
}
