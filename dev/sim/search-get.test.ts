/**
 * `GET /rest/api/3/search/jql` (`searchAndReconsileIssuesUsingJql`): the POST search with its request in the
 * query string — the same pages, tokens, errors and permission filtering, for any client.
 */
import { callerFor, searchAll, type Caller, type SearchPage } from './http-client';
import { startSimulator, type Simulator } from './index';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const PATH = '/rest/api/3/search/jql';
let sim: Simulator;
let po: Caller;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  po = callerFor(sim, 'po');
});
afterAll(() => sim.close());

type Page = SearchPage & Record<string, unknown>;
type Body = Record<string, string | number | boolean | readonly (string | number)[]>;

/** A POST body as a query string: lists as repeated keys (`fields=a&fields=b`) or as one comma list. */
function queryOf(body: Body, lists: 'repeated' | 'comma' = 'repeated'): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    if (!Array.isArray(value)) query.append(name, String(value));
    else if (lists === 'comma') query.append(name, value.join(','));
    else value.forEach((v) => query.append(name, String(v)));
  }
  return query.toString();
}

const post = (body: Body, as: Caller = po) => as<Page>('POST', PATH, body);
const get = (query: string | Body, as: Caller = po) => as<Page>('GET', `${PATH}?${typeof query === 'string' ? query : queryOf(query)}`);

/** Follow `nextPageToken` through GET to the end; returns every page. */
async function getAll(query: Body): Promise<Page[]> {
  const pages: Page[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const response = await get({ ...query, ...(token ? { nextPageToken: token } : {}) });
    expect(response.status).toBe(200);
    pages.push(response.json);
    if (response.json.isLast) return pages;
    token = response.json.nextPageToken;
  }
  throw new Error('GET search did not end after 100 pages.');
}

describe('GET answers as POST does', () => {
  const decided = () => sim.store.issues.find((i) => i.projectId === '10000' && 'interruptBudget' in i.properties);

  it.each<[string, () => Body]>([
    ['the defaults', () => ({ jql: 'project = TEAM' })],
    ['a small page of ids and keys', () => ({ jql: 'project = SUP ORDER BY created ASC', maxResults: 7, fields: ['id', 'key'] })],
    ['fields, expand and properties', () => ({ jql: 'project in (SUP, TEAM) AND labels = support', maxResults: 20, fields: ['summary', 'status', 'priority', 'labels'], expand: 'names,schema', properties: ['interruptBudget'] })],
    ['*all without comments, fieldsByKeys', () => ({ jql: `key = ${decided()?.key}`, fields: ['*all', '-comment'], fieldsByKeys: true, expand: 'renderedFields,names' })],
    ['an oversized page of ids (capped at 5000)', () => ({ jql: 'project in (SUP, TEAM)', maxResults: 9000, fields: ['id'] })],
    ['an oversized page with fields (capped at 100)', () => ({ jql: 'project in (SUP, TEAM)', maxResults: 9000, fields: ['summary'] })],
    ['reconcileIssues', () => ({ jql: 'project = SUP', maxResults: 3, reconcileIssues: [10001, 10002] })],
  ])('%s: the same body, status and token', async (_label, body) => {
    const [byPost, byGet, byCommaGet] = await Promise.all([post(body()), get(body()), get(queryOf(body(), 'comma'))]);
    expect(byPost.status).toBe(200);
    expect(byGet.status).toBe(200);
    expect(byGet.json).toEqual(byPost.json);
    expect(byCommaGet.json).toEqual(byPost.json);
    expect(byGet.json.issues.length).toBeGreaterThan(0);
  });

  it('takes a JQL string exactly as encoded, spaces, quotes and functions included', async () => {
    const jql = 'project = SUP AND sprint in openSprints() AND labels = "support" ORDER BY key DESC';
    const byGet = await get(`jql=${encodeURIComponent(jql)}&fields=summary`);
    const byPlusGet = await get(`jql=${jql.replace(/ /g, '+').replace(/"/g, '%22')}&fields=summary`);
    const byPost = await post({ jql, fields: ['summary'] });
    expect(byPost.json.issues.length).toBeGreaterThan(0);
    expect(byGet.json).toEqual(byPost.json);
    expect(byPlusGet.json).toEqual(byPost.json);
  });

  it('is recorded as its own operation, with the query as sent', async () => {
    await get('jql=project+%3D+SUP&fields=summary&fields=status&maxResults=2');
    expect(sim.requests().at(-1)).toMatchObject({
      method: 'GET',
      path: PATH,
      operationId: 'searchAndReconsileIssuesUsingJql',
      query: { jql: 'project = SUP', fields: 'summary,status', maxResults: '2' },
      status: 200,
    });
  });

  it('accepts failFast and ignores parameters it does not know, as Jira does', async () => {
    const plain = await get({ jql: 'project = SUP', maxResults: 5 });
    expect(plain.status).toBe(200);
    expect(plain.json.issues).toHaveLength(5);
    expect((await get({ jql: 'project = SUP', maxResults: 5, failFast: true })).json).toEqual(plain.json);
    expect((await get({ jql: 'project = SUP', maxResults: 5, failFast: 'FALSE', startAt: 40, validateQuery: 'strict' })).json).toEqual(plain.json);
  });
});

describe('paging through GET', () => {
  it('follows nextPageToken to every matching issue exactly once, in the order POST pages give', async () => {
    const pages = await getAll({ jql: 'project = SUP', maxResults: 17, fields: ['key'] });
    const keys = pages.flatMap((p) => p.issues.map((i) => i.key));
    const expected = sim.store.issues.filter((i) => i.projectId === '10000').sort((a, b) => Number(b.id) - Number(a.id)).map((i) => i.key);
    expect(keys).toEqual(expected);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pages).toHaveLength(Math.ceil(expected.length / 17));
    pages.slice(0, -1).forEach((p) => expect(p).toMatchObject({ isLast: false, nextPageToken: expect.any(String) }));
    expect(pages.at(-1)).not.toHaveProperty('nextPageToken');
    pages.forEach((p) => expect(p).not.toHaveProperty('total'));
    expect(pages).toEqual(await searchAll(po, { jql: 'project = SUP', maxResults: 17, fields: ['key'] }));
  });

  it('takes a token POST issued, and POST takes one GET issued', async () => {
    const query = { jql: 'project = TEAM ORDER BY key ASC', maxResults: 10, fields: ['key'] };
    const first = await post(query);
    const second = await get({ ...query, nextPageToken: first.json.nextPageToken ?? '' });
    const third = await post({ ...query, nextPageToken: second.json.nextPageToken ?? '' });
    const pages = [first, second, third].map((r) => r.json.issues.map((i) => i.key));
    const expected = await getAll({ ...query, maxResults: 30 });
    expect(pages.flat()).toEqual(expected[0]?.issues.map((i) => i.key));
  });

  it('starts over without a token, and treats an empty one as none', async () => {
    const first = await get({ jql: 'project = SUP', maxResults: 4 });
    expect(first.status).toBe(200);
    expect(first.json.issues).toHaveLength(4);
    expect((await get({ jql: 'project = SUP', maxResults: 4, nextPageToken: '' })).json).toEqual(first.json);
  });
});

describe('fields, expand and properties', () => {
  it('honours fields given repeated, comma-separated or both, with *all, *navigable and -field', async () => {
    const keysOf = async (query: string) => Object.keys((await get(`jql=key+%3D+SUP-1&${query}`)).json.issues[0]?.fields ?? {});
    expect(await keysOf('fields=summary&fields=status')).toEqual(['summary', 'status']);
    expect(await keysOf('fields=summary,status')).toEqual(['summary', 'status']);
    expect(await keysOf('fields=summary,status&fields=labels')).toEqual(['summary', 'status', 'labels']);
    const all = await keysOf('fields=*all,-comment');
    expect(all).toEqual(expect.arrayContaining(['worklog', 'customfield_10020', 'customfield_10081']));
    expect(all).not.toContain('comment');
    const navigable = await keysOf('fields=*navigable');
    expect(navigable).toContain('summary');
    expect(navigable).not.toContain('worklog');
  });

  it('returns bare ids when no fields are asked for', async () => {
    const page = await get({ jql: 'project = SUP', maxResults: 2 });
    expect(page.json.issues).toEqual([{ id: expect.any(String) }, { id: expect.any(String) }]);
  });

  it('honours expand as one comma-separated string: names and schema at page level, renderedFields per issue', async () => {
    const page = await get({ jql: 'key = SUP-1', fields: ['summary'], expand: 'names,schema,renderedFields' });
    expect(page.json.names).toEqual({ summary: 'Summary' });
    expect(page.json.schema).toEqual({ summary: { type: 'string', system: 'summary' } });
    const byPost = await post({ jql: 'key = SUP-1', fields: ['summary'], expand: 'names,schema,renderedFields' });
    expect(page.json).toEqual(byPost.json);
    const plain = await get({ jql: 'key = SUP-1', fields: ['summary'] });
    expect(plain.json).not.toHaveProperty('names');
    expect(plain.json).not.toHaveProperty('schema');
  });

  it('returns the properties asked for, comma-separated or repeated', async () => {
    const decided = sim.store.issues.find((i) => i.projectId === '10000' && 'interruptBudget' in i.properties);
    const jql = encodeURIComponent(`key = ${decided?.key}`);
    for (const query of [`jql=${jql}&properties=interruptBudget,absent`, `jql=${jql}&properties=interruptBudget&properties=absent`]) {
      const page = await get(query);
      expect(page.json.issues[0]?.properties).toEqual({ interruptBudget: decided?.properties.interruptBudget });
    }
  });

  it('reconciles the issues named in reconcileIssues, as POST does', async () => {
    sim.faults.set({ searchLagMs: 60_000 });
    try {
      await po('PUT', '/rest/api/3/issue/SUP-41', { update: { labels: [{ add: 'lagging-get' }] } });
      const id = sim.store.issue('SUP-41')?.id ?? '';
      expect((await get({ jql: 'project = SUP AND labels = lagging-get' })).json.issues).toHaveLength(0);
      expect((await get(`jql=project+%3D+SUP+AND+labels+%3D+lagging-get&reconcileIssues=10001,${id}`)).json.issues).toEqual([{ id }]);
    } finally {
      sim.faults.clear();
    }
  });
});

describe('bad parameters: 400 in Jira’s error shape', () => {
  const errorShape = { errorMessages: [expect.any(String)], errors: {} };

  it.each([
    ['maxResults=abc'],
    ['maxResults=1.5'],
    ['maxResults=10e2'],
    ['maxResults=99999999999'],
    ['nextPageToken=not-a-token'],
    ['nextPageToken=eyJvIjoxfQ'],
    ['properties=a,b,c&properties=d,e,f'],
    ['reconcileIssues=SUP-1'],
    [`reconcileIssues=${Array.from({ length: 51 }, (_, i) => 10001 + i).join(',')}`],
    ['fieldsByKeys=maybe'],
    ['failFast=1'],
  ])('refuses jql=project = SUP&%s', async (extra) => {
    const response = await get(`jql=project+%3D+SUP&${extra}`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorShape);
  });

  it('refuses a token issued for another query, however it travels', async () => {
    const first = await get({ jql: 'project = SUP', maxResults: 5 });
    const token = first.json.nextPageToken ?? '';
    const viaGet = await get({ jql: 'project = TEAM', maxResults: 5, nextPageToken: token });
    const viaPost = await post({ jql: 'project = TEAM', maxResults: 5, nextPageToken: token });
    expect(viaGet.status).toBe(400);
    expect(viaGet.json).toEqual(viaPost.json);
    expect(viaGet.json).toEqual({ errorMessages: ['The provided next page token is invalid or does not belong to this query.'], errors: {} });
  });

  it.each([
    ['no jql', {}],
    ['unbounded jql', { jql: 'order by key desc' }],
    ['a syntax error', { jql: 'project = SUP AND' }],
    ['an unknown project and field', { jql: 'project = NOPE AND foo = 1' }],
    ['an unknown key', { jql: 'key = SUP-999999' }],
    ['six properties', { jql: 'project = SUP', properties: ['a', 'b', 'c', 'd', 'e', 'f'] }],
  ])('%s: the same 400 as POST', async (_label, body: Body) => {
    const [byGet, byPost] = await Promise.all([get(body), post(body)]);
    expect(byGet.status).toBe(400);
    expect(byGet.json).toEqual(byPost.json);
  });

  it('clamps a page size below 1 to 1 rather than refusing it, as POST does', async () => {
    const [byGet, byPost] = await Promise.all([get({ jql: 'project = SUP', maxResults: -1 }), post({ jql: 'project = SUP', maxResults: -1 })]);
    expect(byGet.status).toBe(200);
    expect(byGet.json.issues).toHaveLength(1);
    expect(byGet.json).toEqual(byPost.json);
  });
});

describe('permissions', () => {
  it('gives a user without Browse Projects no issues, even by key', async () => {
    const outsider = callerFor(sim, 'outsider');
    const byGet = await get({ jql: 'project = SUP', fields: ['summary'] }, outsider);
    expect(byGet.status).toBe(200);
    expect(byGet.json).toEqual({ issues: [], isLast: true });
    for (const body of [{ jql: 'key = SUP-1' }, { jql: 'project = SUP AND key in (SUP-1, SUP-2)', fields: ['*all'] }] as Body[]) {
      const [viaGet, viaPost] = await Promise.all([get(body, outsider), post(body, outsider)]);
      expect(viaGet.status).toBe(viaPost.status);
      expect(viaGet.json).toEqual(viaPost.json);
      expect(JSON.stringify(viaGet.json)).not.toContain('SUP-1');
    }
  });

  it('gives a browse-only user what it gives the product owner', async () => {
    const dev = callerFor(sim, 'dev');
    const query = { jql: 'key = SUP-1', fields: ['key', 'summary'] };
    const [asDev, asPo] = await Promise.all([get(query, dev), get(query)]);
    expect(asDev.json.issues.map((i) => i.key)).toEqual(['SUP-1']);
    expect(asDev.json).toEqual(asPo.json);
  });

  it('refuses anonymous callers with 401, as POST does', async () => {
    const anonymous = callerFor(sim, null);
    const [byGet, byPost] = await Promise.all([get({ jql: 'project = SUP' }, anonymous), post({ jql: 'project = SUP' }, anonymous)]);
    expect(byGet.status).toBe(401);
    expect(byGet.json).toEqual(byPost.json);
  });
});

describe('faults', () => {
  it('can target the GET search alone', async () => {
    sim.faults.set({ rateLimit: { operationId: 'searchAndReconsileIssuesUsingJql', next: 1 } });
    try {
      expect((await post({ jql: 'project = SUP' })).status).toBe(200);
      expect((await get({ jql: 'project = SUP' })).status).toBe(429);
      expect((await get({ jql: 'project = SUP' })).status).toBe(200);
    } finally {
      sim.faults.clear();
    }
  });
});
