/**
 * From stored records to what the dashboard shows: the contract's view types. Kept apart from the
 * use case so the mapping (ISO instants, items by category, the overflow demand) reads in one place.
 */
import type { DashboardBudgetItem, DashboardHistoryRow, DashboardSprint, OverflowDecisionView } from '../../contract/dashboard';
import type { HistoryRow } from '../../domain/history';
import type { OverflowDecision } from '../storage/sprint-records';
import type { SprintSnapshot } from '../sprint/sprint-snapshot';

const iso = (ms: number): string => new Date(ms).toISOString();

export function overflowView(decision: OverflowDecision): OverflowDecisionView {
  return { choice: decision.choice, ...(decision.reason ? { reason: decision.reason } : {}), decidedBy: decision.decidedBy, decidedAt: decision.decidedAt };
}

function itemsOf(snapshot: SprintSnapshot, category: 'sanctioned' | 'planned' | 'untriaged'): DashboardBudgetItem[] {
  return snapshot.rollup.items
    .filter((item) => item.category === category)
    .map((item) => ({ key: item.key, ...(item.summary ? { summary: item.summary } : {}), amount: item.amount, estimated: item.estimated }));
}

export function sprintView(snapshot: SprintSnapshot, overflow: OverflowDecision | undefined): DashboardSprint {
  const { rollup, ledger, baseline } = snapshot;
  const state = rollup.state === 'closed' ? 'closed' : 'active';
  return {
    id: rollup.sprintId,
    name: rollup.sprintName,
    state,
    startDate: iso(rollup.startMs),
    endDate: iso(rollup.endMs),
    unit: rollup.unit,
    capacity: rollup.capacity,
    budget: rollup.budget,
    used: rollup.used,
    remaining: rollup.remaining,
    usedPctOfBudget: rollup.budget > 0 ? Math.round((rollup.used.total / rollup.budget) * 100) : 0,
    forecast: Math.round(rollup.forecast * 100) / 100,
    status: rollup.status,
    burn: rollup.burn,
    interrupts: itemsOf(snapshot, 'sanctioned'),
    plannedSupport: itemsOf(snapshot, 'planned'),
    untriaged: itemsOf(snapshot, 'untriaged'),
    wip: rollup.wip,
    supportContact: rollup.supportContact,
    overflow: overflow ? overflowView(overflow) : null,
    needsOverflowDecision: rollup.status === 'over' && !overflow,
    deferred: ledger.deferred,
    defects: ledger.defects,
    baseline: baseline ? { takenAt: iso(baseline.takenAt), lazy: baseline.lazy, issueCount: baseline.issueKeys.length, committedPoints: baseline.committedPoints } : null,
    computedAt: iso(rollup.computedAt),
    source: snapshot.source,
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
    defects: row.defects,
  };
}
