/**
 * `dashboard.recordOverflow` through the resolver handler against the simulator: only for a sprint
 * over its budget, only by someone who may schedule issues, a reason for accepting the overrun, and
 * the decision stored with who and when — and shown on the dashboard.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import type { DashboardView, RecordOverflowResult } from '../../contract/dashboard';
import { defaultSettings } from '../settings/project-settings';
import { keys } from '../storage/keys';
import { storeSettings } from '../storage/settings-repository';

const NOW = Date.UTC(2026, 10, 23, 9);
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const record = (payload: unknown, as: 'po' | 'dev' = 'po') => h.call<RecordOverflowResult>(as, 'dashboard.recordOverflow', payload);
const dashboard = async () => dataOf(await h.call<DashboardView>('po', 'dashboard.get'));

/**
 * Shrink the allocation to 10 % at the start of the sprint's second week: 20 % of the first 150 h
 * (30 h) and 10 % of the last 150 h (15 h), a 45 h budget, below what support has used this sprint.
 */
async function overBudget(): Promise<void> {
  await storeSettings(h.store, 'SUP', { ...defaultSettings(), revision: 1, allocationPct: 10, updatedBy: h.sim.users.admin.accountId, updatedAt: new Date(NOW).toISOString() });
}

describe('dashboard.recordOverflow', () => {
  it('is refused while the sprint is within its budget', async () => {
    h.sim.clearRequests();
    const within = (await dashboard()).sprint;
    expect(within?.status).not.toBe('over');
    // Nothing to decide: nobody is asked whether they may record a decision (only whether they may browse the project).
    expect(within?.canRecordOverflow).toBe(false);
    expect(h.sim.requests().filter((r) => r.operationId === 'getMyPermissions').map((r) => r.query.permissions)).toEqual(['BROWSE_PROJECTS']);
    expect(await record({ sprintId: 13, choice: 'swap-out' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^SUP Sprint 13 is (within|at risk but still within) its support budget, so there is no overflow to decide\./) },
    });
    expect(h.store.keys()).not.toContain(keys.overflow('SUP', 13));
  });

  it('is demanded by the dashboard once the sprint is over its budget', async () => {
    await overBudget();
    const view = await dashboard();
    expect(view.sprint).toMatchObject({ status: 'over', budget: 45, overflow: null, needsOverflowDecision: true, canRecordOverflow: null });
  });

  it('does not ask Jira up front whether the viewer may record it (Jira answers when they do): the view asks Browse only', async () => {
    h.sim.clearRequests();
    const asDev = dataOf(await h.call<DashboardView>('dev', 'dashboard.get'));
    expect(asDev.sprint).toMatchObject({ status: 'over', needsOverflowDecision: true, canRecordOverflow: null });
    expect(h.sim.requests().filter((r) => r.operationId === 'getMyPermissions').map((r) => r.query.permissions)).toEqual(['BROWSE_PROJECTS']);
  });

  it('needs a reason to accept the overrun, and stores nothing without one', async () => {
    for (const reason of [undefined, '   ']) {
      const answer = await record({ sprintId: 13, choice: 'accept-overrun', ...(reason === undefined ? {} : { reason }) });
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('reason'), fields: { reason: expect.any(String) } } });
    }
    expect(h.store.keys()).not.toContain(keys.overflow('SUP', 13));
  });

  it('is refused to someone who cannot schedule issues in the project', async () => {
    expect(await record({ sprintId: 13, choice: 'swap-out' }, 'dev')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Recording an overflow decision needs the Schedule Issues permission in SUP. Ask a project admin for it, or ask the product owner to record the decision.' },
    });
    expect(h.store.keys()).not.toContain(keys.overflow('SUP', 13));
  });

  it('refuses an unknown choice and a sprint of another board', async () => {
    expect(await record({ sprintId: 13, choice: 'ignore-it' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { choice: 'must be swap-out, abort-sprint or accept-overrun' } } });
    expect(await record({ sprintId: 27, choice: 'swap-out' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('records the decision with who and when, ignoring an accountId in the payload', async () => {
    const result = dataOf(await record({ sprintId: 13, choice: 'accept-overrun', reason: '  Outage week; the release can slip.  ', accountId: h.sim.users.dev.accountId }));
    const decision = { choice: 'accept-overrun', reason: 'Outage week; the release can slip.', decidedBy: h.sim.users.po.accountId, decidedAt: new Date(NOW).toISOString() };
    expect(result).toEqual({ sprintId: 13, decision });
    expect(await h.store.get(keys.overflow('SUP', 13))).toEqual({ schemaVersion: 1, sprintId: 13, ...decision });
    expect((await dashboard()).sprint).toMatchObject({ overflow: decision, needsOverflowDecision: false });
  });

  it('lets the product owner change their mind: a later decision replaces the earlier one', async () => {
    h.clock.nowMs = NOW + 5 * 60_000;
    try {
      dataOf(await record({ sprintId: 13, choice: 'swap-out' }));
      expect((await dashboard()).sprint?.overflow).toEqual({ choice: 'swap-out', decidedBy: h.sim.users.po.accountId, decidedAt: new Date(NOW + 5 * 60_000).toISOString() });
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('reports a damaged stored decision and asks for it again', async () => {
    await h.store.setRaw(keys.overflow('SUP', 13), { schemaVersion: 1, choice: 'swap-out' });
    const view = await dashboard();
    expect(view.sprint).toMatchObject({ overflow: null, needsOverflowDecision: true });
    expect(view.notes).toContainEqual(expect.stringMatching(/^The stored record overflow:SUP:000000013 is damaged .* Record the overflow decision again\.$/));
  });
});
