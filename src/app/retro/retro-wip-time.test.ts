/**
 * Time over the WIP limit, end to end over the simulator (issue 14, item 1): each recomputed rollup of
 * the active sprint samples its WIP; the demo's active sprint is over its limit (4 in progress, limit
 * 1), so two hours of hourly refreshes measure two hours over it, and once the sprint is completed in
 * Jira its retrospective adds the last stretch to the completion and says so.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import type { DashboardView } from '../../contract/dashboard';
import type { RetrospectiveView } from '../../contract/retrospective';
import { wipTimeSentence } from '../../contract/retrospective-text';
import { boardSprints } from '../storage/board-sprints';
import { sprintRecords } from '../storage/sprint-records';

const NOW = Date.UTC(2026, 10, 23, 9);
const HOUR = 3_600_000;
const ACTIVE = 13;
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

it('hourly samples measure the time over the limit, and the retrospective reports it after the sprint is completed', async () => {
  for (const at of [NOW, NOW + HOUR, NOW + 2 * HOUR]) {
    h.clock.nowMs = at;
    const view = dataOf(await h.call<DashboardView>('po', 'dashboard.get', { refresh: true }));
    expect(view.sprint?.wip.breached).toBe(true);
  }
  expect((await sprintRecords.rollup.read(h.store, 'SUP', ACTIVE)).value).toMatchObject({ wipTally: { overMs: 2 * HOUR, measuredMs: 2 * HOUR, lastBreached: true } });

  const sprint = h.sim.store.sprints.find((s) => s.id === ACTIVE);
  if (!sprint) throw new Error('no active sprint');
  sprint.state = 'closed';
  sprint.completeMs = NOW + 2.5 * HOUR;
  h.clock.nowMs = NOW + 3 * HOUR;
  await boardSprints.forget({ ...h.portsAs('app') }, 'SUP');
  const retro = dataOf(await h.call<RetrospectiveView>('po', 'retrospective.get', { sprintId: ACTIVE }));
  expect(retro.wipTime).toEqual({ limit: 1, overHours: 2.5, measuredHours: 2.5 });
  expect(wipTimeSentence(retro)).toBe('Over the WIP limit (1) for 2.5 h of the 2.5 h the hourly checks measured.');
});

it('a closed sprint whose rollups never sampled WIP says it was not measured', async () => {
  const retro = dataOf(await h.call<RetrospectiveView>('po', 'retrospective.get', { sprintId: 12 }));
  expect(retro.wipTime).toBeNull();
  expect(wipTimeSentence(retro)).toBe('Time over the WIP limit was not measured in this sprint.');
});
