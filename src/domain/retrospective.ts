/**
 * The retrospective of one closed sprint (issue 14, item 1): what support cost the team, who let it
 * in and why, what the policy was overruled on, what the team asked the reporter for and how that
 * ended, and how the sprint compares with the ones before it. The numbers are the sprint's frozen
 * history row (history.ts); the lists are the tickets the app's audit names for the sprint window.
 *
 * Invariants:
 * - a decision step belongs to the sprint when it was taken inside the window [startMs, endMs);
 * - a ticket is listed once per list, by key, in the order of its first step in the window;
 * - an override is a step whose outcome differs from the policy's; each is listed with the steps
 *   taken on the same ticket before it ("earlier decisions"), wherever those fell;
 * - an interrupt let in before the window is listed as carried over (its time counts here; the
 *   history row's interrupt count is of the sprint's own);
 * - a needs-info request ends with the ticket's next step after it (interrupted, deferred, asked
 *   again), or — with no later step — resolved when the ticket is done, else still waiting;
 * - the comparison is with up to `COMPARE_SPRINTS` sprints that ended before this one started;
 *   with none, it is a sentence and no numbers.
 */
import { inWindow, type SprintWindow } from './calendar';
import type { HistoryRow } from './history';
import type { Outcome } from './outcome';
import type { StatusCategory } from './ticket';
import type { WipTally } from './wip-time';

/** How many earlier sprints the retrospective compares with. */
export const COMPARE_SPRINTS = 3;

/** One triage decision on a ticket, as the app's audit (or the issue property) recorded it. */
export interface DecisionStep {
  readonly outcome: Outcome;
  readonly policyOutcome: Outcome;
  readonly override: boolean;
  readonly ruleId: string | null;
  readonly reason?: string;
  readonly decidedBy: string;
  readonly decidedAtMs: number;
}

/** A ticket the retrospective may list: its decisions oldest first, and where it stands now. */
export interface RetroTicket {
  readonly key: string;
  readonly summary?: string;
  readonly statusCategory: StatusCategory;
  readonly resolvedMs?: number;
  readonly trail: readonly DecisionStep[];
}

/** A support item of the sprint's frozen rollup: what it counted against the budget. */
export interface RetroItem {
  readonly key: string;
  readonly summary?: string;
  readonly amount: number;
  readonly estimated: boolean;
}

export interface RetroInput {
  /** This sprint's frozen row. */
  readonly row: HistoryRow;
  /** Other closed sprints' rows, any order; only those that ended before this one started are compared. */
  readonly otherRows: readonly HistoryRow[];
  /** The sanctioned interrupts of the frozen rollup. */
  readonly interrupts: readonly RetroItem[];
  /** Support work that entered mid-sprint without a decision: scope creep the policy never saw. */
  readonly untriaged: readonly RetroItem[];
  /** Every ticket with a decision the audit knows around the sprint (the window is applied here). */
  readonly tickets: readonly RetroTicket[];
  readonly supportContact: string | null;
  /** The sprint's WIP limit and the time over it its rollups measured (wip-time.ts); no tally when never measured. */
  readonly wip?: { readonly limit: number; readonly tally?: WipTally };
}

/** Time over the WIP limit: how long, out of how much of the sprint was measured. */
export interface RetroWipTime {
  readonly limit: number;
  readonly overMs: number;
  readonly measuredMs: number;
}

export interface RetroInterrupt extends RetroItem {
  /** The step that let it in (its last `interrupt` step in the window), or null when none is recorded. */
  readonly decision: DecisionStep | null;
  /** Steps on the ticket before that one. */
  readonly earlier: readonly DecisionStep[];
  /** Let in before this sprint started (an earlier sprint's interrupt carried over): its time still counts here. */
  readonly carriedOver: boolean;
}

export interface RetroOverride {
  readonly key: string;
  readonly summary?: string;
  readonly step: DecisionStep;
  readonly earlier: readonly DecisionStep[];
}

export type NeedsInfoEnding = 'interrupted' | 'deferred' | 'asked-again' | 'resolved' | 'waiting';

export interface RetroNeedsInfo {
  readonly key: string;
  readonly summary?: string;
  readonly asked: DecisionStep;
  readonly ending: NeedsInfoEnding;
  /** When it ended: the next step, or the resolution; absent while waiting. */
  readonly endedAtMs?: number;
  /** Who ended it, for a next step. */
  readonly endedBy?: string;
}

export interface RetroDeferral {
  readonly key: string;
  readonly summary?: string;
  readonly step: DecisionStep;
}

export interface RetroComparison {
  /** How many earlier sprints the averages are over (0: no comparison). */
  readonly sprints: number;
  readonly names: readonly string[];
  /** The same sprints' ids, in the same order (oldest first). */
  readonly sprintIds: readonly number[];
  readonly avgSharePct: number | null;
  readonly avgInterrupts: number | null;
  readonly avgVelocityPoints: number | null;
  readonly avgNetDefects: number | null;
  /** "Support took 32.5 % of capacity, against 21.7 % on average over the 3 sprints before." */
  readonly sentence: string;
}

export interface Retrospective {
  readonly row: HistoryRow;
  /** used − budget when support overran its budget, else 0. */
  readonly overBudgetBy: number;
  readonly interrupts: readonly RetroInterrupt[];
  readonly overrides: readonly RetroOverride[];
  readonly needsInfo: readonly RetroNeedsInfo[];
  readonly deferrals: readonly RetroDeferral[];
  readonly untriaged: readonly RetroItem[];
  readonly supportContact: string | null;
  /** Null when the sprint's rollups never measured WIP time (records from before it was kept). */
  readonly wipTime: RetroWipTime | null;
  readonly comparison: RetroComparison;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

function firstByKey<T extends { readonly key: string }>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v.key) ? false : (seen.add(v.key), true)));
}

const byTime = (steps: readonly DecisionStep[]): DecisionStep[] => [...steps].sort((a, b) => a.decidedAtMs - b.decidedAtMs);

/** What a needs-info step led to: the ticket's next step, else its resolution, else nothing yet. */
function endingOf(ticket: RetroTicket, trail: readonly DecisionStep[], index: number): Pick<RetroNeedsInfo, 'ending' | 'endedAtMs' | 'endedBy'> {
  const next = trail[index + 1];
  if (next) {
    const ending: NeedsInfoEnding = next.outcome === 'interrupt' ? 'interrupted' : next.outcome === 'backlog' ? 'deferred' : 'asked-again';
    return { ending, endedAtMs: next.decidedAtMs, endedBy: next.decidedBy };
  }
  if (ticket.statusCategory === 'done') return { ending: 'resolved', ...(ticket.resolvedMs !== undefined ? { endedAtMs: ticket.resolvedMs } : {}) };
  return { ending: 'waiting' };
}

const average = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

/** The comparison with the sprints that ended before this one started, newest `COMPARE_SPRINTS`. */
export function compareWithPrevious(row: HistoryRow, otherRows: readonly HistoryRow[]): RetroComparison {
  const before = [...otherRows]
    .filter((r) => r.sprintId !== row.sprintId && r.endMs <= row.startMs)
    .sort((a, b) => a.startMs - b.startMs || a.sprintId - b.sprintId)
    .slice(-COMPARE_SPRINTS);
  if (before.length === 0) {
    return { sprints: 0, names: [], sprintIds: [], avgSharePct: null, avgInterrupts: null, avgVelocityPoints: null, avgNetDefects: null, sentence: 'No earlier sprint has a history row yet, so there is nothing to compare with.' };
  }
  const measured = before.filter((r) => r.capacity > 0);
  const avgSharePct = average(measured.map((r) => r.sharePct));
  const avgInterrupts = average(before.map((r) => r.interrupts)) as number;
  const avgVelocityPoints = average(before.map((r) => r.velocityPoints)) as number;
  const avgNetDefects = average(before.map((r) => r.defects.net)) as number;
  const over = before.length === 1 ? `the sprint before (${before[0]?.name})` : `the ${before.length} sprints before`;
  const share =
    avgSharePct === null || !(row.capacity > 0)
      ? `Support took ${row.interrupts === 1 ? '1 interrupt' : `${row.interrupts} interrupts`}, against ${round1(avgInterrupts)} on average over ${over}.`
      : `Support took ${round1(row.sharePct)} % of capacity, against ${round1(avgSharePct)} % on average over ${over}; ${row.interrupts === 1 ? '1 interrupt' : `${row.interrupts} interrupts`} against ${round1(avgInterrupts)}.`;
  return {
    sprints: before.length,
    names: before.map((r) => r.name),
    sprintIds: before.map((r) => r.sprintId),
    avgSharePct: avgSharePct === null ? null : round1(avgSharePct),
    avgInterrupts: round1(avgInterrupts),
    avgVelocityPoints: round2(avgVelocityPoints),
    avgNetDefects: round1(avgNetDefects),
    sentence: share,
  };
}

export function retrospective(input: RetroInput): Retrospective {
  const { row } = input;
  const window: SprintWindow = { startMs: row.startMs, endMs: row.endMs };
  const inSprint = (s: DecisionStep): boolean => inWindow(s.decidedAtMs, window);
  const tickets = firstByKey(input.tickets).map((t) => ({ ticket: t, trail: byTime(t.trail) }));
  const trailOf = new Map(tickets.map(({ ticket, trail }) => [ticket.key, trail]));
  const firstInSprint = (trail: readonly DecisionStep[]): number => trail.find(inSprint)?.decidedAtMs ?? Infinity;
  const ordered = [...tickets].sort((a, b) => firstInSprint(a.trail) - firstInSprint(b.trail));

  const interrupts = firstByKey(input.interrupts).map((item): RetroInterrupt => {
    const trail = trailOf.get(item.key) ?? [];
    // The step that let it in: its last interrupt step in the window, else its last interrupt at all (decided before the sprint, pulled in at the start).
    const index = findLastIndex(trail, (s) => s.outcome === 'interrupt' && inSprint(s));
    const at = index >= 0 ? index : findLastIndex(trail, (s) => s.outcome === 'interrupt' && s.decidedAtMs < row.endMs);
    const decision = at >= 0 ? (trail[at] as DecisionStep) : null;
    return { ...item, decision, earlier: at >= 0 ? trail.slice(0, at) : [], carriedOver: decision !== null && decision.decidedAtMs < row.startMs };
  });

  const overrides: RetroOverride[] = [];
  const needsInfo: RetroNeedsInfo[] = [];
  const deferrals: RetroDeferral[] = [];
  for (const { ticket, trail } of ordered) {
    const base = { key: ticket.key, ...(ticket.summary ? { summary: ticket.summary } : {}) };
    const lastOverride = findLastIndex(trail, (s) => s.override && inSprint(s));
    if (lastOverride >= 0) overrides.push({ ...base, step: trail[lastOverride] as DecisionStep, earlier: trail.slice(0, lastOverride) });
    const asked = trail.findIndex((s) => s.outcome === 'needs-info' && inSprint(s));
    if (asked >= 0) needsInfo.push({ ...base, asked: trail[asked] as DecisionStep, ...endingOf(ticket, trail, asked) });
    const deferred = findLastIndex(trail, (s) => s.outcome === 'backlog' && inSprint(s));
    if (deferred >= 0) deferrals.push({ ...base, step: trail[deferred] as DecisionStep });
  }

  return {
    row,
    overBudgetBy: row.used > row.budget ? round2(row.used - row.budget) : 0,
    interrupts,
    overrides,
    needsInfo,
    deferrals,
    untriaged: firstByKey(input.untriaged),
    supportContact: input.supportContact,
    wipTime: input.wip?.tally ? { limit: input.wip.limit, overMs: input.wip.tally.overMs, measuredMs: input.wip.tally.measuredMs } : null,
    comparison: compareWithPrevious(row, input.otherRows),
  };
}

function findLastIndex<T>(values: readonly T[], predicate: (value: T) => boolean): number {
  for (let i = values.length - 1; i >= 0; i--) if (predicate(values[i] as T)) return i;
  return -1;
}
