/**
 * History: one retrospective row per closed sprint — what the team reserved for support, what
 * support actually took, how often the sprint was interrupted or defended, what it delivered, and
 * whether it let defects pile up. The retrospective reads these rows to re-size the allocation
 * (see `recommendation.ts`).
 *
 * Invariants:
 * - percentages are one decimal and 0 when capacity is 0 (or not a positive finite number): an
 *   empty sprint has no share to report, and never a NaN or an Infinity;
 * - the share is not clamped at 100: support that overran the whole capacity is exactly what the
 *   retrospective must see;
 * - every count is about distinct issues (by id), so a ticket listed twice never counts twice.
 */
import { parseISO } from 'date-fns';
import { inWindow } from './calendar';
import { DEFAULT_DEFECT_RULES, netNewDefects, type DefectCount, type DefectRules } from './defects';
import { plannedDefectsOf, type PlannedDefects } from './planned-defects';
import { isSupportTicket } from './support-filter';
import type { Ticket } from './ticket';
import type { Classification } from './triage-facts';

export type CapacityUnit = 'hours' | 'points';

/** A closed sprint as the rollup stored it: its window and its allocation figures. */
export interface SprintRecord {
  readonly sprintId: number;
  readonly name: string;
  readonly startMs: number;
  /** The sprint's complete date (or end date): the window is [startMs, endMs). */
  readonly endMs: number;
  readonly capacity: number;
  readonly budget: number;
  readonly used: number;
  readonly unit: CapacityUnit;
}

export interface HistoryRow {
  readonly sprintId: number;
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly unit: CapacityUnit;
  readonly capacity: number;
  readonly budget: number;
  readonly used: number;
  /** used / capacity × 100, one decimal; 0 when capacity is 0. */
  readonly sharePct: number;
  /** budget / capacity × 100, one decimal; 0 when capacity is 0. */
  readonly allocationPct: number;
  /** Support tickets of the sprint that the PO let interrupt it. */
  readonly interrupts: number;
  /** Tickets the PO sent to the backlog during the sprint: interrupts the policy defended against. */
  readonly deferred: number;
  /** Story points of completed non-support work: the velocity that support left the team. */
  readonly velocityPoints: number;
  /**
   * Story points of non-support work in the sprint and not completed by its close (not done, or
   * resolved on or after the end): what the sprint carried over. Rows stored before it was kept
   * lack it, and comparisons leave them out (carry-over.ts).
   */
  readonly carriedOverPoints?: number;
  readonly defects: DefectCount;
  /** Defects planned into the sprint and how many carried an estimate (planned-defects.ts); older rows lack it. */
  readonly plannedDefects?: PlannedDefects;
}

export interface HistoryRowInput {
  readonly sprint: SprintRecord;
  /** Every ticket whose Sprint field lists this sprint. */
  readonly sprintTickets: readonly Ticket[];
  /** Tickets carrying a triage decision, in or out of the sprint (deferred ones are in the backlog). */
  readonly deferredTickets: readonly Ticket[];
  /** Candidate defects: created or resolved around the sprint, in any sprint or none. */
  readonly defectTickets: readonly Ticket[];
  readonly classification: Pick<Classification, 'supportFilter'>;
  readonly defectRules?: DefectRules;
}

/** One-decimal percentage of part in whole; 0 rather than NaN/Infinity when whole is not positive. */
export function ratioPct(part: number, whole: number): number {
  if (!(whole > 0) || !Number.isFinite(whole) || !Number.isFinite(part)) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

/** Keep the first occurrence of each issue id. */
function distinct(tickets: readonly Ticket[]): Ticket[] {
  const seen = new Set<string>();
  return tickets.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
}

/**
 * Build the retrospective row of one closed sprint.
 *
 * - interrupts: support tickets of the sprint whose decision is `interrupt`. A decision that names
 *   a different sprint is not counted: the ticket was pulled into that other sprint and merely
 *   carried over into this one, and counting it in both would double the interrupt count.
 * - deferred: tickets whose decision is `backlog` and was taken inside the sprint window.
 * - velocityPoints: story points of done non-support tickets; a ticket whose resolution date is
 *   known and falls on or after the sprint end was finished in a later sprint, so it is not this
 *   sprint's velocity (as Jira's own velocity chart judges completion at sprint close).
 * - carriedOverPoints: story points of the other non-support tickets of the sprint, those not
 *   completed by that same rule: velocity + carry-over = the non-support points in the sprint.
 */
export function historyRow(input: HistoryRowInput): HistoryRow {
  const { sprint, classification } = input;
  const window = { startMs: sprint.startMs, endMs: sprint.endMs };
  const isSupport = (t: Ticket): boolean => isSupportTicket(t, classification.supportFilter);
  const tickets = distinct(input.sprintTickets);

  const interrupts = tickets.filter(
    (t) =>
      isSupport(t) &&
      t.decision?.outcome === 'interrupt' &&
      (t.decision.sprintId === undefined || t.decision.sprintId === sprint.sprintId),
  ).length;

  const deferred = distinct(input.deferredTickets).filter(
    (t) => t.decision?.outcome === 'backlog' && inWindow(parseISO(t.decision.decidedAt).getTime(), window),
  ).length;

  const completed = (t: Ticket): boolean => t.statusCategory === 'done' && (t.resolvedMs === undefined || t.resolvedMs < sprint.endMs);
  const work = tickets.filter((t) => !isSupport(t));
  const pointsOf = (list: readonly Ticket[]): number => list.reduce((sum, t) => sum + (Number.isFinite(t.storyPoints) ? (t.storyPoints as number) : 0), 0);
  // Fractional points (0.5) add up with float noise (0.1 + 0.2); two decimals hide it.
  const hundredths = (n: number): number => Math.round(n * 100) / 100;

  return {
    sprintId: sprint.sprintId,
    name: sprint.name,
    startMs: sprint.startMs,
    endMs: sprint.endMs,
    unit: sprint.unit,
    capacity: sprint.capacity,
    budget: sprint.budget,
    used: sprint.used,
    sharePct: ratioPct(sprint.used, sprint.capacity),
    allocationPct: ratioPct(sprint.budget, sprint.capacity),
    interrupts,
    deferred,
    velocityPoints: hundredths(pointsOf(work.filter(completed))),
    carriedOverPoints: hundredths(pointsOf(work.filter((t) => !completed(t)))),
    defects: netNewDefects(input.defectTickets, window, input.defectRules ?? DEFAULT_DEFECT_RULES),
    plannedDefects: plannedDefectsOf(tickets, sprint, input.defectRules ?? DEFAULT_DEFECT_RULES),
  };
}

/**
 * The last `lastN` rows by sprint start, oldest first and newest last (the order a retrospective
 * chart reads). Ties on start are broken by sprint id so the order never depends on input order.
 * `lastN` must be a non-negative integer; 0 gives an empty table.
 */
export function historyTable(rows: readonly HistoryRow[], lastN = 6): HistoryRow[] {
  if (!Number.isInteger(lastN) || lastN < 0) {
    throw new RangeError(`lastN must be a non-negative integer, got ${lastN}`);
  }
  if (lastN === 0) return [];
  const ordered = [...rows].sort((a, b) => a.startMs - b.startMs || a.sprintId - b.sprintId);
  return ordered.slice(-lastN);
}
