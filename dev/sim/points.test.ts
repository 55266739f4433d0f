/**
 * Jira's points, as the simulator meters them (points/): what each operation costs for known answers,
 * writes at 1, the hourly window on the simulator's clock, the spent pool's 429 (headers, nothing
 * run), the near-limit headers, Tier 1's shared pool against Tier 2's per-tenant ones, who spent what,
 * the `/__sim/points` report, and the scaled site's real-sized field list — over real HTTP.
 */
import { JIRA_OPERATIONS } from '../../src/jira/operations';
import { discoverFields } from '../../src/jira/field-catalog';
import { validateResponse } from '../../test/contract/openapi';
import { callerFor, type Caller } from './http-client';
import { SIM_OPERATIONS, type SimOperationId } from './http/operations';
import { startSimulator, type Simulator } from './index';
import { tier2Quota } from './points/config';
import { POINTS_RULES } from './points/rules';
import { SITE_FIELDS } from './site/fields';
import type { LoginRole } from './site/model';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Triaged.' }] }] };

/** A request as `role`, optionally as another tenant of the app (the simulator-only X-Sim-Tenant header). */
async function call(sim: Simulator, role: LoginRole, method: string, path: string, options: { body?: unknown; tenant?: string } = {}): Promise<Response> {
  const { email, token } = sim.users[role];
  const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` };
  if (options.tenant) headers['X-Sim-Tenant'] = options.tenant;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sim.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  await response.arrayBuffer();
  return response;
}
const lastPoints = (sim: Simulator): number | undefined => sim.requests().at(-1)?.points;

describe('the points rules', () => {
  it('name a rule for every operation the app uses and every one the simulator serves, none by default', () => {
    expect(Object.keys(POINTS_RULES).sort()).toEqual(Object.keys(SIM_OPERATIONS).sort());
    for (const id of Object.keys(JIRA_OPERATIONS)) expect(POINTS_RULES[id as SimOperationId]).toBeDefined();
  });

  it('charge every GET as a read, and of the other methods only the three POST reads (search, count, permission check)', () => {
    const ids = Object.keys(SIM_OPERATIONS) as SimOperationId[];
    const readsByOtherMethods = ids.filter((id) => SIM_OPERATIONS[id].method !== 'GET' && POINTS_RULES[id].kind === 'read');
    expect(readsByOtherMethods.sort()).toEqual(['countIssues', 'getBulkPermissions', 'searchAndReconsileIssuesUsingJqlPost']);
    expect(ids.filter((id) => SIM_OPERATIONS[id].method === 'GET' && POINTS_RULES[id].kind !== 'read')).toEqual([]);
  });

  it.each([
    ['free', 5000, 65_000],
    ['standard', 2000, 120_000],
    ['premium', 1000, 150_000],
    ['enterprise', 15_000, 500_000],
    ['standard', 50_000, 500_000],
  ] as const)('give a Tier 2 %s tenant of %d users %d points an hour (the docs\' examples and cap)', (edition, users, quota) => {
    expect(tier2Quota(edition, users)).toBe(quota);
  });
});

describe('points per answer', () => {
  let sim: Simulator;
  let po: Caller;

  beforeAll(async () => {
    sim = await startSimulator({ now: NOW });
    po = callerFor(sim, 'po');
  });
  afterAll(() => sim.close());

  const busyKey = () => sim.store.issues.find((i) => i.worklogs.length === 26 && i.projectId === '10000')?.key ?? 'SUP-1';

  // [operation, method, path ({busy}: the SUP issue with 26 worklogs), body, points]: 1 + objects (identity objects: 2 each); writes 1.
  it.each<[SimOperationId, string, string, unknown, () => number]>([
    ['getFields', 'GET', '/rest/api/3/field', undefined, () => 1 + SITE_FIELDS.length],
    ['searchAndReconsileIssuesUsingJqlPost', 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP ORDER BY key', maxResults: 7 }, () => 8],
    ['searchAndReconsileIssuesUsingJql', 'GET', '/rest/api/3/search/jql?jql=project+%3D+TEAM&maxResults=3', undefined, () => 4],
    ['searchAndReconsileIssuesUsingJqlPost', 'POST', '/rest/api/3/search/jql', { jql: 'project = NOPE' }, () => 1],
    ['countIssues', 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SUP' }, () => 1],
    ['getIssue', 'GET', '/rest/api/3/issue/SUP-1?fields=*all', undefined, () => 2],
    ['getIssueWorklog', 'GET', '/rest/api/3/issue/{busy}/worklog', undefined, () => 27],
    ['getIssueWorklog', 'GET', '/rest/api/3/issue/{busy}/worklog?startAt=20&maxResults=5', undefined, () => 6],
    ['getIssueProperty', 'GET', '/rest/api/3/issue/SUP-2/properties/interruptBudget', undefined, () => 1],
    ['getComments', 'GET', '/rest/api/3/issue/SUP-3/comment', undefined, () => 1 + (sim.store.issue('SUP-3')?.comments.length ?? 0)],
    ['getMyPermissions', 'GET', '/rest/api/3/mypermissions?projectKey=SUP&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER', undefined, () => 1 + 3 * 2],
    ['getBulkPermissions', 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['USER_PICKER'], projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001], issues: [10001, 1] }] }, () => 1 + (1 + 2 + 1) * 2],
    ['getCurrentUser', 'GET', '/rest/api/3/myself', undefined, () => 3],
    ['findAssignableUsers', 'GET', '/rest/api/3/user/assignable/search?project=SUP&maxResults=2', undefined, () => 1 + 2 * 2],
    ['bulkGetUsers', 'GET', '/rest/api/3/user/bulk?accountId=5b10a2844c20165700ede21g&accountId=712020%3A00000000-0000-4000-8000-000000000000', undefined, () => 1 + 1 * 2],
    ['getAllBoards', 'GET', '/rest/agile/1.0/board', undefined, () => 1 + sim.store.boards.length],
    ['getBoard', 'GET', '/rest/agile/1.0/board/3', undefined, () => 2],
    ['getConfiguration', 'GET', '/rest/agile/1.0/board/1/configuration', undefined, () => 2],
    ['getAllStatuses', 'GET', '/rest/api/3/project/SUP/statuses', undefined, () => 1 + (sim.store.project('SUP')?.issueTypes.length ?? 0)],
    ['getAllSprints', 'GET', '/rest/agile/1.0/board/2/sprint', undefined, () => 1 + 14],
    ['getSprint', 'GET', '/rest/agile/1.0/sprint/14', undefined, () => 2],
    ['getProject', 'GET', '/rest/api/3/project/TEAM', undefined, () => 2],
    ['getIssue', 'GET', '/rest/api/3/issue/NOPE-1', undefined, () => 1],
    ['editIssue', 'PUT', '/rest/api/3/issue/SUP-2?returnIssue=true', { update: { labels: [{ add: 'triaged' }] } }, () => 1],
    ['assignIssue', 'PUT', '/rest/api/3/issue/SUP-2/assignee', { accountId: null }, () => 1],
    ['setIssueProperty', 'PUT', '/rest/api/3/issue/SUP-2/properties/interruptBudget', { outcome: 'backlog' }, () => 1],
    ['addComment', 'POST', '/rest/api/3/issue/SUP-2/comment', { body: adf }, () => 1],
    ['moveIssuesToSprintAndRank', 'POST', '/rest/agile/1.0/sprint/13/issue', { issues: ['SUP-2'] }, () => 1],
    ['moveIssuesToBacklog', 'POST', '/rest/agile/1.0/backlog/issue', { issues: ['SUP-2'] }, () => 1],
  ])('%s %s %s costs as Jira counts it', async (operationId, method, path, body, points) => {
    const response = await po(method, path.replace('{busy}', busyKey()), body);
    expect(sim.requests().at(-1)?.operationId).toBe(operationId);
    expect({ status: response.status, points: lastPoints(sim) }).toEqual({ status: response.status, points: points() });
  });

  it('costs the create screen 1 + its fields (as the admin, who may create)', async () => {
    const response = await callerFor(sim, 'admin')<{ fields: unknown[] }>('GET', '/rest/api/3/issue/createmeta/SUP/issuetypes/10005?maxResults=100');
    expect(response.status).toBe(200);
    expect(lastPoints(sim)).toBe(1 + response.json.fields.length);
  });

  it('charges the refused nothing: a 401, an injected fault', async () => {
    const before = sim.points.report().total;
    await callerFor(sim, null)('GET', '/rest/api/3/myself');
    sim.faults.set({ rateLimit: { next: 1 } });
    expect((await po('GET', '/rest/api/3/myself')).status).toBe(429);
    sim.faults.clear();
    expect(sim.requests().slice(-2).map((r) => r.points)).toEqual([0, 0]);
    expect(sim.points.report().total).toEqual(before);
  });
});

describe('the hourly quota', () => {
  let sim: Simulator;

  beforeEach(async () => {
    sim = await startSimulator({ now: NOW + 40 * 60_000, points: { enforce: true, quota: 20 } });
  });
  afterEach(() => sim.close());

  it('answers 429 once the pool is spent, with Jira\'s headers, running no handler and writing nothing', async () => {
    expect((await call(sim, 'po', 'GET', '/rest/agile/1.0/board/2/sprint')).status).toBe(200); // 15
    expect((await call(sim, 'po', 'GET', '/rest/api/3/issue/SUP-1')).status).toBe(200); // 17
    // Served although it crosses the quota: the cost is known only once answered.
    expect((await call(sim, 'po', 'GET', '/rest/agile/1.0/board?maxResults=2')).status).toBe(200); // 20
    const labels = [...(sim.store.issue('SUP-2')?.labels ?? [])];
    const refused = await call(sim, 'po', 'PUT', '/rest/api/3/issue/SUP-2', { body: { update: { labels: [{ add: 'never' }] } } });
    expect(refused.status).toBe(429);
    expect(Object.fromEntries([...refused.headers].filter(([name]) => /rate|retry/i.test(name)))).toEqual({
      'retry-after': String(20 * 60),
      'ratelimit-reason': 'jira-quota-global-based',
      'x-ratelimit-reset': '2026-11-23T10:00:00Z',
      'x-ratelimit-limit': '20',
      'x-ratelimit-remaining': '0',
      'ratelimit-policy': '"global-app-quota";q=20;w=3600',
      ratelimit: '"global-app-quota";r=0;t=1200',
      'x-ratelimit-nearlimit': 'true',
    });
    expect(sim.store.issue('SUP-2')?.labels).toEqual(labels);
    expect(sim.requests().at(-1)).toMatchObject({ operationId: 'editIssue', status: 429, points: 0 });
    expect(sim.points.report().total).toEqual({ requests: 3, points: 20, objects: 17, refused: 1 });
  });

  it('refuses until the top of the next UTC hour on the simulator\'s clock, then starts a new window', async () => {
    await call(sim, 'app', 'GET', '/rest/agile/1.0/board/2/sprint');
    await call(sim, 'app', 'GET', '/rest/agile/1.0/board/1/sprint');
    sim.clock.advance(19 * 60_000);
    const late = await call(sim, 'app', 'GET', '/rest/api/3/myself');
    expect([late.status, late.headers.get('retry-after')]).toEqual([429, '60']);
    sim.clock.advance(60_000);
    expect((await call(sim, 'app', 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(sim.points.report().byHour).toEqual([
      { hour: '2026-11-23T09:00:00.000Z', requests: 2, points: 30, objects: 28, refused: 1 },
      { hour: '2026-11-23T10:00:00.000Z', requests: 1, points: 3, objects: 1, refused: 0 },
    ]);
  });

  it('says so when less than 20 % of the pool is left, and only then', async () => {
    sim.points.set({ enforce: true, quota: 100 });
    const early = await call(sim, 'po', 'GET', '/rest/agile/1.0/board/2/sprint'); // 15 spent
    expect([early.headers.get('ratelimit'), early.headers.get('x-ratelimit-nearlimit')]).toEqual(['"global-app-quota";t=1200', null]);
    for (let i = 0; i < 4; i++) await call(sim, 'po', 'GET', '/rest/agile/1.0/board/1/sprint'); // 75
    const still = await call(sim, 'po', 'GET', '/rest/api/3/myself'); // 78: 22 left
    expect(still.headers.get('x-ratelimit-nearlimit')).toBeNull();
    const near = await call(sim, 'po', 'GET', '/rest/api/3/myself'); // 81: 19 left
    expect([near.status, near.headers.get('ratelimit'), near.headers.get('x-ratelimit-nearlimit')]).toEqual([200, '"global-app-quota";r=19;t=1200', 'true']);
  });

  it('keeps working alongside injected faults, which cost nothing', async () => {
    sim.faults.set({ unavailable: { next: 1 } });
    expect((await call(sim, 'po', 'GET', '/rest/api/3/myself')).status).toBe(503);
    expect((await call(sim, 'po', 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(sim.points.report().total).toMatchObject({ requests: 1, points: 3 });
  });

  it('shares one pool among all tenants on Tier 1, keeps one per tenant on Tier 2', async () => {
    await call(sim, 'app', 'GET', '/rest/agile/1.0/board/2/sprint', { tenant: 'acme' });
    await call(sim, 'app', 'GET', '/rest/agile/1.0/board/1/sprint', { tenant: 'acme' });
    const other = await call(sim, 'app', 'GET', '/rest/api/3/myself', { tenant: 'globex' });
    expect([other.status, other.headers.get('ratelimit-reason')]).toEqual([429, 'jira-quota-global-based']);

    sim.points.set({ enforce: true, tier: 2, quota: 20 });
    const own = await call(sim, 'app', 'GET', '/rest/api/3/myself', { tenant: 'globex' });
    expect([own.status, own.headers.get('ratelimit-policy')]).toEqual([200, '"tenant-app-quota";q=20;w=3600']);
    const spent = await call(sim, 'app', 'GET', '/rest/api/3/myself', { tenant: 'acme' });
    expect([spent.status, spent.headers.get('ratelimit-reason')]).toEqual([429, 'jira-quota-tenant-based']);
    expect(sim.points.report().pools.map((p) => [p.pool, p.spent, p.remaining])).toEqual([['acme', 30, 0], ['demo', 0, 20], ['globex', 3, 17]]);
  });
});

describe('metering without enforcement (the default)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: NOW });
  });
  afterAll(() => sim.close());

  it('counts against the real Tier 1 figure and sends the quota headers with Jira\'s beta prefix', async () => {
    const response = await call(sim, 'po', 'GET', '/rest/api/3/myself');
    expect([response.headers.get('beta-ratelimit-policy'), response.headers.get('beta-ratelimit'), response.headers.get('ratelimit-policy')]).toEqual([
      '"global-app-quota";q=65000;w=3600',
      '"global-app-quota";t=3600',
      null,
    ]);
  });

  it('serves a request past the quota, saying what enforcement would have answered', async () => {
    sim.points.set({ quota: 3 });
    await call(sim, 'po', 'GET', '/rest/api/3/myself');
    const past = await call(sim, 'po', 'GET', '/rest/api/3/myself');
    expect([past.status, past.headers.get('beta-retry-after'), past.headers.get('x-beta-ratelimit-reason'), past.headers.get('retry-after')]).toEqual([200, '3600', 'jira-quota-global-based', null]);
  });
});

describe('the points report', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: NOW });
  });
  afterAll(() => sim.close());

  it('tells the app\'s own calls from a user\'s, by operation, account and hour, and is served at /__sim/points', async () => {
    await call(sim, 'app', 'GET', '/rest/api/3/field');
    await call(sim, 'app', 'GET', '/rest/api/3/myself');
    await call(sim, 'po', 'GET', '/rest/api/3/myself');
    const report = sim.points.report();
    const fields = 1 + SITE_FIELDS.length;
    expect(report.byCaller).toEqual({ app: { requests: 2, points: fields + 3, objects: SITE_FIELDS.length + 1, refused: 0 }, user: { requests: 1, points: 3, objects: 1, refused: 0 } });
    expect(report.byAccount[sim.users.po.accountId]?.points).toBe(3);
    expect(report.byOperation.getFields).toEqual({ requests: 1, points: fields, objects: SITE_FIELDS.length, refused: 0 });
    expect(report.byOperation.getCurrentUser?.points).toBe(6);
    expect(report.pools).toEqual([{ pool: 'global', hour: '2026-11-23T09:00:00.000Z', quota: 65_000, spent: fields + 6, remaining: 65_000 - fields - 6, nearLimit: false, resetsAt: '2026-11-23T10:00:00.000Z', resetsInSeconds: 3600 }]);

    const served = await fetch(`${sim.url}/__sim/points`);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(report)));
    expect((await fetch(`${sim.url}/__sim/points`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.points.report().total).toEqual({ requests: 0, points: 0, objects: 0, refused: 0 });
  });

  it('takes its settings at /__sim/points, refusing invalid ones with a sentence', async () => {
    const set = await fetch(`${sim.url}/__sim/points`, { method: 'POST', body: JSON.stringify({ enforce: true, tier: 2, edition: 'enterprise', users: 100 }) });
    expect(await set.json()).toMatchObject({ enforce: true, tier: 2, quota: 153_000, policy: 'tenant-app-quota', reason: 'jira-quota-tenant-based' });
    const bad = await fetch(`${sim.url}/__sim/points`, { method: 'POST', body: JSON.stringify({ tier: 3 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errorMessages: string[] }).errorMessages[0]).toMatch(/^Invalid points configuration at tier/);
    expect(sim.points.current().tier).toBe(2);
  });
});

describe('the scaled site\'s field list', () => {
  const scale = { activeSprintIssues: 50 };

  it('has over 400 fields, most custom, of the kinds a real site has, and costs 1 + one point per field', async () => {
    const sim = await startSimulator({ now: NOW, scale });
    try {
      const response = await callerFor(sim, 'app')<{ id: string; name: string; custom: boolean; schema?: { type: string; custom?: string } }[]>('GET', '/rest/api/3/field');
      const fields = response.json;
      expect(fields.length).toBeGreaterThanOrEqual(400);
      expect(fields.filter((f) => f.custom).length).toBeGreaterThan(fields.length * 0.85);
      expect(lastPoints(sim)).toBe(1 + fields.length);
      expect(validateResponse('getFields', 200, fields).errors).toEqual([]);
      expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
      const kinds = new Set(fields.map((f) => f.schema?.custom?.split(':')[1]));
      for (const kind of ['select', 'multiselect', 'radiobuttons', 'datepicker', 'float', 'userpicker', 'labels', 'textfield', 'cascadingselect', 'sd-request-participants', 'sd-customer-organizations', 'vp-origin']) expect(kinds).toContain(kind);
      const names = fields.map((f) => f.name.toLowerCase());
      expect(names.length - new Set(names).size).toBeGreaterThanOrEqual(3);
      // The app discovers the same fields as on the demo site.
      expect(discoverFields(fields).catalog).toEqual(discoverFields(SITE_FIELDS).catalog);
    } finally {
      await sim.close();
    }
  });

  it('is the same for the same seed and another for another seed; the demo site keeps its own', async () => {
    const [a, b, c, demo] = await Promise.all([startSimulator({ now: NOW, scale }), startSimulator({ now: NOW, scale }), startSimulator({ now: NOW, scale, seed: 2 }), startSimulator({ now: NOW })]);
    try {
      expect(a.store.fields).toEqual(b.store.fields);
      expect(c.store.fields).not.toEqual(a.store.fields);
      expect(demo.store.fields).toEqual(SITE_FIELDS);
    } finally {
      await Promise.all([a, b, c, demo].map((s) => s.close()));
    }
  });
});
