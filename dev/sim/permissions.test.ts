/** Auth and Jira's permission rules, per demo user, over real HTTP. */
import { callerFor, type Caller } from './http-client';
import { startSimulator, type Simulator } from './index';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let sim: Simulator;
let as: Record<'admin' | 'po' | 'dev' | 'outsider', Caller>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  as = { admin: callerFor(sim, 'admin'), po: callerFor(sim, 'po'), dev: callerFor(sim, 'dev'), outsider: callerFor(sim, 'outsider') };
});
afterAll(() => sim.close());

const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] };

describe('authentication', () => {
  it.each([
    ['no credentials', null],
    ['a wrong token', { email: 'po@demo.test', token: 'nope' }],
    ['an unknown user', { email: 'who@demo.test', token: 'demo' }],
    ['a team member without a login', { email: 'mia@demo.test', token: '' }],
  ])('refuses %s with 401 in Jira’s error shape', async (_label, who) => {
    const response = await callerFor(sim, who)('GET', '/rest/api/3/myself');
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
  });

  it('knows who is calling', async () => {
    const me = await as.po<{ accountId: string; emailAddress: string }>('GET', '/rest/api/3/myself');
    expect(me.status).toBe(200);
    expect(me.json.accountId).toBe(sim.users.po.accountId);
    expect(me.json.emailAddress).toBe('po@demo.test');
  });
});

describe('without Browse Projects (outsider)', () => {
  it('finds no issues, even with a bounded query', async () => {
    const response = await as.outsider<{ issues: unknown[]; isLast: boolean }>('POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['summary'] });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ issues: [], isLast: true });
  });

  it.each([
    ['GET', '/rest/api/3/issue/SUP-1', undefined],
    ['GET', '/rest/api/3/issue/SUP-1/worklog', undefined],
    ['GET', '/rest/api/3/issue/SUP-1/comment', undefined],
    ['GET', '/rest/api/3/issue/SUP-1/properties/interruptBudget', undefined],
    ['PUT', '/rest/api/3/issue/SUP-1', { update: { labels: [{ add: 'x' }] } }],
    ['PUT', '/rest/api/3/issue/SUP-1/properties/interruptBudget', { outcome: 'interrupt' }],
  ])('%s %s is 404, as if the issue did not exist', async (method, path, body) => {
    const response = await as.outsider(method, path, body);
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('sees no boards and cannot open one', async () => {
    expect((await as.outsider<{ values: unknown[] }>('GET', '/rest/agile/1.0/board')).json.values).toEqual([]);
    expect((await as.outsider('GET', '/rest/agile/1.0/board/1/sprint')).status).toBe(404);
    expect((await as.outsider('GET', '/rest/agile/1.0/sprint/1')).status).toBe(404);
  });
});

describe('Browse only (dev)', () => {
  it('reads issues', async () => {
    expect((await as.dev('GET', '/rest/api/3/issue/SUP-1')).status).toBe(200);
  });

  it.each([
    ['PUT', '/rest/api/3/issue/SUP-1', { update: { labels: [{ add: 'x' }] } }],
    ['PUT', '/rest/api/3/issue/SUP-1/properties/interruptBudget', { outcome: 'interrupt' }],
    ['POST', '/rest/api/3/issue/SUP-1/comment', { body: adf }],
    ['PUT', '/rest/api/3/issue/SUP-1/assignee', { accountId: null }],
    ['POST', '/rest/agile/1.0/sprint/13/issue', { issues: ['SUP-1'] }],
    ['POST', '/rest/agile/1.0/backlog/issue', { issues: ['SUP-1'] }],
  ])('is refused %s %s with 403', async (method, path, body) => {
    const before = JSON.stringify(sim.store.issue('SUP-1'));
    const response = await as.dev<{ errorMessages: string[]; errors: object }>(method, path, body);
    expect(response.status).toBe(403);
    expect(response.json.errorMessages).toHaveLength(1);
    expect(response.json.errors).toEqual({});
    expect(JSON.stringify(sim.store.issue('SUP-1'))).toBe(before);
  });
});

describe('getMyPermissions', () => {
  const ask = (who: Caller, query: string) => who<{ permissions: Record<string, { havePermission: boolean }> }>('GET', `/rest/api/3/mypermissions?${query}`);

  it('needs the permissions parameter', async () => {
    expect((await ask(as.po, 'projectKey=SUP')).status).toBe(400);
    expect((await ask(as.po, 'projectKey=SUP&permissions=NOT_A_PERMISSION')).status).toBe(400);
  });

  it.each([
    ['admin', { BROWSE_PROJECTS: true, EDIT_ISSUES: true, SCHEDULE_ISSUES: true, ADMINISTER_PROJECTS: true }],
    ['po', { BROWSE_PROJECTS: true, EDIT_ISSUES: true, SCHEDULE_ISSUES: true, ADMINISTER_PROJECTS: false }],
    ['dev', { BROWSE_PROJECTS: true, EDIT_ISSUES: false, SCHEDULE_ISSUES: false, ADMINISTER_PROJECTS: false }],
  ] as const)('reports what %s holds in SUP', async (role, expected) => {
    const response = await ask(as[role], 'projectKey=SUP&permissions=BROWSE_PROJECTS,EDIT_ISSUES,SCHEDULE_ISSUES,ADMINISTER_PROJECTS');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(Object.entries(response.json.permissions).map(([k, v]) => [k, v.havePermission]))).toEqual(expected);
  });

  it('hides a project the user cannot browse (404), but answers without a project', async () => {
    expect((await ask(as.outsider, 'projectKey=SUP&permissions=BROWSE_PROJECTS')).status).toBe(404);
    const global = await ask(as.outsider, 'permissions=BROWSE_PROJECTS,USER_PICKER');
    expect(global.json.permissions.BROWSE_PROJECTS?.havePermission).toBe(false);
    expect(global.json.permissions.USER_PICKER?.havePermission).toBe(true);
  });
});

describe('findAssignableUsers', () => {
  it('lists assignable people matching the query, and needs a project or issue', async () => {
    const all = await as.po<{ accountId: string; displayName: string }[]>('GET', '/rest/api/3/user/assignable/search?project=SUP');
    expect(all.json.map((u) => u.accountId)).toContain(sim.users.po.accountId);
    expect(all.json.map((u) => u.accountId)).not.toContain(sim.users.dev.accountId);
    const priya = await as.po<{ displayName: string }[]>('GET', '/rest/api/3/user/assignable/search?project=SUP&query=pri');
    expect(priya.json.map((u) => u.displayName)).toEqual(['Priya Shah']);
    expect((await as.po('GET', '/rest/api/3/user/assignable/search?query=pri')).status).toBe(400);
  });
});
