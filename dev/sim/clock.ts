/**
 * The simulator's idea of "now". The demo site is anchored to one instant; when the caller chose
 * that instant (tests), the clock stays frozen there so every response is reproducible; when the
 * anchor is the wall clock (a demo), time moves on so SLA clocks tick and writes get fresh stamps.
 *
 * Tests that need time to pass on the site (an app clock and Jira's clock moving together, e.g. for
 * relative JQL such as `updated >= -15m`) move it explicitly with `set` / `advance`: a frozen clock
 * then stays frozen at the new instant, a running one keeps running from it. The anchor (what the
 * demo data was generated around) never moves.
 */
export interface SiteClock {
  /** The instant the demo data was generated around. */
  readonly anchorMs: number;
  now(): number;
}

/** A site clock that tests can move (see `Simulator.clock`). */
export interface MovableClock extends SiteClock {
  /** From now on, `now()` is `ms` (and, on a running clock, moves on from there). */
  set(ms: number): void;
  /** Move `now()` by `ms` (negative moves it back). */
  advance(ms: number): void;
}

export type ClockMode = 'frozen' | 'running';

export function siteClock(anchorMs: number, mode: ClockMode, wallClock: () => number = Date.now): MovableClock {
  // now() = base + (wall time since `since`, when running): set/advance move `base`.
  let base = anchorMs;
  let since = wallClock();
  const now = (): number => (mode === 'frozen' ? base : base + (wallClock() - since));
  const set = (ms: number): void => {
    if (!Number.isFinite(ms)) throw new Error(`The simulator clock cannot be set to ${ms}.`);
    base = ms;
    since = wallClock();
  };
  const advance = (ms: number): void => {
    if (!Number.isFinite(ms)) throw new Error(`The simulator clock cannot be moved by ${ms}.`);
    set(now() + ms);
  };
  return { anchorMs, now, set, advance };
}
