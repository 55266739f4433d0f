/**
 * The client's two questions about who may see which issues, against the simulator over real HTTP:
 * `browsableIssueIds` (one bulk permission check per 1,000 ids, issue-level security included) and
 * `hasAnyIssue` (one search for at most one id).
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import type { LoginRole } from '../../dev/sim/site/model';
import { BasicAuthTransport } from './basic-auth-transport';
import { JiraError } from './errors';
import { JiraClient } from './jira-client';
import type { JiraTransport } from './transport';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;
let securedId: string;
let openId: string;
const MISSING_ID = '99999';

function clientFor(role: LoginRole): JiraClient {
  const login = sim.users[role];
  return JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) });
}

const requests = (operationId: string) => sim.requests().filter((r) => r.operationId === operationId);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 1, now: NOW });
  const secured = sim.store.securedIssues()[0];
  const open = sim.store.issues.find((i) => i.projectId === secured?.projectId && i.securityLevelId === null);
  if (!secured || !open) throw new Error('the demo site has no secured issue');
  securedId = secured.id;
  openId = open.id;
});
afterAll(() => sim.close());
beforeEach(() => sim.clearRequests());

describe('browsableIssueIds', () => {
  it.each([
    ['po', () => [securedId, openId]],
    ['admin', () => [securedId, openId]],
    ['app', () => [securedId, openId]],
    ['dev', () => [openId]],
    ['outsider', () => []],
  ] as const)('as %s: the issues that user may see, never an id Jira does not know', async (role, expected) => {
    const visible = await clientFor(role).browsableIssueIds([securedId, openId, MISSING_ID]);
    expect([...visible].sort()).toEqual([...expected()].sort());
    expect(requests('getBulkPermissions')).toHaveLength(1);
  });

  it('sends one check with the ids as integers, BROWSE_PROJECTS only', async () => {
    await clientFor('po').browsableIssueIds([openId, securedId, openId]);
    expect(requests('getBulkPermissions').map((r) => r.body)).toEqual([{ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [Number(openId), Number(securedId)] }] }]);
  });

  it('sends nothing for an empty list', async () => {
    expect(await clientFor('po').browsableIssueIds([])).toEqual(new Set());
    expect(sim.requests()).toEqual([]);
  });

  it('splits more than 1,000 ids into checks of 1,000', async () => {
    const ids = [securedId, ...Array.from({ length: 1000 }, (_, i) => String(900000 + i))];
    const visible = await clientFor('po').browsableIssueIds(ids);
    expect([...visible]).toEqual([securedId]);
    const sent = requests('getBulkPermissions').map((r) => (r.body as { projectPermissions: { issues: number[] }[] }).projectPermissions[0]?.issues.length);
    expect(sent).toEqual([1000, 1]);
  });

  it('refuses an id that is not a number before asking anything', async () => {
    const error = await clientFor('po').browsableIssueIds([openId, 'SUP-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).kind).toBe('BadResponse');
    expect((error as JiraError).message).toContain('the issue id "SUP-1" is not a number');
    expect(sim.requests()).toEqual([]);
  });

  it('fails with BadResponse when the answer is not BulkPermissionGrants (ids as strings, say)', async () => {
    const body = { globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [], issues: [openId] }] };
    const transport: JiraTransport = { send: async () => ({ status: 200, headers: {}, text: JSON.stringify(body) }) };
    const error = await JiraClient.create({ transport }).browsableIssueIds([openId]).catch((e: unknown) => e);
    expect((error as JiraError).kind).toBe('BadResponse');
    expect((error as JiraError).message).toContain('getBulkPermissions answered with an unexpected shape at /projectPermissions/0/issues/0');
  });
});

describe('hasAnyIssue', () => {
  const SECURED_JQL = 'project = SUP AND level is not EMPTY';

  it.each([
    ['app', SECURED_JQL, true],
    ['admin', SECURED_JQL, true],
    ['po', SECURED_JQL, true],
    ['dev', SECURED_JQL, false],
    ['app', 'project = TEAM AND level is not EMPTY', false],
    ['po', 'project = TEAM AND level is not EMPTY', false],
  ] as const)('as %s, %s → %s', async (role, jql, expected) => {
    expect(await clientFor(role).hasAnyIssue(jql)).toBe(expected);
  });

  it('asks one search for one id', async () => {
    await clientFor('app').hasAnyIssue(SECURED_JQL);
    expect(sim.requests().map((r) => [r.operationId, r.body])).toEqual([['searchAndReconsileIssuesUsingJqlPost', { jql: SECURED_JQL, fields: ['id'], maxResults: 1 }]]);
  });
});
