/**
 * The app's own account (`sim.users.app`, what `asApp()` calls are made as): it logs in like the
 * others, says it is an app, holds every project permission and only Browse users globally, and is
 * nobody's teammate — never a worklog author, assignee or reporter, never offered as assignable.
 */
import { callerFor, type Caller } from './http-client';
import { startSimulator, type Simulator } from './index';
import { validateResponse } from '../../test/contract/openapi';
import { PERMISSIONS } from './site/permissions';
import { TEAM_MEMBER_IDS } from './site/users';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let sim: Simulator;
let app: Caller;
let po: Caller;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  app = callerFor(sim, 'app');
  po = callerFor(sim, 'po');
});
afterAll(() => sim.close());

describe('the app login', () => {
  it('is a fifth login next to the four people, who are unchanged', () => {
    expect(Object.keys(sim.users)).toEqual(['admin', 'po', 'dev', 'outsider', 'app']);
    expect(sim.users.app).toEqual({ email: 'app@demo.test', token: 'demo', accountId: expect.stringMatching(/^557058:[0-9a-f-]{36}$/), displayName: 'Interrupt Budget' });
    expect(Object.fromEntries(Object.entries(sim.users).filter(([role]) => role !== 'app').map(([role, u]) => [role, u.email]))).toEqual({
      admin: 'admin@demo.test', po: 'po@demo.test', dev: 'dev@demo.test', outsider: 'outsider@demo.test',
    });
  });

  it('says it is an app in /myself, within the spec', async () => {
    const me = await app<Record<string, unknown>>('GET', '/rest/api/3/myself?expand=groups,applicationRoles');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ accountId: sim.users.app.accountId, accountType: 'app', displayName: 'Interrupt Budget', applicationRoles: { size: 0 } });
    expect(validateResponse('getCurrentUser', 200, me.json).errors).toEqual([]);
    expect((await po<Record<string, unknown>>('GET', '/rest/api/3/myself')).json.accountType).toBe('atlassian');
  });

  it('holds every project permission, and of the global ones only Browse users and groups', async () => {
    const keys = PERMISSIONS.map((p) => p.key).join(',');
    const response = await app<{ permissions: Record<string, { type: string; havePermission: boolean }> }>('GET', `/rest/api/3/mypermissions?projectKey=SUP&permissions=${keys}`);
    const held = Object.entries(response.json.permissions).filter(([, p]) => p.havePermission).map(([key]) => key);
    expect(held.sort()).toEqual([...PERMISSIONS.filter((p) => p.type === 'PROJECT').map((p) => p.key), 'USER_PICKER'].sort());
  });

  it('is not a team member: no worklogs, assignments or reports of its own on the seeded site', () => {
    const id = sim.users.app.accountId;
    expect(TEAM_MEMBER_IDS).not.toContain(id);
    expect(TEAM_MEMBER_IDS).toHaveLength(5); // admin, po, dev, Mia, Sam: as before
    expect(sim.store.issues.filter((i) => i.assigneeId === id || i.reporterId === id || i.worklogs.some((w) => w.authorId === id))).toEqual([]);
  });

  it('is never offered as assignable, and cannot be assigned', async () => {
    const base = '/rest/api/3/user/assignable/search?project=SUP';
    for (const query of ['', '&query=interrupt', '&query=app', `&accountId=${encodeURIComponent(sim.users.app.accountId)}`]) {
      const users = await app<{ accountId: string }[]>('GET', `${base}${query}`);
      expect(users.status).toBe(200);
      expect(users.json.map((u) => u.accountId)).not.toContain(sim.users.app.accountId);
    }
    const refused = await po<{ errors: Record<string, string> }>('PUT', '/rest/api/3/issue/SUP-12/assignee', { accountId: sim.users.app.accountId });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.assignee).toBe("User 'Interrupt Budget' cannot be assigned issues.");
  });

  it('can do what the app does: search, read and write an issue property', async () => {
    const search = await app<{ issues: unknown[] }>('POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['id'], maxResults: 5000 });
    expect(search.json.issues).toHaveLength(sim.store.issues.filter((i) => i.projectId === '10000').length);
    expect((await app('PUT', '/rest/api/3/issue/SUP-3/properties/interruptBudget', { outcome: 'backlog' })).status).toBeLessThan(300);
    expect((await app<{ value: unknown }>('GET', '/rest/api/3/issue/SUP-3/properties/interruptBudget')).json.value).toEqual({ outcome: 'backlog' });
  });
});
