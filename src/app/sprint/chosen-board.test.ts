/**
 * The project context follows the board chosen in settings (issue 15, item 3), against the simulator
 * (TEAM has boards 2 and 3): with no choice, the first board; with board 3 chosen, board 3 and its
 * sprints, even when a record stored for board 2 is still fresh (a record of another choice is not
 * usable); with a chosen board that is not one of the project's Scrum boards, the first board and a
 * note naming the chosen board.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { NOW } from '../../../test/builders/clocks';
import { resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { keys } from '../storage/keys';
import { loadSettings, storeSettings } from '../storage/settings-repository';
import { loadProjectContext } from './project-context';

let sim: Simulator;
let h: ResolverHarness;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());
beforeEach(() => {
  h = resolverHarness(sim, { nowMs: NOW });
  sim.clearRequests();
});

async function choose(boardId: number | null): Promise<void> {
  const { settings } = await loadSettings(h.store, 'TEAM');
  await storeSettings(h.store, 'TEAM', { ...settings, boardId });
}

it('uses the first board without a choice, and the chosen board over a fresh record of the first', async () => {
  const first = await loadProjectContext(h.portsAs('po'), 'TEAM');
  expect({ board: first.board.id, count: first.boardCount }).toEqual({ board: 2, count: 2 });
  expect(await h.store.get(keys.boardSprints('TEAM'))).toMatchObject({ board: { id: 2 } });

  await choose(3);
  const chosen = await loadProjectContext(h.portsAs('po'), 'TEAM');
  expect(chosen.board).toMatchObject({ id: 3, name: 'TEAM platform board' });
  expect(chosen.sprints.map((s) => s.name)).toEqual(['TEAM platform Sprint 1', 'TEAM platform Sprint 2']);
  expect(chosen.notes.join(' ')).not.toMatch(/board chosen in settings/);
  expect(await h.store.get(keys.boardSprints('TEAM'))).toMatchObject({ board: { id: 3 }, chosenBoardId: 3 });
});

it('falls back to the first board with a note, naming a board that exists elsewhere by its name', async () => {
  await choose(1); // SUP's board: not a board of TEAM
  const context = await loadProjectContext(h.portsAs('po'), 'TEAM');
  expect(context.board.id).toBe(2);
  expect(context.notes).toContain('The board chosen in settings, SUP board, no longer exists or is not a Scrum board of TEAM; the budget follows TEAM board. Choose a board in settings.');
  // Kept with the record for the day: the next view asks Jira nothing and says the same.
  sim.clearRequests();
  const again = await loadProjectContext(h.portsAs('po'), 'TEAM');
  expect(again.notes).toEqual(context.notes);
  expect(sim.requests().filter((r) => r.operationId === 'getAllBoards' || r.operationId === 'getBoard')).toEqual([]);
});
