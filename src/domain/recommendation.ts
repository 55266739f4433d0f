/**
 * Recommendation: the support allocation to reserve next sprint, from the retrospective history.
 *
 * The rule is the 75th percentile of the support share over the history rows, rounded to the
 * nearest 5% (half up: 22.5 → 25) and clamped to 0–100. The 75th percentile rather than the mean
 * or the median because an allocation sized to the typical sprint is blown every other sprint;
 * sized to p75 it holds in about three sprints out of four without hoarding capacity for the worst
 * one. Rounding to 5% keeps the number one a team can discuss ("25%"), not a false precision.
 *
 * Invariants (property-tested): the recommendation is a multiple of 5 within 0–100, and lies
 * between the smallest and the largest share, each rounded to 5 (and clamped).
 */
import type { HistoryRow } from './history';

/**
 * The p-th percentile (p in 0–100) with linear interpolation between closest ranks: numpy's
 * default (`method='linear'`), Excel's PERCENTILE.INC. Rank h = (n − 1) × p / 100; the value is
 * sorted[⌊h⌋] + (h − ⌊h⌋) × (sorted[⌈h⌉] − sorted[⌊h⌋]).
 *
 * Monotone non-decreasing in p and always within [min, max] — the interpolated value is clamped to
 * its two neighbours so floating-point rounding can never step outside them.
 *
 * @throws RangeError when `values` is empty or holds a non-finite number, or p is outside 0–100:
 *   there is no honest percentile of nothing, and a NaN share is a bug upstream, not a data point.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be within 0–100, got ${p}`);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('percentile values must be finite numbers');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  if (lo === hi) return low;
  return Math.min(high, Math.max(low, low + (rank - lo) * (high - low)));
}

/** Nearest multiple of 5, half up, clamped to 0–100. */
export function roundToFivePct(pct: number): number {
  // Fix to 6 decimals first so 22.4999999999 (interpolation noise for 22.5) still rounds up.
  const rounded = Math.round(Number(pct.toFixed(6)) / 5) * 5;
  return Math.min(100, Math.max(0, rounded));
}

export interface RecommendationBasis {
  readonly sprints: number;
  readonly minPct: number;
  readonly maxPct: number;
  readonly medianPct: number;
  /** The unrounded 75th percentile the recommendation was rounded from. */
  readonly p75Pct: number;
}

export interface Recommendation {
  /** Allocation to reserve, a multiple of 5 within 0–100; null when there is no history yet. */
  readonly pct: number | null;
  readonly explanation: string;
  readonly basis: RecommendationBasis | null;
}

export interface RecommendationInput {
  /** The history to learn from — normally `historyTable(rows)`, the last N closed sprints. */
  /**
   * A row whose `capacity` is given and is not positive is left out: its share is 0 by definition
   * (see `ratioPct`), not a measurement, and would pull the recommendation towards "reserve 0%".
   */
  readonly rows: readonly (Pick<HistoryRow, 'sharePct'> & { readonly capacity?: number })[];
  /** The allocation in force now, to say whether the recommendation raises or lowers it. */
  readonly currentAllocationPct?: number;
}

export const NO_HISTORY_EXPLANATION =
  'No closed sprints yet: keep the current allocation until a sprint has been completed.';

/** Whole percents in sentences: shares are one decimal, but "24%" is what people say. */
const whole = (pct: number): number => Math.round(pct);

function changeClause(pct: number, current: number | undefined): string {
  if (current === undefined || !Number.isFinite(current) || current === pct) return '';
  return `, ${pct > current ? 'up' : 'down'} from ${whole(current)}%`;
}

/**
 * Recommend the next sprint's allocation, with the sentence that explains it:
 * - several sprints: "Support took 18–31% of capacity over the last 6 sprints, median 24%: reserve 25%."
 * - one sprint: "Support took 22% of capacity over the last sprint: reserve 20%."
 * - all shares equal: "Support took 20% of capacity in each of the last 3 sprints: reserve 20%."
 *   (When the shares differ but round to the same whole percent, the sentence says "about 20%",
 *   so it never claims an equality the data does not have.)
 * - a current allocation that differs adds ", up from 20%" / ", down from 30%" before the full stop.
 */
export function recommendAllocation(input: RecommendationInput): Recommendation {
  const shares = input.rows.filter((r) => r.capacity === undefined || (Number.isFinite(r.capacity) && r.capacity > 0)).map((r) => r.sharePct);
  if (shares.length === 0) return { pct: null, explanation: NO_HISTORY_EXPLANATION, basis: null };

  const basis: RecommendationBasis = {
    sprints: shares.length,
    minPct: Math.min(...shares),
    maxPct: Math.max(...shares),
    medianPct: percentile(shares, 50),
    p75Pct: percentile(shares, 75),
  };
  const pct = roundToFivePct(basis.p75Pct);
  const reserve = `reserve ${pct}%${changeClause(pct, input.currentAllocationPct)}.`;

  let took: string;
  if (basis.sprints === 1) {
    took = `Support took ${whole(basis.minPct)}% of capacity over the last sprint`;
  } else if (whole(basis.minPct) === whole(basis.maxPct)) {
    const about = basis.minPct === basis.maxPct ? '' : 'about ';
    took = `Support took ${about}${whole(basis.minPct)}% of capacity in each of the last ${basis.sprints} sprints`;
  } else {
    took =
      `Support took ${whole(basis.minPct)}–${whole(basis.maxPct)}% of capacity over the last ` +
      `${basis.sprints} sprints, median ${whole(basis.medianPct)}%`;
  }
  return { pct, explanation: `${took}: ${reserve}`, basis };
}
