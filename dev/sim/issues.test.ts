/** Reading single issues and their worklogs: field selection, properties, expansions, window clipping. */
import { callerFor, type Caller } from './http-client';
import { startSimulator, type Simulator } from './index';
import type { SiteIssue } from './site/model';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let sim: Simulator;
let dev: Caller;
let busy: SiteIssue;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  dev = callerFor(sim, 'dev');
  const found = sim.store.issues.find((i) => i.worklogs.length > 20);
  if (!found) throw new Error('The demo site needs an issue with more than 20 worklogs.');
  busy = found;
});
afterAll(() => sim.close());

type Page = { startAt: number; maxResults: number; total: number; worklogs: { id: string; started: string; timeSpentSeconds: number }[] };

describe('getIssue', () => {
  it('returns every field by default, by id or by key', async () => {
    const byKey = await dev<{ id: string; key: string; fields: Record<string, unknown> }>('GET', `/rest/api/3/issue/${busy.key}`);
    const byId = await dev('GET', `/rest/api/3/issue/${busy.id}`);
    expect(byKey.json).toEqual(byId.json);
    expect(byKey.json.key).toBe(busy.key);
    expect(Object.keys(byKey.json.fields)).toEqual(expect.arrayContaining(['summary', 'status', 'worklog', 'customfield_10020', 'customfield_10031', 'timespent']));
    expect(byKey.json.fields.timespent).toBe(busy.worklogs.reduce((s, w) => s + w.seconds, 0));
    expect(byKey.json.fields.worklog).toMatchObject({ total: busy.worklogs.length, maxResults: 20 });
  });

  it('honours fields, properties and expand', async () => {
    const response = await dev<Record<string, unknown>>('GET', `/rest/api/3/issue/${busy.key}?fields=summary,labels&properties=interruptBudget&expand=names,schema,changelog`);
    expect(Object.keys(response.json.fields as object)).toEqual(['summary', 'labels']);
    expect(response.json.properties).toEqual({ interruptBudget: busy.properties.interruptBudget });
    expect(response.json.names).toEqual({ summary: 'Summary', labels: 'Labels' });
    expect(response.json.changelog).toEqual({ startAt: 0, maxResults: 0, total: 0, histories: [] });
  });

  it('shows the Sprint field with every sprint of a carried-over issue', async () => {
    const response = await dev<{ fields: { customfield_10020: { id: number; state: string }[] } }>('GET', `/rest/api/3/issue/${busy.key}?fields=customfield_10020`);
    expect(response.json.fields.customfield_10020.map((s) => s.id)).toEqual(busy.sprintIds);
    expect(response.json.fields.customfield_10020.map((s) => s.state)).toEqual(['closed', 'active']);
  });

  it('puts story points in the board estimation field of each project', async () => {
    const sup = sim.store.issues.find((i) => i.projectId === '10000' && i.points !== null) as SiteIssue;
    const team = sim.store.issues.find((i) => i.projectId === '10001' && i.points !== null) as SiteIssue;
    const supFields = (await dev<{ fields: Record<string, unknown> }>('GET', `/rest/api/3/issue/${sup.key}?fields=customfield_10026,customfield_10016`)).json.fields;
    const teamFields = (await dev<{ fields: Record<string, unknown> }>('GET', `/rest/api/3/issue/${team.key}?fields=customfield_10026,customfield_10016`)).json.fields;
    expect(supFields).toEqual({ customfield_10026: sup.points, customfield_10016: null });
    expect(teamFields).toEqual({ customfield_10026: null, customfield_10016: team.points });
  });
});

describe('getIssueWorklog', () => {
  it('returns all worklogs by default (maxResults 5000)', async () => {
    const page = (await dev<Page>('GET', `/rest/api/3/issue/${busy.key}/worklog`)).json;
    expect(page).toMatchObject({ startAt: 0, maxResults: 5000, total: busy.worklogs.length });
    expect(page.worklogs.map((w) => w.id)).toEqual(busy.worklogs.map((w) => w.id));
  });

  it('clips to a window: startedAfter inclusive, startedBefore exclusive', async () => {
    const sprint = sim.store.sprint(busy.sprintIds[busy.sprintIds.length - 1] ?? 0);
    const after = sprint?.startMs ?? 0;
    const before = NOW - 86_400_000;
    const edge = busy.worklogs[Math.floor(busy.worklogs.length / 2)]?.startedMs ?? 0;
    for (const [from, to] of [[after, before], [edge, NOW], [0, edge]] as const) {
      const page = (await dev<Page>('GET', `/rest/api/3/issue/${busy.key}/worklog?startedAfter=${from}&startedBefore=${to}`)).json;
      const expected = busy.worklogs.filter((w) => w.startedMs >= from && w.startedMs < to);
      expect(page.total).toBe(expected.length);
      expect(page.worklogs.map((w) => w.id)).toEqual(expected.map((w) => w.id));
      page.worklogs.forEach((w) => expect(Date.parse(w.started)).toBeGreaterThanOrEqual(from));
    }
  });

  it('pages with startAt and maxResults, and answers non-numbers with 404', async () => {
    const page = (await dev<Page>('GET', `/rest/api/3/issue/${busy.key}/worklog?startAt=20&maxResults=4`)).json;
    expect(page).toMatchObject({ startAt: 20, maxResults: 4, total: busy.worklogs.length });
    expect(page.worklogs.map((w) => w.id)).toEqual(busy.worklogs.slice(20, 24).map((w) => w.id));
    expect((await dev('GET', `/rest/api/3/issue/${busy.key}/worklog?startAt=abc`)).status).toBe(404);
  });
});

describe('boards and sprints', () => {
  it('finds each project’s board and its estimation field', async () => {
    const boards = await dev<{ values: { id: number; name: string }[]; total: number; isLast: boolean }>('GET', '/rest/agile/1.0/board?projectKeyOrId=TEAM&type=scrum');
    expect(boards.json).toMatchObject({ total: 2, isLast: true, values: [{ id: 2, name: 'TEAM board' }, { id: 3, name: 'TEAM platform board' }] });
    const kanban = await dev<{ total: number }>('GET', '/rest/agile/1.0/board?projectKeyOrId=TEAM&type=kanban');
    expect(kanban.json.total).toBe(0); // every demo board is a Scrum board
    const one = await dev<{ id: number; type: string; location: { projectKey: string } }>('GET', '/rest/agile/1.0/board/3');
    expect(one.json).toMatchObject({ id: 3, type: 'scrum', location: { projectKey: 'TEAM' } });
    expect((await dev('GET', '/rest/agile/1.0/board/99')).status).toBe(404);
    const config = await dev<{ estimation: unknown }>('GET', '/rest/agile/1.0/board/2/configuration');
    expect(config.json.estimation).toEqual({ type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' } });
  });

  it('lists sprints closed, active, future; filters by state; pages by offset', async () => {
    const all = await dev<{ values: { id: number; state: string; completeDate?: string; startDate?: string }[]; total: number }>('GET', '/rest/agile/1.0/board/1/sprint');
    expect(all.json.values.map((s) => s.state)).toEqual([...Array(12).fill('closed'), 'active', 'future']);
    expect(all.json.values.filter((s) => s.completeDate).length).toBe(12);
    expect(all.json.values[13]).not.toHaveProperty('startDate');
    const active = await dev<{ values: { id: number; startDate: string; endDate: string }[] }>('GET', '/rest/agile/1.0/board/1/sprint?state=active');
    const [sprint] = active.json.values;
    expect(Date.parse(sprint?.startDate ?? '')).toBeLessThan(NOW);
    expect(Date.parse(sprint?.endDate ?? '')).toBeGreaterThan(NOW);
    const page = await dev<{ values: unknown[]; isLast: boolean; startAt: number }>('GET', '/rest/agile/1.0/board/1/sprint?state=closed&startAt=10&maxResults=5');
    expect(page.json).toMatchObject({ startAt: 10, isLast: true });
    expect(page.json.values).toHaveLength(2);
    expect((await dev('GET', '/rest/agile/1.0/board/1/sprint?state=open')).status).toBe(400);
    expect((await dev<{ id: number }>('GET', '/rest/agile/1.0/sprint/13')).json.id).toBe(13);
  });
});
