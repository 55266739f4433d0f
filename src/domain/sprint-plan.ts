/**
 * Planning the next sprint (issue 14, item 4; seed 004): the capacity left for sprint work once the
 * support allocation is reserved, and a suggested commitment in story points.
 *
 * Two methods:
 * - `velocity` (the default): each closed sprint's completed non-support points, scaled to the
 *   allocation planned for the next sprint, so a sprint that support ate into does not drag the
 *   suggestion down, nor one it spared push it up. The range is the 25th–75th percentile of the
 *   scaled sprints (one sprint: its own number), low rounded down and high up to whole points.
 *   - hours: the scaling goes through the team's own rate, points completed per hour left for
 *     sprint work (velocity ÷ (capacity × (1 − share))), times the hours left next sprint. That is
 *     the honest conversion between hours and points: it is measured, not assumed, and it also
 *     follows a shorter sprint (a holiday) or a smaller team. Rows measured in points are left out.
 *   - points: velocity × (100 − planned %) ÷ (100 − share %). A points capacity is what the team
 *     commits at the start, so before that it may be unknown (`capacity: null`); when it is known
 *     (the points planned in the sprint so far), the suggestion is capped at what is left of it for
 *     sprint work, and says so. Rows measured in hours are left out.
 * - `defect-count`, for teams that do not estimate defects (seed 004: "last sprint 60 points with 4
 *   defects planned; this sprint 2 → plan 65–70"): last sprint's completed points, plus, per defect
 *   fewer planned than last sprint, `pointsPerDefect` (minus per defect more). The default range,
 *   2.5–5 points a defect, is the seed's own example (2 defects fewer → 5–10 points more): half to
 *   one typical 5-point story, since "each defect is as big as any other".
 *
 * Invariants (table- and property-tested): never NaN or Infinity; low ≤ high, both ≥ 0; in points
 * with a known capacity the suggestion never exceeds the capacity left; without history (or
 * without any completed points) a sentence and no number; the capacity left is the capacity minus
 * the budget the allocation maths reserves (`budgetFor`), so it matches the sprint's budget card.
 */
import { budgetFor } from './budget-terms';
import { roundAmount } from './capacity';
import type { CapacityUnit, HistoryRow } from './history';
import { percentile } from './recommendation';

export const DEFAULT_POINTS_PER_DEFECT = { low: 2.5, high: 5 } as const;

export type PlanRow = Pick<HistoryRow, 'velocityPoints' | 'sharePct' | 'capacity' | 'unit'>;

export interface SprintPlanInput {
  readonly unit: CapacityUnit;
  /** The next sprint's capacity in `unit`; null when not known yet (points before the team commits). */
  readonly capacity: number | null;
  /** The allocation to reserve next sprint: the recommendation, or the current one without history. */
  readonly allocationPct: number;
  /** Closed sprints, oldest first (normally the dashboard's history table). */
  readonly history: readonly PlanRow[];
  /** Planned defects last sprint and this one: asks for the defect-count method. */
  readonly defects?: { readonly lastSprint: number; readonly thisSprint: number };
  readonly pointsPerDefect?: { readonly low: number; readonly high: number };
  /**
   * What `allocationPct` is: a buffer `reserved` for support (the default), or the share support is
   * `expected` to take, measured from history, with nothing reserved (budget mode "track"). The
   * maths is the same; only the sentence differs.
   */
  readonly support?: 'reserved' | 'expected';
}

export interface SprintPlan {
  /** Capacity minus the support reserve, in `unit`; null when the capacity is not known. */
  readonly capacityLeft: number | null;
  /** Story points to commit to, as a range; null when the history cannot suggest one. */
  readonly suggestedCommitment: { readonly low: number; readonly high: number } | null;
  readonly method: 'velocity' | 'defect-count';
  /** How many closed sprints the suggestion rests on. */
  readonly sprints: number;
  readonly sentence: string;
}

const finite = (n: number): boolean => Number.isFinite(n);
const sprintsWord = (n: number): string => `${n} sprint${n === 1 ? '' : 's'}`;
const amount = (n: number, unit: CapacityUnit): string => (unit === 'hours' ? `${n} h` : `${n} point${n === 1 ? '' : 's'}`);
const range = (r: { low: number; high: number }): string => (r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`);
/** Whole points: low down, high up (6 decimals first, so float noise never moves a whole number). */
const down = (n: number): number => Math.max(0, Math.floor(Number(n.toFixed(6))));
const up = (n: number): number => Math.max(0, Math.ceil(Number(n.toFixed(6))));

function clampPct(pct: number): number {
  return finite(pct) ? Math.min(100, Math.max(0, pct)) : 0;
}

/** What the allocation leaves for sprint work: capacity minus the budget the allocation maths reserves. */
export function capacityLeft(capacity: number, allocationPct: number): number {
  const cap = roundAmount(capacity);
  return roundAmount(cap - budgetFor(cap, allocationPct));
}

function capped(r: { low: number; high: number }, left: number | null): { low: number; high: number } {
  if (left === null) return r;
  const max = Math.floor(left);
  return { low: Math.min(r.low, max), high: Math.min(r.high, max) };
}

/** Each usable sprint's velocity as it would have been with the planned allocation (see the header). */
function scaledVelocities(input: SprintPlanInput, pct: number, left: number | null): number[] {
  const rows = input.history.filter(
    (r) => r.unit === input.unit && finite(r.capacity) && r.capacity > 0 && finite(r.sharePct) && r.sharePct >= 0 && r.sharePct < 100 && finite(r.velocityPoints) && r.velocityPoints >= 0,
  );
  if (input.unit === 'hours' && left !== null) {
    // A capacity too small to divide by (a subnormal) gives no finite rate: that sprint is left out.
    return rows.map((r) => (r.velocityPoints / (r.capacity * (1 - r.sharePct / 100))) * left).filter(finite);
  }
  return rows.map((r) => (r.velocityPoints * (100 - pct)) / (100 - r.sharePct)).filter(finite);
}

/** The next sprint's plan: capacity left for sprint work and a suggested commitment, with its sentence. */
export function sprintPlan(input: SprintPlanInput): SprintPlan {
  const pct = clampPct(input.allocationPct);
  const capacity = input.capacity !== null && finite(input.capacity) ? Math.max(0, input.capacity) : null;
  const left = capacity === null ? null : capacityLeft(capacity, pct);
  const expected = input.support === 'expected';
  const supportClause = expected ? `the ${pct}% of capacity support is expected to take (nothing is reserved)` : `reserving ${pct}% for support`;
  const leftClause = left === null ? '' : `${amount(left, input.unit)} left for sprint work after ${supportClause}`;
  // Only a points capacity bounds a commitment in points; hours are converted through the team's rate instead.
  const bound = input.unit === 'points' ? left : null;
  const cappedNote = (r: { low: number; high: number }, raw: { low: number; high: number }): string =>
    r.low !== raw.low || r.high !== raw.high ? `, capped at the ${bound} points left for sprint work in what is planned so far` : '';

  const lead = leftClause ? `${leftClause[0]?.toUpperCase()}${leftClause.slice(1)}. ` : '';
  if (input.defects) return defectCountPlan(input, input.defects, { left, lead, bound, cappedNote });

  const scaled = scaledVelocities(input, pct, left);
  const n = scaled.length;
  const base = { capacityLeft: left, method: 'velocity' as const, sprints: n };
  if (n === 0) {
    return { ...base, suggestedCommitment: null, sentence: `${lead}No closed sprint measured in ${input.unit} yet (0 sprints): the suggested commitment follows from the velocity of the first sprints.` };
  }
  if (scaled.every((v) => v === 0)) {
    return { ...base, suggestedCommitment: null, sentence: `${lead}No completed story points in the last ${sprintsWord(n)}: a commitment in points needs estimated stories.` };
  }
  const raw = { low: down(percentile(scaled, 25)), high: up(percentile(scaled, 75)) };
  const suggestion = capped(raw, bound);
  const from =
    input.unit === 'hours' && left !== null
      ? `the points the team completed per hour left for sprint work over the last ${sprintsWord(n)}`
      : `the last ${sprintsWord(n)}' velocity, scaled to ${expected ? `the ${pct}% support is expected to take` : `a ${pct}% support reserve`}`;
  return { ...base, suggestedCommitment: suggestion, sentence: `${lead}From ${from}: commit to about ${range(suggestion)} points${cappedNote(suggestion, raw)}.` };
}

/** What `sprintPlan` already worked out, for the defect-count method's sentence and cap. */
interface PlanFrame {
  readonly left: number | null;
  /** The capacity-left sentence, with its full stop and a space, or ''. */
  readonly lead: string;
  readonly bound: number | null;
  readonly cappedNote: (r: { low: number; high: number }, raw: { low: number; high: number }) => string;
}

function defectCountPlan(input: SprintPlanInput, defectsPlanned: NonNullable<SprintPlanInput['defects']>, { left, lead, bound, cappedNote }: PlanFrame): SprintPlan {
  const last = [...input.history].reverse().find((r) => finite(r.velocityPoints) && r.velocityPoints >= 0);
  const base = { capacityLeft: left, method: 'defect-count' as const, sprints: last ? 1 : 0 };
  const count = (n: number): number => (finite(n) ? Math.max(0, Math.round(n)) : 0);
  const lastDefects = count(defectsPlanned.lastSprint);
  const thisDefects = count(defectsPlanned.thisSprint);
  if (!last) return { ...base, suggestedCommitment: null, sentence: `${lead}No closed sprint yet (0 sprints): the defect-count method starts from last sprint's completed points.` };
  if (last.velocityPoints === 0) return { ...base, suggestedCommitment: null, sentence: `${lead}Last sprint completed no story points: the defect-count method needs estimated stories.` };
  const per = perDefect(input.pointsPerDefect);
  const fewer = lastDefects - thisDefects;
  const a = last.velocityPoints + fewer * per.low;
  const b = last.velocityPoints + fewer * per.high;
  const raw = { low: down(Math.min(a, b)), high: up(Math.max(a, b)) };
  const suggestion = capped(raw, bound);
  const defects = (n: number): string => `${n} defect${n === 1 ? '' : 's'}`;
  return {
    ...base,
    suggestedCommitment: suggestion,
    sentence:
      `${lead}Last sprint the team completed ${last.velocityPoints} points with ${defects(lastDefects)} planned; this sprint has ${thisDefects}: ` +
      `plan about ${range(suggestion)} points (a defect counted as ${per.low}–${per.high} points)${cappedNote(suggestion, raw)}.`,
  };
}

function perDefect(given: SprintPlanInput['pointsPerDefect']): { low: number; high: number } {
  if (!given || !finite(given.low) || !finite(given.high) || given.low < 0 || given.high < given.low) return DEFAULT_POINTS_PER_DEFECT;
  return given;
}
