/**
 * `settings.wipStatuses` through the resolver handler against the simulator over HTTP (issue 12,
 * item 3): the board's columns with the project's statuses by name, the default preselection
 * without the waiting statuses, kept a day (no Jira read the second time), and nothing for someone
 * who cannot see the project.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { WipStatusOptions } from '../../contract/settings';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { WIP_STATUS_OPTIONS_MAX_AGE_MS, groupByColumn } from './wip-status-options';

let sim: Simulator;
let h: ResolverHarness;
const reads = () => sim.requests().filter((r) => r.operationId === 'getAllStatuses' || r.operationId === 'getConfiguration').map((r) => r.operationId);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());
beforeEach(() => {
  h = resolverHarness(sim, { nowMs: NOW });
  sim.clearRequests();
});

it('offers the board columns with their statuses by name, and preselects In Progress and In Review, not the waiting ones', async () => {
  const options = dataOf<WipStatusOptions>(await h.call('admin', 'settings.wipStatuses', {}));
  expect(options.columns.map((c) => [c.name, c.statuses.map((s) => s.name)])).toEqual([
    ['To Do', ['To Do', 'Open']],
    ['In Progress', ['In Progress', 'In Review', 'Waiting for support', 'Waiting for customer']],
    ['Done', ['Done', 'Resolved']],
  ]);
  expect(options.defaultIds).toEqual(['3', '10002']);
  expect(reads().sort()).toEqual(['getAllStatuses', 'getConfiguration']);
});

it('keeps the answer a day: the second ask reads nothing from Jira, a day later it asks again', async () => {
  const first = dataOf<WipStatusOptions>(await h.call('dev', 'settings.wipStatuses', {}));
  sim.clearRequests();
  expect(dataOf<WipStatusOptions>(await h.call('dev', 'settings.wipStatuses', {}))).toEqual(first);
  expect(reads()).toEqual([]);
  const later = resolverHarness(sim, { nowMs: NOW + WIP_STATUS_OPTIONS_MAX_AGE_MS, store: h.store });
  await later.call('dev', 'settings.wipStatuses', {});
  expect(reads().sort()).toEqual(['getAllStatuses', 'getConfiguration']);
});

it('answers NOT_FOUND to someone who cannot see the project, before reading statuses', async () => {
  expect(await h.call('outsider', 'settings.wipStatuses', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(reads()).toEqual([]);
});

describe('groupByColumn', () => {
  const statuses = [
    { id: '1', name: 'Open', category: 'new' as const },
    { id: '3', name: 'In Progress', category: 'indeterminate' as const },
    { id: '7', name: 'Parked', category: 'indeterminate' as const },
  ];
  it('lists statuses no column holds last, each status once, and drops empty columns', () => {
    expect(groupByColumn([{ name: 'Doing', statusIds: ['3', '3', '99'] }, { name: 'Empty', statusIds: [] }, { name: 'Backlog', statusIds: ['1', '3'] }], statuses)).toEqual([
      { name: 'Doing', statuses: [statuses[1]] },
      { name: 'Backlog', statuses: [statuses[0]] },
      { name: 'Not on the board', statuses: [statuses[2]] },
    ]);
  });
  it('without a board, one group of all statuses', () => {
    expect(groupByColumn([], statuses)).toEqual([{ name: 'Statuses', statuses }]);
  });
});
