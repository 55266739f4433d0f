/**
 * SLA state of a ticket, from its Jira Service Management SLA clocks.
 *
 * A ticket can carry several SLA fields ("Time to first response", "Time to resolution"…). Each is a
 * clock with completed cycles and at most one ongoing cycle. The ticket's state is the most urgent
 * state over all its clocks: breached > at-risk > ok > paused > none.
 */
export const SLA_STATES = ['breached', 'at-risk', 'ok', 'paused', 'none'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Four hours: the default "remaining time" below which a running SLA counts as at risk. */
export const DEFAULT_AT_RISK_THRESHOLD_MS = 4 * 60 * 60 * 1000;

export interface SlaCycle {
  readonly breached: boolean;
  /** Remaining time when Jira computed the value; negative once breached. Absent in some OLD-format values. */
  readonly remainingMs?: number;
  /** When the goal is (or was) breached, epoch ms. Lets us age a stale reading: remaining = breachAt − now. */
  readonly breachAtMs?: number;
}

export interface OngoingSlaCycle extends SlaCycle {
  readonly paused: boolean;
}

/** One SLA field of a ticket (one metric). */
export interface SlaClock {
  readonly name: string;
  readonly completedCycles: readonly SlaCycle[];
  readonly ongoingCycle?: OngoingSlaCycle;
}

export interface SlaAssessment {
  readonly state: SlaState;
  /** The clock that decided the state, when there is one. */
  readonly clockName?: string;
  /** Remaining time of the deciding running clock, at `now`. */
  readonly remainingMs?: number;
}

export interface SlaOptions {
  /** The instant to judge at, epoch ms. */
  readonly nowMs: number;
  readonly atRiskThresholdMs?: number;
}

const RANK: Record<SlaState, number> = { breached: 4, 'at-risk': 3, ok: 2, paused: 1, none: 0 };

/** Remaining time of a running cycle at `nowMs`: prefer the breach instant, which does not go stale. */
function remainingAt(cycle: OngoingSlaCycle, nowMs: number): number | undefined {
  if (cycle.breachAtMs !== undefined) return cycle.breachAtMs - nowMs;
  return cycle.remainingMs;
}

/** State of one clock. A paused cycle is never at risk (its breach time moves while it waits). */
export function assessClock(clock: SlaClock, options: SlaOptions): SlaAssessment {
  const threshold = options.atRiskThresholdMs ?? DEFAULT_AT_RISK_THRESHOLD_MS;
  const ongoing = clock.ongoingCycle;
  if (ongoing?.breached || clock.completedCycles.some((c) => c.breached)) {
    return { state: 'breached', clockName: clock.name };
  }
  if (ongoing) {
    if (ongoing.paused) return { state: 'paused', clockName: clock.name };
    const remaining = remainingAt(ongoing, options.nowMs);
    if (remaining !== undefined && remaining <= 0) {
      return { state: 'breached', clockName: clock.name, remainingMs: remaining };
    }
    if (remaining !== undefined && remaining < threshold) {
      return { state: 'at-risk', clockName: clock.name, remainingMs: remaining };
    }
    return remaining === undefined
      ? { state: 'ok', clockName: clock.name }
      : { state: 'ok', clockName: clock.name, remainingMs: remaining };
  }
  if (clock.completedCycles.length > 0) return { state: 'ok', clockName: clock.name };
  return { state: 'none' };
}

/**
 * The ticket's SLA state: the most urgent over all clocks. Among running clocks of the same state the
 * one with the least time left decides, so the reason names the clock that matters most.
 */
export function assessSla(clocks: readonly SlaClock[], options: SlaOptions): SlaAssessment {
  let worst: SlaAssessment = { state: 'none' };
  for (const clock of clocks) {
    const current = assessClock(clock, options);
    const rankDiff = RANK[current.state] - RANK[worst.state];
    const sooner =
      rankDiff === 0 &&
      current.remainingMs !== undefined &&
      (worst.remainingMs === undefined || current.remainingMs < worst.remainingMs);
    if (rankDiff > 0 || sooner) worst = current;
  }
  return worst;
}
