/**
 * The dashboard as text, for `interrupt-budget report`: the same numbers the project page shows,
 * laid out for a terminal (and for pasting into a retrospective).
 */
import type { DashboardBudgetItem, DashboardHistoryRow, DashboardSprint, DashboardView } from '../contract/dashboard';

const STATUS = { ok: 'OK', 'at-risk': 'AT RISK (on pace to exceed the budget)', over: 'OVER BUDGET' } as const;
const CHOICE = { 'swap-out': 'swap planned work out', 'abort-sprint': 'abort and re-plan the sprint', 'accept-overrun': 'accept the overrun' } as const;

const num = (n: number): string => String(Math.round(n * 100) / 100);
const day = (iso: string): string => iso.slice(0, 10);
/** `2026-12-02 04:16 UTC` from the resolver's ISO instant (always UTC: toISOString), for a terminal. */
const minute = (iso: string): string => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso);
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function amount(n: number, unit: DashboardSprint['unit']): string {
  return `${num(n)} ${unit === 'hours' ? 'h' : 'pts'}`;
}

function itemLines(title: string, items: readonly DashboardBudgetItem[], unit: DashboardSprint['unit']): string[] {
  if (items.length === 0) return [`  ${title}: none`];
  return [
    `  ${title} (${items.length}):`,
    ...items.map((i) => `    ${i.key.padEnd(10)} ${amount(i.amount, unit).padStart(9)}${i.estimated ? ' (estimated)' : ''}  ${i.summary ?? ''}`.trimEnd()),
  ];
}

/** A person by name (the view's people directory), never by account id. */
type Who = (accountId: string) => string;

function overflowLine(s: DashboardSprint, who: Who): string {
  if (s.overflow) {
    const why = s.overflow.reason ? `: "${s.overflow.reason}"` : '';
    return `  Overflow decision: ${CHOICE[s.overflow.choice]}, recorded by ${who(s.overflow.decidedBy)} on ${day(s.overflow.decidedAt)}${why}`;
  }
  return s.needsOverflowDecision
    ? '  Overflow decision: NEEDED — the product owner must swap work out, abort the sprint, or accept the overrun with a reason.'
    : '  Overflow decision: not needed';
}

function sprintLines(s: DashboardSprint, who: Who): string[] {
  const u = s.unit;
  const track = s.budgetMode === 'track';
  const baseline = s.baseline ? `${s.baseline.issueCount} issues committed${s.baseline.lazy ? ' (inferred after the start)' : ''}` : 'none taken';
  return [
    `${s.name} (${s.state}, ${day(s.startDate)} → ${day(s.endDate)})`,
    track
      ? `  Capacity ${amount(s.capacity, u)} · no support buffer reserved · support used ${amount(s.used.total, u)} (${s.sharePctOfCapacity}% of capacity)`
      : `  Capacity ${amount(s.capacity, u)} · support budget ${amount(s.budget, u)} · used ${amount(s.used.total, u)} (${s.usedPctOfBudget}% of budget) · remaining ${amount(s.remaining, u)}`,
    `  Used by: sanctioned interrupts ${amount(s.used.sanctioned, u)} · planned support ${amount(s.used.planned, u)} · untriaged ${amount(s.used.untriaged, u)}`,
    track ? `  Forecast at sprint end: ${amount(s.forecast, u)}` : `  Forecast at sprint end: ${amount(s.forecast, u)} · status: ${STATUS[s.status]}`,
    ...itemLines('Interrupts', s.interrupts, u),
    ...itemLines('Untriaged, entered mid-sprint without a decision', s.untriaged, u),
    ...itemLines('Planned support', s.plannedSupport, u),
    `  Support WIP: ${s.wip.count} in progress, limit ${s.wip.limit}${s.wip.breached ? ` — over the limit (${s.wip.inProgress.join(', ')})` : ''}`,
    `  Support contact: ${s.supportContact ? who(s.supportContact) : 'none (no rotation set)'}`,
    ...(track ? [] : [overflowLine(s, who)]),
    s.deferred.length === 0 ? '  Deferred to the backlog during the sprint: none' : `  Deferred to the backlog during the sprint (${s.deferred.length}):`,
    ...s.deferred.map((d) => `    ${d.key.padEnd(10)} ${d.summary ?? ''}${d.reason ? ` — "${d.reason}"` : ''}${d.override ? ` (policy said ${d.policyOutcome})` : ''}`),
    `  Defects: ${s.defects.opened} opened, ${s.defects.closed} closed, net ${signed(s.defects.net)}`,
    `  Baseline: ${baseline} · numbers as of ${minute(s.computedAt)}`,
  ];
}

function historyLines(rows: readonly DashboardHistoryRow[]): string[] {
  if (rows.length === 0) return ['History: no closed sprints yet.'];
  const header = `  ${'Sprint'.padEnd(16)} ${'Used / capacity'.padEnd(18)} ${'Share'.padStart(6)} ${'Interrupts'.padStart(10)} ${'Deferred'.padStart(8)} ${'Velocity'.padStart(8)} ${'Net defects'.padStart(11)}`;
  return [
    `History (last ${rows.length} closed sprints):`,
    header,
    ...rows.map((r) => {
      const used = `${num(r.used)} / ${num(r.capacity)} ${r.unit === 'hours' ? 'h' : 'pts'}`;
      return `  ${r.name.padEnd(16)} ${used.padEnd(18)} ${`${r.sharePct}%`.padStart(6)} ${String(r.interrupts).padStart(10)} ${String(r.deferred).padStart(8)} ${num(r.velocityPoints).padStart(8)} ${signed(r.defects.net).padStart(11)}`;
    }),
  ];
}

/** The same sentence the dashboard shows while nobody has set the project up. */
export function defaultsLine(d: NonNullable<DashboardView['defaults']>): string {
  return `Default settings: nobody has set this project up yet, so these numbers assume a team of ${d.teamSize} people × ${d.focusHoursPerDay} focus hours a day and a ${d.allocationPct} % support allocation.`;
}

export function reportText(view: DashboardView, source: string): string {
  return [
    `Interrupt Budget — ${view.projectKey} (${view.board.name}), from ${source}`,
    ...(view.defaults ? [defaultsLine(view.defaults)] : []),
    '',
    ...(view.sprint ? sprintLines(view.sprint, (id) => view.people[id]?.displayName ?? 'someone') : [view.message ?? 'No sprint to show.']),
    '',
    ...historyLines(view.history.rows),
    `Recommendation: ${view.history.recommendation.explanation}`,
    ...(view.notes.length > 0 ? ['', 'Notes:', ...view.notes.map((n) => `  - ${n}`)] : []),
    '',
  ].join('\n');
}
