/**
 * Every operation's answers against Atlassian's OpenAPI specs, through the shared contract toolkit
 * (test/contract/): success bodies against the operation's response schema (SprintBean where the
 * spec gives only an example), error bodies against ErrorCollection. The client's own requests are
 * checked in test/contract/client-contract.test.ts; these calls go wider (expand, *all, errors), and cover
 * the simulator-only operations too (the GET search), whose requests are checked against the spec here.
 */
import { SIM_OPERATIONS, type SimOperationId } from './http/operations';
import { callerFor, type Caller } from './http-client';
import { startSimulator, type Simulator } from './index';
import { validateRequest, validateResponse } from '../../test/contract/openapi';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const problems = (operationId: SimOperationId, status: number, body: unknown): readonly string[] => validateResponse(operationId, status, body).errors;

describe('OpenAPI contract', () => {
  let sim: Simulator;
  let po: Caller;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: NOW });
    po = callerFor(sim, 'po');
  });
  afterAll(() => sim.close());

  const busyKey = () => sim.store.issues.find((i) => i.worklogs.length > 20)?.key ?? 'SUP-1';
  const slaKeys = () => sim.store.issues.filter((i) => i.slas.length > 0).map((i) => i.key);
  const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Triaged.' }] }] };

  const CALLS: [SimOperationId, string, unknown?][] = [
    ['getFields', '/rest/api/3/field'],
    ['searchAndReconsileIssuesUsingJqlPost', '/rest/api/3/search/jql', { jql: 'project = SUP' }],
    ['countIssues', '/rest/api/3/search/approximate-count', { jql: 'project = SUP AND sprint in openSprints()' }],
    ['searchAndReconsileIssuesUsingJqlPost', '/rest/api/3/search/jql', { jql: 'project in (SUP, TEAM) ORDER BY created DESC', fields: ['*all'], properties: ['interruptBudget'], expand: 'names,schema,renderedFields,changelog,transitions,operations,editmeta,versionedRepresentations', maxResults: 100 }],
    ['searchAndReconsileIssuesUsingJql', '/rest/api/3/search/jql?jql=project+%3D+SUP'],
    ['searchAndReconsileIssuesUsingJql', `/rest/api/3/search/jql?${new URLSearchParams([['jql', 'project in (SUP, TEAM) ORDER BY created DESC'], ['fields', '*all'], ['fields', '-comment'], ['properties', 'interruptBudget'], ['expand', 'names,schema,renderedFields,changelog,transitions,operations,editmeta,versionedRepresentations'], ['maxResults', '100'], ['fieldsByKeys', 'true'], ['failFast', 'true'], ['reconcileIssues', '10001,10002']]).toString()}`],
    ['getIssue', '/rest/api/3/issue/SUP-1?expand=names,schema,renderedFields,changelog,transitions,operations,editmeta&properties=*all'],
    ['editIssue', '/rest/api/3/issue/SUP-2', { update: { labels: [{ add: 'triaged' }] } }],
    ['assignIssue', '/rest/api/3/issue/SUP-2/assignee', { accountId: null }],
    ['getIssueWorklog', '/rest/api/3/issue/SUP-1/worklog'],
    ['setIssueProperty', '/rest/api/3/issue/SUP-2/properties/interruptBudget', { outcome: 'backlog' }],
    ['getIssueProperty', '/rest/api/3/issue/SUP-2/properties/interruptBudget'],
    ['addComment', '/rest/api/3/issue/SUP-2/comment', { body: adf }],
    ['getComments', '/rest/api/3/issue/SUP-2/comment'],
    ['getMyPermissions', '/rest/api/3/mypermissions?projectKey=SUP&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER'],
    ['getBulkPermissions', '/rest/api/3/permissions/check', {
      globalPermissions: ['USER_PICKER', 'ADMINISTER'],
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10001, 99999], issues: [10001, 10002, 10003, 1] }, { permissions: ['ASSIGN_ISSUES'] }],
    }],
    ['getCurrentUser', '/rest/api/3/myself?expand=groups,applicationRoles'],
    ['findAssignableUsers', '/rest/api/3/user/assignable/search?project=SUP'],
    ['bulkGetUsers', '/rest/api/3/user/bulk?maxResults=100&accountId=5b10a2844c20165700ede21g&accountId=712020%3Aa8d41c77-2e90-4b1f-8c35-6f7e9d0b2c21&accountId=712020%3A00000000-0000-4000-8000-000000000000'],
    ['getAllBoards', '/rest/agile/1.0/board?projectKeyOrId=SUP'],
    ['getBoard', '/rest/agile/1.0/board/3'],
    ['getConfiguration', '/rest/agile/1.0/board/1/configuration'],
    ['getAllStatuses', '/rest/api/3/project/SUP/statuses'],
    ['getAllSprints', '/rest/agile/1.0/board/2/sprint'],
    ['getSprint', '/rest/agile/1.0/sprint/14'],
    ['moveIssuesToSprintAndRank', '/rest/agile/1.0/sprint/13/issue', { issues: ['SUP-2'] }],
    ['moveIssuesToBacklog', '/rest/agile/1.0/backlog/issue', { issues: ['SUP-2'] }],
    ['getCreateIssueMetaIssueTypeId', '/rest/api/3/issue/createmeta/SUP/issuetypes/10005?maxResults=100'],
    ['getProject', '/rest/api/3/project/TEAM'],
    ['createIssue', '/rest/api/3/issue', { fields: { project: { id: '10000' }, issuetype: { id: '10002' }, summary: 'Corrective action for SUP-20: add a timeout', description: adf } }],
    ['linkIssues', '/rest/api/3/issueLink', { type: { name: 'Relates' }, outwardIssue: { key: 'SUP-2' }, inwardIssue: { key: 'SUP-1' } }],
  ];

  it('is not vacuous: the validators do reject wrong shapes', () => {
    expect(problems('getIssue', 200, { id: 1, bogus: true })).not.toEqual([]);
    expect(problems('searchAndReconsileIssuesUsingJqlPost', 200, { issues: [], isLast: true, total: 3 })).not.toEqual([]);
    expect(problems('searchAndReconsileIssuesUsingJql', 200, { issues: [], isLast: true, total: 3 })).not.toEqual([]);
    expect(validateRequest('searchAndReconsileIssuesUsingJql', { query: { jql: 'project = SUP', maxResult: '5' } }).errors).not.toEqual([]);
    expect(problems('getSprint', 200, { id: 'seven' })).not.toEqual([]);
  });

  it('covers every operation in src/jira/operations.ts, and the simulator-only ones', () => {
    expect(new Set(CALLS.map(([id]) => id))).toEqual(new Set(Object.keys(SIM_OPERATIONS)));
  });

  it('sends the simulator-only operations requests the spec allows (the app\'s own are checked in test/contract/)', () => {
    const gets = CALLS.filter(([id]) => id === 'searchAndReconsileIssuesUsingJql');
    expect(gets.length).toBeGreaterThan(0);
    for (const [id, path] of gets) {
      const query = new URLSearchParams(path.split('?')[1] ?? '');
      const parts = Object.fromEntries([...new Set(query.keys())].map((name) => [name, query.getAll(name)] as const).map(([name, values]) => [name, values.length === 1 ? (values[0] ?? '') : values]));
      expect(validateRequest(id, { query: parts }).errors).toEqual([]);
    }
  });

  // Rows padded to full length: jest would take a missing last argument for a `done` callback.
  it.each(CALLS.map(([id, path, body]) => [id, path, body] as const))('%s %s answers as the spec says', async (operationId, path, body) => {
    const op = SIM_OPERATIONS[operationId];
    // The create screen needs Create issues: the admin login's.
    const caller = operationId === 'getCreateIssueMetaIssueTypeId' ? callerFor(sim, 'admin') : po;
    const response = await caller(op.method, path, body);
    expect(response.status).toBeLessThan(300);
    expect(sim.requests().at(-1)?.operationId).toBe(operationId);
    expect(problems(operationId, response.status, response.text === '' ? undefined : response.json)).toEqual([]);
  });

  it('serves the heavy issues (SLAs, 20+ worklogs, team-managed) within the schema', async () => {
    for (const key of [busyKey(), ...slaKeys().slice(0, 15), 'TEAM-5']) {
      const response = await po('GET', `/rest/api/3/issue/${key}?expand=names,schema,renderedFields`);
      expect(problems('getIssue', 200, response.json)).toEqual([]);
    }
  });

  it.each<[string, string, string, unknown, SimOperationId]>([
    ['401', 'GET', '/rest/api/3/myself', undefined, 'getCurrentUser'],
    ['400', 'POST', '/rest/api/3/search/jql', { jql: 'order by key' }, 'searchAndReconsileIssuesUsingJqlPost'],
    ['400', 'GET', '/rest/api/3/search/jql?jql=order+by+key', undefined, 'searchAndReconsileIssuesUsingJql'],
    ['400', 'GET', '/rest/api/3/search/jql?jql=project+%3D+SUP&maxResults=many', undefined, 'searchAndReconsileIssuesUsingJql'],
    ['401', 'GET', '/rest/api/3/search/jql?jql=project+%3D+SUP', undefined, 'searchAndReconsileIssuesUsingJql'],
    ['404', 'GET', '/rest/api/3/issue/NOPE-1', undefined, 'getIssue'],
    ['403', 'PUT', '/rest/api/3/issue/SUP-1', { fields: {} }, 'editIssue'],
    ['400', 'GET', '/rest/api/3/mypermissions', undefined, 'getMyPermissions'],
    ['400', 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['NO_SUCH_PERMISSION'] }, 'getBulkPermissions'],
    ['403', 'POST', '/rest/api/3/permissions/check', { accountId: '5b10a2844c20165700ede21g', globalPermissions: ['USER_PICKER'] }, 'getBulkPermissions'],
    ['404', 'GET', '/rest/api/3/project/NOPE', undefined, 'getProject'],
    ['400', 'GET', '/rest/api/3/issue/createmeta/SUP/issuetypes/10005', undefined, 'getCreateIssueMetaIssueTypeId'],
  ])('error %s for %s %s is an ErrorCollection', async (_status, method, path, body, operationId) => {
    // dev for the create screen's 400 too: po may create issues (a corrective action), dev may not.
    const caller = _status === '401' ? callerFor(sim, null) : _status === '403' || operationId === 'getCreateIssueMetaIssueTypeId' ? callerFor(sim, 'dev') : po;
    const response = await caller(method, path, body);
    expect(String(response.status)).toBe(_status);
    expect(problems(operationId, response.status, response.json)).toEqual([]);
  });
});
