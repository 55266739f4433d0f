/** Same seed and anchor → the same site and the same answers; and the request log records them. */
import { callerFor, searchAll } from './http-client';
import { startSimulator, type Simulator } from './index';

const NOW = Date.parse('2026-11-23T09:00:00Z');

const READS: [string, string, unknown?][] = [
  ['GET', '/rest/api/3/field'],
  ['GET', '/rest/agile/1.0/board/1/sprint'],
  ['GET', '/rest/api/3/issue/SUP-100'],
  ['GET', '/rest/api/3/issue/TEAM-200/worklog'],
  ['POST', '/rest/api/3/search/jql', { jql: 'project = SUP AND sprint in openSprints()', fields: ['*all'], properties: ['interruptBudget'], maxResults: 100 }],
];

async function answers(sim: Simulator): Promise<string[]> {
  const call = callerFor(sim, 'admin');
  const texts: string[] = [];
  for (const [method, path, body] of READS) texts.push((await call(method, path, body)).text.split(sim.url).join('<site>'));
  return texts;
}

describe('determinism', () => {
  it('answers identically for the same seed and now, differently for another seed', async () => {
    const [a, b, c] = await Promise.all([startSimulator({ now: NOW, seed: 7 }), startSimulator({ now: NOW, seed: 7 }), startSimulator({ now: NOW, seed: 8 })]);
    try {
      const [first, second, third] = await Promise.all([answers(a), answers(b), answers(c)]);
      expect(second).toEqual(first);
      expect(third).not.toEqual(first);
      const all = await searchAll(callerFor(a, 'po'), { jql: 'project in (SUP, TEAM)', fields: ['key'], maxResults: 5000 });
      expect(all.flatMap((p) => p.issues).length).toBe(a.store.issues.length);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('anchors the site to now: one active sprint per board containing now', async () => {
    const sim = await startSimulator({ now: NOW, seed: 3 });
    try {
      const active = sim.store.sprints.filter((s) => s.state === 'active');
      expect(active).toHaveLength(sim.store.boards.length);
      active.forEach((s) => expect((s.startMs ?? Infinity) < NOW && NOW < (s.endMs ?? 0)).toBe(true));
      sim.store.issues.forEach((i) => expect(i.createdMs).toBeLessThanOrEqual(NOW));
    } finally {
      await sim.close();
    }
  });
});

describe('request log', () => {
  it('records method, path, query, body, user, operation, status and answer', async () => {
    const sim = await startSimulator({ now: NOW });
    try {
      const po = callerFor(sim, 'po');
      await po('GET', '/rest/api/3/issue/SUP-1/worklog?startAt=0&maxResults=2');
      await po('POST', '/rest/api/3/search/jql', { jql: 'key = SUP-1' });
      await callerFor(sim, null)('GET', '/rest/api/3/myself');
      const [worklog, search, anonymous] = sim.requests();
      expect(worklog).toMatchObject({ method: 'GET', path: '/rest/api/3/issue/SUP-1/worklog', query: { startAt: '0', maxResults: '2' }, user: sim.users.po.accountId, operationId: 'getIssueWorklog', status: 200 });
      expect(search).toMatchObject({ body: { jql: 'key = SUP-1' }, operationId: 'searchAndReconsileIssuesUsingJqlPost', responseBody: { issues: [{ id: sim.store.issue('SUP-1')?.id }], isLast: true } });
      expect(anonymous).toMatchObject({ user: null, status: 401, operationId: 'getCurrentUser' });
      const served = await (await fetch(`${sim.url}/__sim/requests`)).json();
      expect(served).toEqual(JSON.parse(JSON.stringify(sim.requests())));
      sim.clearRequests();
      expect(sim.requests()).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
