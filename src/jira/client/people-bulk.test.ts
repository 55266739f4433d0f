/**
 * `usersByIds` against a Jira that answers in pages smaller than asked (the spec names no maximum for
 * `/user/bulk`, so a site may cap it lower than the 100 the app asks for): the client follows
 * `startAt` until `isLast`, and never loops on a server that keeps saying "not last" without users.
 */
import { routePath } from '../../forge/route';
import { JiraClient } from '../jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from '../transport';

/** A /user/bulk that answers at most `pageSize` of the asked ids per page, or never says `isLast`. */
function bulkJira(pageSize: number, options: { neverLast?: boolean } = {}): JiraTransport & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async send(request: JiraRequest): Promise<JiraResponse> {
      const path = routePath(request.route);
      asked.push(path);
      const query = new URLSearchParams(path.split('?')[1] ?? '');
      const ids = query.getAll('accountId');
      const startAt = Number(query.get('startAt') ?? 0);
      const values = options.neverLast ? [] : ids.slice(startAt, startAt + pageSize).map((accountId) => ({ accountId, displayName: `Name of ${accountId}`, active: true }));
      const body = { startAt, maxResults: pageSize, total: ids.length, isLast: options.neverLast ? false : startAt + values.length >= ids.length, values };
      return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) };
    },
  };
}

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `712020:${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`);

it('follows the pages of a partial answer within one request of ids', async () => {
  const jira = bulkJira(30);
  const users = await JiraClient.create({ transport: jira }).people.usersByIds(ids(70));
  expect(users.map((u) => u.accountId)).toEqual(ids(70));
  expect(jira.asked.map((p) => new URLSearchParams(p.split('?')[1]).get('startAt'))).toEqual(['0', '30', '60']);
});

it('sends at most 100 ids a request, each id once', async () => {
  const jira = bulkJira(100);
  const users = await JiraClient.create({ transport: jira }).people.usersByIds([...ids(250), ...ids(10)]);
  expect(users).toHaveLength(250);
  expect(jira.asked.map((p) => new URLSearchParams(p.split('?')[1]).getAll('accountId').length)).toEqual([100, 100, 50]);
});

it('stops on an answer that says "not last" but holds nobody, and sends nothing for no ids', async () => {
  const stuck = bulkJira(100, { neverLast: true });
  expect(await JiraClient.create({ transport: stuck }).people.usersByIds(ids(5))).toEqual([]);
  expect(stuck.asked).toHaveLength(1);
  const idle = bulkJira(100);
  expect(await JiraClient.create({ transport: idle }).people.usersByIds([])).toEqual([]);
  expect(idle.asked).toHaveLength(0);
});
