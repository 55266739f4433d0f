/**
 * The panel's two sprint gauges for this ticket, from the active sprint's rollup:
 * - the support budget, and what would remain after pulling the ticket in — when it would count
 *   against the budget at all (a support ticket not yet in the sprint). Its cost is worked out by
 *   the same allocation maths the rollup uses: in hours, the time already logged on it inside the
 *   sprint window (later work counts as it is logged); in points, its estimate or the severity
 *   default for an unestimated ticket;
 * - support work in progress against the WIP limit, and whether this ticket would take it over.
 */
import type { PanelBudget, PanelWip } from '../../contract/panel';
import { supportEfforts } from '../../domain/allocation';
import { isSupportTicket } from '../../domain/support-filter';
import type { Ticket } from '../../domain/ticket';
import { wouldExceed, type WipStatus } from '../../domain/wip';
import { ratioPct } from '../../domain/history';
import { calendarOf, capacityModelOf, classificationOf, reservedPctOf, type ProjectSettings } from '../settings/project-settings';
import type { SprintRollup } from '../storage/sprint-records';
import type { ActiveRollup } from './active-rollup';

/**
 * "23.3 h", "1 point": one decimal, as every surface writes amounts (static/src/components/amount.ts),
 * so the explanation under "23.3 h left" does not say "23.25 h".
 */
const amount = (n: number): string => String(Math.round(n * 10) / 10 || 0);
const inUnit = (n: number, unit: SprintRollup['unit']): string => (unit === 'hours' ? `${amount(n)} h` : `${amount(n)} ${amount(n) === '1' ? 'point' : 'points'}`);

function afterSentence(remainingAfter: number, rollup: SprintRollup, hundredths: number): string {
  if (rollup.budgetMode === 'track') {
    const share = ratioPct(rollup.used.total + hundredths / 100, rollup.capacity);
    return `support would have taken ${inUnit(rollup.used.total + hundredths / 100, rollup.unit)} of this sprint, ${share} % of its ${inUnit(rollup.capacity, rollup.unit)} capacity (no buffer is reserved).`;
  }
  return remainingAfter >= 0
    ? `${inUnit(remainingAfter, rollup.unit)} of the ${inUnit(rollup.budget, rollup.unit)} budget would remain.`
    : `the sprint would be ${inUnit(-remainingAfter, rollup.unit)} over its ${inUnit(rollup.budget, rollup.unit)} budget.`;
}

/** The explanation says "this ticket": the panel sits right under Jira's own key and summary (issue 12, item 10). */
export function panelBudget(active: Pick<ActiveRollup, 'rollup' | 'source' | 'stale'>, ticket: Ticket, settings: ProjectSettings): PanelBudget {
  const { rollup, source, stale } = active;
  const classification = classificationOf(settings);
  const base = {
    sprintId: rollup.sprintId,
    sprintName: rollup.sprintName,
    unit: rollup.unit,
    budgetMode: rollup.budgetMode ?? 'reserve',
    budget: rollup.budget,
    used: rollup.used.total,
    capacity: rollup.capacity,
    remaining: rollup.remaining,
    status: rollup.status,
    computedAt: rollup.computedAt,
    source,
    stale,
  };
  const item = rollup.items.find((i) => i.key === ticket.key);
  if (item) {
    const counts = rollup.budgetMode === 'track' ? `counts ${inUnit(item.amount, rollup.unit)} of the support work` : `counts ${inUnit(item.amount, rollup.unit)} against the support budget`;
    return { ...base, counted: true, ticketCost: null, remainingAfter: null, explanation: `This ticket is already in ${rollup.sprintName} and ${counts}.` };
  }
  if (rollup.itemsOmitted && ticket.sprints.some((s) => s.id === rollup.sprintId) && isSupportTicket(ticket, classification.supportFilter)) {
    // Too many items to store them all (sprint/rollup-size.ts): it is counted, among those not listed.
    return { ...base, counted: true, ticketCost: null, remainingAfter: null, explanation: `This ticket is already in ${rollup.sprintName} and counts against the support budget (one of its ${rollup.itemsOmitted} smaller support items, not listed).` };
  }
  if (!isSupportTicket(ticket, classification.supportFilter)) {
    return { ...base, counted: false, ticketCost: null, remainingAfter: null, explanation: 'This ticket is not a support ticket, so it does not count against the support budget.' };
  }
  const efforts = supportEfforts({
    sprintTickets: [ticket],
    window: { startMs: rollup.startMs, endMs: rollup.endMs },
    calendar: calendarOf(settings),
    model: capacityModelOf(settings),
    allocationPct: reservedPctOf(settings),
    classification,
  });
  const hundredths = efforts.reduce((sum, e) => sum + e.hundredths, 0);
  const estimated = efforts.some((e) => e.estimated);
  // Without a buffer nothing remains or runs over: the figure is what support would have taken.
  const remainingAfter = rollup.budgetMode === 'track' ? null : (Math.round(rollup.remaining * 100) - hundredths) / 100;
  const cost = inUnit(hundredths / 100, rollup.unit);
  const counts =
    rollup.unit === 'hours'
      ? `Pulling this ticket in counts the time logged on it during the sprint (${cost} so far, more as work is logged): `
      : `Pulling this ticket in counts ${cost}${estimated ? ' (the default for its severity, as it has no estimate)' : ''}: `;
  return { ...base, counted: false, ticketCost: { amount: hundredths / 100, estimated }, remainingAfter, explanation: `${counts}${afterSentence(remainingAfter ?? 0, rollup, hundredths)}` };
}

export function panelWip(rollup: SprintRollup, ticket: Ticket, settings: ProjectSettings): PanelWip {
  const { supportFilter } = classificationOf(settings);
  const limit = settings.wipLimit;
  const { inProgress, count } = rollup.wip;
  const status: WipStatus = { inProgress, count, limit, breached: count > limit, atLimit: count >= limit };
  const exceed = wouldExceed(status, ticket, { supportFilter });
  const tickets = `${count} support ticket${count === 1 ? ' is' : 's are'} in progress (limit ${limit})`;
  const message = !isSupportTicket(ticket, supportFilter)
    ? 'This is not a support ticket, so the support WIP limit does not apply.'
    : inProgress.includes(ticket.key)
      ? `This ticket is in progress and already counted: ${tickets}.`
      : exceed
        ? `${tickets}: starting this one as well would exceed the WIP limit. Finish or pause one first.`
        : `${tickets}: there is room to start this one.`;
  return { count, limit, wouldExceed: exceed, message };
}
