/**
 * `dashboard.get` while Jira's hourly quota for apps is spent (issue 13, item 2), against the
 * simulator's enforced points meter over HTTP: the view answers with the stored numbers and says
 * since when (`sprint.staleBecause`), whether its own refresh was refused or the hourly rollup was
 * cut off for the project, and nothing is asked again after the quota's 429.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { SEARCH } from '../../../test/builders/sim-requests';
import type { DashboardGetPayload, DashboardView } from '../../contract/dashboard';
import { rollUpAll } from '../sprint/hourly-rollup';
import { loadProjectContext } from '../sprint/project-context';
import { keys } from '../storage/keys';
import { projectRegistry, sprintRecords } from '../storage/sprint-records';

const NOW = Date.UTC(2026, 10, 23, 9);
const HOUR = 3_600_000;
const ACTIVE = 27; // TEAM's active sprint
let h: StartedResolverHarness;

/** The app's clock and the site's together, so Jira's quota window (the site's hour) is the app's. */
const setTime = (ms: number) => {
  h.clock.nowMs = ms;
  h.sim.clock.set(ms);
};
const view = async (payload: DashboardGetPayload = {}) => dataOf(await h.call<DashboardView>('po', 'dashboard.get', payload, { project: 'TEAM' }));
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await projectRegistry.register(h.store, 'TEAM', NOW);
  await rollUpAll(h.portsAs('app'), NOW + 600_000); // the rollup the views fall back to: computed at NOW
  await view(); // the people it names are looked up once, as on any first view
});
afterEach(async () => {
  h.sim.points.set({ enforce: false });
  h.sim.points.reset();
  setTime(NOW);
  // What a test wrote hours ahead reads as from the future when the clock is set back: the board and its sprints are read again then.
  await h.store.delete(keys.boardSprints('TEAM'));
});
afterAll(async () => {
  jest.restoreAllMocks();
  await h.close();
});

describe("dashboard.get while Jira's hourly quota for apps is spent", () => {
  it.each<[string, DashboardGetPayload]>([
    ['a stale rollup', {}],
    ['the Refresh button', { refresh: true }],
  ])('answers with the stored numbers when the quota refuses the refresh of %s, says since when, and asks nothing again', async (_, payload) => {
    const at = NOW + 2 * HOUR + 30 * 60_000; // 11:30: the rollup of 09:00 is stale
    setTime(at);
    // What the view pays before it refreshes the sprint (the board and its sprints, as the viewer):
    // the quota is set to exactly that, so the refresh's first requests are the ones refused.
    await loadProjectContext(h.portsAs('po'), 'TEAM');
    h.sim.clearRequests();
    await loadProjectContext(h.portsAs('po'), 'TEAM');
    const contextPoints = h.sim.requests().reduce((n, r) => n + r.points, 0);
    const stored = (await sprintRecords.rollup.read(h.store, 'TEAM', ACTIVE)).value;
    h.sim.points.reset();
    h.sim.points.set({ enforce: true, quota: contextPoints });
    h.sim.clearRequests();

    const shown = await view(payload);

    expect(shown.sprint).toMatchObject({ id: ACTIVE, source: 'stored', computedAt: iso(NOW), used: stored?.used, remaining: stored?.remaining });
    expect(shown.sprint?.staleBecause).toEqual({ kind: 'quota', asOf: iso(NOW), resetsAt: iso(NOW + 3 * HOUR) });
    const log = h.sim.requests();
    const firstRefusal = log.findIndex((r) => r.status === 429);
    expect(firstRefusal).toBeGreaterThan(0);
    // After the first refusal only the requests already sent beside it (refused too), each once: nothing loops or retries.
    expect(log.slice(firstRefusal).every((r) => r.status === 429)).toBe(true);
    const refused = log.slice(firstRefusal).map((r) => `${r.operationId} ${JSON.stringify(r.body)}`);
    expect(new Set(refused).size).toBe(refused.length);
    expect((await sprintRecords.rollup.read(h.store, 'TEAM', ACTIVE)).value).toEqual(stored);
  });

  it('says so on fresh-looking stored numbers the quota kept the hourly rollup from updating, until a run completes', async () => {
    setTime(NOW + 30 * 60_000);
    h.sim.points.set({ enforce: true, quota: 1 });
    expect((await rollUpAll(h.portsAs('app'), NOW + 40 * 60_000)).stoppedBy).toBe('quota');
    h.sim.points.set({ enforce: false });
    h.sim.points.reset();

    setTime(NOW + 40 * 60_000); // the rollup of 09:00 is within its hour: served without a search
    h.sim.clearRequests();
    const cutOff = await view();
    expect(cutOff.sprint).toMatchObject({ source: 'stored', computedAt: iso(NOW), staleBecause: { kind: 'quota', asOf: iso(NOW), resetsAt: iso(NOW + HOUR) } });
    // No search for the numbers (the daily question which issues are secured may be asked: the cut-off run did not get to it).
    expect(h.sim.requests().filter((r) => r.operationId === SEARCH && !/level is not EMPTY/.test((r.body as { jql: string }).jql))).toEqual([]);

    setTime(NOW + HOUR + 5 * 60_000); // the next hourly run, with the quota reset, completes
    expect((await rollUpAll(h.portsAs('app'), NOW + HOUR + 600_000)).stoppedBy).toBeUndefined();
    const after = await view();
    expect(after.sprint?.computedAt).toBe(iso(NOW + HOUR + 5 * 60_000));
    expect(after.sprint?.staleBecause).toBeUndefined();
  });

  it('says nothing when the numbers are as fresh as usual', async () => {
    expect((await view()).sprint?.staleBecause).toBeUndefined();
  });
});
