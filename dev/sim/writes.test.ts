/** Writes as the product owner: labels, assignee, the decision property, comments, sprint moves. */
import { callerFor, type Caller, type SearchPage } from './http-client';
import { startSimulator, type Simulator } from './index';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let sim: Simulator;
let po: Caller;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  po = callerFor(sim, 'po');
});
afterAll(() => sim.close());

const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`No ${key}`);
  return found;
};

describe('editIssue', () => {
  it('adds, removes and sets labels, moving `updated` to now', async () => {
    const target = issue('SUP-10');
    target.updatedMs = NOW - 1000;
    expect((await po('PUT', '/rest/api/3/issue/SUP-10', { update: { labels: [{ add: 'interrupt' }, { add: 'triaged' }] } })).status).toBe(204);
    expect(target.labels).toEqual(expect.arrayContaining(['interrupt', 'triaged']));
    expect(target.updatedMs).toBe(NOW);
    await po('PUT', '/rest/api/3/issue/SUP-10', { update: { labels: [{ remove: 'triaged' }] } });
    expect(target.labels).not.toContain('triaged');
    await po('PUT', '/rest/api/3/issue/SUP-10', { fields: { labels: ['a', 'b'] } });
    expect(target.labels).toEqual(['a', 'b']);
    await po('PUT', '/rest/api/3/issue/SUP-10', { update: { labels: [{ set: ['deferred'] }] } });
    expect(target.labels).toEqual(['deferred']);
  });

  it('refuses labels with spaces and unknown fields, per field, changing nothing', async () => {
    const before = JSON.stringify(issue('SUP-11'));
    const response = await po('PUT', '/rest/api/3/issue/SUP-11', { update: { labels: [{ add: 'has space' }] }, fields: { nosuch: 1 } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      errorMessages: [],
      errors: { labels: "The label 'has space' contains spaces which is invalid.", nosuch: "Field 'nosuch' cannot be set. It is not on the appropriate screen, or unknown." },
    });
    expect(JSON.stringify(issue('SUP-11'))).toBe(before);
  });

  it('sets the assignee through fields, and returns the issue when asked', async () => {
    const response = await po<{ fields: { assignee: { accountId: string } } }>('PUT', '/rest/api/3/issue/SUP-12?returnIssue=true', { fields: { assignee: { accountId: sim.users.po.accountId } } });
    expect(response.status).toBe(200);
    expect(response.json.fields.assignee.accountId).toBe(sim.users.po.accountId);
  });
});

describe('assignIssue', () => {
  it('assigns, unassigns and refuses people who cannot be assigned', async () => {
    expect((await po('PUT', '/rest/api/3/issue/SUP-13/assignee', { accountId: sim.users.admin.accountId })).status).toBe(204);
    expect(issue('SUP-13').assigneeId).toBe(sim.users.admin.accountId);
    expect((await po('PUT', '/rest/api/3/issue/SUP-13/assignee', { accountId: null })).status).toBe(204);
    expect(issue('SUP-13').assigneeId).toBeNull();
    const refused = await po('PUT', '/rest/api/3/issue/SUP-13/assignee', { accountId: sim.users.dev.accountId });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ errorMessages: [], errors: { assignee: "User 'Dana Kim' cannot be assigned issues." } });
    expect((await po('PUT', '/rest/api/3/issue/SUP-13/assignee', {})).status).toBe(400);
  });
});

describe('issue properties', () => {
  const path = '/rest/api/3/issue/SUP-20/properties/interruptBudget';
  const decision = { outcome: 'interrupt', policyOutcome: 'interrupt', policyVersion: 3, ruleId: 'p1', override: false, decidedBy: 'x', decidedAt: '2026-11-23T09:00:00.000Z', sprintId: 13 };

  it('round-trips: 404 when absent, 201 created, 200 replaced, searchable at once', async () => {
    delete issue('SUP-20').properties.interruptBudget;
    const updatedBefore = issue('SUP-20').updatedMs;
    expect((await po('GET', path)).status).toBe(404);
    expect((await po('PUT', path, decision)).status).toBe(201);
    expect((await po('GET', path)).json).toEqual({ key: 'interruptBudget', value: decision });
    expect((await po('PUT', path, { ...decision, outcome: 'backlog' })).status).toBe(200);
    expect(issue('SUP-20').updatedMs).toBe(updatedBefore);
    const found = await po<SearchPage>('POST', '/rest/api/3/search/jql', { jql: 'key = SUP-20 AND interruptOutcome = backlog', properties: ['interruptBudget'] });
    expect(found.json.issues[0]?.properties).toEqual({ interruptBudget: { ...decision, outcome: 'backlog' } });
  });

  it('refuses values over 32768 characters', async () => {
    expect((await po('PUT', path, { text: 'x'.repeat(32768) })).status).toBe(400);
  });
});

describe('comments', () => {
  it('adds an ADF comment (201) and lists it; refuses a plain-text body', async () => {
    const body = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pulled into the sprint.' }] }] };
    const added = await po<{ id: string; body: unknown; author: { accountId: string } }>('POST', '/rest/api/3/issue/SUP-21/comment', { body });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ body, author: { accountId: sim.users.po.accountId } });
    const listed = await po<{ total: number; comments: { id: string }[] }>('GET', '/rest/api/3/issue/SUP-21/comment');
    expect(listed.json.comments.map((c) => c.id)).toContain(added.json.id);
    expect((await po('POST', '/rest/api/3/issue/SUP-21/comment', { body: 'plain text' })).status).toBe(400);
  });
});

describe('moving issues', () => {
  const backlogKeys = () => sim.store.issues.filter((i) => i.projectId === '10000' && i.sprintIds.length === 0).map((i) => i.key);

  it('moves into the active sprint, keeping closed sprints and dropping other open ones', async () => {
    const carried = sim.store.issues.find((i) => i.projectId === '10000' && i.sprintIds.length === 2 && i.sprintIds.includes(13));
    if (!carried) throw new Error('no carried-over issue');
    expect((await po('POST', '/rest/agile/1.0/sprint/14/issue', { issues: [carried.key] })).status).toBe(204);
    expect(carried.sprintIds).toEqual([12, 14]);
    expect((await po('POST', '/rest/agile/1.0/sprint/13/issue', { issues: [carried.key] })).status).toBe(204);
    expect(carried.sprintIds).toEqual([12, 13]);
    expect(carried.updatedMs).toBe(NOW);
  });

  it('moves to the backlog, out of every open sprint', async () => {
    const planned = sim.store.issues.filter((i) => i.sprintIds.includes(14)).map((i) => i.key);
    expect((await po('POST', '/rest/agile/1.0/backlog/issue', { issues: planned })).status).toBe(204);
    planned.forEach((key) => expect(issue(key).sprintIds).not.toContain(14));
  });

  it('ranks moved issues before another', async () => {
    const [first, second] = backlogKeys();
    await po('POST', '/rest/agile/1.0/sprint/13/issue', { issues: [second], rankBeforeIssue: first });
    expect(issue(second ?? '').rank).toBeLessThan(issue(first ?? '').rank);
  });

  it.each([
    ['a closed sprint', '/rest/agile/1.0/sprint/3/issue', { issues: ['SUP-30'] }, 400],
    ['more than 50 issues', '/rest/agile/1.0/sprint/13/issue', { issues: Array.from({ length: 51 }, (_, i) => `SUP-${i + 1}`) }, 400],
    ['an unknown sprint', '/rest/agile/1.0/sprint/999/issue', { issues: ['SUP-30'] }, 404],
    ['an unknown issue', '/rest/agile/1.0/sprint/13/issue', { issues: ['SUP-99999'] }, 400],
    ['duplicates to the backlog', '/rest/agile/1.0/backlog/issue', { issues: ['SUP-30', 'SUP-30'] }, 400],
    ['an empty list', '/rest/agile/1.0/backlog/issue', { issues: [] }, 400],
  ])('refuses %s', async (_label, path, body, status) => {
    const before = JSON.stringify(sim.store.issues.map((i) => i.sprintIds));
    expect((await po('POST', path, body)).status).toBe(status);
    expect(JSON.stringify(sim.store.issues.map((i) => i.sprintIds))).toBe(before);
  });

  it('accepts exactly 50 issues', async () => {
    const fifty = sim.store.issues.filter((i) => i.projectId === '10001').slice(0, 50).map((i) => i.key);
    expect((await po('POST', '/rest/agile/1.0/sprint/28/issue', { issues: fifty })).status).toBe(204);
    fifty.forEach((key) => expect(issue(key).sprintIds).toContain(28));
  });
});
