/**
 * Carry-over against support share (issue 14, item 3): did the sprints where support took more than
 * `thresholdPct` of capacity leave more non-support points unfinished at their close? Carry-over is
 * the story points of non-support issues still in the sprint and not done when it closed (the
 * history row's `carriedOverPoints`, see history.ts).
 *
 * The same split and honesty rules as the completed-points comparison (delivery-cost.ts), plus:
 * - only rows that recorded their carry-over are compared — rows stored before it was kept have
 *   none — and the sentence says how many of the sprints it rests on ("over 4 of the 6 sprints");
 * - the difference is said in points (averages and their gap), not a percentage: a carry-over of 0
 *   in the low-support sprints is normal, and "∞% more" or "300% more" from 1 point would overclaim.
 */
import {
  caveatOf,
  checkThreshold,
  DEFAULT_THRESHOLD_PCT,
  group,
  isConfident,
  measured,
  MIN_GROUP,
  oneDecimal,
  pointsWord,
  split,
  sprintsWord,
  type DeliveryCostRow,
  type DeliveryGroup,
} from './delivery-groups';

export interface CarryOverCost {
  /** Sprints compared: measured rows that recorded their carry-over. */
  readonly sprints: number;
  /** Measured rows in all, with or without carry-over: `sprints` of `of` are compared. */
  readonly of: number;
  readonly highShare: DeliveryGroup;
  readonly lowShare: DeliveryGroup;
  /** Average carry-over of the high-share sprints minus the low-share ones', one decimal; null when they cannot be compared. */
  readonly differencePoints: number | null;
  readonly confident: boolean;
  readonly sentence: string;
}

const recorded = (r: DeliveryCostRow): boolean => r.carriedOverPoints !== undefined && Number.isFinite(r.carriedOverPoints) && r.carriedOverPoints >= 0;

/** Compare the carry-over of high- and low-support sprints; `rows` in any order. */
export function carryOverCost(rows: readonly DeliveryCostRow[], thresholdPct = DEFAULT_THRESHOLD_PCT): CarryOverCost {
  checkThreshold(thresholdPct);
  const all = rows.filter(measured);
  const used = all.filter(recorded);
  const { high, low } = split(used, thresholdPct, (r) => r.carriedOverPoints as number);
  const n = used.length;
  const base = { sprints: n, of: all.length, highShare: group(high), lowShare: group(low) };
  const none = (sentence: string): CarryOverCost => ({ ...base, differencePoints: null, confident: false, sentence });

  if (all.length === 0) return none('Over 0 sprints there is no carry-over to compare yet: it shows once sprints have closed.');
  if (n === 0) {
    return none(`Carry-over was not recorded for these ${sprintsWord(all.length)} (they were stored before it was kept): it shows for sprints that close from now on.`);
  }
  const over = n === all.length ? `Over ${sprintsWord(n)}` : `Over ${n} of the ${sprintsWord(all.length)} (the others were stored before carry-over was kept)`;
  if (used.every((r) => r.carriedOverPoints === 0)) return none(`${over} no non-support story points were carried over.`);
  const above = `more than ${thresholdPct}% support`;
  const atMost = `${thresholdPct}% or less`;
  if (high.length < MIN_GROUP || low.length < MIN_GROUP) {
    return none(`${over}, ${high.length} had ${above} and ${low.length} had ${atMost}: too few in one group to compare carry-over.`);
  }
  const hi = base.highShare.avgPoints as number;
  const lo = base.lowShare.avgPoints as number;
  const confident = isConfident(n, high.length, low.length);
  const differencePoints = oneDecimal(hi - lo) + 0; // + 0: never a −0
  const averages = `(${pointsWord(hi)} on average against ${lo})`;
  const them = `the ${high.length} with ${above}`;
  const others = `the ${low.length} with ${atMost}`;
  const compared =
    differencePoints === 0
      ? `carried over about as many non-support points as ${others} ${averages}`
      : `carried over ${pointsWord(Math.abs(differencePoints))} ${differencePoints > 0 ? 'more' : 'fewer'} of non-support work than ${others} ${averages}`;
  return { ...base, differencePoints, confident, sentence: `${over}, ${them} ${compared}; ${caveatOf(confident)}` };
}
