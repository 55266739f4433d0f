/**
 * The panel says when the interrupt policy has nothing to say (issue 12, item 2): a Story gets the
 * reason instead of a verdict, a done ticket its status; the ticket's status is in the facts.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { ticketFromSite } from '../../../test/builders/sim-tickets';
import type { PanelView } from '../../contract/panel';

const NOW = Date.UTC(2026, 10, 23, 9);
let h: StartedResolverHarness;
beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const panel = async (key: string) => dataOf<PanelView>(await h.call('po', 'panel.get', {}, { issueKey: key }));
const first = (test: (t: ReturnType<typeof ticketFromSite>) => boolean): string => {
  const issue = h.sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.securityLevelId === null && test(ticketFromSite(h.sim, i.key)));
  if (!issue) throw new Error('no such issue on the demo site');
  return issue.key;
};

describe('panel.get and the scope of the policy', () => {
  it('a Story: the policy does not apply, and the sentence says what the support filter takes', async () => {
    const key = first((t) => t.issueType === 'Story');
    const view = await panel(key);
    expect(view.scope).toEqual({ applies: false, why: 'not-support', reason: expect.stringMatching(new RegExp(`^The interrupt policy applies to support tickets only, and ${key} is a Story without a support label: the support filter takes Bug, Incident`)) });
  });

  it('a done Bug: nothing to triage, its status named', async () => {
    const key = first((t) => t.issueType === 'Bug' && t.statusCategory === 'done');
    const view = await panel(key);
    const issue = h.sim.store.issue(key);
    expect(view.ticket.status).toBe(h.sim.store.project('SUP')?.statuses.find((s) => s.id === issue?.statusId)?.name);
    expect(view.scope).toMatchObject({ applies: false, why: 'done', reason: expect.stringMatching(new RegExp(`^${key} is (${view.ticket.status} \\(done\\)|done): there is nothing left to triage`)) });
  });

  it('an open support ticket: the policy applies, and its status is shown', async () => {
    const key = first((t) => t.issueType === 'Incident' && t.statusCategory !== 'done');
    const view = await panel(key);
    expect(view.scope).toEqual({ applies: true });
    expect(view.ticket.status).toEqual(expect.any(String));
  });
});
