/**
 * The sprint-started trigger against the simulator, acting as the app (the simulator's admin login
 * plays the app user): a sprint is started on the SUP board, the event arrives, the baseline is
 * stored — once, for projects that use the app only, and never from an event it cannot read.
 */
import { startResolverHarness, type StartedResolverHarness } from '../../test/builders/resolver-harness';
import { rollUpAll } from '../app/sprint/hourly-rollup';
import { readSprintCache } from '../app/sprint/sprint-issue-cache';
import { onSprintStartedCore } from '../app/sprint/sprint-started';
import { keys } from '../app/storage/keys';
import { projectRegistry, sprintRecords } from '../app/storage/sprint-records';
import { sprintStartedHandler } from './sprint-started';

const NOW = Date.UTC(2026, 10, 23, 9);
const HOUR = 3_600_000;
let h: StartedResolverHarness;
let logs: jest.SpyInstance;

/** Close SUP Sprint 13 and start Sprint 14 (already planned) with 13's open issues and two more from the backlog. */
function startNextSupSprint(): void {
  const [closing, starting] = [h.sim.store.sprint(13), h.sim.store.sprint(14)];
  if (!closing || !starting) throw new Error('demo sprints missing');
  closing.state = 'closed';
  closing.completeMs = NOW - HOUR;
  Object.assign(starting, { state: 'active', startMs: NOW - 30 * 60_000, endMs: NOW + 14 * 24 * HOUR });
  const open = h.sim.store.issues.filter((i) => i.sprintIds.includes(13) && i.resolvedMs === null);
  const backlog = h.sim.store.issues.filter((i) => i.projectId === '10000' && i.sprintIds.length === 0 && i.resolvedMs === null).slice(0, 2);
  for (const issue of [...open, ...backlog]) issue.sprintIds.push(14);
}

const event = (id: number | string, originBoardId = 1) => ({
  eventType: 'avi:jira-software:started:sprint',
  sprint: { id, self: `${h.sim.url}/rest/agile/1.0/sprint/${id}`, state: 'active', name: `Sprint ${id}`, startDate: new Date(NOW).toISOString(), originBoardId, goal: '' },
  atlassianId: h.sim.users.po.accountId,
});

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
  logs = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  await projectRegistry.register(h.store, 'SUP', NOW);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await h.close();
});

describe('onSprintStarted', () => {
  const handler = () => sprintStartedHandler(() => h.portsAs('app'));

  it('stores the baseline of a started sprint: its issues and committed story points', async () => {
    startNextSupSprint();
    await handler()(event(14), {});
    const inSprint = h.sim.store.issues.filter((i) => i.sprintIds.includes(14));
    const committed = inSprint.map((i) => i.key);
    const points = inSprint.reduce((sum, i) => sum + (i.points ?? 0), 0);
    expect((await sprintRecords.baseline.read(h.store, 'SUP', 14)).value).toEqual({ schemaVersion: 1, sprintId: 14, takenAt: NOW, lazy: false, issueKeys: expect.arrayContaining(committed), committedPoints: points });
    expect((await sprintRecords.baseline.read(h.store, 'SUP', 14)).value?.issueKeys).toHaveLength(committed.length);
    const line = JSON.parse(String(logs.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
    expect(line).toMatchObject({ app: 'interrupt-budget', trigger: 'sprint-started', outcome: 'taken', why: `Baseline of sprint 14 taken: ${committed.length} issues, ${points} points.` });
  });

  it('seeds the sprint issue cache with the same read, so the first hourly run only asks what changed', async () => {
    const cached = await readSprintCache(h.store, 'SUP', 14);
    expect(cached.cached?.tickets.map((t) => t.key).sort()).toEqual(h.sim.store.issues.filter((i) => i.sprintIds.includes(14)).map((i) => i.key).sort());
    h.clock.nowMs = NOW + HOUR;
    try {
      h.sim.clearRequests();
      await rollUpAll(h.portsAs('app'), NOW + HOUR + 900_000);
      const sprintSearches = h.sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost').map((r) => (r.body as { jql: string }).jql).filter((q) => q.startsWith('sprint = 14'));
      expect(sprintSearches.sort()).toEqual(['sprint = 14', 'sprint = 14 AND updated >= -65m']);
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('keeps the start baseline when the event is delivered again later', async () => {
    const before = await h.store.get(keys.baseline('SUP', 14));
    const extra = h.sim.store.issues.find((i) => i.projectId === '10000' && i.sprintIds.length === 0);
    extra?.sprintIds.push(14);
    h.clock.nowMs = NOW + HOUR;
    try {
      expect(await onSprintStartedCore(h.portsAs('app'), event('14'))).toMatchObject({ status: 'kept', projectKey: 'SUP', sprintId: 14 });
      expect(await h.store.get(keys.baseline('SUP', 14))).toEqual(before);
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('replaces a lazy baseline taken before the event arrived', async () => {
    const stored = (await sprintRecords.baseline.read(h.store, 'SUP', 14)).value;
    if (!stored) throw new Error('no baseline');
    await sprintRecords.baseline.write(h.store, 'SUP', { ...stored, lazy: true, issueKeys: [] });
    expect(await onSprintStartedCore(h.portsAs('app'), event(14))).toMatchObject({ status: 'taken' });
    expect((await sprintRecords.baseline.read(h.store, 'SUP', 14)).value).toMatchObject({ lazy: false, issueKeys: expect.arrayContaining(stored.issueKeys) });
  });

  it('ignores sprints of boards whose project does not use the app', async () => {
    const team = h.sim.store.sprint(28);
    if (!team) throw new Error('no TEAM future sprint');
    Object.assign(team, { state: 'active', startMs: NOW, endMs: NOW + 14 * 24 * HOUR });
    expect(await onSprintStartedCore(h.portsAs('app'), event(28, 2))).toEqual({ status: 'not-ours', sprintId: 28, message: 'Sprint 28 belongs to a board of no project that uses Interrupt Budget.' });
    expect(h.store.keys().filter((k) => k.startsWith('baseline:TEAM'))).toEqual([]);
  });

  it('drops an event it cannot read without calling Jira', async () => {
    h.sim.clearRequests();
    for (const bad of [{}, { sprint: { id: 'fourteen' } }, null]) {
      expect(await onSprintStartedCore(h.portsAs('app'), bad)).toMatchObject({ status: 'ignored', message: expect.stringMatching(/^The sprint event was not understood/) });
    }
    await handler()({ sprint: {} }, {});
    expect(h.sim.requests()).toEqual([]);
  });

  it('does nothing for a sprint that is no longer active when the event arrives', async () => {
    expect(await onSprintStartedCore(h.portsAs('app'), event(13))).toEqual({ status: 'ignored', sprintId: 13, message: 'Sprint 13 is closed now, so there is no start to snapshot.' });
  });
});
