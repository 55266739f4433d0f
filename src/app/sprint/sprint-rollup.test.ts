/**
 * The rollup of the simulator's active SUP sprint, against numbers worked out here from the
 * simulator's own store and the domain functions.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { allocate } from '../../domain/allocation';
import { DEFAULT_CLASSIFICATION } from '../../domain/triage-facts';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { MemoryStore } from '../storage/memory-store';
import { activeSprint, loadProjectContext, sprintWindow } from './project-context';
import { rollupFromTickets } from './sprint-rollup';
import { syncSprintTickets } from './sprint-sync';
import { baselineFromTickets } from './sprint-baseline';
import { cacheForm, keptWholeUnder, supportFilterOf } from './sprint-issue-cache';
import { oneIdentity } from '../../../test/builders/one-identity';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
let ports: Ports;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  const login = sim.users.po;
  ports = {
    ...oneIdentity(JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) })),
    store: new MemoryStore(),
    clock: { now: () => NOW },
  };
});
afterAll(() => sim.close());

describe('rollupFromTickets on a first sync of the sprint', () => {
  it('loads the project context and rolls up the active sprint with a single search', async () => {
    sim.clearRequests();
    const context = await loadProjectContext(ports, 'SUP');
    expect(context.board.id).toBe(1);
    expect(context.catalog.storyPoints[0]?.id).toBe('customfield_10026');
    const sprint = activeSprint(context);
    if (!sprint) throw new Error('no active sprint');
    sim.clearRequests();
    const window = sprintWindow(sprint);
    if (!window) throw new Error('the active sprint has no dates');
    const { tickets } = await syncSprintTickets(ports, context, sprint, window);
    const rollup = rollupFromTickets(context, sprint, tickets, NOW);
    const inSprint = sim.store.issues.filter((i) => i.sprintIds.includes(sprint.id));
    expect(tickets).toHaveLength(inSprint.length);
    const searches = sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost');
    expect(searches).toHaveLength(1);
    expect(rollup).toMatchObject({ sprintId: sprint.id, state: 'active', unit: 'hours', computedAt: NOW });
    // Default settings: 5 people × 6 h × working days, 20 % of it.
    expect(rollup.budget).toBeCloseTo(rollup.capacity * 0.2, 2);
    expect(rollup.used.total).toBeGreaterThan(0);
    expect(rollup.burn.length).toBeGreaterThan(0);
    expect(rollup.items.every((i) => inSprint.some((s) => s.key === i.key))).toBe(true);
    // The same numbers as the domain gives on the same tickets.
    const again = allocate({
      sprintTickets: tickets,
      window: { startMs: rollup.startMs, endMs: rollup.endMs },
      calendar: { timeZone: 'UTC', workingWeekdays: [1, 2, 3, 4, 5], nonWorkingDates: [] },
      model: { kind: 'hours', teamSize: 5, focusHoursPerDay: 6 },
      allocationPct: 20,
      classification: DEFAULT_CLASSIFICATION,
    });
    expect(rollup.used).toEqual(again.used);
  });
});

describe('rollupFromTickets on the sprint issue cache\'s stored forms', () => {
  // The cache keeps support tickets whole and only what the rollup reads of the others
  // (sprint-issue-cache.ts `cacheForm`): the numbers must be exactly those of the tickets as read.
  it.each(['hours', 'points'] as const)('gives exactly the rollup of the tickets as read (%s), without baseline and with a lazy one', async (model) => {
    const context = await loadProjectContext(ports, 'SUP');
    const settings = { ...context.loaded.settings, capacity: { ...context.loaded.settings.capacity, model } };
    const measured = { ...context, loaded: { ...context.loaded, settings } };
    const sprint = activeSprint(measured);
    const window = sprint && sprintWindow(sprint);
    if (!sprint || !window) throw new Error('no active sprint with dates');
    const { tickets } = await syncSprintTickets({ ...ports, store: new MemoryStore() }, measured, sprint, window);
    const stored = tickets.map((t) => cacheForm(t, keptWholeUnder(supportFilterOf(settings))));
    // Some tickets are stored slim, and slim is much smaller: the test would prove nothing otherwise.
    const slim = stored.filter((t, i) => JSON.stringify(t).length < JSON.stringify(tickets[i]).length / 2);
    expect(slim.length).toBeGreaterThan(tickets.length / 3);
    expect(slim.some((t) => t.storyPoints !== undefined)).toBe(true);
    expect(rollupFromTickets(measured, sprint, stored, NOW)).toEqual(rollupFromTickets(measured, sprint, tickets, NOW));
    const lazy = baselineFromTickets(sprint, tickets, NOW, true);
    expect(baselineFromTickets(sprint, stored, NOW, true)).toEqual(lazy);
    expect(rollupFromTickets(measured, sprint, stored, NOW, lazy)).toEqual(rollupFromTickets(measured, sprint, tickets, NOW, lazy));
  });
});
