/**
 * panelBudget when the stored rollup could not list every support item (sprint/rollup-size.ts): a
 * support ticket of the sprint that is not listed is still counted, never offered as a new cost.
 */
import { aTicket } from '../../../test/builders/ticket';
import { defaultSettings } from '../settings/project-settings';
import type { SprintRollup } from '../storage/sprint-records';
import { panelBudget } from './panel-budget';

const rollup: SprintRollup = {
  schemaVersion: 1, sprintId: 7, sprintName: 'Sprint 7', state: 'active', startMs: 0, endMs: 14 * 86_400_000, computedAt: 1,
  unit: 'hours', capacity: 300, budget: 60, used: { sanctioned: 10, planned: 20, untriaged: 5, total: 35 }, remaining: 25,
  status: 'ok', forecast: 50, items: [{ key: 'SUP-2', category: 'sanctioned', amount: 10, estimated: false }], burn: [],
  wip: { inProgress: [], count: 0, limit: 1, breached: false }, supportContact: null,
};
const inSprint = { sprints: [{ id: 7, name: 'Sprint 7', state: 'active' as const }] };
const support = { issueType: 'Support request' };
const budgetOf = (r: SprintRollup, ticket = aTicket({ ...support, ...inSprint })) => panelBudget({ rollup: r, source: 'stored', stale: false }, ticket, defaultSettings());

describe('panelBudget with items left out of the stored rollup', () => {
  it('counts a support ticket of the sprint that is not listed, when items were left out', () => {
    expect(budgetOf({ ...rollup, itemsOmitted: 40 })).toMatchObject({ counted: true, ticketCost: null, remainingAfter: null, explanation: 'This ticket is already in Sprint 7 and counts against the support budget (one of its 40 smaller support items, not listed).' });
  });

  it('without omitted items, a ticket that is not listed is priced as a new cost', () => {
    expect(budgetOf(rollup)).toMatchObject({ counted: false, ticketCost: { amount: 0, estimated: false } });
  });

  it('a ticket outside the sprint is priced as a new cost even when items were left out', () => {
    expect(budgetOf({ ...rollup, itemsOmitted: 40 }, aTicket(support))).toMatchObject({ counted: false, ticketCost: { amount: 0, estimated: false } });
  });
});
