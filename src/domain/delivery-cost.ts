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
 * Carry-over (non-support points not done when the sprint closed) is compared the same way, in
 * `carryOver` (carry-over.ts), over the rows that recorded it.
 */
import { carryOverCost, type CarryOverCost } from './carry-over';
import {
  caveatOf,
  checkThreshold,
  DEFAULT_THRESHOLD_PCT,
  group,
  isConfident,
  measured,
  MIN_GROUP,
  pointsWord,
  split,
  sprintsWord,
  type DeliveryCostRow,
  type DeliveryGroup,
} from './delivery-groups';

export { CONFIDENT_GROUP, CONFIDENT_SPRINTS, DEFAULT_THRESHOLD_PCT, MIN_GROUP, type DeliveryCostRow, type DeliveryGroup } from './delivery-groups';
export type { CarryOverCost } from './carry-over';

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
  /** The same split compared on carry-over (carry-over.ts). */
  readonly carryOver: CarryOverCost;
}

/**
 * Compare delivery in high- and low-support sprints. `rows`: the history table (any order; the
 * comparison does not depend on it). `thresholdPct`: a share above it is "high" (0–100).
 */
export function deliveryCost(rows: readonly DeliveryCostRow[], thresholdPct = DEFAULT_THRESHOLD_PCT): DeliveryCost {
  checkThreshold(thresholdPct);
  const used = rows.filter(measured);
  const { high, low } = split(used, thresholdPct, (r) => r.velocityPoints);
  const highShare = group(high);
  const lowShare = group(low);
  const n = used.length;
  const over = `Over ${sprintsWord(n)}`;
  const base = { sprints: n, thresholdPct, highShare, lowShare, carryOver: carryOverCost(rows, thresholdPct) };
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
  const confident = isConfident(n, high.length, low.length);
  const caveat = caveatOf(confident);
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
