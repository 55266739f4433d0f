/**
 * The client's paging and response schemas over pages shaped like real Jira Cloud answers
 * (test/fixtures/real-world, origins in SOURCES.md), served by a recorded transport through the real
 * JiraClient: search/jql token pages, worklog pages and the Agile board and sprint pages. One row per
 * fixture of each kind; a new fixture fails here until it has one.
 */
import { realWorldFixture, realWorldFixtures } from '../../../test/fixtures/real-world/load';
import { RecordedTransport } from '../../../test/builders/recorded-transport';
import type { Worklog } from '../../domain/ticket';
import { JiraClient } from '../jira-client';

const SEARCH = '/rest/api/3/search/jql';
/** What Jira would answer after a page that is not the last: a test-made end, not a fixture. */
const LAST = { issues: [], isLast: true };

const clientOver = (answers: Record<string, readonly unknown[]>) => {
  const transport = new RecordedTransport(answers);
  return { transport, client: JiraClient.create({ transport }) };
};

describe('search/jql pages', () => {
  /** Per page: the issue ids the client reads from it, and the token it follows when the page is not the last. */
  const EXPECTED: Record<string, { readonly ids: readonly string[]; readonly follows?: string }> = {
    'jql-empty-result.json': { ids: [] },
    'jql-page-1-of-2.json': { ids: ['107215', '10865'], follows: 'CAEaAggD' },
    'jql-page-2-of-2.json': { ids: ['10866'] },
    // The old offset search has neither isLast nor a token: one page and done.
    'legacy-offset-page.json': { ids: ['20106'] },
  };
  const pages = realWorldFixtures('search');

  it('has one expectations row per search fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(pages.map(([name]) => name));
  });

  it.each(pages)('reads %s and asks again only with its token', async (name, page) => {
    const expected = EXPECTED[name];
    const { transport, client } = clientOver({ [SEARCH]: expected?.follows ? [page, LAST] : [page] });
    const issues = await client.issues.search({ jql: 'project = PAY', fields: ['summary'] });
    expect(issues.map((i) => i.id)).toEqual(expected?.ids);
    expect(transport.asked.map((r) => (r.body as { nextPageToken?: string }).nextPageToken)).toEqual(expected?.follows ? [undefined, expected.follows] : [undefined]);
  });

  it('follows page 1 to page 2 with the token Jira gave, and stops at isLast', async () => {
    const { transport, client } = clientOver({ [SEARCH]: [realWorldFixture('search', 'jql-page-1-of-2.json'), realWorldFixture('search', 'jql-page-2-of-2.json')] });
    const issues = await client.issues.search({ jql: 'project = PAY', fields: ['summary'] });
    expect(issues.map((i) => i.key)).toEqual(['HELP-35102', 'PAY-398', 'PAY-399']);
    expect(transport.asked).toHaveLength(2);
    expect(transport.asked[1]?.body).toMatchObject({ jql: 'project = PAY', nextPageToken: 'CAEaAggD' });
  });
});

describe('worklog pages', () => {
  const EXPECTED: Record<string, readonly Worklog[]> = {
    // Atlassian's example: ADF comment, an inactive author, group visibility.
    'docs-example-page.json': [{ id: '100412', updatedMs: Date.parse('2026-11-18T09:02:41.117Z'), startedMs: Date.UTC(2026, 10, 17, 12, 34), seconds: 12000, authorAccountId: '5b10ac8d82e05b22cc7d4ef5' }],
    // v2 text comments (one entry without any), start times in the authors' own offsets.
    'api2-page-text-comments.json': [
      { id: '40212', updatedMs: Date.parse('2026-11-16T12:35:44.210Z'), startedMs: Date.UTC(2026, 10, 16, 4, 30), seconds: 14400, authorAccountId: '712020:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' },
      { id: '40219', updatedMs: Date.parse('2026-11-16T12:35:44.210Z'), startedMs: Date.UTC(2026, 10, 16, 12, 30), seconds: 1800, authorAccountId: '712020:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' },
      { id: '40233', updatedMs: Date.parse('2026-11-17T12:35:44.210Z'), startedMs: Date.UTC(2026, 10, 17, 3, 45), seconds: 27000, authorAccountId: '712020:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' },
    ],
  };
  const pages = realWorldFixtures('worklogs');

  it('has one expectations row per worklog fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(pages.map(([name]) => name).sort());
  });

  it.each(pages)('reads every entry of %s in one request (total reached)', async (name, page) => {
    const { transport, client } = clientOver({ '/rest/api/3/issue/PAY-412/worklog': [page] });
    expect(await client.issues.worklogs('PAY-412')).toEqual(EXPECTED[name]);
    expect(transport.asked).toHaveLength(1);
  });
});

describe('Agile pages', () => {
  const BOARDS = '/rest/agile/1.0/board';
  const SPRINTS = '/rest/agile/1.0/board/12/sprint';
  type Row =
    | { readonly boards: readonly number[]; readonly boardFor: readonly [projectKey: string, boardId: number] }
    | { readonly sprints: ReadonlyArray<readonly [id: number, state: string]>; readonly asksFrom: readonly string[] };
  const EXPECTED: Record<string, Row> = {
    // The board's location names its project: that board is the project's.
    'boards-kanban-with-location.json': { boards: [14], boardFor: ['OPS', 14] },
    // No location at all: the first board stands in.
    'boards-scrum-bare.json': { boards: [1, 2], boardFor: ['PAY', 1] },
    // isLast false after two sprints: the client asks again from 2.
    'sprints-active-and-future.json': { sprints: [[4, 'active'], [5, 'future']], asksFrom: ['0', '2'] },
    // An active sprint without originBoardId (Jira leaves it out) beside closed ones with completeDate.
    'sprints-closed-then-active.json': { sprints: [[1, 'closed'], [2, 'closed'], [3, 'active']], asksFrom: ['0'] },
  };
  const pages = realWorldFixtures('agile');

  it('has one expectations row per Agile fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(pages.map(([name]) => name));
  });

  it.each(pages)('reads %s', async (name, page) => {
    const row = EXPECTED[name];
    if (!row) throw new Error(`no row for ${name}`);
    if ('boards' in row) {
      const { client } = clientOver({ [BOARDS]: [page, page] });
      expect((await client.agile.scrumBoards()).map((b) => b.id)).toEqual(row.boards);
      expect((await client.agile.boardForProject(row.boardFor[0]))?.id).toBe(row.boardFor[1]);
    } else {
      const { transport, client } = clientOver({ [SPRINTS]: [page, { startAt: 2, maxResults: 2, isLast: true, values: [] }] });
      const sprints = await client.agile.sprints(12, ['active', 'future', 'closed']);
      expect(sprints.map((s) => [s.id, s.state])).toEqual(row.sprints);
      expect(transport.asked.map((r) => r.query.get('startAt'))).toEqual(row.asksFrom);
    }
  });
});
