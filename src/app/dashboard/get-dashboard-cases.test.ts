/**
 * `dashboard.get` off the happy path: a chosen sprint, payloads to refuse or ignore, people without
 * access, damaged stored records, a settings change, and boards without an active sprint or
 * without a board at all.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { SEARCH } from '../../../test/builders/sim-requests';
import { simWindow } from '../../../test/builders/sim-tickets';
import type { DashboardView } from '../../contract/dashboard';
import { defaultSettings } from '../settings/project-settings';
import { keys } from '../storage/keys';
import { storeSettings } from '../storage/settings-repository';
import { onSprintChangedCore } from '../sprint/sprint-changed';

const NOW = Date.UTC(2026, 10, 23, 9);
const DAY = 86_400_000;
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const get = (payload: unknown = {}, options: { as?: 'po' | 'dev' | 'outsider'; project?: string } = {}) => h.call<DashboardView>(options.as ?? 'po', 'dashboard.get', payload, { project: options.project ?? 'SUP' });

describe('dashboard.get with a chosen sprint', () => {
  it('shows a closed sprint, stores it as final and never recomputes it', async () => {
    const view = dataOf(await get({ sprintId: 12 }));
    expect(view.sprint).toMatchObject({ id: 12, state: 'closed', source: 'computed', endDate: new Date(simWindow(h.sim, 12).endMs).toISOString() });
    h.clock.nowMs = NOW + 30 * DAY;
    try {
      h.sim.clearRequests();
      expect(dataOf(await get({ sprintId: 12 })).sprint?.source).toBe('stored');
      // Nothing of the sprint is searched again; the one search is the daily question whether SUP has
      // secured issues (storage/issue-security.ts), a month after it was last asked.
      const searches = h.sim.requests().filter((r) => r.operationId === SEARCH).map((r) => (r.body as { jql: string }).jql);
      expect(searches).toEqual(['project = SUP AND level is not EMPTY']);
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('refuses a sprint of another board and a sprint that has not started', async () => {
    expect(await get({ sprintId: 20 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Sprint 20 is not a sprint of SUP board. Choose one of the board\'s sprints.' } });
    const future = await get({ sprintId: 14 });
    expect(future).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^SUP Sprint 14 has not started/) } });
  });

  it('refuses an invalid payload with a readable message', async () => {
    expect(await get({ sprintId: 'twelve' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('sprintId'), fields: { sprintId: expect.any(String) } } });
  });

  it('takes the project from the context, never from the payload', async () => {
    const view = dataOf(await get({ projectKey: 'TEAM', project: 'TEAM' }));
    expect(view.projectKey).toBe('SUP');
  });
});

describe('dashboard.get and access', () => {
  it('shows the dashboard to a developer who can browse the project', async () => {
    expect(dataOf(await get({}, { as: 'dev' })).sprint?.id).toBe(13);
  });

  it('shows nothing to someone who cannot browse the project', async () => {
    const answer = await get({}, { as: 'outsider' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('dashboard.get with damaged or outdated storage', () => {
  it('reports a corrupt stored rollup, recomputes and replaces it, without crashing', async () => {
    dataOf(await get());
    await h.store.setRaw(keys.rollup('SUP', 13), { schemaVersion: 1, sprintId: 13, used: 'lots' });
    await h.store.setRaw(keys.history('SUP', 9), 'garbage');
    const view = dataOf(await get());
    expect(view.sprint?.source).toBe('computed');
    expect(view.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^The stored record rollup:SUP:000000013 is damaged .* It was recomputed from Jira\.$/), expect.stringMatching(/^The stored record history:SUP:000000009 is not an object\. It was recomputed from Jira\.$/)]));
    expect(view.history.rows.map((r) => r.sprintId)).toEqual([7, 8, 9, 10, 11, 12]);
    h.sim.clearRequests();
    const again = dataOf(await get());
    expect([again.sprint?.source, again.notes, h.count(SEARCH)]).toEqual(['stored', [], 0]);
  });

  it('says while nobody has set the project up that its numbers use the defaults, and stops once someone has', async () => {
    expect(dataOf(await get()).defaults).toEqual({ teamSize: 5, focusHoursPerDay: 6, allocationPct: 20 });
    await storeSettings(h.store, 'SUP', { ...defaultSettings(), revision: 1, capacity: { ...defaultSettings().capacity, teamSize: 4 }, updatedBy: h.sim.users.admin.accountId, updatedAt: new Date(NOW).toISOString() });
    try {
      expect(dataOf(await get()).defaults).toBeNull();
      // A damaged record is not "nobody set it up": its own note says what happened instead.
      await h.store.setRaw(keys.settings('SUP'), { schemaVersion: 1, allocationPct: 'lots' });
      const damaged = dataOf(await get());
      expect(damaged.defaults).toBeNull();
      expect(damaged.notes).toContainEqual(expect.stringMatching(/^The stored record settings:SUP is damaged .* Default settings are used until an admin saves them again\.$/));
    } finally {
      await h.store.delete(keys.settings('SUP'));
    }
  });

  it('recomputes after an admin saves the settings, with the new allocation', async () => {
    dataOf(await get());
    await storeSettings(h.store, 'SUP', { ...defaultSettings(), revision: 1, allocationPct: 30, updatedBy: h.sim.users.admin.accountId, updatedAt: new Date(NOW).toISOString() });
    try {
      const view = dataOf(await get());
      // Saved at the start of the sprint's second week: its first 5 days keep 20 % of 150 h (30 h), the
      // last 5 get 30 % of 150 h (45 h) — the save takes effect from its day (sprint/settings-in-force.ts).
      expect(view.sprint).toMatchObject({ source: 'computed', budget: 75 });
      expect(view.history.currentAllocationPct).toBe(30);
      // Closed sprints keep what they reserved.
      expect(view.history.rows.every((r) => r.allocationPct === 20)).toBe(true);
    } finally {
      await h.store.delete(keys.settings('SUP'));
    }
  });
});

describe('dashboard.get with defect types the site lacks', () => {
  it('still counts the defects, and says which setting to check', async () => {
    const before = dataOf(await get({ refresh: true })).sprint?.defects;
    await storeSettings(h.store, 'SUP', { ...defaultSettings(), revision: 1, defectTypes: ['Bug', 'Defect'], updatedAt: new Date(NOW).toISOString() });
    try {
      const view = dataOf(await get());
      expect(view.sprint?.defects).toEqual(before);
      expect(view.notes).toContain('Some configured defect types do not exist in Jira; check the defect types in the settings.');
    } finally {
      await h.store.delete(keys.settings('SUP'));
    }
  });
});

describe('dashboard.get on boards without an active sprint or without a board', () => {
  it('shows the history and says that no sprint is active', async () => {
    const active = h.sim.store.sprint(27);
    if (!active) throw new Error('no TEAM active sprint');
    active.state = 'closed';
    active.completeMs = NOW - DAY;
    try {
      const view = dataOf(await get({}, { project: 'TEAM' }));
      expect(view.sprint).toBeNull();
      expect(view.message).toBe('No sprint is active on TEAM board. Start a sprint in Jira to track its support budget; the history of closed sprints is below.');
      expect(view.history.rows.map((r) => r.sprintId)).toEqual([22, 23, 24, 25, 26, 27]);
    } finally {
      active.state = 'active';
      delete active.completeMs;
    }
  });

  it('says what to do when the project has no scrum board', async () => {
    const boards = h.sim.store.boards;
    const all = [...boards];
    boards.splice(0, boards.length, ...all.filter((b) => b.projectId !== '10001')); // both of TEAM's boards
    try {
      // Jira tells the app the board is gone (the stored board and sprints are forgotten: app/sprint/sprint-changed.ts).
      await onSprintChangedCore(h.portsAs('app'), { eventType: 'avi:jira-software:deleted:board', board: { id: '2', name: 'TEAM board', type: 'scrum' } });
      expect(await get({}, { project: 'TEAM' })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Project TEAM has no Scrum board. Interrupt Budget works with Scrum boards: create one for the project.' },
      });
    } finally {
      boards.splice(0, boards.length, ...all);
    }
  });
});
