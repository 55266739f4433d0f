/**
 * The cost of interrupts on delivery (issue 14, item 3): across the retrospective history, did the
 * sprints where support took a large share of capacity complete fewer non-support story points?
 * Seed 001 asks to "measure the cost … in terms of fewer User Stories completed"; this is that
 * measure, said with its sample size and without claiming more than a few sprints can show.
 *
 * The split: sprints whose support share is above `thresholdPct` (default 25%) against the others.
 * A fixed threshold rather than the median because a team reads the sentence sprint after sprint:
 * with a median the line between "high" and "low" would move with every new sprint, and a team
 * whose share is always 10–15% would still be told half its sprints were "high support". 25% is
 * above the usual 20% allocation, so "high" means support took more than was reserved for it.
 *
 * Honesty rules (table- and property-tested):
 * - the sentence always names how many sprints it is about ("over 6 sprints…");
 * - a group of fewer than {@link MIN_GROUP} sprints gives a sentence, never a percentage;
 * - fewer than {@link CONFIDENT_SPRINTS} sprints in all, or fewer than {@link CONFIDENT_GROUP} in
 *   either group, adds "too few sprints to be sure";
 * - it states what happened together, never that support caused it;
 * - a team that completed no points in any sprint is told points are needed, not "0% fewer";
 * - no NaN or Infinity: a sprint without capacity (share 0 by definition, not a measurement) or
 *   with an unreadable number is left out and not counted in the sample.
 *
 * Carry-over (committed non-support points not completed) is not part of the comparison: the
 * history row does not keep what was committed per category, so it could not be said honestly.
 */
import type { HistoryRow } from './history';

export const DEFAULT_THRESHOLD_PCT = 25;
/** Fewest sprints a group needs for its average to be compared at all. */
export const MIN_GROUP = 2;
/** Sprints in all, and in each group, below which the sentence says it is too few to be sure. */
export const CONFIDENT_SPRINTS = 8;
export const CONFIDENT_GROUP = 3;

export type DeliveryCostRow = Pick<HistoryRow, 'sharePct' | 'velocityPoints'> & { readonly capacity?: number };

export interface DeliveryGroup {
  readonly count: number;
  /** Average completed non-support points, one decimal; null for an empty group. */
  readonly avgPoints: number | null;
}

export interface DeliveryCost {
  /** Sprints measured (rows with a capacity and readable numbers). */
  readonly sprints: number;
  readonly thresholdPct: number;
  readonly highShare: DeliveryGroup;
  readonly lowShare: DeliveryGroup;
  /**
   * How many percent fewer points the high-share sprints completed on average than the low-share
   * ones (negative: more), whole percent; null when the groups cannot be compared.
   */
  readonly differencePct: number | null;
  /** True when the sample is large enough not to say "too few sprints to be sure". */
  readonly confident: boolean;
  readonly sentence: string;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;
const sprintsWord = (n: number): string => `${n} sprint${n === 1 ? '' : 's'}`;
const pointsWord = (n: number): string => `${n} point${n === 1 ? '' : 's'}`;

function group(points: readonly number[]): DeliveryGroup {
  if (points.length === 0) return { count: 0, avgPoints: null };
  // Summed in ascending order, so the average never depends on the order of the rows (float sums do).
  const sum = [...points].sort((a, b) => a - b).reduce((a, b) => a + b, 0);
  return { count: points.length, avgPoints: oneDecimal(sum / points.length) };
}

function measured(row: DeliveryCostRow): boolean {
  if (row.capacity !== undefined && !(Number.isFinite(row.capacity) && row.capacity > 0)) return false;
  return Number.isFinite(row.sharePct) && Number.isFinite(row.velocityPoints) && row.velocityPoints >= 0;
}

/**
 * Compare delivery in high- and low-support sprints. `rows`: the history table (any order; the
 * comparison does not depend on it). `thresholdPct`: a share above it is "high" (0–100).
 */
export function deliveryCost(rows: readonly DeliveryCostRow[], thresholdPct = DEFAULT_THRESHOLD_PCT): DeliveryCost {
  if (!(thresholdPct >= 0 && thresholdPct <= 100)) throw new RangeError(`thresholdPct must be within 0–100, got ${thresholdPct}`);
  const used = rows.filter(measured);
  const high = used.filter((r) => r.sharePct > thresholdPct).map((r) => r.velocityPoints);
  const low = used.filter((r) => r.sharePct <= thresholdPct).map((r) => r.velocityPoints);
  const highShare = group(high);
  const lowShare = group(low);
  const n = used.length;
  const over = `Over ${sprintsWord(n)}`;
  const base = { sprints: n, thresholdPct, highShare, lowShare };
  const none = (sentence: string): DeliveryCost => ({ ...base, differencePct: null, confident: false, sentence });

  if (n === 0) return none('Over 0 sprints there is nothing to compare yet: the cost of support on delivery shows once sprints have closed.');
  if (used.every((r) => r.velocityPoints === 0)) {
    return none(`${over} no completed story points were recorded: estimate stories in points to see what support costs in delivery.`);
  }
  const above = `more than ${thresholdPct}% support`;
  const atMost = `${thresholdPct}% or less`;
  if (high.length < MIN_GROUP || low.length < MIN_GROUP) {
    return none(`${over}, ${high.length} had ${above} and ${low.length} had ${atMost}: too few in one group to compare what they completed.`);
  }
  const hi = highShare.avgPoints as number;
  const lo = lowShare.avgPoints as number;
  const confident = n >= CONFIDENT_SPRINTS && high.length >= CONFIDENT_GROUP && low.length >= CONFIDENT_GROUP;
  const caveat = confident ? 'a pattern across these sprints, not proof that support caused it.' : 'too few sprints to be sure.';
  const averages = `(${pointsWord(hi)} on average against ${lo})`;
  const them = `the ${high.length} with ${above}`;
  const others = `the ${low.length} with ${atMost}`;
  if (lo === 0) {
    // Nothing to take a percentage of: the low-support sprints completed no points at all.
    return { ...base, differencePct: null, confident, sentence: `${over}, ${them} completed ${pointsWord(hi)} on average and ${others} none; ${caveat}` };
  }
  const differencePct = Math.round(((lo - hi) / lo) * 100) + 0; // + 0: never a −0
  const compared =
    differencePct === 0
      ? `completed about as many points as ${others} ${averages}`
      : `completed ${Math.abs(differencePct)}% ${differencePct > 0 ? 'fewer' : 'more'} points than ${others} ${averages}`;
  return { ...base, differencePct, confident, sentence: `${over}, ${them} ${compared}; ${caveat}` };
}
