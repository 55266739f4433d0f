/**
 * Sprints are measured with the settings of their own time (issue 11, item 2), end to end through
 * settings.save and dashboard.get on the demo site: a save in the middle of the active sprint steps
 * its budget line from that day without rewriting the days before; closed sprints keep the settings
 * in force while they ran, however often or late their rows and cards are computed.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { simWindow, sprintTickets } from '../../../test/builders/sim-tickets';
import type { DashboardView } from '../../contract/dashboard';
import type { SettingsView } from '../../contract/settings';
import { allocate } from '../../domain/allocation';
import { DEFAULT_WORK_CALENDAR, localDate } from '../../domain/calendar';
import { DEFAULT_CLASSIFICATION } from '../../domain/triage-facts';
import { keys } from '../storage/keys';

const NOW = Date.UTC(2026, 10, 23, 9); // Monday of the active sprint's second week
const DAY = 86_400_000;
const ACTIVE = 13;
const HOURS = { kind: 'hours', teamSize: 5, focusHoursPerDay: 6 } as const;
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const dashboard = (payload: unknown = {}) => h.call<DashboardView>('po', 'dashboard.get', payload);
async function saveAllocation(pct: number): Promise<SettingsView> {
  const opened = dataOf(await h.call<SettingsView>('admin', 'settings.get'));
  return dataOf(await h.call<SettingsView>('admin', 'settings.save', { settings: { ...opened.settings, allocationPct: pct }, policy: opened.policy.policy, baseRevision: opened.revision }));
}
const historyKeys = () => h.store.keys().filter((k) => k.startsWith('history:SUP:'));

describe('a settings change during the active sprint', () => {
  let before: DashboardView;
  let after: DashboardView;
  beforeAll(async () => {
    before = dataOf(await dashboard());
    await saveAllocation(40);
    after = dataOf(await dashboard());
  });

  it('takes effect from its day: the budget line steps there and the days before keep the old budget', () => {
    const sprint = after.sprint;
    if (!sprint || !before.sprint) throw new Error('an active sprint expected');
    const today = localDate(NOW, 'UTC');
    const expected = allocate({
      sprintTickets: sprintTickets(h.sim, ACTIVE),
      window: simWindow(h.sim, ACTIVE),
      calendar: DEFAULT_WORK_CALENDAR,
      model: HOURS,
      allocationPct: 40,
      classification: DEFAULT_CLASSIFICATION,
      terms: [
        { fromMs: 0, allocationPct: 20, model: HOURS },
        { fromMs: NOW, allocationPct: 40, model: HOURS },
      ],
    });
    expect(sprint.budget).toBe(expected.budget);
    // Between the whole sprint at 20 % (before the save) and the whole sprint at 40 %.
    expect(sprint.budget).toBeGreaterThan(before.sprint.budget);
    expect(sprint.budget).toBeLessThan(before.sprint.budget * 2);
    for (const point of sprint.burn) expect(point.budget).toBe(point.date < today ? before.sprint.budget : sprint.budget);
    expect(sprint.burn.some((p) => p.date < today)).toBe(true);
    expect(sprint.burn.at(-1)?.budget).toBe(sprint.budget);
  });

  it('leaves the closed sprints at the settings in force while they ran', () => {
    expect(after.history.rows.map((r) => r.allocationPct)).toEqual(before.history.rows.map(() => 20));
    expect(after.history.rows).toEqual(before.history.rows);
  });
});

describe('closed sprints keep their settings however late they are computed', () => {
  it('rows recomputed after later saves are the same; a closed card computed now uses its own time too', async () => {
    const first = dataOf(await dashboard()).history.rows;
    h.clock.nowMs = NOW + DAY;
    try {
      await saveAllocation(10);
      // Lose every stored row (a damaged store, a new installation of the data): they are computed again.
      for (const key of historyKeys()) await h.store.delete(key);
      const again = dataOf(await dashboard());
      expect(again.history.rows).toEqual(first);
      expect(historyKeys()).toHaveLength(first.length);
      const closed = dataOf(await dashboard({ sprintId: 12 })).sprint;
      const row = first.find((r) => r.sprintId === 12);
      expect(closed).toMatchObject({ state: 'closed', budget: row?.budget, capacity: row?.capacity });
      expect(closed?.used.total).toBe(row?.used);
      expect(await h.store.get(keys.settingsAt('SUP', 2))).toMatchObject({ revision: 2, allocationPct: 10 });
    } finally {
      h.clock.nowMs = NOW;
    }
  });
});
