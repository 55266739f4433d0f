/**
 * Sprint and board events forget the project's stored board and sprints (storage/board-sprints.ts),
 * matched to a project by the board it has stored, without asking Jira (issue 13, items 3–4).
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { oneIdentity } from '../../../test/builders/one-identity';
import { boardSprints } from '../storage/board-sprints';
import { keys } from '../storage/keys';
import { MemoryStore } from '../storage/memory-store';
import { projectRegistry } from '../storage/sprint-records';
import { onSprintChangedCore } from './sprint-changed';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
let ports: Ports;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  const login = sim.users.app;
  ports = { ...oneIdentity(JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) })), store: new MemoryStore(), clock: { now: () => NOW } };
  await projectRegistry.register(ports.store, 'SUP', NOW);
  await projectRegistry.register(ports.store, 'TEAM', NOW);
});
afterAll(() => sim.close());

describe('onSprintChangedCore', () => {
  it('a sprint completed in Jira: its stored sprints forgotten and its history row recorded at once, its issue cache gone', async () => {
    const board = sim.store.boards.find((b) => b.id === 1);
    const active = sim.store.sprints.find((s) => s.boardId === board?.id && s.state === 'active');
    if (!active) throw new Error('SUP has an active sprint');
    await boardSprints.load(ports, 'SUP');
    await ports.store.delete(keys.history('SUP', active.id));
    const was = { state: active.state, completeMs: active.completeMs };
    active.state = 'closed';
    active.completeMs = NOW - 60_000;
    try {
      const outcome = await onSprintChangedCore(ports, { eventType: 'avi:jira-software:closed:sprint', sprint: { id: active.id, originBoardId: 1, state: 'closed' } });
      expect(outcome).toMatchObject({ status: 'forgotten', projectKey: 'SUP', historyFrozen: active.id, message: expect.stringMatching(/Its history row is recorded\.$/) });
      expect(await ports.store.get(keys.history('SUP', active.id))).toMatchObject({ sprintId: active.id, name: active.name, endMs: NOW - 60_000 });
      expect(await ports.store.list(`issues:SUP:${String(active.id).padStart(9, '0')}`)).toEqual([]);
    } finally {
      active.state = was.state;
      if (was.completeMs === undefined) delete active.completeMs;
      else active.completeMs = was.completeMs;
      await ports.store.delete(keys.history('SUP', active.id));
      await boardSprints.forget(ports, 'SUP');
    }
  });

  it('a closed event for a sprint Jira does not show as closed records no row: the hourly run sees to it', async () => {
    const outcome = await onSprintChangedCore(ports, { eventType: 'avi:jira-software:closed:sprint', sprint: { id: 14, originBoardId: 1, state: 'future' } });
    expect(outcome).toEqual({ status: 'forgotten', projectKey: 'SUP', message: "Sprint 14 was closed: project SUP's board and sprints are read again on next use." });
    expect(await ports.store.get(keys.history('SUP', 14))).toBeUndefined();
  });

  it.each(['created', 'updated', 'deleted'])('a sprint %s on a registered project\'s board forgets its stored sprints, asking Jira nothing', async (what) => {
    await boardSprints.load(ports, 'SUP');
    await boardSprints.load(ports, 'TEAM');
    sim.clearRequests();
    const outcome = await onSprintChangedCore(ports, { eventType: `avi:jira-software:${what}:sprint`, sprint: { id: 14, originBoardId: 1, state: 'future' } });
    expect(outcome).toMatchObject({ status: 'forgotten', projectKey: 'SUP' });
    expect(await ports.store.get(keys.boardSprints('SUP'))).toBeUndefined();
    expect(await ports.store.get(keys.boardSprints('TEAM'))).toBeDefined(); // the other project's stays
    expect(sim.requests()).toEqual([]);
  });

  it('a board deleted is matched by what is stored only (it cannot be read any more); its id is a string in the docs', async () => {
    await boardSprints.load(ports, 'TEAM');
    sim.clearRequests();
    expect(await onSprintChangedCore(ports, { eventType: 'avi:jira-software:deleted:board', board: { id: '2', name: 'TEAM board', type: 'scrum' } })).toMatchObject({ status: 'forgotten', projectKey: 'TEAM' });
    expect(await onSprintChangedCore(ports, { eventType: 'avi:jira-software:deleted:board', board: { id: '77' } })).toMatchObject({ status: 'not-ours' });
    expect(sim.requests()).toEqual([]);
  });

  it('a sprint of a board no registered project has stored is matched by reading the unknown projects\' boards once', async () => {
    await ports.store.delete(keys.boardSprints('SUP'));
    await boardSprints.load(ports, 'TEAM');
    sim.clearRequests();
    expect(await onSprintChangedCore(ports, { eventType: 'avi:jira-software:updated:sprint', sprint: { id: 200, originBoardId: 99 } })).toMatchObject({ status: 'not-ours' });
    expect(sim.requests().map((r) => r.operationId)).toEqual(['getAllBoards', 'getAllSprints']); // SUP's, stored from now on
  });

  it.each([
    ['not a sprint event', { eventType: 'avi:jira:updated:issue', issue: { id: '1' } }],
    ['no sprint id', { eventType: 'avi:jira-software:closed:sprint', sprint: {} }],
    ['nothing', null],
  ])('ignores %s with a sentence', async (_what, event) => {
    expect(await onSprintChangedCore(ports, event)).toMatchObject({ status: 'ignored', message: expect.stringMatching(/^The sprint event was not understood/) });
  });

  it('says so when the event names no board', async () => {
    expect(await onSprintChangedCore(ports, { eventType: 'avi:jira-software:closed:sprint', sprint: { id: 5 } })).toEqual({ status: 'ignored', message: "Sprint 5's event names no board, so it cannot be matched to a project." });
  });
});
