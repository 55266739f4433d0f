/**
 * Capacity of a sprint: what the support allocation is a share of.
 *
 * Two units, chosen per project:
 * - `hours`: team size × focus hours per day × working days of the sprint window;
 * - `points`: the story points committed at sprint start (the baseline snapshot), or, when no
 *   baseline was taken, the current sum of the sprint's story points.
 *
 * Invariants (property-tested): capacity is never negative and never NaN; in hours it never falls
 * when a day, a person or a focus hour is added. Amounts are rounded to hundredths, the precision
 * the whole allocation maths works in (see `allocation.ts`).
 */
import type { Severity } from './severity';
import type { Ticket } from './ticket';

export interface HoursModel {
  readonly kind: 'hours';
  /** People on the team; may be fractional for part-timers. */
  readonly teamSize: number;
  /** Hours per person per working day actually available for sprint work. */
  readonly focusHoursPerDay: number;
}

export interface PointsModel {
  readonly kind: 'points';
  /** What an unestimated support ticket counts, by severity, so it is not silently free. */
  readonly unestimatedPoints: Readonly<Record<Severity, number>>;
}

export type CapacityModel = HoursModel | PointsModel;
export type CapacityUnit = CapacityModel['kind'];

export const DEFAULT_HOURS_MODEL: HoursModel = { kind: 'hours', teamSize: 5, focusHoursPerDay: 6 };

/** Worse tickets are usually bigger; an unknown severity counts like a middling one. */
export const DEFAULT_UNESTIMATED_POINTS: Readonly<Record<Severity, number>> = {
  S1: 5,
  S2: 3,
  S3: 2,
  S4: 1,
  unknown: 3,
};

export const DEFAULT_POINTS_MODEL: PointsModel = { kind: 'points', unestimatedPoints: DEFAULT_UNESTIMATED_POINTS };

/**
 * Whole hundredths of a quantity (negative or unreadable counts 0); exact integers keep sums free
 * of floating-point drift. The product is cut to 15 significant digits first, so a value whose
 * binary form sits a hair under a half (1.005 × 100 = 100.49999999999999) rounds as written.
 */
export function toHundredths(value: number | undefined): number {
  return Math.round(Number((nonNegative(value) * 100).toPrecision(15)));
}

/** Round to two decimals (hundredths), never below zero. */
export function roundAmount(value: number): number {
  return toHundredths(value) / 100;
}

/** A configured or Jira-provided number we can count with: negative and non-finite values count 0. */
export function nonNegative(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Hours capacity: teamSize × focusHoursPerDay × workingDayCount, rounded to hundredths of an hour.
 * A negative or non-finite factor counts 0, so a mis-typed setting yields no capacity, not a
 * negative one.
 */
export function hoursCapacity(
  model: Pick<HoursModel, 'teamSize' | 'focusHoursPerDay'>,
  workingDayCount: number,
): number {
  const { teamSize, focusHoursPerDay } = model;
  return roundAmount(nonNegative(teamSize) * nonNegative(focusHoursPerDay) * nonNegative(workingDayCount));
}

/**
 * Points capacity: the baseline's committed points when a baseline snapshot exists (scope added
 * later must not inflate the budget it is measured against), else the current sum of the sprint
 * tickets' story points, where a ticket without points counts 0.
 */
export function pointsCapacity(
  baselineCommittedPoints: number | undefined,
  sprintTickets: readonly Pick<Ticket, 'storyPoints'>[],
): number {
  if (baselineCommittedPoints !== undefined) return roundAmount(baselineCommittedPoints);
  const hundredths = sprintTickets.reduce((sum, ticket) => sum + toHundredths(ticket.storyPoints), 0);
  return hundredths / 100;
}
