/**
 * Issue 14, item 4 through the resolver handler, against the simulator's seeded SUP project (12
 * closed sprints, SUP Sprint 13 active, SUP Sprint 14 future without dates): the dashboard's next
 * sprint, `dashboard.canAdopt`, and adopting the recommended allocation as a settings change.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import type { DashboardView } from '../../contract/dashboard';
import type { AdoptAllocationResult, CanAdoptResult } from '../../contract/planning';
import { SETTINGS_KEYS, type SettingsView } from '../../contract/settings';
import { DEFAULT_WORK_CALENDAR, workingDays } from '../../domain/calendar';
import { DEFAULT_DEFECT_RULES } from '../../domain/defects';
import { defectsPlannedInto, plannedDefectsOf } from '../../domain/planned-defects';
import { sprintPlan } from '../../domain/sprint-plan';
import type { Sprint } from '../../jira/client/agile-client';
import { projectTickets, simWindow, sprintTickets } from '../../../test/builders/sim-tickets';
import { defaultSettings } from '../settings/project-settings';
import { allocationInputFor } from '../sprint/allocation-input';
import { adoptablePct, plannedWindow } from './next-sprint';
import { defectCountPlan } from './next-sprint-defects';

const NOW = Date.UTC(2026, 10, 23, 9);
const FUTURE = 14;
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const dashboard = async (as: 'po' | 'dev' | 'admin' = 'po') => dataOf(await h.call<DashboardView>(as, 'dashboard.get', {}));

describe('the dashboard plans the next sprint', () => {
  let view: DashboardView;
  beforeAll(async () => {
    view = await dashboard();
  });

  it('shows the first future sprint, its dates assumed after the active one (Jira has none) and said so', () => {
    const active = simWindow(h.sim, 13);
    const next = view.nextSprint;
    expect(next).toMatchObject({ id: FUTURE, name: 'SUP Sprint 14', unit: 'hours', adopted: null, currentPct: 20 });
    expect(next?.startDate).toBe(new Date(active.endMs).toISOString());
    expect(next?.endDate).toBe(new Date(active.endMs + (active.endMs - active.startMs)).toISOString());
    expect(next?.datesAssumed).toBe('Jira has no dates for SUP Sprint 14 yet: the numbers assume it follows SUP Sprint 13 and lasts as long (14 days).');
  });

  it("capacity by the sprints' own maths, the recommendation reserved, what is left and the commitment from the same history rows", () => {
    const active = simWindow(h.sim, 13);
    const window = { startMs: active.endMs, endMs: active.endMs + (active.endMs - active.startMs) };
    const capacity = 5 * 6 * workingDays(window, DEFAULT_WORK_CALENDAR).length;
    const next = view.nextSprint;
    const recommended = view.history.recommendation.pct;
    expect(recommended).toBe(10);
    expect(next).toMatchObject({ capacity, recommendedPct: 10, plannedPct: 10, capacityLeft: capacity * 0.9, method: 'velocity', adoptable: true });
    const plan = sprintPlan({ unit: 'hours', capacity, allocationPct: 10, history: view.history.rows });
    expect(next?.suggestedCommitment).toEqual(plan.suggestedCommitment);
    expect(next?.suggestedCommitment).not.toBeNull();
    expect(next?.sentence).toBe(plan.sentence);
    expect(next?.sentence).toMatch(/^\d+ h left for sprint work after reserving 10% for support\. From the points the team completed per hour left for sprint work over the last 6 sprints: commit to about \d+–\d+ points\.$/);
  });
});

describe('the defect-count method on the Next sprint block (seed 004)', () => {
  let view: DashboardView;
  beforeAll(async () => {
    view = await dashboard();
  });

  it("the demo team does not estimate its defects: the block adds the plan from last sprint's points and the defects planned then and now", () => {
    const last = plannedDefectsOf(sprintTickets(h.sim, 12), { sprintId: 12, startMs: simWindow(h.sim, 12).startMs }, DEFAULT_DEFECT_RULES);
    const next = defectsPlannedInto(projectTickets(h.sim, 'SUP'), FUTURE, DEFAULT_DEFECT_RULES);
    // Worked out from the simulator: no defect of the last 6 sprints' plans (nor the next one's) carries points.
    const seen = [7, 8, 9, 10, 11, 12].map((id) => plannedDefectsOf(sprintTickets(h.sim, id), { sprintId: id, startMs: simWindow(h.sim, id).startMs }, DEFAULT_DEFECT_RULES));
    expect(seen.reduce((n, p) => n + p.count, 0)).toBeGreaterThanOrEqual(2);
    expect([...seen, next].every((p) => p.estimated === 0)).toBe(true);
    expect(view.history.rows.at(-1)?.plannedDefects).toEqual(last);

    const lastRow = view.history.rows.at(-1);
    const plan = sprintPlan({ unit: 'hours', capacity: null, allocationPct: 10, history: lastRow ? [lastRow] : [], defects: { lastSprint: last.count, thisSprint: next.count } });
    expect(view.nextSprint?.defectCount).toEqual({ lastSprintDefects: last.count, thisSprintDefects: next.count, suggestedCommitment: plan.suggestedCommitment, sentence: plan.sentence });
    expect(view.nextSprint?.defectCount?.sentence).toBe(
      `Last sprint the team completed ${lastRow?.velocityPoints} points with ${last.count} defect${last.count === 1 ? '' : 's'} planned; this sprint has ${next.count}: plan about ${plan.suggestedCommitment?.low}–${plan.suggestedCommitment?.high} points (a defect counted as 2.5–5 points).`,
    );
    // The velocity plan stays the block's own.
    expect(view.nextSprint?.method).toBe('velocity');
  });

  it('is left out for a team whose defects carry estimates, or when a count is not known', () => {
    const row = { ...view.history.rows[0], startMs: 0, endMs: 1 } as unknown as Parameters<typeof defectCountPlan>[1][number];
    const base = { unit: 'hours' as const, capacity: 300, allocationPct: 10 };
    const rows = [{ ...row, plannedDefects: { count: 4, estimated: 0 } }];
    expect(defectCountPlan(base, rows, FUTURE, { sprintId: FUTURE, defects: { count: 2, estimated: 0 } })?.sentence).toMatch(/with 4 defects planned; this sprint has 2: plan about/);
    expect(defectCountPlan(base, [{ ...row, plannedDefects: { count: 4, estimated: 1 } }], FUTURE, { sprintId: FUTURE, defects: { count: 2, estimated: 0 } })).toBeNull();
    expect(defectCountPlan(base, rows, FUTURE, { sprintId: FUTURE, defects: { count: 2, estimated: 2 } })).toBeNull();
    expect(defectCountPlan(base, rows, FUTURE, undefined)).toBeNull(); // no ledger with the next sprint (no active sprint, an older record)
    expect(defectCountPlan(base, rows, FUTURE, { sprintId: 99, defects: { count: 2, estimated: 0 } })).toBeNull(); // counted for another sprint
    expect(defectCountPlan(base, [{ ...row, plannedDefects: undefined }], FUTURE, { sprintId: FUTURE, defects: { count: 2, estimated: 0 } })).toBeNull(); // last row stored before it was kept
  });
});

describe('dashboard.canAdopt and dashboard.adoptAllocation', () => {
  it('says who may adopt: a project admin, not the product owner or a developer', async () => {
    expect(dataOf(await h.call<CanAdoptResult>('admin', 'dashboard.canAdopt'))).toEqual({ canAdopt: true });
    expect(dataOf(await h.call<CanAdoptResult>('po', 'dashboard.canAdopt'))).toEqual({ canAdopt: false });
    expect(dataOf(await h.call<CanAdoptResult>('dev', 'dashboard.canAdopt'))).toEqual({ canAdopt: false });
  });

  it('refuses a non-admin with a sentence, and stores nothing', async () => {
    const before = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
    const answer = await h.call('dev', 'dashboard.adoptAllocation', { sprintId: FUTURE, pct: 10 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only administrators of project SUP can adopt an allocation for a sprint. Ask a project admin to adopt it, or a Jira admin for the Administer Projects permission.' } });
    expect(dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get)).revision).toBe(before.revision);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['the active sprint', { sprintId: 13, pct: 10 }, 'VALIDATION', /SUP Sprint 13 has already started: an allocation can be adopted only for a future sprint of the board\./],
    ['a closed sprint', { sprintId: 3, pct: 10 }, 'VALIDATION', /SUP Sprint 3 has already started/],
    ["another board's sprint", { sprintId: 999, pct: 10 }, 'VALIDATION', /Sprint 999 is not a sprint of /],
    ['a percentage above 100', { sprintId: FUTURE, pct: 150 }, 'VALIDATION', /100% or less/],
    ['a fractional percentage', { sprintId: FUTURE, pct: 12.5 }, 'VALIDATION', /whole percentage/],
    ['no sprint', { pct: 10 }, 'VALIDATION', /sprint id/],
  ])('refuses %s with a sentence', async (_name, payload, code, message) => {
    const answer = await h.call('admin', 'dashboard.adoptAllocation', payload);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe(code);
      expect(JSON.stringify(answer.error)).toMatch(message);
    }
  });

  it('a save in between (another admin, another tab) is answered as the settings page answers it: CONFLICT, nothing adopted', async () => {
    const original = h.store.setIfAbsent.bind(h.store);
    const spy = jest.spyOn(h.store, 'setIfAbsent').mockImplementationOnce(async (key, value) => {
      // Another save takes this revision first, between the adoption's read and its claim.
      const opened = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
      dataOf(await h.call('admin', SETTINGS_KEYS.save, { settings: { ...opened.settings, wipLimit: 4 }, policy: opened.policy.policy, baseRevision: opened.revision }));
      return original(key, value);
    });
    try {
      const answer = await h.call('admin', 'dashboard.adoptAllocation', { sprintId: FUTURE, pct: 10 });
      expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Reload the page/) } });
    } finally {
      spy.mockRestore();
    }
    const settings = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
    expect(settings.settings.sprintAllocations).toEqual({});
    expect(settings.settings.wipLimit).toBe(4);
  });

  it('an admin adopts the recommendation: a settings revision of its own, who and when, shown on the dashboard and the settings page', async () => {
    const before = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
    const adminId = h.sim.users.admin.accountId;
    const result = dataOf(await h.call<AdoptAllocationResult>('admin', 'dashboard.adoptAllocation', { sprintId: FUTURE, pct: 10 }));
    const adopted = { pct: 10, adoptedBy: adminId, adoptedAt: new Date(NOW).toISOString() };
    expect(result).toEqual({ sprintId: FUTURE, adopted });

    const settings = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
    expect(settings).toMatchObject({ revision: before.revision + 1, updatedBy: adminId });
    expect(settings.settings.sprintAllocations).toEqual({ [String(FUTURE)]: adopted });
    // Nothing else changed: the project's allocation and the policy version stay.
    expect({ ...settings.settings, sprintAllocations: {} }).toEqual(before.settings);
    expect(settings.policy.version).toBe(before.policy.version);

    const view = await dashboard('dev');
    expect(view.nextSprint).toMatchObject({ adopted, plannedPct: 10, adoptable: false });
    expect(view.people[adminId]).toBeDefined(); // the name the block says "adopted by"
  });

  it('a settings page save keeps the adoption (the form sends what it was given)', async () => {
    const opened = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
    const saved = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.save, { settings: { ...opened.settings, wipLimit: 5 }, policy: opened.policy.policy, baseRevision: opened.revision }));
    expect(saved.settings.sprintAllocations[String(FUTURE)]?.pct).toBe(10);
  });
});

describe('the allocation adopted for a sprint is what it is measured with', () => {
  const settings = { ...defaultSettings(), sprintAllocations: { '14': { pct: 30, adoptedBy: 'someone', adoptedAt: '2026-11-20T10:00:00.000Z' } } };
  const window = { startMs: Date.UTC(2026, 11, 1), endMs: Date.UTC(2026, 11, 15) };
  const terms = [
    { fromMs: 0, allocationPct: 20, model: { kind: 'hours', teamSize: 5, focusHoursPerDay: 6 } as const },
    { fromMs: Date.UTC(2026, 11, 8), allocationPct: 15, model: { kind: 'hours', teamSize: 4, focusHoursPerDay: 6 } as const },
  ];

  it('that sprint, for its whole window (the capacity model still steps); other sprints keep the project allocation', () => {
    const adopted = allocationInputFor(settings, [], window, undefined, terms, 14);
    expect(adopted.allocationPct).toBe(30);
    expect(adopted.terms?.map((t) => [t.allocationPct, t.model])).toEqual([[30, terms[0]?.model], [30, terms[1]?.model]]);
    expect(allocationInputFor(settings, [], window, undefined, terms, 13)).toMatchObject({ allocationPct: 20, terms });
    expect(allocationInputFor(settings, [], window).allocationPct).toBe(20);
  });

  it('adopting what the sprint already gets is nothing to adopt', () => {
    expect(adoptablePct(settings, 14, 30)).toBeNull();
    expect(adoptablePct(settings, 14, 25)).toBe(25);
    expect(adoptablePct(settings, 15, 20)).toBeNull();
    expect(adoptablePct(settings, 15, null)).toBeNull();
  });
});

describe('plannedWindow: the dates the next sprint is planned with', () => {
  const sprint = (s: Partial<Sprint> & Pick<Sprint, 'id' | 'state'>): Sprint => ({ name: `S${s.id}`, ...s }) as Sprint;
  const now = Date.UTC(2026, 11, 1, 9);

  it("Jira's planned dates when it has them", () => {
    const future = sprint({ id: 3, state: 'future', startDate: '2026-12-07T09:00:00.000Z', endDate: '2026-12-18T17:00:00.000Z' });
    expect(plannedWindow(future, [future], now)).toEqual({ startMs: Date.parse('2026-12-07T09:00:00.000Z'), endMs: Date.parse('2026-12-18T17:00:00.000Z') });
  });

  it('dates that cannot be a sprint (end before start, months long) are assumed instead, as without any', () => {
    const backwards = sprint({ id: 3, state: 'future', startDate: '2026-12-18T09:00:00.000Z', endDate: '2026-12-07T17:00:00.000Z' });
    expect(plannedWindow(backwards, [backwards], now)).toEqual({ startMs: now, endMs: now + 14 * 86_400_000, assumed: 'Jira has no dates for S3 yet: the numbers assume it starts today and lasts 14 days.' });
    const long = sprint({ id: 3, state: 'future', startDate: '2026-12-01T09:00:00.000Z', endDate: '2027-06-01T09:00:00.000Z' });
    expect(plannedWindow(long, [long], now).assumed).toBeDefined();
  });

  it('after the latest started sprint, as long as it, a one-day sprint said in the singular', () => {
    const closed = sprint({ id: 1, state: 'closed', startDate: '2026-11-23T09:00:00.000Z', endDate: '2026-11-24T09:00:00.000Z', completeDate: '2026-11-24T09:00:00.000Z' });
    const future = sprint({ id: 2, state: 'future' });
    expect(plannedWindow(future, [closed, future], now)).toEqual({
      startMs: Date.parse('2026-11-24T09:00:00.000Z'),
      endMs: Date.parse('2026-11-25T09:00:00.000Z'),
      assumed: 'Jira has no dates for S2 yet: the numbers assume it follows S1 and lasts as long (1 day).',
    });
  });
});
