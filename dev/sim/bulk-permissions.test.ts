/**
 * `POST /rest/api/3/permissions/check` (getBulkPermissions) per demo user: the grants follow the
 * project permissions and issue-level security, unknown ids are ignored, the body is read strictly,
 * someone else's permissions need Administer Jira (or the app's account), and the 1,000 limits hold.
 * Every answer is checked against the spec.
 */
import { callerFor, type Caller } from './http-client';
import { startSimulator, type Simulator } from './index';
import { validateResponse } from '../../test/contract/openapi';
import type { SiteIssue } from './site/model';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const MISSING_ID = 99999;
let sim: Simulator;
let secured: SiteIssue;
let open: SiteIssue;
let team: SiteIssue;

interface Grants {
  globalPermissions: string[];
  projectPermissions: { permission: string; projects: number[]; issues: number[] }[];
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  secured = sim.store.securedIssues()[0] as SiteIssue;
  open = sim.store.issues.find((i) => i.projectId === '10000' && i.securityLevelId === null) as SiteIssue;
  team = sim.store.issues.find((i) => i.projectId === '10001') as SiteIssue;
});
afterAll(() => sim.close());

async function check(who: Caller, body: unknown): Promise<{ status: number; json: Grants & { errorMessages?: string[]; errors?: Record<string, string> } }> {
  const response = await who<Grants & { errorMessages?: string[]; errors?: Record<string, string> }>('POST', '/rest/api/3/permissions/check', body);
  expect(validateResponse('getBulkPermissions', response.status, response.json).errors).toEqual([]);
  return response;
}

const as = (role: 'admin' | 'po' | 'dev' | 'outsider' | 'app') => callerFor(sim, role);
const browse = (issues: readonly SiteIssue[], extra: number[] = []) => ({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [...issues.map((i) => Number(i.id)), ...extra] }] });
const browsable = (grants: Grants) => grants.projectPermissions.find((g) => g.permission === 'BROWSE_PROJECTS')?.issues ?? [];

describe('which issues a user may browse', () => {
  it.each([
    ['po', true, true],
    ['admin', true, true],
    ['app', true, true],
    ['dev', false, true],
    ['outsider', false, false],
  ] as const)('%s: the secured issue %s, an open one %s, a missing id never', async (role, seesSecured, seesOpen) => {
    const { status, json } = await check(as(role), browse([secured, open, team], [MISSING_ID]));
    expect(status).toBe(200);
    const expected = [...(seesSecured ? [secured] : []), ...(seesOpen ? [open, team] : [])].map((i) => Number(i.id));
    expect(browsable(json).sort()).toEqual(expected.sort());
  });

  it('answers each project permission for projects and issues alike, with what the user holds', async () => {
    const body = {
      globalPermissions: ['USER_PICKER', 'ADMINISTER'],
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10001, MISSING_ID], issues: [Number(open.id), Number(secured.id)] }],
    };
    expect((await check(as('po'), body)).json).toEqual({
      globalPermissions: ['USER_PICKER'],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [Number(open.id), Number(secured.id)] },
        { permission: 'EDIT_ISSUES', projects: [10000, 10001], issues: [Number(open.id), Number(secured.id)] },
      ],
    });
    expect((await check(as('dev'), body)).json).toEqual({
      globalPermissions: ['USER_PICKER'],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [Number(open.id)] },
        { permission: 'EDIT_ISSUES', projects: [], issues: [] },
      ],
    });
    expect((await check(as('admin'), body)).json.globalPermissions).toEqual(['USER_PICKER', 'ADMINISTER']);
  });

  it('merges a permission asked for twice; ignores nulls and empty keys; answers an empty body with nothing', async () => {
    const body = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS', ''], issues: [Number(open.id), null] }, null, { permissions: ['BROWSE_PROJECTS'], projects: [10001], issues: [Number(open.id), Number(team.id)] }], globalPermissions: [null] };
    expect((await check(as('po'), body)).json).toEqual({
      globalPermissions: [],
      projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10001], issues: [Number(open.id), Number(team.id)] }],
    });
    expect((await check(as('po'), {})).json).toEqual({ globalPermissions: [], projectPermissions: [] });
  });
});

describe('someone else\'s permissions (accountId)', () => {
  const forDev = () => ({ accountId: sim.users.dev.accountId, ...browse([secured, open]) });

  it('are refused to a user without Administer Jira (403), though their own are fine', async () => {
    const refused = await check(as('po'), forDev());
    expect([refused.status, refused.json]).toEqual([403, { errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} }]);
    expect((await check(as('po'), { accountId: sim.users.po.accountId, ...browse([secured]) })).status).toBe(200);
  });

  it.each(['admin', 'app'] as const)('are answered to %s, as that user sees them', async (role) => {
    const { status, json } = await check(as(role), forDev());
    expect(status).toBe(200);
    expect(browsable(json)).toEqual([Number(open.id)]);
  });

  it('cover team members without a login too (Mia is in the level), and an unknown account is a 400', async () => {
    const mia = await check(as('app'), { accountId: '5b10a2844c20165700ede21g', ...browse([secured]) });
    expect(browsable(mia.json)).toEqual([Number(secured.id)]);
    const unknown = await check(as('admin'), { accountId: 'nobody', ...browse([open]) });
    expect(unknown.status).toBe(400);
  });
});

describe('the request, read strictly', () => {
  it.each([
    [{ permissions: ['BROWSE_PROJECTS'] }, 'Unrecognized field "permissions" (class BulkPermissionsRequestBean), not marked as ignorable.'],
    [{ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issueIds: [1] }] }, 'Unrecognized field "issueIds" (class BulkProjectPermissions), not marked as ignorable.'],
    [{ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ['10001'] }] }, "The 'issues' value must be a list of issue ids (integers)."],
    [{ projectPermissions: [{ permissions: [''] }] }, 'Each projectPermissions entry must name at least one project permission.'],
    [{ projectPermissions: [{ issues: [1] }] }, 'Each projectPermissions entry must name at least one project permission.'],
    [{ projectPermissions: {} }, "The 'projectPermissions' value must be a list of objects."],
    [{ globalPermissions: 'ADMINISTER' }, "The 'globalPermissions' value must be a list of permission keys."],
    [{ accountId: 42 }, "The 'accountId' value must be a string."],
    [[], 'The request body must be a JSON object.'],
  ])('refuses %j', async (body, message) => {
    const { status, json } = await check(as('po'), body);
    expect([status, json]).toEqual([400, { errorMessages: [message], errors: {} }]);
  });

  it('names every unrecognised permission, global or project, in `errors`', async () => {
    const { status, json } = await check(as('po'), { globalPermissions: ['ADMINISTER', 'BROWSE_PROJECTS'], projectPermissions: [{ permissions: ['PERMISSION_123', 'USER_PICKER', 'EDIT_ISSUES'] }] });
    expect([status, json]).toEqual([400, { errorMessages: [], errors: { BROWSE_PROJECTS: 'Unrecognized permission', PERMISSION_123: 'Unrecognized permission', USER_PICKER: 'Unrecognized permission' } }]);
  });

  it('ignores ids that are not issues, so more than 1,000 of them is no error', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => 900000 + i);
    const { status, json } = await check(as('po'), browse([open], ids));
    expect([status, browsable(json)]).toEqual([200, [Number(open.id)]]);
  });
});

describe('the 1,000 limits', () => {
  it('refuses more than 1,000 existing issues in one request, and answers 1,000', async () => {
    const big = await startSimulator({ now: NOW, scale: { activeSprintIssues: 1100 } });
    try {
      const ids = big.store.issues.slice(0, 1001).map((i) => Number(i.id));
      const call = callerFor(big, 'po');
      const tooMany = await call<{ errorMessages: string[] }>('POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids }] });
      expect([tooMany.status, tooMany.json]).toEqual([400, { errorMessages: ['At most 1000 issues can be checked at once; 1001 were given.'], errors: {} }]);
      const split = await call<Grants>('POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids.slice(0, 500) }, { permissions: ['EDIT_ISSUES'], issues: ids.slice(500) }] });
      expect(split.status).toBe(400);
      const ok = await call<Grants>('POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids.slice(0, 1000) }] });
      expect(ok.status).toBe(200);
      expect(browsable(ok.json)).toHaveLength(1000); // po is in the level: the secured ones among them too
    } finally {
      await big.close();
    }
  });
});
