import { inputShape, shapeProblem } from './input-shape';

const issue = { id: '10001', key: 'SUP-1', fields: { summary: 'Checkout down' } };
const sprint = { id: 3, self: 'https://x/rest/agile/1.0/sprint/3', state: 'active', name: 'SUP Sprint 3', originBoardId: 1 };
const worklog = { id: '1', started: '2026-11-18T09:30:00.000+0000', timeSpentSeconds: 600, author: { accountId: 'a' } };
const field = { id: 'customfield_10081', key: 'customfield_10081', name: 'Severity', custom: true, schema: { type: 'option' }, clauseNames: ['Severity'] };

/** Problems as the CLI words them, for inputs that are not issues. */
function problem(value: unknown): string | undefined {
  const shape = inputShape(value);
  return shape.kind === 'issues' ? undefined : shapeProblem(shape);
}

describe('what a classify input is', () => {
  it.each([
    ['one issue', issue, [issue]],
    ['an array of issues', [issue, issue], [issue, issue]],
    ['a search response', { issues: [issue], nextPageToken: 't', isLast: false }, [issue]],
    ['an Agile issue page', { startAt: 0, maxResults: 50, total: 1, issues: [issue] }, [issue]],
    ['an empty array', [], []],
    ['something unknown, passed on to be named by the mapper', { hello: 'world' }, [{ hello: 'world' }]],
  ])('reads %s as issues', (_label, value, issues) => {
    expect(inputShape(value)).toEqual({ kind: 'issues', issues });
  });

  it.each([
    ['a Jira webhook', { timestamp: 1, webhookEvent: 'jira:issue_updated', issue_event_type_name: 'issue_generic', user: {}, issue, changelog: { items: [] } }, 'This is a Jira webhook (jira:issue_updated): its issue is under .issue — pass that, or use --unwrap.'],
    ['a Forge product event', { eventType: 'avi:jira:updated:issue', atlassianId: 'x', issue, changelog: { items: [] } }, 'This is a Forge product event (avi:jira:updated:issue): its issue is under .issue — pass that, or use --unwrap.'],
    ['a page of sprints', { maxResults: 50, startAt: 0, isLast: true, values: [sprint] }, "This is a page of sprints (GET /rest/agile/1.0/board/{boardId}/sprint), not issues: pass the sprint's issues: a search response (POST /rest/api/3/search/jql with jql sprint = ID)."],
    ['a list of sprints', [sprint, { ...sprint, id: 4, state: 'future' }], 'This is a list of sprints, not issues: pass issues: a search response (POST /rest/api/3/search/jql), an issue or an array of issues.'],
    ['a page of boards', { maxResults: 50, startAt: 0, total: 1, isLast: true, values: [{ id: 14, name: 'OPS board', type: 'kanban' }] }, "This is a page of boards (GET /rest/agile/1.0/board), not issues: pass the issues of a sprint of the board: a search response (POST /rest/api/3/search/jql with jql sprint = ID)."],
    ['a worklog list', { startAt: 0, maxResults: 5000, total: 1, worklogs: [worklog] }, 'This is a worklog list (GET /rest/api/3/issue/{issueIdOrKey}/worklog), not issues: pass the issue itself: its worklogs come embedded.'],
    ['the field list', [field], 'This is the field list (GET /rest/api/3/field), not issues: pass it with --fields FILE, and the issues as FILE.'],
    ['a sprint webhook', { timestamp: 1, webhookEvent: 'sprint_started', sprint }, 'This is an event (sprint_started) without an issue, not issues: pass the issue it is about (GET /rest/api/3/issue/{issueIdOrKey}).'],
  ])('names %s and says what to pass instead', (_label, value, sentence) => {
    expect(problem(value)).toBe(sentence);
  });

  it('hands over the issue a webhook or event carries, for --unwrap', () => {
    expect(inputShape({ webhookEvent: 'jira:issue_created', issue })).toEqual({ kind: 'wrapped', what: 'a Jira webhook (jira:issue_created)', issue });
  });
});
