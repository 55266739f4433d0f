/**
 * The Next sprint block in budget mode "track" (issue 14, item 5: no buffer): nothing is reserved,
 * so there is no allocation to recommend or adopt. Instead the block says what support is expected
 * to take — the share of capacity it took in a typical closed sprint, the median over the history
 * rows with a capacity (recommendation.ts `basis.medianPct`), whole percent, as the rest of track
 * mode shows support as a share of capacity — and the suggested commitment leaves room for that
 * measured share (sprint-plan.ts with `support: 'expected'`). The median, not the 75th percentile
 * the reserve is sized to: a team that reserves nothing plans for its typical sprint and sees the
 * cost when support takes more.
 */
import type { NextSprintView } from '../../contract/planning';
import type { RecommendationBasis } from '../../domain/recommendation';
import { capacityLeft } from '../../domain/sprint-plan';
import type { CapacityUnit } from '../../domain/history';

/** Said when a track-mode project is offered, or asks to adopt, an allocation. */
export const TRACK_NO_ADOPTION = (projectKey: string): string =>
  `Project ${projectKey} tracks support without a buffer (budget mode "track"): nothing is reserved, so there is no allocation to adopt. To reserve one, switch the budget mode to "reserve" on the settings page.`;

const inUnit = (n: number, unit: CapacityUnit): string => (unit === 'hours' ? `${n} h` : `${n} point${n === 1 ? '' : 's'}`);

/** What support is expected to take next sprint, measured from history; the share is 0 (none measured) without history. */
export function expectedSupport(basis: RecommendationBasis | null, capacity: number | null, unit: CapacityUnit): NonNullable<NextSprintView['expectedSupport']> {
  if (!basis) {
    return { pct: 0, amount: null, sprints: 0, sentence: 'Nothing is reserved for support, and no closed sprint has measured what support takes yet (0 sprints): the suggestion assumes none.' };
  }
  const pct = Math.round(basis.medianPct);
  const amount = capacity === null ? null : Math.round((capacity - capacityLeft(capacity, pct)) * 100) / 100;
  const span = basis.sprints === 1 ? 'in the last sprint' : `in a typical sprint of the last ${basis.sprints} (median; ${Math.round(basis.minPct)}–${Math.round(basis.maxPct)}%)`;
  const of = amount === null || capacity === null ? '' : `: about ${inUnit(amount, unit)} of the ${inUnit(capacity, unit)}`;
  return { pct, amount, sprints: basis.sprints, sentence: `Nothing is reserved for support. It took ${pct}% of capacity ${span}, so expect about the same${of}.` };
}
