/**
 * Assign Issues is not asked up front (issue 13, item 4: a fresh panel view within 10 points): the
 * panel plans the assignment to the support contact, and Jira's answer when assigning decides. For
 * a product owner without the permission the assign step is reported skipped with the same sentence
 * as before, the other steps are done and the apply is complete; with it, the ticket is assigned.
 * Through the resolver handler against the simulator over HTTP.
 */
import type { ApplyDecisionResult, PanelView } from '../../contract/panel';
import { addOpenSupportTickets } from '../../../test/builders/open-support-tickets';
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { defaultSettings } from '../settings/project-settings';
import { storeSettings } from '../storage/settings-repository';
import { projectRegistry } from '../storage/sprint-records';

const NOW = Date.UTC(2026, 10, 23, 9);
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
  await projectRegistry.register(h.store, 'SUP', NOW);
  // Interrupts are assigned to the support contact: the admin, in every sprint (a roster of one).
  await storeSettings(h.store, 'SUP', { ...defaultSettings(), assignToSupportContact: true, rotation: { roster: [h.sim.users.admin.accountId], overrides: {} } });
});
afterAll(() => h.close());

const po = () => h.sim.store.users.find((u) => u.accountId === h.sim.users.po.accountId)!;
const panel = (key: string) => h.call<PanelView>('po', 'panel.get', {}, { issueKey: key });
const apply = (key: string) => h.call<ApplyDecisionResult>('po', 'panel.applyDecision', { outcome: 'interrupt', basedOn: null }, { issueKey: key });

it('the panel does not ask Jira for Assign Issues, and plans the assignment', async () => {
  const [key] = addOpenSupportTickets(h.sim, 1, { priority: 'Highest', labels: ['support'] });
  h.sim.clearRequests();
  const view = dataOf(await panel(key!));
  const asked = h.sim.requests().filter((r) => r.operationId === 'getMyPermissions').map((r) => r.query.permissions);
  expect(asked).toEqual(['EDIT_ISSUES,SCHEDULE_ISSUES,ADD_COMMENTS']);
  expect(view.permissions.canAssign).toBeNull();
  expect(view.previews.interrupt.steps.find((s) => s.step === 'assign')).toMatchObject({ action: 'do' });
});

it('without Assign Issues, Jira refuses the assignment: the step is skipped with the sentence, the rest is done, the apply complete', async () => {
  const [key] = addOpenSupportTickets(h.sim, 1, { priority: 'Highest', labels: ['support'] });
  po().revokedPermissions = ['ASSIGN_ISSUES'];
  try {
    const result = dataOf(await apply(key!));
    expect(result.steps.find((s) => s.step === 'assign')).toEqual({ step: 'assign', status: 'skipped', message: 'You may not assign issues in this project, so the ticket is not assigned.' });
    expect(result.steps.filter((s) => s.step !== 'assign').every((s) => s.status === 'done')).toBe(true);
    expect(result.complete).toBe(true);
    expect(h.sim.store.issue(key!)?.assigneeId).toBeNull();
    expect(h.sim.store.issue(key!)?.labels).toContain('interrupt');
  } finally {
    po().revokedPermissions = undefined;
  }
});

it('with it, the ticket is assigned to the support contact', async () => {
  const [key] = addOpenSupportTickets(h.sim, 1, { priority: 'Highest', labels: ['support'] });
  const result = dataOf(await apply(key!));
  expect(result.steps.find((s) => s.step === 'assign')).toMatchObject({ status: 'done' });
  expect(h.sim.store.issue(key!)?.assigneeId).toBe(h.sim.users.admin.accountId);
});
