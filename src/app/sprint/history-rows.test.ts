/**
 * History rows over the simulator: the batched search (`sprint in (…)`, split by the Sprint field)
 * gives the same rows as one search per sprint (the way a site without a Sprint field is read), and
 * rows already stored are served without a search.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { MemoryStore } from '../storage/memory-store';
import { historyRows } from './history-rows';
import { jqlDayBefore, jqlList, jqlString } from './jql-text';
import { loadProjectContext } from './project-context';
import { oneIdentity } from '../../../test/builders/one-identity';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
const portsWith = (store: MemoryStore): Ports => ({
  ...oneIdentity(JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.po.email, apiToken: sim.users.po.token }) })),
  store,
  clock: { now: () => NOW },
});
const searches = () => sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost').map((r) => (r.body as { jql: string }).jql);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());

describe('historyRows', () => {
  it('computes the same rows in one batched search as in one search per sprint', async () => {
    const batched = portsWith(new MemoryStore());
    const context = await loadProjectContext(batched, 'TEAM');
    const closed = context.sprints.filter((s) => s.state === 'closed').slice(-4);
    sim.clearRequests();
    const one = await historyRows(batched, context, closed);
    expect(searches().filter((q) => q.startsWith('sprint'))).toEqual([`sprint in (${closed.map((s) => s.id).join(', ')})`]);

    const perSprint = portsWith(new MemoryStore());
    sim.clearRequests();
    const many = await historyRows(perSprint, { ...context, catalog: { ...context.catalog, sprint: undefined } }, closed);
    expect(searches().filter((q) => q.startsWith('sprint'))).toEqual(closed.map((s) => `sprint = ${s.id}`));
    expect(many.rows).toEqual(one.rows);
    expect(one.computed).toEqual(closed.map((s) => s.id));
  });

  it('serves stored rows without a search, and skips sprints that are not closed', async () => {
    const ports = portsWith(new MemoryStore());
    const context = await loadProjectContext(ports, 'SUP');
    const closed = context.sprints.filter((s) => s.state === 'closed').slice(-2);
    await historyRows(ports, context, closed);
    sim.clearRequests();
    const again = await historyRows(ports, context, context.sprints.slice(-4));
    expect(again.rows.map((r) => r.sprintId)).toEqual(closed.map((s) => s.id));
    expect([again.computed, searches()]).toEqual([[], []]);
  });
});

describe('JQL values', () => {
  it('quotes and escapes text, and bounds dates a day early', () => {
    expect(jqlString('Support "L2" \\ desk')).toBe('"Support \\"L2\\" \\\\ desk"');
    expect(jqlList(['Bug', 'Support request'])).toBe('("Bug", "Support request")');
    expect(jqlList([])).toBeUndefined();
    expect(jqlDayBefore(Date.UTC(2026, 10, 16, 9))).toBe('"2026-11-15"');
  });
});
