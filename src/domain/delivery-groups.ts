/**
 * What the delivery-cost comparisons share (delivery-cost.ts, carry-over.ts): which history rows
 * are a measurement, how they split into high- and low-support sprints, a group's average, and the
 * words their sentences use. One place, so both comparisons split the same sprints the same way.
 */
import type { HistoryRow } from './history';

export const DEFAULT_THRESHOLD_PCT = 25;
/** Fewest sprints a group needs for its average to be compared at all. */
export const MIN_GROUP = 2;
/** Sprints in all, and in each group, below which the sentence says it is too few to be sure. */
export const CONFIDENT_SPRINTS = 8;
export const CONFIDENT_GROUP = 3;

export type DeliveryCostRow = Pick<HistoryRow, 'sharePct' | 'velocityPoints'> & { readonly capacity?: number; readonly carriedOverPoints?: number };

export interface DeliveryGroup {
  readonly count: number;
  /** Average points of the group's sprints, one decimal; null for an empty group. */
  readonly avgPoints: number | null;
}

export const oneDecimal = (n: number): number => Math.round(n * 10) / 10;
export const sprintsWord = (n: number): string => `${n} sprint${n === 1 ? '' : 's'}`;
export const pointsWord = (n: number): string => `${n} point${n === 1 ? '' : 's'}`;

export function group(points: readonly number[]): DeliveryGroup {
  if (points.length === 0) return { count: 0, avgPoints: null };
  // Summed in ascending order, so the average never depends on the order of the rows (float sums do).
  const sum = [...points].sort((a, b) => a - b).reduce((a, b) => a + b, 0);
  return { count: points.length, avgPoints: oneDecimal(sum / points.length) };
}

/**
 * A row is a measurement when it has a capacity (share 0 by definition is not one) and readable
 * share and completed points: anything else is left out and not counted in the sample.
 */
export function measured(row: DeliveryCostRow): boolean {
  if (row.capacity !== undefined && !(Number.isFinite(row.capacity) && row.capacity > 0)) return false;
  return Number.isFinite(row.sharePct) && Number.isFinite(row.velocityPoints) && row.velocityPoints >= 0;
}

/** `pick`'s number of each row, split at the threshold: a share above it is "high". */
export function split(rows: readonly DeliveryCostRow[], thresholdPct: number, pick: (r: DeliveryCostRow) => number): { high: number[]; low: number[] } {
  return {
    high: rows.filter((r) => r.sharePct > thresholdPct).map(pick),
    low: rows.filter((r) => r.sharePct <= thresholdPct).map(pick),
  };
}

/** True when neither the whole sample nor either group is too small to be sure. */
export const isConfident = (n: number, high: number, low: number): boolean => n >= CONFIDENT_SPRINTS && high >= CONFIDENT_GROUP && low >= CONFIDENT_GROUP;

export const caveatOf = (confident: boolean): string => (confident ? 'a pattern across these sprints, not proof that support caused it.' : 'too few sprints to be sure.');

export function checkThreshold(thresholdPct: number): void {
  if (!(thresholdPct >= 0 && thresholdPct <= 100)) throw new RangeError(`thresholdPct must be within 0–100, got ${thresholdPct}`);
}
