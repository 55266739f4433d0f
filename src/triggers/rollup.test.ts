/**
 * The hourly rollup against the simulator, acting as the app, over both demo projects and their
 * multi-sprint histories: what it stores, that closed sprints are finalized once (a second run asks
 * Jira for less), that a sprint closing between runs gets its row and the next sprint a lazy
 * baseline, and that the dashboard is then served without a search.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../test/builders/resolver-harness';
import { SEARCH } from '../../test/builders/sim-requests';
import { simWindow, sprintTickets } from '../../test/builders/sim-tickets';
import { onSprintChangedCore } from '../app/sprint/sprint-changed';
import { rollUpAll } from '../app/sprint/hourly-rollup';
import { keys } from '../app/storage/keys';
import { rollupProgress } from '../app/storage/rollup-progress';
import { projectRegistry, sprintRecords } from '../app/storage/sprint-records';
import type { DashboardView } from '../contract/dashboard';
import { allocate } from '../domain/allocation';
import { DEFAULT_WORK_CALENDAR } from '../domain/calendar';
import { DEFAULT_CLASSIFICATION } from '../domain/triage-facts';
import { rollupHandler, SCHEDULED_BUDGET_MS } from './rollup';
import { FOLDED_GRACE_MS, JOURNAL_MAX_AGE_MS, ledgerJournal } from '../app/sprint/ledger-journal';

const NOW = Date.UTC(2026, 10, 23, 9);
const HOUR = 3_600_000;
let h: StartedResolverHarness;
const requestCounts: number[] = [];

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  await projectRegistry.register(h.store, 'SUP', NOW);
  await projectRegistry.register(h.store, 'TEAM', NOW);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await h.close();
});

const run = async () => {
  h.sim.clearRequests();
  const answer = await rollupHandler(() => h.portsAs('app'))();
  requestCounts.push(h.sim.requests().length);
  return answer;
};
const usedHours = (sprintId: number) =>
  allocate({
    sprintTickets: sprintTickets(h.sim, sprintId),
    window: simWindow(h.sim, sprintId),
    calendar: DEFAULT_WORK_CALENDAR,
    model: { kind: 'hours', teamSize: 5, focusHoursPerDay: 6 },
    allocationPct: 20,
    classification: DEFAULT_CLASSIFICATION,
  }).used;

describe('the hourly rollup', () => {
  it('rolls up the active sprints of both projects and finalizes the last 6 closed sprints of each', async () => {
    expect(await run()).toEqual({ statusCode: 204 });
    for (const [project, active, closed] of [['SUP', 13, [7, 8, 9, 10, 11, 12]], ['TEAM', 27, [21, 22, 23, 24, 25, 26]]] as const) {
      const rollup = (await sprintRecords.rollup.read(h.store, project, active)).value;
      expect(rollup).toMatchObject({ sprintId: active, state: 'active', computedAt: NOW, used: usedHours(active) });
      expect((await sprintRecords.baseline.read(h.store, project, active)).value).toMatchObject({ lazy: true, takenAt: NOW });
      expect(h.store.keys().filter((k) => k.startsWith(`history:${project}:`))).toEqual(closed.map((id) => keys.history(project, id)));
      for (const id of closed) expect((await sprintRecords.history.read(h.store, project, id)).value?.used).toBe(usedHours(id).total);
    }
  });

  it('asks Jira for less on the second run: history rows are never recomputed', async () => {
    const before = Object.fromEntries(await Promise.all(h.store.keys().filter((k) => k.startsWith('history:')).map(async (k) => [k, await h.store.get(k)])));
    h.clock.nowMs = NOW + HOUR;
    try {
      expect(await run()).toEqual({ statusCode: 204 });
      const jql = h.sim.requests().filter((r) => r.operationId === SEARCH).map((r) => (r.body as { jql: string }).jql);
      expect(jql.filter((q) => q.startsWith('sprint in'))).toEqual([]);
      // Per project: the count of issues changed in the last hour (plus the 5-minute overlap) that the
      // ledger's journal must explain, and the tickets around the sprint. The seed's last edits (a few
      // minutes before the first run) raised no events: SUP's count is not explained, so its sprint
      // reads what changed (membership ids and the updated page); TEAM's has nothing to explain.
      const counts = h.sim.requests().filter((r) => r.operationId === 'countIssues').map((r) => (r.body as { jql: string }).jql);
      expect(counts).toEqual(['(sprint = 13 OR project = SUP) AND updated >= -65m', '(sprint = 27 OR project = TEAM) AND updated >= -65m']);
      // TEAM's ledger ("what we said no to") is kept: nothing it reads changed, and its count confirmed the journal.
      expect(jql).toHaveLength(3);
      expect(jql.filter((q) => /^sprint = \d+$/.test(q))).toEqual(['sprint = 13']);
      expect(jql.filter((q) => /^sprint = \d+ AND updated >= -65m$/.test(q))).toEqual(['sprint = 13 AND updated >= -65m']);
      expect(requestCounts[1]).toBeLessThan(requestCounts[0] as number);
      for (const [key, value] of Object.entries(before)) expect(await h.store.get(key)).toEqual(value);
      expect((await sprintRecords.rollup.read(h.store, 'SUP', 13)).value?.computedAt).toBe(NOW + HOUR);
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('leaves the dashboard nothing to search for until the next run is due', async () => {
    h.clock.nowMs = NOW + HOUR + 50 * 60_000; // 50 minutes after the second run
    try {
      h.sim.clearRequests();
      const view = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, { project: 'TEAM' }));
      expect(view.sprint).toMatchObject({ id: 27, source: 'stored', computedAt: new Date(NOW + HOUR).toISOString() });
      expect(view.history.rows.map((r) => r.sprintId)).toEqual([21, 22, 23, 24, 25, 26]);
      expect(h.count(SEARCH)).toBe(0);
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('finalizes a sprint that closed since the last run, once, and baselines the next one lazily', async () => {
    const [closing, starting] = [h.sim.store.sprint(13), h.sim.store.sprint(14)];
    if (!closing || !starting) throw new Error('demo sprints missing');
    closing.state = 'closed';
    closing.completeMs = NOW + HOUR;
    Object.assign(starting, { state: 'active', startMs: NOW + HOUR, endMs: NOW + 15 * 24 * HOUR });
    h.clock.nowMs = NOW + 2 * HOUR;
    // Jira tells the app (the start event's baseline is what "lazily" covers: it is not delivered here).
    await onSprintChangedCore(h.portsAs('app'), { eventType: 'avi:jira-software:closed:sprint', sprint: { id: 13, originBoardId: 1, state: 'closed' } });
    try {
      await run();
      expect(h.store.keys().filter((k) => k.startsWith('history:SUP:'))).toEqual([7, 8, 9, 10, 11, 12, 13].map((id) => keys.history('SUP', id)));
      expect((await sprintRecords.history.read(h.store, 'SUP', 13)).value?.used).toBe(usedHours(13).total);
      expect((await sprintRecords.baseline.read(h.store, 'SUP', 14)).value).toMatchObject({ lazy: true, takenAt: NOW + 2 * HOUR });
      h.sim.clearRequests();
      await rollUpAll(h.portsAs('app'), NOW + 2 * HOUR + 600_000);
      expect(h.sim.requests().filter((r) => r.operationId === SEARCH && (r.body as { jql: string }).jql.startsWith('sprint in'))).toEqual([]);
    } finally {
      h.clock.nowMs = NOW;
    }
  });
});

describe('the hourly rollup when things go wrong', () => {
  it('reports a project it cannot roll up and goes on with the others', async () => {
    await projectRegistry.register(h.store, 'GONE', NOW);
    const report = await rollUpAll(h.portsAs('app'), NOW + 600_000);
    expect(report.projects.find((p) => p.projectKey === 'GONE')).toMatchObject({ problem: expect.stringContaining('GONE') });
    expect(report.projects.filter((p) => !p.problem).map((p) => p.projectKey).sort()).toEqual(['SUP', 'TEAM']);
    await h.store.delete(keys.project('GONE'));
  });

  it('logs one summary line per run, naming the project that failed and why (issue 16, item 6)', async () => {
    await projectRegistry.register(h.store, 'GONE', NOW);
    const info = jest.spyOn(console, 'info').mockClear();
    const warn = jest.spyOn(console, 'warn').mockClear();
    try {
      await run();
      expect(info).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(1);
      const line = JSON.parse(String(warn.mock.calls[0]?.[0])) as Record<string, unknown>;
      expect(line).toMatchObject({ app: 'interrupt-budget', trigger: 'hourly-rollup', outcome: 'partly failed', projects: 3, activeSprints: 2, skipped: [], failed: [{ project: 'GONE', why: expect.stringContaining('GONE') }] });
      await h.store.delete(keys.project('GONE'));
      await run();
      expect(info).toHaveBeenCalledTimes(1);
      expect(JSON.parse(String(info.mock.calls[0]?.[0]))).toMatchObject({ trigger: 'hourly-rollup', outcome: 'done', projects: 2, failed: [] });
    } finally {
      await h.store.delete(keys.project('GONE'));
    }
  });

  it("stops at Jira's spent hourly quota (issue 13, item 2): each request in flight refused once, the other project not started, its stored numbers kept, one summary line", async () => {
    const storedBefore = await h.store.list('rollup:');
    h.sim.points.reset();
    h.sim.points.set({ enforce: true, quota: 1 });
    const warn = jest.spyOn(console, 'warn').mockClear();
    try {
      // The hour's one point is spent before the run (a project's hourly update can cost just 1 now).
      await h.portsAs('app').appJira.approximateCount('project = SUP');
      h.sim.clearRequests();
      const report = await rollUpAll(h.portsAs('app'), NOW + 600_000);
      expect(report.stoppedBy).toBe('quota');
      expect(report.projects).toHaveLength(1);
      expect(report.projects[0]).toMatchObject({ quotaSpent: true, problem: expect.stringMatching(/^Jira's hourly quota for apps is used up for now/) });
      expect(report.skipped).toHaveLength(1);
      // Nothing loops on 429: the requests of the round trip in flight are refused once each, none is sent again, nothing after.
      const refused = h.sim.requests().filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(new Set(refused.map((r) => JSON.stringify([r.path, r.body]))).size).toBe(refused.length);
      expect(h.sim.requests().slice(h.sim.requests().indexOf(refused[0] as (typeof refused)[number])).every((r) => r.status === 429)).toBe(true);
      expect(await h.store.list('rollup:')).toEqual(storedBefore); // views keep serving what is stored
      await run();
      expect(JSON.parse(String(warn.mock.calls.at(-1)?.[0]))).toMatchObject({ outcome: "stopped: Jira's hourly quota for apps is spent" });
    } finally {
      h.sim.points.set({ enforce: false });
      h.sim.points.reset();
    }
  });

  it('a refused count leaves a stored ledger nothing changed as it is: no ledger search is sent after the refusal', async () => {
    h.sim.points.reset();
    h.sim.points.set({ enforce: true, quota: 1 });
    try {
      await h.portsAs('app').appJira.approximateCount('project = SUP'); // the hour's one point
      h.sim.clearRequests();
      const report = await rollUpAll(h.portsAs('app'), NOW + 600_000);
      expect(report.stoppedBy).toBe('quota');
      // The first project's count, refused; nothing else (its stored ledger is kept until Jira answers again).
      expect(h.sim.requests().map((r) => [r.operationId, r.status])).toEqual([['countIssues', 429]]);
    } finally {
      h.sim.points.set({ enforce: false });
      h.sim.points.reset();
    }
  });

  it('records where the quota stopped it, starts the next run there, and clears the record once a run completes (issue 13, item 2)', async () => {
    await h.store.delete(keys.rollupStop());
    await projectRegistry.register(h.store, 'GONE', NOW); // first this hour ([GONE, SUP, TEAM]): its one lookup spends the quota
    h.sim.points.reset();
    h.sim.points.set({ enforce: true, quota: 1 });
    try {
      const stopped = await rollUpAll(h.portsAs('app'), NOW + 600_000);
      expect(stopped.projects.map((p) => [p.projectKey, p.quotaSpent === true])).toEqual([['GONE', false], ['SUP', true]]);
      expect(stopped.skipped).toEqual(['TEAM']);
      expect(await rollupProgress.stop(h.store)).toEqual({ schemaVersion: 1, at: NOW, why: 'quota', resetsAt: expect.any(Number), cutOff: 'SUP', notReached: ['TEAM'] });
      for (const project of ['SUP', 'TEAM']) expect(await rollupProgress.status(h.store, project)).toMatchObject({ quotaStoppedAt: NOW });
      expect(await rollupProgress.status(h.store, 'GONE')).toBeUndefined();

      // Next hour the rotation alone would start at SUP ([SUP, TEAM, GONE]): the run starts with TEAM, which was not reached.
      h.sim.points.set({ enforce: false });
      h.sim.points.reset();
      h.clock.nowMs = NOW + HOUR;
      const resumed = await rollUpAll(h.portsAs('app'), NOW + HOUR + 600_000);
      expect(resumed.projects.map((p) => p.projectKey)).toEqual(['TEAM', 'SUP', 'GONE']);
      expect(resumed.stoppedBy).toBeUndefined();
      expect(await h.store.get(keys.rollupStop())).toBeUndefined();
      for (const project of ['SUP', 'TEAM']) expect(await rollupProgress.status(h.store, project)).toEqual({ schemaVersion: 1, lastRolledUpAt: NOW + HOUR });
    } finally {
      h.sim.points.set({ enforce: false });
      h.sim.points.reset();
      h.clock.nowMs = NOW;
      await h.store.delete(keys.project('GONE'));
    }
  });

  it('starts no project it has no time left for', async () => {
    h.sim.clearRequests();
    const report = await rollUpAll(h.portsAs('app'), NOW + 30_000);
    expect(report).toEqual({ projects: [], skipped: expect.arrayContaining(['SUP', 'TEAM']), journalPruned: 0 });
    expect(h.sim.requests()).toEqual([]);
  });

  it('keeps the ledger journal small: folded records go after a run that reached every project, day-old ones after any run', async () => {
    const change = (issueId: string) => ({ kind: 'touched' as const, issueId, atMs: NOW });
    await ledgerJournal.record(h.store, change('1'), NOW - JOURNAL_MAX_AGE_MS); // a day old
    await ledgerJournal.record(h.store, change('2'), NOW - FOLDED_GRACE_MS); // folded by the last runs, an hour old
    await ledgerJournal.record(h.store, change('3'), NOW - 60_000); // newer: a concurrent sync may still fold it
    const ids = async () => (await ledgerJournal.list(h.store)).entries.map((e) => e.change.issueId).sort();
    expect((await rollUpAll(h.portsAs('app'), NOW + 30_000)).journalPruned).toBe(1); // out of time: no project reached
    expect(await ids()).toEqual(['2', '3']);
    const report = await rollUpAll(h.portsAs('app'), NOW + SCHEDULED_BUDGET_MS);
    expect(report.skipped).toEqual([]);
    expect(report.journalPruned).toBe(1);
    expect(await ids()).toEqual(['3']);
    await h.store.delete((await ledgerJournal.list(h.store)).entries[0]?.key ?? '');
  });

  it('answers 500 when it cannot even list the projects', async () => {
    const broken = { ...h.portsAs('app'), store: { ...h.store, list: () => Promise.reject(new Error('KVS is down')), get: () => Promise.resolve(undefined), set: () => Promise.resolve(), delete: () => Promise.resolve(), setIfAbsent: () => Promise.resolve({ ok: true as const }), transact: () => Promise.resolve({ ok: true as const }) } };
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await rollupHandler(() => broken)()).toEqual({ statusCode: 500 });
  });
});
