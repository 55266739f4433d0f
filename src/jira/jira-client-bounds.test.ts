/**
 * What the settings use cases added to the Jira client, against the simulator over HTTP: a search
 * that stops at `maxIssues` (no page fetched past it), the field list fetched once per client and
 * shared with field discovery, and naming one assignable user by account id.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { BasicAuthTransport } from './basic-auth-transport';
import { JiraClient } from './jira-client';

let sim: Simulator;

const client = (): JiraClient => JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.po.email, apiToken: sim.users.po.token }) });
const searches = () => sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost');
const EMPTY = { storyPoints: [], slas: [] };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

describe('searchTickets with maxIssues', () => {
  it('asks for no more than it needs, across pages, in the JQL order', async () => {
    const all = await client().searchTickets({ jql: 'project = SUP ORDER BY created DESC', catalog: EMPTY });
    sim.clearRequests();
    const { tickets } = await client().searchTickets({ jql: 'project = SUP ORDER BY created DESC', catalog: EMPTY, maxIssues: 150 });
    expect(tickets.map((t) => t.key)).toEqual(all.tickets.slice(0, 150).map((t) => t.key));
    expect(searches().map((r) => (r.body as { maxResults: number }).maxResults)).toEqual([100, 50]);
  });

  it('takes one page when the limit fits in it, and none for a limit of 0', async () => {
    const { tickets } = await client().searchTickets({ jql: 'project = SUP ORDER BY created DESC', catalog: EMPTY, maxIssues: 50 });
    expect(tickets).toHaveLength(50);
    expect(await client().issues.search({ jql: 'project = SUP', fields: ['key'], maxIssues: 0 })).toEqual([]);
    expect(searches()).toHaveLength(1);
  });
});

describe('fieldList', () => {
  it('is fetched once per client and shared with discoverFields', async () => {
    const jira = client();
    const [fields] = await Promise.all([jira.fieldList(), jira.discoverFields(), jira.fieldList()]);
    expect(fields.find((f) => f.id === 'customfield_10081')).toMatchObject({ name: 'Severity', schema: { type: 'option' } });
    expect((await jira.discoverFields()).catalog.severity).toEqual({ id: 'customfield_10081', name: 'Severity' });
    expect(sim.requests().filter((r) => r.operationId === 'getFields')).toHaveLength(1);
  });

  it('is asked for again after a failure instead of remembering it', async () => {
    sim.faults.set({ unavailable: { operationId: 'getFields', next: 1 } });
    const jira = JiraClient.create({
      transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.po.email, apiToken: sim.users.po.token }),
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    await expect(jira.fieldList()).rejects.toMatchObject({ kind: 'Unavailable' });
    sim.faults.clear();
    expect((await jira.fieldList()).length).toBeGreaterThan(0);
  });
});

describe('assignableUser', () => {
  it('names an assignable account, and finds nobody for one that is not', async () => {
    expect(await client().people.assignableUser('SUP', sim.users.admin.accountId)).toMatchObject({ displayName: 'Alex Morgan' });
    expect(await client().people.assignableUser('SUP', sim.users.outsider.accountId)).toBeUndefined();
  });
});
