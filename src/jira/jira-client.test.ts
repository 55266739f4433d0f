/**
 * The Jira client against the simulator over real HTTP: paging to the minimum number of requests,
 * the worklog rule (no N+1), retries that honour Retry-After exactly, the deadline, typed errors per
 * user, and writes that the simulator's own REST API then shows.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { BasicAuthTransport } from './basic-auth-transport';
import { JiraError } from './errors';
import type { Clock } from './jira-http';
import { EMPTY_CATALOG } from './field-catalog';
import { mapIssue } from './issue-mapper';
import { JiraClient } from './jira-client';
import type { FieldCatalog } from './field-catalog';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;

/** A clock whose sleeps are recorded and skipped, so waits are asserted exactly without waiting. */
function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  // Real time: rate-limit headers are stamped with the wall clock, as Jira's are.
  return { sleeps, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
}

function clientFor(role: 'admin' | 'po' | 'dev' | 'outsider', options: { clock?: Clock; budgetMs?: number; random?: () => number } = {}): JiraClient {
  const login = sim.users[role];
  return JiraClient.create({
    transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }),
    ...options,
  });
}

const ops = (): string[] => sim.requests().map((r) => r.operationId ?? `${r.method} ${r.path}`);
const count = (operationId: string): number => ops().filter((o) => o === operationId).length;

async function expectJiraError(promise: Promise<unknown>, kind: JiraError['kind']): Promise<JiraError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JiraError);
  expect((error as JiraError).kind).toBe(kind);
  return error as JiraError;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 1, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

describe('reading', () => {
  let catalog: FieldCatalog;
  beforeAll(async () => {
    catalog = (await clientFor('admin').discoverFields({ storyPointsFieldId: 'customfield_10026' })).catalog;
  });

  it('fetches the field list once per client, however often fields are discovered', async () => {
    const client = clientFor('po');
    await client.discoverFields();
    await client.discoverFields({ severityFieldId: 'customfield_10081' });
    expect(count('getFields')).toBe(1);
  });

  it('pages a search to the end with the fewest requests: ceil(n / 100)', async () => {
    const client = clientFor('admin');
    const { tickets } = await client.searchTickets({ jql: 'project = SUP ORDER BY key ASC', catalog });
    const expected = sim.store.issues.filter((i) => i.key.startsWith('SUP-')).map((i) => i.key).sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    expect(tickets.map((t) => t.key)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(200);
    expect(count('searchAndReconsileIssuesUsingJqlPost')).toBe(Math.ceil(expected.length / 100));
    expect(sim.requests()).toHaveLength(Math.ceil(expected.length / 100));
    // Only the fields the mapper reads, never *all.
    const body = sim.requests()[0]?.body as { fields: string[] };
    expect(body.fields).not.toContain('*all');
    expect(body.fields).toEqual(expect.arrayContaining(['priority', 'customfield_10081', 'customfield_10031']));
  });

  it('fetches full worklogs only for issues whose embedded list is truncated (no N+1)', async () => {
    const active = sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active');
    if (!active?.startMs || !active.endMs) throw new Error('the demo site has no active SUP sprint');
    const window = { startMs: active.startMs, endMs: active.endMs };
    const inSprint = sim.store.issues.filter((i) => i.sprintIds.includes(active.id));
    const truncated = inSprint.filter((i) => i.worklogs.length > 20);
    const { tickets } = await clientFor('admin').searchTickets({ jql: `sprint = ${active.id}`, catalog, worklogs: { window } });
    expect(tickets).toHaveLength(inSprint.length);
    expect(count('getIssueWorklog')).toBe(truncated.length);
    expect(count('searchAndReconsileIssuesUsingJqlPost')).toBe(Math.ceil(inSprint.length / 100));
    for (const issue of truncated) {
      const ticket = tickets.find((t) => t.key === issue.key);
      const inWindow = issue.worklogs.filter((w) => w.startedMs >= window.startMs && w.startedMs <= window.endMs);
      expect(ticket?.worklogs).toHaveLength(inWindow.length);
    }
  });

  it('reads all closed sprints of a board in one page, and the board and its estimation field', async () => {
    const client = clientFor('po');
    const board = await client.agile.boardForProject('SUP');
    expect(board).toMatchObject({ id: 1 });
    expect(await client.agile.estimationFieldId(1)).toBe('customfield_10026');
    const closed = await client.agile.sprints(1, ['closed']);
    expect(closed.map((s) => s.id).sort()).toEqual(sim.store.sprintsOfBoard(1).filter((s) => s.state === 'closed').map((s) => s.id).sort());
    expect(count('getAllSprints')).toBe(1);
  });

  it('maps an issue with its decision property', async () => {
    const decided = sim.store.issues.find((i) => i.properties.interruptBudget !== undefined);
    if (!decided) throw new Error('the demo site has no decided issue');
    const { ticket } = await clientFor('po').ticket(decided.key, catalog);
    expect(ticket.key).toBe(decided.key);
    expect(ticket.decision ?? ticket.suggestion).toBeDefined();
    expect(count('getIssue')).toBe(1);
  });
});

describe('permissions, as Jira enforces them', () => {
  const someKey = (): string => sim.store.issues[0]!.key;

  it('an outsider finds nothing and gets NotFound for an issue', async () => {
    const client = clientFor('outsider');
    const { tickets } = await client.searchTickets({ jql: 'project = SUP', catalog: { storyPoints: [], slas: [] } });
    expect(tickets).toEqual([]);
    const error = await expectJiraError(client.ticket(someKey(), { storyPoints: [], slas: [] }), 'NotFound');
    expect(error.userMessage).toBe('Jira could not find it, or you do not have permission to see it.');
  });

  it('a developer may read but not edit: Forbidden, with a sentence that says what to do', async () => {
    const client = clientFor('dev');
    const error = await expectJiraError(client.issues.updateLabels(someKey(), { add: ['interrupt'] }), 'Forbidden');
    expect(error.userMessage).toMatch(/permission.*Ask a Jira admin/);
    expect(await client.people.myPermissions({ projectKey: 'SUP' }, ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'])).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: false,
      ADMINISTER_PROJECTS: false,
    });
  });

  it('knows who the user is', async () => {
    expect(await clientFor('po').people.myself()).toMatchObject({ accountId: sim.users.po.accountId });
  });

  it('a wrong token is Forbidden, not a crash', async () => {
    const client = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: 'po@demo.test', apiToken: 'wrong' }) });
    await expectJiraError(client.people.myself(), 'Forbidden');
  });
});

describe('retries and the deadline', () => {
  it('gives up at once on a spent hourly points quota (issue 13, item 2): one request, no wait, a sentence that says what the app does meanwhile', async () => {
    sim.points.reset();
    sim.points.set({ enforce: true, quota: 1 });
    try {
      const clock = recordingClock();
      await clientFor('po', { clock }).people.myself(); // spends the pool
      sim.clearRequests();
      const error = await expectJiraError(clientFor('po', { clock }).people.myself(), 'RateLimited');
      expect(count('getCurrentUser')).toBe(1); // never asked again within the hour
      expect(clock.sleeps).toEqual([]);
      expect(error.quota).toBe('global');
      expect(error.userMessage).toMatch(/^Jira's hourly quota for apps is used up for now, so the app shows the numbers it last stored; it asks Jira again once the quota resets \(in about \d+ minutes?\)\.$/);
    } finally {
      sim.points.set({ enforce: false });
      sim.points.reset();
    }
  });

  it('a burst 429 (no quota reason) is still retried as Jira asks', async () => {
    sim.faults.set({ rateLimit: { next: 1, headers: 'retry-after', retryAfterSeconds: 2 } });
    const clock = recordingClock();
    await clientFor('po', { clock }).people.myself();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('waits exactly what Retry-After says, then succeeds', async () => {
    sim.faults.set({ rateLimit: { next: 2, headers: 'retry-after', retryAfterSeconds: 3 } });
    const clock = recordingClock();
    const user = await clientFor('po', { clock }).people.myself();
    expect(user.accountId).toBe(sim.users.po.accountId);
    expect(clock.sleeps).toEqual([3000, 3000]);
    expect(count('getCurrentUser')).toBe(3);
  });

  it('waits until X-RateLimit-Reset when there is no Retry-After', async () => {
    sim.faults.set({ rateLimit: { next: 1, headers: 'reset' } });
    const clock = recordingClock();
    // The header has minute precision, so the wait can be up to a minute: give the client that long.
    await clientFor('po', { clock, random: () => 0, budgetMs: 120_000 }).people.myself();
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(0); // backoff with random 0 would be 0
    expect(clock.sleeps[0]).toBeLessThanOrEqual(61_000);
  });

  it('backs off exponentially (capped, jittered) when Jira gives no hint', async () => {
    sim.faults.set({ rateLimit: { next: 3, headers: 'none' } });
    const clock = recordingClock();
    await clientFor('po', { clock, random: () => 1 }).people.myself();
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('retries a 503 with Retry-After', async () => {
    sim.faults.set({ unavailable: { next: 1, retryAfterSeconds: 2 } });
    const clock = recordingClock();
    await clientFor('po', { clock }).people.myself();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('rides out a 429 storm across a many-page search: every issue once, each refused page retried', async () => {
    sim.faults.set({ rateLimit: { fraction: 0.3, headers: 'retry-after', retryAfterSeconds: 1 } });
    const clock = recordingClock();
    const client = clientFor('admin', { clock });
    const { tickets } = await client.searchTickets({ jql: 'project = TEAM ORDER BY key ASC', catalog: { storyPoints: [], slas: [] } });
    const expected = sim.store.issues.filter((i) => i.key.startsWith('TEAM-'));
    expect(new Set(tickets.map((t) => t.key)).size).toBe(expected.length);
    expect(tickets).toHaveLength(expected.length);
    const refused = sim.requests().filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(clock.sleeps).toEqual(Array.from({ length: refused }, () => 1000));
    expect(count('searchAndReconsileIssuesUsingJqlPost')).toBe(Math.ceil(expected.length / 100) + refused);
  });

  it('keeps the time of a worklog Jira returns without an author, in the worklog list and in the embedded page of the issue (issue 16, item 4)', async () => {
    const issue = sim.store.issues.find((i) => i.worklogs.length > 0 && i.worklogs.length < 20);
    if (!issue) throw new Error('the seed has an issue with a few worklogs');
    const first = issue.worklogs[0];
    if (!first) throw new Error('a worklog expected');
    const anonymous = { ...first, id: '990001', authorId: '', seconds: 1234 };
    issue.worklogs.push(anonymous);
    try {
      const window = { startMs: 0, endMs: Date.UTC(2030, 0, 1) };
      const listed = await clientFor('po').issues.worklogs(issue.key, window);
      expect(listed).toHaveLength(issue.worklogs.length);
      expect(listed).toContainEqual({ id: '990001', updatedMs: anonymous.createdMs, startedMs: anonymous.startedMs, seconds: 1234 });
      const mapped = mapIssue(await clientFor('po').issues.get(issue.key, ['worklog']), EMPTY_CATALOG);
      if (!mapped.ok) throw new Error(mapped.error);
      expect(mapped.issue.ticket.worklogs).toHaveLength(issue.worklogs.length);
      expect(mapped.issue.ticket.worklogs).toContainEqual({ id: '990001', updatedMs: anonymous.createdMs, startedMs: anonymous.startedMs, seconds: 1234 });
    } finally {
      issue.worklogs.pop();
    }
  });

  it('stays within a per-endpoint burst limit by waiting as told, with worklogs fetched in parallel', async () => {
    const window = { startMs: 0, endMs: Date.UTC(2030, 0, 1) };
    const busy = sim.store.issues.filter((i) => i.worklogs.length > 20).map((i) => i.key);
    sim.faults.set({ burst: { capacity: 1, refillPerSecond: 50, operationId: 'getIssueWorklog' } });
    const client = clientFor('admin');
    const lists = await Promise.all(busy.map((key) => client.issues.worklogs(key, window)));
    busy.forEach((key, i) => expect(lists[i]).toHaveLength(sim.store.issue(key)?.worklogs.length ?? -1));
    const limited = sim.requests().filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(client.http.stats.retries).toBe(limited.length);
  });

  it('gives up after four attempts with RateLimited and a sentence naming the wait', async () => {
    sim.faults.set({ rateLimit: { headers: 'retry-after', retryAfterSeconds: 1 } });
    const clock = recordingClock();
    const error = await expectJiraError(clientFor('po', { clock }).people.myself(), 'RateLimited');
    expect(error.userMessage).toBe('Jira is busy and asked the app to slow down. Try again in 1 second.');
    expect(count('getCurrentUser')).toBe(4);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('fails at once when Jira asks for a wait past the deadline, instead of being killed mid-way', async () => {
    sim.faults.set({ rateLimit: { headers: 'retry-after', retryAfterSeconds: 30 } });
    const clock = recordingClock();
    const error = await expectJiraError(clientFor('po', { clock, budgetMs: 5000 }).people.myself(), 'RateLimited');
    expect(error.retryAfterMs).toBe(30_000);
    expect(clock.sleeps).toEqual([]);
    expect(count('getCurrentUser')).toBe(1);
  });

  it('cuts off a response that is slower than the time left', async () => {
    sim.faults.set({ slow: { next: 1, durationMs: 3000 } });
    const started = Date.now();
    await expectJiraError(clientFor('po', { budgetMs: 400 }).people.myself(), 'Unavailable');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it.each(['truncated', 'invalid'] as const)('turns a %s body into BadResponse', async (kind) => {
    sim.faults.set({ malformed: { next: 5, kind } });
    await expectJiraError(clientFor('po').people.myself(), 'BadResponse');
  });
});

describe('writing, then reading back through the simulator', () => {
  const pick = (n: number): string[] =>
    sim.store.issues.filter((i) => i.key.startsWith('SUP-') && i.statusId !== 'done').slice(0, n).map((i) => i.key);

  it('moves 120 issues to the active sprint in 3 calls of at most 50, and back to the backlog', async () => {
    const active = sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active');
    if (!active) throw new Error('no active sprint');
    const keys = pick(120);
    const client = clientFor('po');
    await client.agile.moveToSprint(active.id, keys);
    expect(count('moveIssuesToSprintAndRank')).toBe(3);
    for (const request of sim.requests()) expect((request.body as { issues: string[] }).issues.length).toBeLessThanOrEqual(50);
    for (const key of keys) expect(sim.store.issue(key)?.sprintIds).toContain(active.id);
    await client.agile.moveToBacklog(keys);
    for (const key of keys) expect(sim.store.issue(key)?.sprintIds).not.toContain(active.id);
  });

  it('adds and removes labels, sets the property, assigns and comments', async () => {
    const [key] = pick(1);
    if (!key) throw new Error('no issue');
    const client = clientFor('po');
    await client.issues.updateLabels(key, { add: ['interrupt'], remove: ['support'] });
    expect(sim.store.issue(key)?.labels).toContain('interrupt');
    expect(sim.store.issue(key)?.labels).not.toContain('support');
    await client.issues.updateLabels(key, {});
    expect(count('editIssue')).toBe(1); // nothing to change sends nothing

    await client.issues.setProperty(key, 'interruptBudget', { outcome: 'interrupt' });
    expect(await client.issues.getProperty(key, 'interruptBudget')).toEqual({ outcome: 'interrupt' });
    expect(await client.issues.getProperty(key, 'no-such-property')).toBeUndefined();

    await client.issues.assign(key, sim.users.po.accountId);
    expect(sim.store.issue(key)?.assigneeId).toBe(sim.users.po.accountId);

    const body = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pulled into the sprint.' }] }] };
    const id = await client.issues.addComment(key, body);
    expect((await client.issues.comments(key)).map((c) => c.id)).toContain(id);
  });

  it('passes reconcileIssues so a search right after a write sees it', async () => {
    const [key] = pick(1);
    const issue = sim.store.issue(key ?? '');
    if (!issue) throw new Error('no issue');
    const client = clientFor('po');
    await client.issues.updateLabels(issue.key, { add: ['reconciled'] });
    await client.searchTickets({ jql: 'project = SUP AND labels = reconciled', catalog: { storyPoints: [], slas: [] }, reconcileIssueIds: [Number(issue.id)] });
    const search = sim.requests().find((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost');
    expect((search?.body as { reconcileIssues?: number[] }).reconcileIssues).toEqual([Number(issue.id)]);
  });
});
