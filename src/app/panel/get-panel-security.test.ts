/**
 * `panel.get` security, through the resolver handler as Forge calls it: Jira's own permissions decide
 * what a user sees, the context decides which issue, and a forged context is refused.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { PanelView } from '../../contract/panel';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';

let sim: Simulator;
let panel: ResolverHarness;
const get = (key: string, role: 'po' | 'dev' | 'outsider' = 'po', payload: unknown = {}) => panel.call(role, 'panel.get', payload, { issueKey: key });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  panel = resolverHarness(sim);
});
afterAll(() => sim.close());

describe('panel.get security', () => {
  it('an outsider gets NOT_FOUND, as Jira hides the issue from them', async () => {
    const answer = await get('SUP-246', 'outsider');
    expect(answer).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Jira could not find it, or you do not have permission to see it.' } });
  });

  it('a developer gets a read-only view that says why', async () => {
    const view = dataOf<PanelView>(await get('SUP-246', 'dev'));
    expect(view.verdict.outcome).toBe('interrupt');
    expect(view.permissions.canApply).toBe(false);
    expect(view.permissions.reason).toBe('You can see this ticket, but applying a decision needs the Edit Issues and Schedule Issues permissions in SUP. Ask a project admin for them, or ask your product owner to apply the decision.');
  });

  it('ignores a payload naming another issue: the context decides', async () => {
    const view = dataOf<PanelView>(await get('SUP-250', 'po', { issueKey: 'SUP-246', issue: { key: 'SUP-246', id: '1' }, accountId: sim.users.admin.accountId }));
    expect(view.ticket.key).toBe('SUP-250');
  });

  it('refuses a context whose project does not match the issue\'s real project', async () => {
    const issue = sim.store.issue('SUP-250');
    const answer = await panel.call('po', 'panel.get', {}, { extension: { issue: { key: 'SUP-250', id: issue?.id }, project: { key: 'TEAM' } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'SUP-250 belongs to project SUP, not TEAM. Reload the page.' } });
  });

  it('refuses a malformed issue key in the context before calling Jira', async () => {
    sim.clearRequests();
    const answer = await panel.call('po', 'panel.get', {}, { extension: { issue: { key: '../../rest/api/3/myself' } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(sim.requests()).toEqual([]);
  });
});
