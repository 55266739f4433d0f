/**
 * Issue-level security on the demo site: which SUP issues carry "Staff only", that Jira's rule holds
 * everywhere an issue is looked up or listed (a non-member — dev — finds nothing, exactly as for a
 * missing issue), the Security Level field as Jira renders it, and the `level` JQL field.
 */
import { callerFor, searchAll, type Caller, type SearchPage } from './http-client';
import { startSimulator, type Simulator } from './index';
import { validateResponse } from '../../test/contract/openapi';
import { SUPPORT_TYPE_NAMES } from './site/catalog';
import type { SiteIssue } from './site/model';
import { STAFF_ONLY } from './site/security';
import { DECISION_PROPERTY } from './seed/decisions';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };
let sim: Simulator;
let po: Caller;
let dev: Caller;
let secured: SiteIssue[];
let plain: SiteIssue;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  po = callerFor(sim, 'po');
  dev = callerFor(sim, 'dev');
  secured = sim.store.securedIssues();
  const first = secured[0];
  if (!first) throw new Error('no secured issue');
  plain = sim.store.issues.find((i) => i.projectId === first.projectId && i.securityLevelId === null) as SiteIssue;
});
afterAll(() => sim.close());

const activeSup = () => sim.store.sprints.find((s) => s.state === 'active' && s.boardId === 1);
const typeName = (i: SiteIssue) => sim.store.projectOf(i).issueTypes.find((t) => t.id === i.typeId)?.name ?? '';
const decisionOf = (i: SiteIssue) => i.properties[DECISION_PROPERTY] as { outcome?: string; decidedAt?: string } | undefined;
const keysOf = (pages: SearchPage[]) => pages.flatMap((p) => p.issues.map((i) => i.key ?? i.id));

describe('which issues are secured', () => {
  it('two support tickets of SUP\'s active sprint with work logged in it, and one deferred during it', () => {
    const active = activeSup();
    if (!active?.startMs || !active.endMs) throw new Error('no active SUP sprint');
    expect(secured).toHaveLength(3);
    const deferred = secured.find((i) => decisionOf(i)?.outcome === 'backlog');
    const inSprint = secured.filter((i) => i !== deferred);
    expect(inSprint).toHaveLength(2);
    for (const ticket of inSprint) {
      expect(ticket.key).toMatch(/^SUP-/);
      expect(SUPPORT_TYPE_NAMES).toContain(typeName(ticket));
      expect(ticket.sprintIds).toContain(active.id);
      expect(ticket.worklogs.some((w) => w.startedMs >= (active.startMs ?? 0) && w.startedMs < (active.endMs ?? 0))).toBe(true);
    }
    expect(deferred?.key).toMatch(/^SUP-/);
    expect(decisionOf(deferred as SiteIssue)?.outcome).toBe('backlog');
    expect(Date.parse(decisionOf(deferred as SiteIssue)?.decidedAt ?? '')).toBeGreaterThanOrEqual(active.startMs);
    expect(secured.every((i) => i.securityLevelId === STAFF_ONLY.id)).toBe(true);
  });

  it('are the same for the same seed and now (the keys this README and the tests rely on)', () => {
    expect(secured.map((i) => `${i.key}/${i.id}`)).toEqual(['SUP-237/10471', 'SUP-240/10477', 'SUP-252/10506']);
  });

  it('exist whatever the anchor: a deferral inside the active sprint too', async () => {
    for (const now of [Date.parse('2026-11-25T08:00:00Z'), Date.parse('2027-03-03T16:30:00Z')]) {
      const other = await startSimulator({ now, seed: 4 });
      try {
        const levels = other.store.securedIssues();
        expect(levels.length).toBe(3);
        const active = other.store.sprints.find((s) => s.state === 'active' && s.boardId === 1);
        const deferred = levels.find((i) => decisionOf(i)?.outcome === 'backlog');
        expect(Date.parse(decisionOf(deferred as SiteIssue)?.decidedAt ?? '')).toBeGreaterThanOrEqual(active?.startMs ?? Infinity);
      } finally {
        await other.close();
      }
    }
  });
});

describe('a user outside the level (dev)', () => {
  const key = () => (secured[0] as SiteIssue).key;

  it.each([
    ['GET', '/issue/{key}', undefined],
    ['GET', '/issue/{key}?fields=summary', undefined],
    ['GET', '/issue/{key}/worklog', undefined],
    ['GET', '/issue/{key}/comment', undefined],
    ['GET', '/issue/{key}/properties/interruptBudget', undefined],
    ['PUT', '/issue/{key}/properties/interruptBudget', { outcome: 'interrupt' }],
    ['PUT', '/issue/{key}', { update: { labels: [{ add: 'x' }] } }],
    ['POST', '/issue/{key}/comment', { body: { type: 'doc', version: 1, content: [] } }],
    ['PUT', '/issue/{key}/assignee', { accountId: null }],
    ['GET', '/mypermissions?issueKey={key}&permissions=BROWSE_PROJECTS', undefined],
    ['GET', '/user/assignable/search?issueKey={key}', undefined],
  ])('%s %s is 404 with the body of a missing issue', async (method, template, body) => {
    const before = JSON.stringify(secured[0]);
    const path = `/rest/api/3${template.replace('{key}', key())}`;
    const hidden = await dev(method, path, body);
    const missing = await dev(method, path.replace(key(), 'SUP-99999'), body);
    expect([hidden.status, hidden.json]).toEqual([404, NOT_FOUND]);
    expect([missing.status, missing.json]).toEqual([404, NOT_FOUND]);
    expect(JSON.stringify(secured[0])).toBe(before);
  });

  it('is 404 by id as well as by key, while the same call for an open issue answers', async () => {
    expect((await dev('GET', `/rest/api/3/issue/${(secured[0] as SiteIssue).id}`)).status).toBe(404);
    expect((await dev('GET', `/rest/api/3/issue/${plain.key}`)).status).toBe(200);
    expect((await dev('GET', `/rest/api/3/issue/${plain.key}/worklog`)).status).toBe(200);
  });

  it('finds none of them in any search: POST and GET, fields or ids only, reconciled or by key', async () => {
    const hidden = new Set(secured.map((i) => i.key));
    const everything = await searchAll(dev, { jql: 'project in (SUP, TEAM)', fields: ['key'], maxResults: 5000 });
    expect(keysOf(everything).filter((k) => hidden.has(k))).toEqual([]);
    expect(keysOf(everything)).toHaveLength(sim.store.issues.length - hidden.size);
    const ids = await dev<SearchPage>('POST', '/rest/api/3/search/jql', { jql: 'project = SUP', maxResults: 5000, reconcileIssues: secured.map((i) => Number(i.id)) });
    expect(ids.json.issues.map((i) => i.id)).not.toEqual(expect.arrayContaining([(secured[0] as SiteIssue).id]));
    expect(ids.json.issues.some((i) => secured.some((s) => s.id === i.id))).toBe(false);
    const query = new URLSearchParams({ jql: `key in (${[...hidden].join(', ')})`, fields: 'summary' });
    expect((await dev<SearchPage>('GET', `/rest/api/3/search/jql?${query.toString()}`)).json).toEqual({ issues: [], isLast: true });
    expect((await dev<SearchPage>('POST', '/rest/api/3/search/jql', { jql: `key = ${(secured[1] as SiteIssue).key}`, fields: ['*all'] })).json).toEqual({ issues: [], isLast: true });
  });

  it('pages past them: ids-only pages of one skip the hidden issues without a gap', async () => {
    const pages = await searchAll(dev, { jql: 'project = SUP AND sprint in openSprints()', fields: ['id'], maxResults: 7 });
    const expected = sim.store.issues.filter((i) => i.projectId === '10000' && i.securityLevelId === null && i.sprintIds.some((s) => ['active', 'future'].includes(sim.store.sprint(s)?.state ?? '')));
    expect(pages.flatMap((p) => p.issues.map((i) => i.id)).sort()).toEqual(expected.map((i) => i.id).sort());
  });
});

describe('members of the level', () => {
  it.each(['po', 'admin', 'app'] as const)('%s sees them, in search and by key', async (role) => {
    const call = callerFor(sim, role);
    const found = keysOf(await searchAll(call, { jql: 'project = SUP', fields: ['key'], maxResults: 5000 }));
    expect(found).toEqual(expect.arrayContaining(secured.map((i) => i.key)));
    for (const issue of secured) expect((await call('GET', `/rest/api/3/issue/${issue.key}/worklog`)).status).toBe(200);
  });

  it('a move of an issue nobody may see is a 400 like a missing one (the move rule goes through the same check)', async () => {
    const target = sim.store.issue('SUP-20') as SiteIssue;
    const anchor = sim.store.issue('SUP-21') as SiteIssue;
    const message = (ref: string) => ({ errorMessages: [`Issue '${ref}' does not exist or you do not have permission to see it.`], errors: {} });
    target.securityLevelId = 'no-one';
    try {
      const moved = await po('POST', '/rest/agile/1.0/backlog/issue', { issues: ['SUP-20'] });
      expect([moved.status, moved.json]).toEqual([400, message('SUP-20')]);
      expect((await po('POST', '/rest/agile/1.0/backlog/issue', { issues: ['SUP-99999'] })).json).toEqual(message('SUP-99999'));
    } finally {
      target.securityLevelId = null;
    }
    anchor.securityLevelId = 'no-one';
    try {
      const ranked = await po('POST', `/rest/agile/1.0/sprint/${activeSup()?.id}/issue`, { issues: ['SUP-20'], rankBeforeIssue: 'SUP-21' });
      expect([ranked.status, ranked.json]).toEqual([400, { errorMessages: ["Issue 'SUP-21' to rank against does not exist."], errors: {} }]);
    } finally {
      anchor.securityLevelId = null;
    }
  });
});

describe('the Security Level field', () => {
  const fieldsOf = async (key: string, fields: string) => (await po<{ fields: Record<string, unknown> }>('GET', `/rest/api/3/issue/${key}?fields=${fields}`)).json.fields;

  it('renders the level as Jira\'s SecurityLevel when asked for, directly or by *all / *navigable', async () => {
    const level = { self: `${sim.url}/rest/api/3/securitylevel/10100`, id: '10100', name: 'Staff only', description: 'Only staff can see this issue.' };
    const key = (secured[0] as SiteIssue).key;
    for (const fields of ['security', '*all', '*navigable', 'summary,security']) expect((await fieldsOf(key, fields)).security).toEqual(level);
    expect(await fieldsOf(key, 'summary')).not.toHaveProperty('security');
    const page = await po<SearchPage>('POST', '/rest/api/3/search/jql', { jql: `key = ${key}`, fields: ['security'], expand: 'names,schema' });
    expect(page.json.issues[0]?.fields).toEqual({ security: level });
    expect(page.json).toMatchObject({ names: { security: 'Security Level' }, schema: { security: { type: 'securitylevel', system: 'security' } } });
    expect(validateResponse('searchAndReconsileIssuesUsingJqlPost', 200, page.json).errors).toEqual([]);
    const full = await po('GET', `/rest/api/3/issue/${key}?expand=names,schema,renderedFields`);
    expect(validateResponse('getIssue', 200, full.json).errors).toEqual([]);
  });

  it('is null on a SUP issue without a level, and absent on TEAM, which has no issue security scheme', async () => {
    expect((await fieldsOf(plain.key, 'security')).security).toBeNull();
    expect(await fieldsOf('TEAM-5', 'security')).toEqual({});
    expect(await fieldsOf('TEAM-5', '*all')).not.toHaveProperty('security');
  });

  it('is in the field list as Jira names it (JQL clause `level`)', async () => {
    const fields = await po<{ id: string; name: string; clauseNames: string[]; schema?: unknown }[]>('GET', '/rest/api/3/field');
    expect(fields.json.find((f) => f.id === 'security')).toMatchObject({ name: 'Security Level', clauseNames: ['level'], schema: { type: 'securitylevel', system: 'security' } });
  });
});

describe('JQL: level', () => {
  const keys = async (call: Caller, jql: string) => {
    const response = await call<SearchPage>('POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 5000 });
    if (response.status !== 200) throw new Error(`${jql}: ${response.text}`);
    return response.json.issues.map((i) => i.key ?? '').sort();
  };
  const supKeys = (p: (i: SiteIssue) => boolean) => sim.store.issues.filter((i) => i.projectId === '10000' && p(i)).map((i) => i.key).sort();
  const securedKeys = () => secured.map((i) => i.key).sort();

  it.each([
    ['project = SUP AND level is not EMPTY', true],
    ['project = SUP AND level = "Staff only"', true],
    ['project = SUP AND level = "staff ONLY"', true],
    ['project = SUP AND level = 10100', true],
    ['project = SUP AND level in ("Staff only", 10100)', true],
    ['project = SUP AND level in ("Staff only", EMPTY)', 'all'],
    ['project = SUP AND level is EMPTY', false],
    ['project = SUP AND level != "Staff only"', 'none'],
    ['project = SUP AND level not in (10100)', 'none'],
    ['project = SUP AND NOT level = "Staff only"', false],
  ] as const)('%s (as po)', async (jql, which) => {
    const expected = which === true ? securedKeys() : which === false ? supKeys((i) => i.securityLevelId === null) : which === 'all' ? supKeys(() => true) : [];
    expect(await keys(po, jql)).toEqual(expected);
  });

  it('finds none for TEAM, and none for dev, who cannot see them', async () => {
    expect(await keys(po, 'project = TEAM AND level is not EMPTY')).toEqual([]);
    expect(await keys(dev, 'project = SUP AND level is not EMPTY')).toEqual([]);
    expect(await keys(dev, 'project = SUP AND level is EMPTY')).toEqual(supKeys((i) => i.securityLevelId === null));
  });

  it('sorts by level name, issues without one last ascending (as every empty value sorts)', async () => {
    const response = await po<SearchPage>('POST', '/rest/api/3/search/jql', { jql: 'project = SUP ORDER BY level ASC, key ASC', fields: ['key'], maxResults: 5 });
    expect(response.json.issues.slice(0, 3).map((i) => i.key).sort()).toEqual(securedKeys());
  });

  it('answers an unknown level, or one the user is not in, as Jira does: the value does not exist', async () => {
    for (const [call, jql, value] of [
      [po, 'project = SUP AND level = "Top secret"', 'Top secret'],
      [po, 'project = SUP AND level in (99999)', '99999'],
      [dev, 'project = SUP AND level = "Staff only"', 'Staff only'],
    ] as const) {
      const response = await call('POST', '/rest/api/3/search/jql', { jql });
      expect([response.status, response.json]).toEqual([400, { errorMessages: [`The value '${value}' does not exist for the field 'level'.`], errors: {} }]);
    }
    const wrong = await po<{ errorMessages: string[] }>('POST', '/rest/api/3/search/jql', { jql: 'project = SUP AND level ~ staff' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errorMessages).toEqual(["The operator '~' is not supported by the 'level' field."]);
  });
});
