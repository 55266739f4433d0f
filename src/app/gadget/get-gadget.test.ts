/**
 * The dashboard gadget's resolvers (issue 12, item 12) against the simulator over real HTTP:
 * `gadget.get` shows the configured project's active sprint from the stored rollup — the project
 * page's numbers, for every viewer — without searching Jira; the project comes from the gadget's
 * saved configuration, never the payload; someone who may not browse the project gets no numbers;
 * `gadget.projects` offers only projects with a Scrum board the viewer may see.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness, type Where } from '../../../test/builders/resolver-harness';
import type { DashboardView } from '../../contract/dashboard';
import type { GadgetProjects, GadgetView } from '../../contract/gadget';
import { rollupProgress } from '../storage/rollup-progress';
import { projectRegistry, sprintRecords } from '../storage/sprint-records';

const NOW = Date.UTC(2026, 10, 23, 9);
const SEARCH = 'searchAndReconsileIssuesUsingJqlPost';
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const gadget = (configuration: Record<string, unknown>): Where => ({
  extension: { type: 'jira:dashboardGadget', gadget: { id: 'g-1' }, dashboard: { id: '10000' }, gadgetConfiguration: configuration },
});
const emptyStore = async () => {
  for (const key of h.store.keys()) await h.store.delete(key);
};

describe('gadget.get', () => {
  beforeEach(emptyStore);

  it('before the sprint was ever measured: says so, searches nothing, and registers the project for the hourly rollup', async () => {
    const searchesBefore = h.count(SEARCH);
    const view = dataOf(await h.call<GadgetView>('dev', 'gadget.get', {}, gadget({ projectKey: 'SUP' })));
    expect(view.sprint).toBeNull();
    expect(view.message).toMatch(/has not been measured yet\. Open the project page/);
    expect(h.count(SEARCH)).toBe(searchesBefore);
    expect(await projectRegistry.isRegistered(h.store, 'SUP')).toBe(true);
  });

  it('shows the project page’s stored numbers to any viewer, in one request and no search', async () => {
    const dashboard = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, { project: 'SUP' }));
    const sprint = dashboard.sprint;
    if (!sprint) throw new Error('the demo site has an active SUP sprint');
    const searchesBefore = h.count(SEARCH);
    const view = dataOf(await h.call<GadgetView>('dev', 'gadget.get', {}, gadget({ projectKey: 'SUP' })));
    const meter = h.meters[h.meters.length - 1];

    expect(view.sprint).toEqual({
      id: sprint.id,
      name: sprint.name,
      endDate: sprint.endDate,
      unit: sprint.unit,
      budgetMode: 'reserve',
      capacity: sprint.capacity,
      sharePctOfCapacity: sprint.sharePctOfCapacity,
      budget: sprint.budget,
      used: sprint.used.total,
      usedPctOfBudget: sprint.usedPctOfBudget,
      remaining: sprint.remaining,
      forecast: sprint.forecast,
      status: sprint.status,
      // Counted whoever looks (dev may not see some of them): the count names none.
      untriagedCount: sprint.untriaged.length + sprint.restricted.untriaged.count,
      untriagedCountIsLowerBound: false,
      supportContact: sprint.supportContact,
      computedAt: sprint.computedAt,
    });
    expect(view.sprint?.untriagedCount).toBeGreaterThan(0);
    expect(h.count(SEARCH)).toBe(searchesBefore);
    expect(meter?.requests).toBe(1); // may the viewer browse the project (the board and its sprints are stored: storage/board-sprints.ts)
  });

  it('says its untriaged count is a lower bound when the stored rollup could not list every support item', async () => {
    const dashboard = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}, { project: 'SUP' }));
    const sprintId = dashboard.sprint?.id ?? 0;
    const stored = (await sprintRecords.rollup.read(h.store, 'SUP', sprintId)).value;
    if (!stored) throw new Error('the dashboard stored its rollup');
    await sprintRecords.rollup.write(h.store, 'SUP', { ...stored, itemsOmitted: 12 });
    const view = dataOf(await h.call<GadgetView>('po', 'gadget.get', {}, gadget({ projectKey: 'SUP' })));
    expect(view.sprint?.untriagedCountIsLowerBound).toBe(true);
  });

  it("says the numbers are as of their rollup when Jira's hourly quota cut the next update off, and nothing once a rollup completes (issue 13, item 2)", async () => {
    await h.call<DashboardView>('po', 'dashboard.get', {}, { project: 'SUP' }); // stored at NOW
    await rollupProgress.quotaStopped(h.store, 'SUP', NOW + 30 * 60_000, NOW + 60 * 60_000);
    h.clock.nowMs = NOW + 40 * 60_000;
    try {
      const cutOff = dataOf(await h.call<GadgetView>('dev', 'gadget.get', {}, gadget({ projectKey: 'SUP' })));
      expect(cutOff.sprint?.staleBecause).toEqual({ kind: 'quota', asOf: new Date(NOW).toISOString(), resetsAt: new Date(NOW + 60 * 60_000).toISOString() });
      await rollupProgress.rolledUp(h.store, 'SUP', NOW + 35 * 60_000);
      const done = dataOf(await h.call<GadgetView>('dev', 'gadget.get', {}, gadget({ projectKey: 'SUP' })));
      expect(done.sprint?.staleBecause).toBeUndefined();
    } finally {
      h.clock.nowMs = NOW;
    }
  });

  it('takes the project from the gadget’s configuration, never from the payload', async () => {
    const view = dataOf(await h.call<GadgetView>('po', 'gadget.get', { projectKey: 'TEAM' }, gadget({ projectKey: 'SUP' })));
    expect(view.projectKey).toBe('SUP');
  });

  it('gives someone who may not browse the project no numbers, whatever is stored', async () => {
    await h.call('po', 'dashboard.get', {}, { project: 'SUP' });
    const answer = await h.call<GadgetView>('outsider', 'gadget.get', {}, gadget({ projectKey: 'SUP' }));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('NOT_FOUND');
    expect(answer.error.message).toBe('Project SUP is not visible to you. Edit this gadget to choose another project, or ask for access to this one.');
  });

  it('asks a gadget without a project to be edited, and refuses a configuration that is not a project key', async () => {
    const unset = await h.call('po', 'gadget.get', {}, gadget({}));
    expect(unset).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'This gadget has no project yet. Edit the gadget and choose one.' } });
    const forged = await h.call('po', 'gadget.get', {}, gadget({ projectKey: 'SUP AND 1=1' }));
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.error.code).toBe('VALIDATION');
  });
});

describe('gadget.projects', () => {
  it('lists the projects with a Scrum board the viewer may see, by name', async () => {
    const { projects } = dataOf(await h.call<GadgetProjects>('dev', 'gadget.projects', {}, gadget({})));
    const names = new Map(h.sim.store.projects.map((p) => [p.key, p.name]));
    expect(projects).toEqual(
      ['SUP', 'TEAM'].map((key) => ({ key, name: names.get(key) })).sort((a, b) => String(a.name).localeCompare(String(b.name))),
    );
  });

  it('offers nothing to someone who may browse no project', async () => {
    expect(dataOf(await h.call<GadgetProjects>('outsider', 'gadget.projects', {}, gadget({})))).toEqual({ projects: [] });
  });
});
