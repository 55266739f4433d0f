/**
 * Issue 14, items 4 and 5 together, through the resolver handler against the simulator's seeded SUP
 * project: in budget mode "track" (no buffer) the Next sprint block reserves, recommends and offers
 * nothing; it says what support is expected to take, measured from the history, and suggests a
 * commitment that leaves room for it; `dashboard.canAdopt` says why not and
 * `dashboard.adoptAllocation` refuses with the same sentence.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import type { DashboardView } from '../../contract/dashboard';
import type { CanAdoptResult } from '../../contract/planning';
import { SETTINGS_KEYS, type SettingsView } from '../../contract/settings';
import { percentile } from '../../domain/recommendation';
import { sprintPlan } from '../../domain/sprint-plan';

const NOW = Date.UTC(2026, 10, 23, 9);
const FUTURE = 14;
let h: StartedResolverHarness;
let view: DashboardView;
let revision: number;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
  const opened = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
  const saved = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.save, { settings: { ...opened.settings, budgetMode: 'track' }, policy: opened.policy.policy, baseRevision: opened.revision }));
  revision = saved.revision;
  view = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}));
});
afterAll(() => h.close());

describe('the Next sprint block in track mode', () => {
  it('reserves and recommends nothing, and offers nothing to adopt', () => {
    expect(view.nextSprint).toMatchObject({ id: FUTURE, budgetMode: 'track', recommendedPct: null, adoptable: false, adopted: null });
  });

  it("says what support is expected to take: the median share of the history's sprints, whole percent, and what it comes to", () => {
    const shares = view.history.rows.filter((r) => r.capacity > 0).map((r) => r.sharePct);
    const pct = Math.round(percentile(shares, 50));
    const next = view.nextSprint;
    const capacity = next?.capacity ?? Number.NaN;
    const amount = Math.round(capacity * pct) / 100;
    expect(next?.expectedSupport).toEqual({
      pct,
      amount,
      sprints: shares.length,
      sentence: `Nothing is reserved for support. It took ${pct}% of capacity in a typical sprint of the last ${shares.length} (median; ${Math.round(Math.min(...shares))}–${Math.round(Math.max(...shares))}%), so expect about the same: about ${amount} h of the ${capacity} h.`,
    });
    expect(next?.plannedPct).toBe(pct);
    expect(next?.capacityLeft).toBe(capacity - amount);
  });

  it('suggests a commitment that leaves room for the measured support, said without a reserve', () => {
    const next = view.nextSprint;
    const plan = sprintPlan({ unit: 'hours', capacity: next?.capacity ?? null, allocationPct: next?.expectedSupport?.pct ?? NaN, history: view.history.rows, support: 'expected' });
    expect(next?.suggestedCommitment).toEqual(plan.suggestedCommitment);
    expect(next?.suggestedCommitment).not.toBeNull();
    expect(next?.sentence).toBe(plan.sentence);
    expect(next?.sentence).toMatch(/^\d+ h left for sprint work after the \d+% of capacity support is expected to take \(nothing is reserved\)\. /);
    expect(next?.sentence).not.toMatch(/reserving/);
  });

  it('dashboard.canAdopt says no, with the reason, even to the admin; adoptAllocation refuses and stores nothing', async () => {
    const sentence = 'Project SUP tracks support without a buffer (budget mode "track"): nothing is reserved, so there is no allocation to adopt. To reserve one, switch the budget mode to "reserve" on the settings page.';
    expect(dataOf(await h.call<CanAdoptResult>('admin', 'dashboard.canAdopt'))).toEqual({ canAdopt: false, reason: sentence });
    expect(dataOf(await h.call<CanAdoptResult>('po', 'dashboard.canAdopt'))).toEqual({ canAdopt: false, reason: sentence });
    const answer = await h.call('admin', 'dashboard.adoptAllocation', { sprintId: FUTURE, pct: 10 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: sentence } });
    const settings = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
    expect(settings.revision).toBe(revision);
    expect(settings.settings.sprintAllocations).toEqual({});
    // A developer is still refused as a non-admin first.
    expect(await h.call('dev', 'dashboard.adoptAllocation', { sprintId: FUTURE, pct: 10 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
