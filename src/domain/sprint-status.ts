/**
 * Sprint status: is the support allocation still safe?
 * - `over`: more is used than budgeted; the product owner must decide how to absorb the overflow;
 * - `at-risk`: not over yet, but at the current pace the sprint ends at or above the budget;
 * - `ok`: otherwise.
 *
 * The forecast is a straight line: what was used in the elapsed working days, stretched over all of
 * them. Invariants (property-tested): forecast ≥ used; `over` exactly when used > budget.
 */
import type { Allocation } from './allocation';
import { elapsedWorkingDays, workingDays, type SprintWindow, type WorkCalendar } from './calendar';

export const SPRINT_STATUSES = ['ok', 'at-risk', 'over'] as const;
export type SprintStatus = (typeof SPRINT_STATUSES)[number];

/**
 * Linear projection of `used` to the end of the sprint: used × totalDays / elapsedDays.
 * Before any working day has elapsed there is no pace to project, and once all have elapsed
 * nothing is left to project, so both return `used` exactly as it is (not `used × n / n`, which
 * floating point may round off: 0.1 × 3 / 3 is 0.10000000000000002). Otherwise totalDays >
 * elapsedDays, so the projection is above `used` (for used ≥ 0).
 */
export function forecastUsed(used: number, elapsedDays: number, totalDays: number): number {
  if (!(elapsedDays > 0) || elapsedDays >= totalDays) return used;
  return (used * totalDays) / elapsedDays;
}

export interface StatusFigures {
  readonly used: number;
  readonly budget: number;
  readonly forecast: number;
}

/**
 * `over` if used > budget; `at-risk` if the forecast reaches the budget (and is above zero, so an
 * idle sprint with a zero budget is not flagged); else `ok`.
 */
export function sprintStatus({ used, budget, forecast }: StatusFigures): SprintStatus {
  if (used > budget) return 'over';
  if (forecast >= budget && forecast > 0) return 'at-risk';
  return 'ok';
}

export interface SprintAssessment {
  readonly status: SprintStatus;
  /** Projected used at the end of the sprint, in the allocation's unit. */
  readonly forecast: number;
  readonly elapsedDays: number;
  readonly totalDays: number;
}

/** Forecast and status of an allocation at `nowMs`, counting working days of the sprint window. */
export function assessSprint(
  allocation: Pick<Allocation, 'used' | 'budget'>,
  window: SprintWindow,
  calendar: WorkCalendar,
  nowMs: number,
): SprintAssessment {
  const totalDays = workingDays(window, calendar).length;
  const elapsedDays = elapsedWorkingDays(window, calendar, nowMs);
  const used = allocation.used.total;
  const forecast = forecastUsed(used, elapsedDays, totalDays);
  return { status: sprintStatus({ used, budget: allocation.budget, forecast }), forecast, elapsedDays, totalDays };
}
