/**
 * The board and its sprints, read as the app and remembered (issue 13, item 4): asked of Jira once,
 * then from storage for a day; asked again after a day, when the record is from the future, when a
 * future sprint's planned start is over a day past (a missed start event), after `forget`, and when
 * the record is damaged. A project without a Scrum board remembers that too.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { oneIdentity } from '../../../test/builders/one-identity';
import { BOARD_SPRINTS_MAX_AGE_MS, boardSprints } from './board-sprints';
import { keys } from './keys';
import { MemoryStore } from './memory-store';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
const clock = { nowMs: NOW };
let store: MemoryStore;
let ports: Ports;
const asked = () => sim.requests().filter((r) => r.operationId === 'getAllBoards' || r.operationId === 'getAllSprints').map((r) => r.operationId);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  const login = sim.users.app;
  ports = { ...oneIdentity(JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) })), store: new MemoryStore(), clock: { now: () => clock.nowMs } };
});
afterAll(() => sim.close());
beforeEach(() => {
  store = new MemoryStore();
  ports = { ...ports, store };
  clock.nowMs = NOW;
  sim.clearRequests();
});

describe('boardSprints', () => {
  it('asks Jira once (the board, then its sprints), then answers from storage within a day', async () => {
    const first = await boardSprints.load(ports, 'SUP');
    expect(first.board?.id).toBe(1);
    expect(first.sprints.map((s) => s.id)).toEqual(sim.store.sprintsOfBoard(1).map((s) => s.id));
    expect(asked()).toEqual(['getAllBoards', 'getAllSprints']);
    sim.clearRequests();
    clock.nowMs = NOW + BOARD_SPRINTS_MAX_AGE_MS - 1;
    expect(await boardSprints.load(ports, 'SUP')).toEqual(first);
    expect(asked()).toEqual([]);
    expect(await boardSprints.storedBoardId(ports, 'SUP')).toBe(1);
  });

  it.each([
    ['a day later', async () => void (clock.nowMs = NOW + BOARD_SPRINTS_MAX_AGE_MS)],
    ['from the future', async () => void (clock.nowMs = NOW - 60_000)],
    ['forgotten (a sprint event)', () => boardSprints.forget(ports, 'SUP')],
    ['damaged', () => store.set(keys.boardSprints('SUP'), { schemaVersion: 1, readAt: NOW, board: 'nope', sprints: [] })],
  ])('asks again when the record is %s', async (_what, change) => {
    await boardSprints.load(ports, 'SUP');
    await change();
    sim.clearRequests();
    await boardSprints.load(ports, 'SUP');
    expect(asked()).toEqual(['getAllBoards', 'getAllSprints']);
  });

  it('asks again when a future sprint\'s planned start is over a day past (its start event was missed)', async () => {
    const record = { schemaVersion: 1, readAt: NOW, board: { id: 1, name: 'SUP board', type: 'scrum' }, sprints: [{ id: 99, name: 'Next', state: 'future', startDate: new Date(NOW - 25 * 3_600_000).toISOString() }] };
    await store.set(keys.boardSprints('SUP'), record);
    clock.nowMs = NOW + 60_000;
    sim.clearRequests();
    await boardSprints.load(ports, 'SUP');
    expect(asked()).toEqual(['getAllBoards', 'getAllSprints']);
    // Planned to start less than a day ago: still trusted (Jira starts sprints only when someone does).
    await store.set(keys.boardSprints('SUP'), { ...record, sprints: [{ ...record.sprints[0], startDate: new Date(NOW - 3_600_000).toISOString() }] });
    sim.clearRequests();
    expect((await boardSprints.load(ports, 'SUP')).sprints.map((s) => s.id)).toEqual([99]);
    expect(asked()).toEqual([]);
  });

  it('remembers a project without a Scrum board, with no sprint read', async () => {
    sim.clearRequests();
    expect(await boardSprints.load(ports, 'NOPE').catch((e: Error) => e.message)).toMatch(/NOPE/); // no such project: Jira refuses, nothing stored
    expect(await store.get(keys.boardSprints('NOPE'))).toBeUndefined();
    const boards = sim.store.boards;
    const all = [...boards];
    boards.splice(0, boards.length, ...all.filter((b) => b.projectId !== '10001')); // both of TEAM's boards
    try {
      sim.clearRequests();
      expect(await boardSprints.load(ports, 'TEAM')).toEqual({ board: null, sprints: [], boardCount: 0 });
      expect(asked()).toEqual(['getAllBoards']);
      sim.clearRequests();
      expect(await boardSprints.load(ports, 'TEAM')).toEqual({ board: null, sprints: [], boardCount: 0 });
      expect(asked()).toEqual([]);
    } finally {
      boards.splice(0, boards.length, ...all);
    }
  });
});
