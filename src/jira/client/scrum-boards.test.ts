/**
 * `AgileClient.scrumBoards` (the gadget's project choice) follows Jira's offset paging to the last
 * page and stops at its limit, so a site with more boards than one page still offers them all.
 */
import { JiraClient } from '../jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from '../transport';

/** Answers board pages of `size` from `total` boards, recording each request's query. */
class BoardPages implements JiraTransport {
  readonly asked: URLSearchParams[] = [];
  constructor(private readonly total: number, private readonly size: number) {}
  async send(request: JiraRequest): Promise<JiraResponse> {
    const query = new URLSearchParams(request.route.value.split('?')[1] ?? '');
    this.asked.push(query);
    const startAt = Number(query.get('startAt') ?? 0);
    const ids = Array.from({ length: Math.max(0, Math.min(this.size, this.total - startAt)) }, (_, i) => startAt + i + 1);
    const values = ids.map((id) => ({ id, name: `Board ${id}`, type: 'scrum', location: { projectKey: `P${id}`, projectName: `Project ${id}` } }));
    const body = { startAt, maxResults: this.size, isLast: startAt + values.length >= this.total, values };
    return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) };
  }
}

it('reads every page of Scrum boards, asking from where the last page ended', async () => {
  const transport = new BoardPages(7, 3);
  const boards = await JiraClient.create({ transport }).agile.scrumBoards();
  expect(boards.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(transport.asked.map((q) => q.get('startAt'))).toEqual(['0', '3', '6']);
  expect(transport.asked.every((q) => q.get('type') === 'scrum')).toBe(true);
});

it('stops at its limit', async () => {
  const transport = new BoardPages(100, 3);
  const boards = await JiraClient.create({ transport }).agile.scrumBoards(5);
  expect(boards).toHaveLength(5);
  expect(transport.asked).toHaveLength(2);
});
