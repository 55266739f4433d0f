/**
 * Allocation: the sprint's support budget and how much of it the support tickets have used.
 *
 * Budget = capacity × allocationPct / 100 under the terms in force: `model` and `allocationPct`, or,
 * when `terms` records changes during the sprint, each working day's own terms, so the budget steps
 * on the day of a change and the days before keep theirs (the maths is in `budget-terms.ts`).
 *
 * *Used* is the effort on the sprint's support tickets (whatever the terms), broken down by how each
 * ticket came to be in the sprint:
 * - `planned`: it was in the sprint at its start (its key is in the baseline snapshot);
 * - `sanctioned`: it came in later through a recorded `interrupt` decision;
 * - `untriaged`: it came in later without one: scope creep the policy never saw.
 * Without a baseline the start is inferred: decided `interrupt` → sanctioned; created at or after
 * the sprint start → untriaged; otherwise (including an unknown creation date) → planned.
 *
 * Effort, by unit:
 * - hours: worklogs whose `startedMs` lies in [startMs, endMs), seconds / 3600;
 * - points: the ticket's story points; an unestimated ticket counts the model's default for its
 *   severity, and its item is flagged `estimated`.
 *
 * Arithmetic: every piece of effort is rounded once, to whole hundredths, and all sums are sums of
 * integers, so nothing drifts. The parts and the total are those integer sums / 100, so the
 * breakdown adds up exactly to the total in hundredths, and the total never shows float noise
 * (0.1 + 0.2 is 0.3 here, not 0.30000000000000004).
 *
 * Invariants (property-tested): every amount ≥ 0; the breakdown sums exactly to the total;
 * non-support tickets never change `used`; the budget grows with the percentage; `terms` never
 * change `used` or the items, and terms that all equal `model` and `allocationPct` change nothing.
 */
import type { SprintWindow, WorkCalendar } from './calendar';
import { inWindow, workingDays } from './calendar';
import { budgetFor, steppedBudget, type BudgetTerms, type SteppedBudget } from './budget-terms';
import { pointsCapacity, toHundredths, type CapacityModel } from './capacity';
import { normalizeSeverity } from './severity';
import { isSupportTicket } from './support-filter';
import type { Ticket } from './ticket';
import type { Classification } from './triage-facts';

export const ALLOCATION_CATEGORIES = ['sanctioned', 'planned', 'untriaged'] as const;
export type AllocationCategory = (typeof ALLOCATION_CATEGORIES)[number];

/** What was in the sprint when it started, snapshotted by the sprint-started trigger. */
export interface SprintBaseline {
  readonly issueKeys: readonly string[];
  readonly committedPoints: number;
}

export interface AllocationInput {
  /** Every issue currently in the sprint, support or not. */
  readonly sprintTickets: readonly Ticket[];
  readonly window: SprintWindow;
  readonly calendar: WorkCalendar;
  /**
   * The unit, the default points of unestimated tickets, and the capacity model of every day that
   * `terms` does not govern.
   */
  readonly model: CapacityModel;
  /** Share of capacity reserved for support, 0–100 (values outside are clamped). */
  readonly allocationPct: number;
  readonly classification: Classification;
  readonly baseline?: SprintBaseline;
  /**
   * The allocation and capacity model as they changed over time (every saved revision will do;
   * see `termsInWindow`). Each working day takes the terms in force on it; entries of the other
   * unit than `model`'s are ignored. Absent or empty: `model` and `allocationPct` throughout.
   */
  readonly terms?: readonly BudgetTerms[];
}

export interface AllocationItem {
  /** Jira's issue id: what a per-viewer permission check names the issue by. */
  readonly id: string;
  readonly key: string;
  readonly category: AllocationCategory;
  readonly amount: number;
  /** True when the amount is a default for an unestimated ticket, not the team's estimate. */
  readonly estimated: boolean;
}

export interface UsedBreakdown {
  readonly sanctioned: number;
  readonly planned: number;
  readonly untriaged: number;
  readonly total: number;
}

export interface Allocation {
  readonly unit: CapacityModel['kind'];
  readonly capacity: number;
  readonly budget: number;
  readonly used: UsedBreakdown;
  /** budget − used.total; negative when the sprint is over its budget. */
  readonly remaining: number;
  readonly items: readonly AllocationItem[];
}

/** One dated piece of support effort, in whole hundredths of the unit: what the burn series plots. */
export interface SupportEffort {
  readonly key: string;
  readonly category: AllocationCategory;
  readonly atMs: number;
  readonly hundredths: number;
  readonly estimated: boolean;
}

/** Clamp an instant into [startMs, endMs]; an unreadable instant (NaN) falls back to the start. */
function clampIntoWindow(ms: number, window: SprintWindow): number {
  if (Number.isNaN(ms)) return window.startMs;
  return Math.min(Math.max(ms, window.startMs), Math.max(window.startMs, window.endMs));
}

/** How the ticket came to be in the sprint (rules in the module comment). */
export function categorize(
  ticket: Pick<Ticket, 'key' | 'createdMs' | 'decision'>,
  window: SprintWindow,
  baseline?: Pick<SprintBaseline, 'issueKeys'>,
): AllocationCategory {
  if (baseline?.issueKeys.includes(ticket.key)) return 'planned';
  if (ticket.decision?.outcome === 'interrupt') return 'sanctioned';
  if (baseline) return 'untriaged';
  return ticket.createdMs !== undefined && ticket.createdMs >= window.startMs ? 'untriaged' : 'planned';
}

/** The sprint's support tickets, each key once (the first occurrence wins). */
function supportTickets(input: AllocationInput): Ticket[] {
  const seen = new Set<string>();
  return input.sprintTickets.filter((ticket) => {
    if (seen.has(ticket.key) || !isSupportTicket(ticket, input.classification.supportFilter)) return false;
    seen.add(ticket.key);
    return true;
  });
}

/** When a points ticket's effort entered the sprint, for the burn series. */
function pointsEffortAt(ticket: Ticket, category: AllocationCategory, window: SprintWindow): number {
  switch (category) {
    case 'planned':
      return window.startMs;
    case 'sanctioned':
      // Sanctioned implies a decision; an unreadable date parses to NaN, which clamps to the start.
      return clampIntoWindow(Date.parse(String(ticket.decision?.decidedAt)), window);
    case 'untriaged':
      // Created before the start but added later: it entered at the start at the earliest.
      return clampIntoWindow(ticket.createdMs ?? window.startMs, window);
  }
}

/** The dated efforts of one support ticket: one per in-window worklog (hours) or one (points). */
function effortsOf(ticket: Ticket, input: AllocationInput, category: AllocationCategory): SupportEffort[] {
  const { window, model } = input;
  if (model.kind === 'hours') {
    return (ticket.worklogs ?? [])
      .filter((log) => inWindow(log.startedMs, window))
      .map((log) => ({
        key: ticket.key,
        category,
        atMs: log.startedMs,
        hundredths: toHundredths(log.seconds / 3600),
        estimated: false,
      }));
  }
  const estimated = ticket.storyPoints === undefined || !Number.isFinite(ticket.storyPoints);
  const points = estimated
    ? model.unestimatedPoints[normalizeSeverity(ticket.severityValue, input.classification.severityMap)]
    : ticket.storyPoints;
  const atMs = pointsEffortAt(ticket, category, window);
  return [{ key: ticket.key, category, atMs, hundredths: toHundredths(points), estimated }];
}

/** Every dated piece of effort on the sprint's support tickets, in ticket order. */
export function supportEfforts(input: AllocationInput): SupportEffort[] {
  return supportTickets(input).flatMap((ticket) =>
    effortsOf(ticket, input, categorize(ticket, input.window, input.baseline)),
  );
}

/** The breakdown from whole hundredths per category; `total` is the integer sum of the parts / 100. */
export function usedFromHundredths(hundredths: Readonly<Record<AllocationCategory, number>>): UsedBreakdown {
  return {
    sanctioned: hundredths.sanctioned / 100,
    planned: hundredths.planned / 100,
    untriaged: hundredths.untriaged / 100,
    total: (hundredths.sanctioned + hundredths.planned + hundredths.untriaged) / 100,
  };
}

export { budgetFor };

/**
 * The sprint's capacity and budget, stepped where `terms` change during the window (see
 * `steppedBudget`); without changes, the one capacity and budget of `model` and `allocationPct`.
 */
export function supportBudget(input: AllocationInput): SteppedBudget {
  const { model } = input;
  return steppedBudget({
    days: workingDays(input.window, input.calendar),
    window: input.window,
    timeZone: input.calendar.timeZone,
    model,
    allocationPct: input.allocationPct,
    terms: input.terms,
    pointsCapacity: model.kind === 'points' ? pointsCapacity(input.baseline?.committedPoints, input.sprintTickets) : 0,
  });
}

/** The sprint's support allocation: capacity, budget, used (by category), remaining and items. */
export function allocate(input: AllocationInput): Allocation {
  const { model } = input;
  const { capacity, budget } = supportBudget(input);

  const byCategory: Record<AllocationCategory, number> = { sanctioned: 0, planned: 0, untriaged: 0 };
  const items = supportTickets(input).map((ticket): AllocationItem => {
    const category = categorize(ticket, input.window, input.baseline);
    const efforts = effortsOf(ticket, input, category);
    const hundredths = efforts.reduce((sum, effort) => sum + effort.hundredths, 0);
    byCategory[category] += hundredths;
    return { id: ticket.id, key: ticket.key, category, amount: hundredths / 100, estimated: efforts.some((e) => e.estimated) };
  });
  const used = usedFromHundredths(byCategory);
  const totalHundredths = byCategory.sanctioned + byCategory.planned + byCategory.untriaged;
  const remaining = (Math.round(budget * 100) - totalHundredths) / 100;
  return { unit: model.kind, capacity, budget, used, remaining, items };
}
