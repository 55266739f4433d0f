/**
 * `JiraClient.searchTicketsParallel` against the simulator over real HTTP: the same tickets as the
 * sequential `searchTickets` (worklogs included), the request count it promises (1 request up to a
 * page, ⌈n/100⌉ + 1 past it), pages really side by side but never more than REQUEST_CONCURRENCY in
 * flight (worklog completions included), and the fallback to sequential paging when Jira refuses an
 * id page because an issue was deleted in between.
 *
 * The only thing between the client and the simulator is a transport wrapper that counts requests in
 * flight (and, for the deletion case, deletes an issue in the simulator right after the id list came
 * back): nothing of the client is replaced.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { routePath } from '../forge/route';
import type { SiteIssue } from '../../dev/sim/site/model';
import type { Ticket } from '../domain/ticket';
import { BasicAuthTransport } from './basic-auth-transport';
import { JiraError } from './errors';
import type { FieldCatalog } from './field-catalog';
import type { Clock } from './jira-http';
import { JiraClient, REQUEST_CONCURRENCY, SEQUENTIAL_READ_MIN_MS, TICKET_PAGE } from './jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from './transport';

const NOW = Date.UTC(2026, 10, 23, 9);
const SEARCH = 'searchAndReconsileIssuesUsingJqlPost';
const EMBEDDED_WORKLOGS = 20;

/** Counts requests in flight; `afterResponse` runs when an answer is back, before the client reads it. */
class GaugedTransport implements JiraTransport {
  inFlight = 0;
  maxInFlight = 0;
  afterResponse?: (request: JiraRequest, response: JiraResponse) => void;
  constructor(private readonly inner: JiraTransport) {}
  async send(request: JiraRequest): Promise<JiraResponse> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const response = await this.inner.send(request);
      this.afterResponse?.(request, response);
      return response;
    } finally {
      this.inFlight--;
    }
  }
}

function clientOf(sim: Simulator, clock?: Clock, budgetMs?: number): { client: JiraClient; transport: GaugedTransport } {
  const login = sim.users.admin;
  const transport = new GaugedTransport(new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }));
  return { client: JiraClient.create({ transport, ...(clock ? { clock } : {}), ...(budgetMs ? { budgetMs } : {}) }), transport };
}

const searches = (sim: Simulator) => sim.requests().filter((r) => r.operationId === SEARCH);
const bodyOf = (r: { body: unknown }) => r.body as { jql: string; fields: string[]; reconcileIssues?: number[]; maxResults: number };
const isIdsOnly = (r: { body: unknown }) => JSON.stringify(bodyOf(r).fields) === JSON.stringify(['id']);
const byId = (tickets: readonly Ticket[]): Ticket[] => [...tickets].sort((a, b) => Number(a.id) - Number(b.id));
const idsOf = (issues: readonly SiteIssue[]) => issues.map((i) => Number(i.id));
const keyNumber = (key: string) => Number(key.split('-')[1]);
const supIssues = (sim: Simulator) => sim.store.issues.filter((i) => i.key.startsWith('SUP-')).sort((a, b) => keyNumber(a.key) - keyNumber(b.key));

/**
 * Delete an issue from the simulator, as deleting it in Jira does: searches no longer find it and
 * `id in (…)` naming it is a 400. The store has no delete, so its private indexes are edited here;
 * the check at the end makes the test fail loudly if the store changes shape.
 */
function deleteIssue(sim: Simulator, key: string): SiteIssue {
  const issue = sim.store.issue(key);
  if (!issue) throw new Error(`no issue ${key}`);
  const indexes = sim.store as unknown as { issuesById: Map<string, SiteIssue>; issuesByKey: Map<string, SiteIssue> };
  sim.store.issues.splice(sim.store.issues.indexOf(issue), 1);
  indexes.issuesById.delete(issue.id);
  indexes.issuesByKey.delete(issue.key.toUpperCase());
  if (sim.store.issue(issue.id) || sim.store.issue(key)) throw new Error('deleteIssue: the simulator store changed shape; update this helper');
  return issue;
}

describe('searchTicketsParallel on the demo site', () => {
  let sim: Simulator;
  let catalog: FieldCatalog;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: NOW });
    catalog = (await clientOf(sim).client.discoverFields({ storyPointsFieldId: 'customfield_10026' })).catalog;
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.faults.clear();
    sim.clearRequests();
  });

  /** Queries of known sizes on the seeded site. */
  const cases: Array<[string, () => { jql: string; n: number }]> = [
    ['0 issues', () => ({ jql: 'project = SUP AND labels = "no-such-label"', n: 0 })],
    ['1 issue', () => ({ jql: 'key = SUP-7', n: 1 })],
    ['99 issues', () => ({ jql: `project = SUP AND id in (${idsOf(supIssues(sim).slice(0, 99)).join(', ')})`, n: 99 })],
    ['100 issues (exactly one full page)', () => ({ jql: `project = SUP AND id in (${idsOf(supIssues(sim).slice(0, 100)).join(', ')})`, n: 100 })],
    ['101 issues', () => ({ jql: `project = SUP AND id in (${idsOf(supIssues(sim).slice(0, 101)).join(', ')})`, n: 101 })],
    ['all of SUP (~250 issues)', () => ({ jql: 'project = SUP', n: supIssues(sim).length })],
    ['SUP and TEAM (~500 issues)', () => ({ jql: 'project in (SUP, TEAM)', n: sim.store.issues.length })],
  ];

  it.each(cases)('%s: the same tickets as searchTickets, with 1 request up to a page and ⌈n/100⌉ + 1 past it', async (_, make) => {
    const { jql, n } = make();
    const sequential = await clientOf(sim).client.searchTickets({ jql, catalog });
    expect(sequential.tickets).toHaveLength(n);

    sim.clearRequests();
    const parallel = await clientOf(sim).client.searchTicketsParallel({ jql, catalog });
    expect(byId(parallel.tickets)).toEqual(byId(sequential.tickets));
    expect(new Set(parallel.tickets.map((t) => t.id)).size).toBe(n); // no issue twice
    expect(parallel.notes.sort()).toEqual([...sequential.notes].sort());

    const sent = searches(sim);
    expect(sim.requests()).toHaveLength(sent.length); // nothing but searches (no worklogs asked for)
    expect(sent).toHaveLength(n < TICKET_PAGE ? 1 : Math.ceil(n / TICKET_PAGE) + 1);
    expect(sent.every((r) => r.status === 200)).toBe(true);
    if (n >= TICKET_PAGE) {
      // The first page, then the id list (ids only, 5,000 a page), then pages of ≤ 100 named by id.
      expect(bodyOf(sent[0]!)).toMatchObject({ jql, maxResults: TICKET_PAGE });
      expect(isIdsOnly(sent[1]!)).toBe(true);
      expect(bodyOf(sent[1]!).jql).toBe(jql);
      for (const page of sent.slice(2)) {
        const ids = bodyOf(page).jql.match(/^\((.*)\) AND id in \(([\d, ]+)\)$/);
        expect(ids?.[1]).toBe(jql);
        expect(ids?.[2]?.split(', ').length).toBeLessThanOrEqual(TICKET_PAGE);
      }
    }
  });

  it('with a scheduled run\'s time the pages are token-paged in three streams (by status category): no id list, so the points are the pages and the issues (and the first page again)', async () => {
    const jql = 'project in (SUP, TEAM)';
    const n = sim.store.issues.length;
    const { client, transport } = clientOf(sim, undefined, SEQUENTIAL_READ_MIN_MS + 60_000);
    sim.clearRequests();
    const { tickets, notes } = await client.searchTicketsParallel({ jql, catalog, healedByNextSync: true });
    expect(tickets).toHaveLength(n);
    expect(new Set(notes).size).toBe(notes.length); // the first page's issues, read again, do not repeat their notes
    expect(new Set(tickets.map((t) => t.id)).size).toBe(n);
    const sent = searches(sim);
    expect(sent.some(isIdsOnly)).toBe(false);
    // The first page, then three token-paged streams side by side (done, in progress, the rest): never more than three in flight.
    expect(bodyOf(sent[0]!).jql).toBe(jql);
    expect(sent.slice(1).map((r) => bodyOf(r).jql.replace(/^\(.*\) AND /, ''))).toEqual(expect.arrayContaining(['statusCategory = Done', 'statusCategory = "In Progress"', 'statusCategory != Done AND statusCategory != "In Progress"']));
    expect(transport.maxInFlight).toBeLessThanOrEqual(3);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(n / TICKET_PAGE) + 3);
    // Jira's points: 1 a page plus 1 an issue returned, and the first page's 100 issues again: within 100 issues and 3 pages of the bound.
    const points = sent.reduce((sum, r) => sum + r.points, 0);
    expect(points).toBeLessThanOrEqual(Math.ceil(n / TICKET_PAGE) + n + TICKET_PAGE + 3);
    expect(points).toBeGreaterThanOrEqual(Math.ceil(n / TICKET_PAGE) + n);

    // A resolver's budget (one millisecond short of it) still reads side by side, and so does a read kept
    // for good (no next sync to heal an issue that changed status mid-read).
    for (const [budget, healed] of [[SEQUENTIAL_READ_MIN_MS - 1, true], [SEQUENTIAL_READ_MIN_MS + 60_000, false]] as const) {
      sim.clearRequests();
      await clientOf(sim, undefined, budget).client.searchTicketsParallel({ jql, catalog, ...(healed ? { healedByNextSync: true as const } : {}) });
      expect(searches(sim).some(isIdsOnly)).toBe(true);
    }
  });

  it('an issue of the first page that cannot be read is a note, not the end of the read', async () => {
    const jql = 'project in (SUP, TEAM)';
    const n = sim.store.issues.length;
    const { client, transport } = clientOf(sim);
    let broken = false;
    transport.afterResponse = (request, response) => {
      if (broken || routePath(request.route) !== '/rest/api/3/search/jql') return;
      const body = JSON.parse(response.text) as { issues: Array<Record<string, unknown>> };
      if (body.issues.length < TICKET_PAGE) return;
      broken = true;
      body.issues[0] = { id: '', key: body.issues[0]?.key }; // no id: an issue the app cannot map
      (response as { text: string }).text = JSON.stringify(body);
    };
    const { tickets, notes } = await client.searchTicketsParallel({ jql, catalog });
    expect(broken).toBe(true);
    expect(tickets.length).toBeGreaterThanOrEqual(n - 1);
    expect(notes.length).toBeGreaterThan(0);
  });

  it('a capped read (maxIssues) pages the sequential way and stops at the cap: no id list', async () => {
    const { client } = clientOf(sim);
    sim.clearRequests();
    const { tickets } = await client.searchTicketsParallel({ jql: 'project = SUP', catalog, maxIssues: 150 });
    expect(tickets).toHaveLength(150);
    expect(searches(sim).map((r) => [isIdsOnly(r), bodyOf(r).maxResults])).toEqual([[false, 100], [false, 50]]);
  });

  it('refuses a JQL with ORDER BY before sending anything', async () => {
    const { client } = clientOf(sim);
    await expect(client.searchTicketsParallel({ jql: 'project = SUP ORDER BY key ASC', catalog })).rejects.toThrow(/ORDER BY/);
    await expect(client.searchTicketsParallel({ jql: 'project = SUP order   by created', catalog })).rejects.toThrow(/ORDER BY/);
    await expect(client.searchTicketsParallel({ jql: 'project = SUP\nORDER\tBY rank', catalog })).rejects.toThrow(/ORDER BY/);
    expect(sim.requests()).toHaveLength(0);
  });

  it('runs the pages side by side (more than one in flight, never more than the limit) when Jira is slow', async () => {
    sim.faults.set({ latency: { fixedMs: 40 } });
    const { client, transport } = clientOf(sim);
    const { tickets } = await client.searchTicketsParallel({ jql: 'project in (SUP, TEAM)', catalog });
    expect(tickets).toHaveLength(sim.store.issues.length);
    // First page and id list one after the other, then ⌈(n - 100) / 100⌉ = 5 pages at once.
    expect(transport.maxInFlight).toBe(Math.min(REQUEST_CONCURRENCY, Math.ceil((sim.store.issues.length - TICKET_PAGE) / TICKET_PAGE)));
    expect(transport.maxInFlight).toBeGreaterThan(1);
  });

  it('passes reconcileIssueIds on every request: the first page, the id list and each id page', async () => {
    const reconcile = [Number(supIssues(sim)[0]!.id), Number(supIssues(sim)[1]!.id)];
    await clientOf(sim).client.searchTicketsParallel({ jql: 'project = SUP', catalog, reconcileIssueIds: reconcile });
    const sent = searches(sim);
    expect(sent.length).toBe(Math.ceil(supIssues(sim).length / TICKET_PAGE) + 1);
    for (const r of sent) expect(bodyOf(r).reconcileIssues).toEqual(reconcile);
  });

  it('does not fall back on other failures of an id page: Jira being down is reported, not retried the slow way', async () => {
    const jql = 'project = SUP';
    // Retries skip their waits: only what was sent matters here.
    const { client, transport } = clientOf(sim, { now: () => Date.now(), sleep: async () => undefined });
    transport.afterResponse = (request) => {
      if (request.body !== undefined && isIdsOnly({ body: request.body })) sim.faults.set({ unavailable: { operationId: SEARCH } });
    };
    const error = await client.searchTicketsParallel({ jql, catalog }).catch((e: unknown) => e);
    sim.faults.clear();
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).kind).toBe('Unavailable');
    const sent = searches(sim);
    expect(sent.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.status === 503).every((r) => bodyOf(r).jql.startsWith(`(${jql}) AND id in (`))).toBe(true);
    // Only the first page ever asked for the plain JQL with fields: no sequential re-read.
    expect(sent.filter((r) => bodyOf(r).jql === jql && !isIdsOnly(r))).toHaveLength(1);
  });

  it('does not swallow a refused first page (a BadRequest there is the caller\'s JQL)', async () => {
    const error = await clientOf(sim).client.searchTicketsParallel({ jql: 'project = SUP AND nosuchfield = 1', catalog }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).kind).toBe('BadRequest');
    expect(searches(sim)).toHaveLength(1);
  });
});

describe('searchTicketsParallel when an issue is deleted between the id list and the pages', () => {
  let sim: Simulator;
  let catalog: FieldCatalog;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: NOW });
    catalog = (await clientOf(sim).client.discoverFields({ storyPointsFieldId: 'customfield_10026' })).catalog;
  });
  afterAll(() => sim.close());

  it('falls back to sequential paging and returns the issues that still exist, each once', async () => {
    const jql = 'project = SUP';
    const before = supIssues(sim);
    const { client, transport } = clientOf(sim);
    let deleted: SiteIssue | undefined;
    transport.afterResponse = (request) => {
      // Right after the id list: delete an issue listed there but not on the first page.
      if (deleted || request.body === undefined || !isIdsOnly({ body: request.body })) return;
      const firstAnswer = searches(sim)[0]?.responseBody as { issues: Array<{ id: string }> };
      const firstPage = new Set(firstAnswer.issues.map((i) => i.id));
      const victim = before.find((i) => !firstPage.has(i.id));
      if (victim) deleted = deleteIssue(sim, victim.key);
    };
    sim.clearRequests();
    const { tickets } = await client.searchTicketsParallel({ jql, catalog });
    expect(deleted).toBeDefined();

    const remaining = before.filter((i) => i.id !== deleted?.id);
    expect(byId(tickets).map((t) => t.id)).toEqual(remaining.map((i) => i.id).sort((a, b) => Number(a) - Number(b)));

    const sent = searches(sim);
    const refused = sent.filter((r) => r.status === 400);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((r) => bodyOf(r).jql.includes(`id in (`) && bodyOf(r).jql.includes(deleted?.id ?? '?'))).toBe(true);
    // The fallback: the whole query again, token-paged, ⌈n / 100⌉ pages of the plain JQL at the end.
    const plain = sent.filter((r) => bodyOf(r).jql === jql && !isIdsOnly(r));
    expect(plain).toHaveLength(1 + Math.ceil(remaining.length / TICKET_PAGE));
    expect(sent.slice(-Math.ceil(remaining.length / TICKET_PAGE)).every((r) => bodyOf(r).jql === jql && r.status === 200)).toBe(true);
  });
});

describe('searchTicketsParallel on a large, worklog-heavy sprint', () => {
  let sim: Simulator;
  let catalog: FieldCatalog;
  let sprintId: number;
  let window: { startMs: number; endMs: number };
  let members: SiteIssue[];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: NOW, scale: { activeSprintIssues: 1200, maxWorklogsPerSupportTicket: 60 } });
    catalog = (await clientOf(sim).client.discoverFields({ storyPointsFieldId: 'customfield_10026' })).catalog;
    const sprint = sim.store.sprintsOfBoard(1).find((s) => s.state === 'active');
    if (sprint?.startMs === undefined || sprint.endMs === undefined) throw new Error('no active sprint');
    sprintId = sprint.id;
    window = { startMs: sprint.startMs, endMs: sprint.endMs };
    members = sim.store.issues.filter((i) => i.sprintIds.includes(sprintId));
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.faults.clear();
    sim.clearRequests();
  });

  it('returns every issue with complete worklogs, the same as sequential paging, within the request limit', async () => {
    const busy = members.filter((i) => i.worklogs.length > EMBEDDED_WORKLOGS);
    expect(members.length).toBeGreaterThan(1000);
    expect(busy.length).toBeGreaterThan(REQUEST_CONCURRENCY);

    sim.faults.set({ latency: { fixedMs: 15 } });
    const { client, transport } = clientOf(sim);
    const parallel = await client.searchTicketsParallel({ jql: `sprint = ${sprintId}`, catalog, worklogs: { window } });
    expect(transport.maxInFlight).toBe(REQUEST_CONCURRENCY); // pages and worklog completions share the limit
    const sent = sim.requests();
    expect(sent.filter((r) => r.operationId === SEARCH)).toHaveLength(Math.ceil(members.length / TICKET_PAGE) + 1);
    // One worklog request per truncated list, and only for those.
    expect(sent.filter((r) => r.operationId === 'getIssueWorklog').map((r) => r.path).sort()).toEqual(busy.map((i) => `/rest/api/3/issue/${i.key}/worklog`).sort());

    // Worklogs against the simulator's own data: those started in the window, whether the list was
    // embedded whole or truncated and completed (the same worklogs however many an issue has).
    const tickets = new Map(parallel.tickets.map((t) => [t.id, t]));
    expect(tickets.size).toBe(members.length);
    for (const issue of members) {
      const inWindow = issue.worklogs.filter((w) => w.startedMs >= window.startMs && w.startedMs < window.endMs);
      const got = tickets.get(issue.id)?.worklogs ?? [];
      expect({ key: issue.key, worklogs: [...got].map((w) => [w.startedMs, w.seconds, w.authorAccountId]).sort() }).toEqual({
        key: issue.key,
        worklogs: inWindow.map((w) => [w.startedMs, w.seconds, w.authorId]).sort(),
      });
    }

    sim.faults.clear();
    const sequential = await clientOf(sim).client.searchTickets({ jql: `sprint = ${sprintId}`, catalog, worklogs: { window } });
    expect(byId(parallel.tickets)).toEqual(byId(sequential.tickets));
  });
});
