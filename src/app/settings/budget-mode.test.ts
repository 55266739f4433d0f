/**
 * "No buffer, show the cost" (issue 14, item 5), through the resolvers over the simulator: with the
 * mode saved, the active sprint reserves nothing — budget 0, never at risk or over, no overflow to
 * decide — while every number is still measured and support is shown as a share of capacity on the
 * dashboard, in the panel and in the gadget; switching back reserves the allocation again.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import type { DashboardView } from '../../contract/dashboard';
import type { GadgetView } from '../../contract/gadget';
import type { PanelBudgetView, PanelView } from '../../contract/panel';
import type { SettingsView } from '../../contract/settings';
import { ratioPct } from '../../domain/history';

const NOW = Date.UTC(2026, 10, 23, 9);
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

async function saveMode(budgetMode: 'reserve' | 'track'): Promise<void> {
  const opened = dataOf(await h.call<SettingsView>('admin', 'settings.get'));
  dataOf(await h.call('admin', 'settings.save', { settings: { ...opened.settings, budgetMode }, policy: opened.policy.policy, baseRevision: opened.revision }));
}

describe('a team that keeps no support buffer', () => {
  let reserved: DashboardView;
  let tracked: DashboardView;
  beforeAll(async () => {
    reserved = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}));
    h.clock.nowMs = NOW + 60_000;
    await saveMode('track');
    h.clock.nowMs = NOW + 120_000;
    tracked = dataOf(await h.call<DashboardView>('po', 'dashboard.get', { refresh: true }));
  });
  afterAll(async () => {
    await saveMode('reserve');
  });

  it('the demo sprint is at risk with a buffer; without one it reserves nothing and is never at risk or over', () => {
    expect(reserved.sprint).toMatchObject({ budgetMode: 'reserve', status: 'at-risk' });
    expect(reserved.sprint?.budget).toBeGreaterThan(0);
    expect(tracked.sprint).toMatchObject({ budgetMode: 'track', status: 'ok', needsOverflowDecision: false, canRecordOverflow: false });
    // Saved mid-sprint, and still nothing reserved at any time of it: the mode in force decides for the whole sprint.
    expect(tracked.sprint).toMatchObject({ budget: 0, remaining: 0, usedPctOfBudget: 0 });
    expect(tracked.sprint?.burn.every((p) => p.budget === 0)).toBe(true);
  });

  it('every number is still measured: the same support used, shown as a share of capacity', () => {
    expect(tracked.sprint?.used).toEqual(reserved.sprint?.used);
    expect(tracked.sprint?.capacity).toBe(reserved.sprint?.capacity);
    expect(tracked.sprint?.sharePctOfCapacity).toBe(ratioPct(tracked.sprint?.used.total ?? NaN, tracked.sprint?.capacity ?? NaN));
    expect(tracked.sprint?.sharePctOfCapacity).toBeGreaterThan(0);
    expect(tracked.sprint?.interrupts.map((i) => i.key)).toEqual(reserved.sprint?.interrupts.map((i) => i.key));
  });

  it('the history still recommends what a buffer would need, with no "down from" an allocation not in force', () => {
    expect(reserved.history.currentAllocationPct).toBe(20);
    expect(reserved.history.recommendation.explanation).toMatch(/: reserve \d+%, (down|up) from 20%\.$/);
    expect(tracked.history.currentAllocationPct).toBeNull();
    expect(tracked.history.recommendation.pct).toBe(reserved.history.recommendation.pct);
    expect(tracked.history.recommendation.explanation).toMatch(/: reserve \d+%\.$/);
  });

  it('has no overflow to decide: recording one is refused with a sentence', async () => {
    const answer = await h.call('po', 'dashboard.recordOverflow', { sprintId: tracked.sprint?.id, choice: 'accept-overrun', reason: 'because' });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', message: 'SUP Sprint 13 reserves no support buffer (the team tracks support and shows its cost), so there is no overflow to decide.' }) });
  });

  it('the panel says what the ticket adds as a share of capacity, not what would be left', async () => {
    const key = tracked.sprint?.untriaged[0]?.key ?? tracked.sprint?.interrupts[0]?.key ?? 'SUP-1';
    const view = dataOf<PanelView>(await h.call('po', 'panel.get', {}, { issueKey: key }));
    const budget = view.budgetNeedsUpdate ? dataOf<PanelBudgetView>(await h.call('po', 'panel.budget', {}, { issueKey: key })).budget : view.budget;
    expect(budget).toMatchObject({ budgetMode: 'track', status: 'ok', counted: true, capacity: tracked.sprint?.capacity });
    expect(budget?.explanation).toMatch(/^This ticket is already in SUP Sprint 13 and counts [\d.]+ h of the support work\.$/);
  });

  it('the gadget shows the share of capacity and the mode', async () => {
    const view = dataOf(await h.call<GadgetView>('po', 'gadget.get', {}, { extension: { gadgetConfiguration: { projectKey: 'SUP' } } }));
    expect(view.sprint).toMatchObject({ budgetMode: 'track', status: 'ok', sharePctOfCapacity: tracked.sprint?.sharePctOfCapacity });
  });

  it('reserving a buffer again brings the budget back', async () => {
    await saveMode('reserve');
    h.clock.nowMs = NOW + 180_000;
    const again = dataOf(await h.call<DashboardView>('po', 'dashboard.get', { refresh: true }));
    expect(again.sprint).toMatchObject({ budgetMode: 'reserve' });
    expect(again.sprint?.budget).toBeGreaterThan(0);
  });
});
