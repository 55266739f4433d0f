/**
 * Choosing the board (issue 15, item 3) through the resolver handler against the simulator, whose TEAM
 * project has two Scrum boards (board 2 "TEAM board", board 3 "TEAM platform board"): the settings
 * page lists both; a save with board 3 makes the dashboard follow it (and forgets what was stored for
 * board 2); a board not of the project is refused with a sentence; a chosen board that is gone falls
 * back to the first board with a note saying so.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { DashboardView } from '../../contract/dashboard';
import type { SettingsChoices, SettingsView } from '../../contract/settings';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { keys } from '../storage/keys';

const TEAM = { project: 'TEAM' } as const;
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

async function saveBoard(boardId: number | null) {
  const opened = dataOf(await h.call<SettingsView>('admin', 'settings.get', {}, TEAM));
  return h.call<SettingsView>('admin', 'settings.save', { settings: { ...opened.settings, boardId }, policy: opened.policy.policy, baseRevision: opened.revision }, TEAM);
}

it('lists the project’s Scrum boards with their names for the settings page', async () => {
  const team = dataOf<SettingsChoices>(await h.call('admin', 'settings.choices', {}, TEAM));
  expect(team.boards).toEqual([{ id: 2, name: 'TEAM board' }, { id: 3, name: 'TEAM platform board' }]);
  const sup = dataOf<SettingsChoices>(await h.call('admin', 'settings.choices', {}));
  expect(sup.boards).toEqual([{ id: 1, name: 'SUP board' }]);
});

it('follows the first board until another is chosen, then the chosen one, forgetting what was stored for the first', async () => {
  const before = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, TEAM));
  expect(before).toMatchObject({ board: { id: 2, name: 'TEAM board' }, boardCount: 2 });
  expect(await h.store.get(keys.boardSprints('TEAM'))).toMatchObject({ board: { id: 2 } });

  const saved = dataOf(await saveBoard(3));
  expect(saved.settings.boardId).toBe(3);
  expect(await h.store.get(keys.boardSprints('TEAM'))).toBeUndefined();

  const after = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, TEAM));
  expect(after).toMatchObject({ board: { id: 3, name: 'TEAM platform board' }, boardCount: 2, sprint: { name: 'TEAM platform Sprint 2' } });
  expect(after.sprints.map((s) => s.name).sort()).toEqual(['TEAM platform Sprint 1', 'TEAM platform Sprint 2']);
  expect(after.notes.join(' ')).not.toMatch(/board chosen in settings/);
});

it('refuses a board that is not one of the project’s Scrum boards, with a sentence, and stores nothing', async () => {
  for (const boardId of [1, 99]) {
    const refused = await saveBoard(boardId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: `Board ${boardId} is not a Scrum board of TEAM: choose one of the project's Scrum boards, or reload the page to see the current list.` } });
  }
  const opened = dataOf(await h.call<SettingsView>('admin', 'settings.get', {}, TEAM));
  expect(opened.settings.boardId ?? null).toBeNull();
});

it('falls back to the first board with a note when the chosen board no longer exists', async () => {
  dataOf(await saveBoard(3));
  const index = sim.store.boards.findIndex((b) => b.id === 3);
  const [removed] = sim.store.boards.splice(index, 1);
  try {
    const view = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, TEAM));
    expect(view).toMatchObject({ board: { id: 2, name: 'TEAM board' }, boardCount: 1 });
    expect(view.notes).toContain('The board chosen in settings, board 3, no longer exists or is not a Scrum board of TEAM; the budget follows TEAM board. Choose a board in settings.');
  } finally {
    if (removed) sim.store.boards.splice(index, 0, removed);
  }
});

it('keeps parsing settings stored before a board could be chosen (no boardId: the first board)', async () => {
  const opened = dataOf(await h.call<SettingsView>('admin', 'settings.get', {}, TEAM));
  const { boardId: _dropped, ...old } = { ...opened.settings, boardId: undefined };
  dataOf(await h.call('admin', 'settings.save', { settings: old, policy: opened.policy.policy, baseRevision: opened.revision }, TEAM));
  const view = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, TEAM));
  expect(view.board.id).toBe(2);
});
