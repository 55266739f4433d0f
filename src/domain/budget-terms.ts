/**
 * Budget terms: the allocation % and capacity model in force from a moment on, and the budget of a
 * sprint whose terms change while it runs.
 *
 * An admin may change the allocation or the capacity model (team size, focus hours) mid-sprint. The
 * new terms apply from that day on; the days before keep the terms they had, so the budget line
 * steps on the day of the change instead of the whole sprint being rewritten.
 *
 * Which terms a working day gets (local date `d` in the sprint's calendar zone):
 * - the terms are first narrowed to the window with {@link termsInWindow} (a change at or after the
 *   window end never counts; of the changes before the start only the last one does);
 * - the day gets the latest entry whose `localDate(fromMs)` ≤ `d`, so a change saved during
 *   Wednesday applies to all of Wednesday; a day before every entry gets the earliest entry (the
 *   first terms known stand for the time before them);
 * - the unit is the basis model's (`AllocationInput.model`): an entry whose model is of the other
 *   kind is ignored for the days it would govern, which get the basis model and pct instead;
 * - no entry at all (or only entries with an unreadable `fromMs`): every day gets the basis terms.
 *
 * Consecutive days whose terms give the same numbers form one *step* (a run of days):
 * - hours: a step's capacity is `hoursCapacity(model, dayCount)` under its terms; the sprint's is
 *   the sum of its steps';
 * - points: the capacity is the sprint's points capacity (committed points, which has no time in
 *   it), spread evenly over the working days; a step carries its days' share, cut at cumulative
 *   day boundaries in whole hundredths so the shares add up exactly to the capacity;
 * - a step's budget is `budgetFor(step capacity, step pct)`; the sprint's budget is the sum of the
 *   steps' budgets. Every amount is a whole number of hundredths and all sums are integer sums,
 *   so nothing drifts (as in `allocation.ts`).
 * - the budget *line* on a day of step k is the budget as it stood that day: the budgets of the
 *   steps before k plus what step k's terms would give from its first day to the end of the window
 *   (as if they stayed in force). It is flat within a step, starts at the first terms' full-sprint
 *   budget and ends exactly at the sprint's budget.
 *
 * A window with no working day has one step of no days under the terms in force at its start:
 * 0 h, or the whole points capacity at that step's pct.
 *
 * Invariants (property-tested): capacity, budget and every line value are whole hundredths ≥ 0;
 * budget ≤ capacity; the steps and the line cover every working day once, in order; terms that
 * all equal the basis give exactly the basis' numbers; the line is flat between change days and
 * ends at the budget; a change at or after the window end changes nothing; the latest change
 * before the start governs the whole sprint.
 *
 * Rounding: each step's capacity (hours) and budget is rounded once, to hundredths, so splitting
 * days into two steps may move the total by a hundredth against one step over the same days.
 * Raising the pct by at least a point over days that carry at least one unit each outweighs that:
 * it never lowers the budget (property-tested with whole pcts and ≥ 1 h or 2 points a day). An
 * entry earlier than every other is no raise of the days before it, though: it replaces the
 * earliest entry as their stand-in.
 */
import { localDate, type SprintWindow } from './calendar';
import { hoursCapacity, nonNegative, roundAmount, toHundredths, type CapacityModel } from './capacity';

/** The budget's terms from a moment on: the allocation and capacity model in force from `fromMs`. */
export interface BudgetTerms {
  readonly fromMs: number;
  readonly allocationPct: number;
  readonly model: CapacityModel;
}

/** capacity × pct / 100, with pct clamped into 0–100 (NaN counts 0), rounded to hundredths. */
export function budgetFor(capacity: number, allocationPct: number): number {
  return roundAmount((capacity * clampPct(allocationPct)) / 100);
}

function clampPct(allocationPct: number): number {
  return Math.min(100, nonNegative(allocationPct));
}

/**
 * The terms that matter to a window, from every saved revision: the entry in force at the window
 * start (the latest with `fromMs` ≤ `startMs`, else the earliest of all, which stands for the time
 * before it), followed by the entries with `startMs` < `fromMs` < `endMs`, ascending by `fromMs`.
 * Of entries at the same instant, the one later in `all` wins (the later save). Entries with a
 * non-finite `fromMs` are dropped. Empty exactly when no entry has a finite `fromMs`.
 */
export function termsInWindow(all: readonly BudgetTerms[], window: SprintWindow): BudgetTerms[] {
  // Array#sort is stable, so entries at the same instant stay in their order in `all`.
  const sorted = all.filter((terms) => Number.isFinite(terms.fromMs)).sort((a, b) => a.fromMs - b.fromMs);
  const unique = sorted.filter((terms, index) => sorted[index + 1]?.fromMs !== terms.fromMs);
  let atStart = unique[0];
  if (!atStart) return [];
  for (const terms of unique) if (terms.fromMs <= window.startMs) atStart = terms;
  const start = atStart;
  return [start, ...unique.filter((terms) => terms.fromMs > start.fromMs && terms.fromMs < window.endMs)];
}

/** What the stepped budget is computed from. */
export interface BudgetBasis {
  /** The window's working days, ascending local dates, as `workingDays(window, calendar)` gives them. */
  readonly days: readonly string[];
  readonly window: SprintWindow;
  /** The calendar's IANA zone: the zone the days are local dates of. */
  readonly timeZone: string;
  /** The unit, and the terms of any day no usable entry governs. */
  readonly model: CapacityModel;
  readonly allocationPct: number;
  /** Every known revision of the terms; absent or empty: the basis terms throughout. */
  readonly terms?: readonly BudgetTerms[];
  /** The sprint's points capacity; read only when `model.kind` is 'points'. */
  readonly pointsCapacity: number;
}

/** A run of consecutive working days under the same terms. */
export interface BudgetStep {
  /** Index, in `BudgetBasis.days`, of the step's first day. */
  readonly firstDay: number;
  readonly dayCount: number;
  readonly allocationPct: number;
  readonly model: CapacityModel;
  /** The capacity the step's days carry. */
  readonly capacity: number;
  /** budgetFor(capacity, allocationPct). */
  readonly budget: number;
  /** The budget as it stood on the step's days (see the module comment). */
  readonly line: number;
}

/** One point of the budget line. */
export interface DayBudget {
  /** A working day, 'yyyy-MM-dd'. */
  readonly date: string;
  /** The budget as it stood that day: its step's `line`. */
  readonly budget: number;
}

export interface SteppedBudget {
  readonly capacity: number;
  readonly budget: number;
  /** In day order, covering every working day once; one step of no days when there is none. */
  readonly steps: readonly BudgetStep[];
  /** The budget line: one point per working day, in the order of `BudgetBasis.days`. */
  readonly line: readonly DayBudget[];
}

type Terms = Pick<BudgetTerms, 'allocationPct' | 'model'>;

/** Do two terms give the same numbers? Compared as the maths reads them (clamped, NaN as 0). */
function sameNumbers(a: Terms, b: Terms): boolean {
  if (clampPct(a.allocationPct) !== clampPct(b.allocationPct)) return false;
  if (a.model.kind === 'points' || b.model.kind === 'points') return a.model.kind === b.model.kind;
  return (
    nonNegative(a.model.teamSize) === nonNegative(b.model.teamSize) &&
    nonNegative(a.model.focusHoursPerDay) === nonNegative(b.model.focusHoursPerDay)
  );
}

/** The terms of each working day (rules in the module comment). */
function termsOfDays(basis: BudgetBasis): Terms[] {
  const fallback: Terms = { allocationPct: basis.allocationPct, model: basis.model };
  const usable = (terms: Terms | undefined): Terms =>
    terms && terms.model.kind === basis.model.kind ? terms : fallback;
  const entries = termsInWindow(basis.terms ?? [], basis.window).map((terms) => ({
    terms,
    date: localDate(terms.fromMs, basis.timeZone),
  }));
  const inForceOn = (day: string): Terms | undefined => {
    let inForce = entries[0]; // the earliest stands for the days before every entry
    for (const entry of entries) if (entry.date <= day) inForce = entry; // ascending: the latest wins
    return inForce?.terms;
  };
  const ofDays = basis.days.map((day) => usable(inForceOn(day)));
  return ofDays.length > 0 ? ofDays : [usable(entries[0]?.terms)];
}

/**
 * The sprint's capacity and budget under terms that may change during the window, with the steps
 * of the budget line. Without terms it is the basis' single full-sprint capacity and budget.
 * @throws RangeError for an unknown time zone (only when there are terms to date).
 */
export function steppedBudget(basis: BudgetBasis): SteppedBudget {
  const dayCount = basis.days.length;
  const ofDays = termsOfDays(basis);
  const pointsHundredths = toHundredths(basis.pointsCapacity);
  // Points: the share of the first `n` days, cut at whole hundredths; a run's share is a difference
  // of two, so the shares add up to the capacity. A run reaching the last day (also the single
  // run of a window with no working day) takes all that is left.
  const pointsUpTo = (n: number): number =>
    n >= dayCount ? pointsHundredths : Math.round((pointsHundredths * n) / dayCount);
  const capacityHundredths = (terms: Terms, firstDay: number, endDay: number): number =>
    terms.model.kind === 'hours'
      ? toHundredths(hoursCapacity(terms.model, endDay - firstDay))
      : pointsUpTo(endDay) - (firstDay > 0 ? pointsUpTo(firstDay) : 0);
  const budgetHundredths = (capacity: number, terms: Terms): number =>
    toHundredths(budgetFor(capacity / 100, terms.allocationPct));

  const runs: { firstDay: number; endDay: number; terms: Terms }[] = [];
  ofDays.forEach((terms, day) => {
    const last = runs[runs.length - 1];
    if (last && sameNumbers(last.terms, terms)) last.endDay = day + 1;
    else runs.push({ firstDay: day, endDay: Math.min(day + 1, dayCount), terms });
  });

  let capacitySum = 0;
  let budgetSum = 0;
  const steps = runs.map(({ firstDay, endDay, terms }): BudgetStep => {
    const capacity = capacityHundredths(terms, firstDay, endDay);
    const budget = budgetHundredths(capacity, terms);
    const line = budgetSum + budgetHundredths(capacityHundredths(terms, firstDay, dayCount), terms);
    capacitySum += capacity;
    budgetSum += budget;
    return {
      firstDay,
      dayCount: endDay - firstDay,
      allocationPct: terms.allocationPct,
      model: terms.model,
      capacity: capacity / 100,
      budget: budget / 100,
      line: line / 100,
    };
  });
  const line = steps.flatMap((step) =>
    basis.days.slice(step.firstDay, step.firstDay + step.dayCount).map((date): DayBudget => ({ date, budget: step.line })),
  );
  // Every step has the basis' unit, so in points the shares add up to the points capacity exactly.
  return { capacity: capacitySum / 100, budget: budgetSum / 100, steps, line };
}
