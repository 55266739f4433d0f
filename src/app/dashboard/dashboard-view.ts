/**
 * From stored records to what the dashboard shows: the contract's view types. Kept apart from the
 * use case so the mapping (ISO instants, items by category, the overflow demand) reads in one place.
 */
import type { DashboardBudgetItem, DashboardHistoryRow, DashboardSprint, OverflowDecisionView, RestrictedItems, WaitingTicketView } from '../../contract/dashboard';
import { ratioPct, type HistoryRow } from '../../domain/history';
import type { ListedIssue, ViewerFilter } from '../access/viewer-filter';
import type { OverflowDecision } from '../storage/sprint-records';
import type { SprintSnapshot } from '../sprint/sprint-snapshot';

const iso = (ms: number): string => new Date(ms).toISOString();

export function overflowView(decision: OverflowDecision): OverflowDecisionView {
  return { choice: decision.choice, ...(decision.reason ? { reason: decision.reason } : {}), decidedBy: decision.decidedBy, decidedAt: decision.decidedAt };
}

/**
 * Every issue the snapshot names, with the id the viewer filter checks by. In-progress tickets are
 * named by key only; their ids come from the items (a key without one fails closed).
 */
export function listedIssues(snapshot: SprintSnapshot): ListedIssue[] {
  const { rollup, ledger } = snapshot;
  const idOf = idsByKey(snapshot);
  return [
    ...rollup.items.map((item) => listed(item.key, item.id)),
    ...ledger.deferred.map((t) => listed(t.key, t.id ?? idOf.get(t.key))),
    ...rollup.wip.inProgress.map((key) => listed(key, idOf.get(key))),
    ...ledger.waiting.map((t) => listed(t.key, t.id)),
  ];
}

const listed = (key: string, id: string | undefined): ListedIssue => ({ key, ...(id ? { id } : {}) });
const idsByKey = (snapshot: SprintSnapshot): Map<string, string> => new Map(snapshot.rollup.items.flatMap((item) => (item.id ? [[item.key, item.id] as const] : [])));

type Category = 'sanctioned' | 'planned' | 'untriaged';

function itemsOf(snapshot: SprintSnapshot, category: Category, filter: ViewerFilter): DashboardBudgetItem[] {
  return snapshot.rollup.items
    .filter((item) => item.category === category && filter.sees(item))
    .map((item) => ({ key: item.key, ...(item.summary ? { summary: item.summary } : {}), amount: item.amount, estimated: item.estimated }));
}

/** Hidden items counted in whole hundredths, so the sum is what the items say. */
function restrictedOf(snapshot: SprintSnapshot, category: Category, filter: ViewerFilter): RestrictedItems {
  const hidden = snapshot.rollup.items.filter((item) => item.category === category && !filter.sees(item));
  return { count: hidden.length, amount: hidden.reduce((sum, item) => sum + Math.round(item.amount * 100), 0) / 100 };
}

/** The waiting list as this viewer may see it, each with how long it has waited at `nowMs`. */
function waitingOf(snapshot: SprintSnapshot, filter: ViewerFilter, nowMs: number): WaitingTicketView[] {
  return snapshot.ledger.waiting
    .filter((t) => filter.sees(listed(t.key, t.id)))
    .map(({ id: _id, ...shown }) => ({ ...shown, waitingMs: Math.max(0, nowMs - Date.parse(shown.decidedAt)) }));
}

export function sprintView(snapshot: SprintSnapshot, overflow: OverflowDecision | undefined, filter: ViewerFilter, canRecordOverflow: boolean | null = false, nowMs = snapshot.rollup.computedAt): DashboardSprint {
  const { rollup, ledger, baseline } = snapshot;
  const idOf = idsByKey(snapshot);
  const inProgress = rollup.wip.inProgress.filter((key) => filter.sees(listed(key, idOf.get(key))));
  const deferred = ledger.deferred.filter((t) => filter.sees(listed(t.key, t.id ?? idOf.get(t.key))));
  const state = rollup.state === 'closed' ? 'closed' : 'active';
  const waiting = state === 'active' ? waitingOf(snapshot, filter, nowMs) : [];
  return {
    id: rollup.sprintId,
    name: rollup.sprintName,
    state,
    startDate: iso(rollup.startMs),
    endDate: iso(rollup.endMs),
    unit: rollup.unit,
    budgetMode: rollup.budgetMode ?? 'reserve',
    capacity: rollup.capacity,
    budget: rollup.budget,
    used: rollup.used,
    sharePctOfCapacity: ratioPct(rollup.used.total, rollup.capacity),
    remaining: rollup.remaining,
    usedPctOfBudget: rollup.budget > 0 ? Math.round((rollup.used.total / rollup.budget) * 100) : 0,
    forecast: Math.round(rollup.forecast * 100) / 100,
    status: rollup.status,
    burn: rollup.burn,
    interrupts: itemsOf(snapshot, 'sanctioned', filter),
    plannedSupport: itemsOf(snapshot, 'planned', filter),
    untriaged: itemsOf(snapshot, 'untriaged', filter),
    wip: { ...rollup.wip, inProgress },
    supportContact: rollup.supportContact,
    overflow: overflow ? overflowView(overflow) : null,
    needsOverflowDecision: rollup.status === 'over' && !overflow,
    canRecordOverflow,
    deferred: deferred.map(({ id: _id, source, ...shown }) => ({ ...shown, source: source ?? 'property' })),
    restricted: {
      interrupts: restrictedOf(snapshot, 'sanctioned', filter),
      plannedSupport: restrictedOf(snapshot, 'planned', filter),
      untriaged: restrictedOf(snapshot, 'untriaged', filter),
      deferred: ledger.deferred.length - deferred.length,
      inProgress: rollup.wip.inProgress.length - inProgress.length,
      waiting: state === 'active' ? ledger.waiting.length - waiting.length : 0,
    },
    defects: ledger.defects,
    baseline: baseline ? { takenAt: iso(baseline.takenAt), lazy: baseline.lazy, issueCount: baseline.issueKeys.length, committedPoints: baseline.committedPoints } : null,
    computedAt: iso(rollup.computedAt),
    source: snapshot.source,
    waiting,
  };
}

export function historyRowView(row: HistoryRow): DashboardHistoryRow {
  return {
    sprintId: row.sprintId,
    name: row.name,
    startDate: iso(row.startMs),
    endDate: iso(row.endMs),
    unit: row.unit,
    capacity: row.capacity,
    budget: row.budget,
    used: row.used,
    sharePct: row.sharePct,
    allocationPct: row.allocationPct,
    interrupts: row.interrupts,
    deferred: row.deferred,
    velocityPoints: row.velocityPoints,
    ...(row.carriedOverPoints !== undefined ? { carriedOverPoints: row.carriedOverPoints } : {}),
    defects: row.defects,
    ...(row.plannedDefects !== undefined ? { plannedDefects: row.plannedDefects } : {}),
  };
}
