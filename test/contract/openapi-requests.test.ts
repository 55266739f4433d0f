/**
 * validateRequest: real-shaped requests the client will send pass; each kind of mistake a client can make
 * (wrong type, missing/unknown parameter, over-long list, server-owned property, missing body) fails with a
 * message that names where, so a failing client test says what to fix.
 */
import { validateRequest } from './openapi';
import { ADF_COMMENT_REQUEST, SEARCH_JQL_REQUEST } from './jira-rest-examples';

const issue = { issueIdOrKey: 'SUP-231' };

describe('validateRequest: POST /rest/api/3/search/jql body (SearchAndReconcileRequestBean)', () => {
  const search = (body: unknown) => validateRequest('searchAndReconsileIssuesUsingJqlPost', { body });

  it('accepts the request from jira-rest.md §1 and a follow-up page with reconcileIssues', () => {
    expect(search(SEARCH_JQL_REQUEST).errors).toEqual([]);
    expect(search({ ...SEARCH_JQL_REQUEST, nextPageToken: 'CAEaAggD', reconcileIssues: [10457, 10458] }).errors).toEqual([]);
  });

  it('names each wrong type and unknown property', () => {
    const result = search({ jql: 'project = SUP', maxResults: '50', fields: 'summary,labels', startAt: 0 });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'body/maxResults: must be integer',
        'body/fields: must be array',
        'body/startAt: is not a property the spec defines here (additionalProperties: false)',
      ]),
    );
  });

  it('wants reconcileIssues as int64 ids, not keys', () => {
    expect(search({ jql: 'project = SUP', reconcileIssues: ['SUP-1'] }).errors).toEqual(['body/reconcileIssues/0: must be integer']);
  });

  it('holds the limits the descriptions state: at most 5 properties and 50 reconcileIssues', () => {
    expect(search({ jql: 'project = SUP', properties: ['a', 'b', 'c', 'd', 'e', 'f'] }).errors).toEqual(['body/properties: must NOT have more than 5 items']);
    const ids = Array.from({ length: 51 }, (_, i) => 10000 + i);
    expect(search({ jql: 'project = SUP', reconcileIssues: ids }).errors).toEqual(['body/reconcileIssues: must NOT have more than 50 items']);
  });

  it('requires the body and rejects a non-object one', () => {
    expect(search(undefined).errors).toEqual(['body: is required']);
    expect(search('project = SUP').errors).toEqual(['body: must be object']);
  });

  it('does not invent a minimum the spec lacks: a negative maxResults is the server\'s problem', () => {
    expect(search({ jql: 'project = SUP', maxResults: -1 }).valid).toBe(true);
  });
});

describe('validateRequest: path and query parameters', () => {
  const worklogs = (query: Record<string, string | string[]>) => validateRequest('getIssueWorklog', { pathParams: issue, query });

  it('accepts the worklog window of jira-rest.md §5 (startedAfter/startedBefore as int64 milliseconds)', () => {
    expect(worklogs({ startedAfter: '1794297600000', startedBefore: '1795507200000', maxResults: '100' }).errors).toEqual([]);
  });

  it('rejects an ISO date, a fraction or a value beyond int64 where milliseconds are expected', () => {
    expect(worklogs({ startedAfter: '2026-11-10T08:00:00Z' }).errors).toEqual(['query/startedAfter: must be integer']);
    expect(worklogs({ startedAfter: '1794297600000.5' }).errors).toEqual(['query/startedAfter: must be integer']);
    expect(worklogs({ startedAfter: '99999999999999999999' }).errors).toEqual(['query/startedAfter: must match format "int64"']);
  });

  it('rejects unknown query parameters, naming the declared ones', () => {
    expect(worklogs({ maxResult: '100' }).errors).toEqual([
      'query/maxResult: unknown query parameter for getIssueWorklog (declared: startAt, maxResults, startedAfter, startedBefore, expand)',
    ]);
  });

  it('rejects a repeated key for a parameter that is not an array', () => {
    expect(worklogs({ startAt: ['0', '100'] }).errors).toEqual(['query/startAt: must be given once (it is not an array parameter), got 2 values']);
  });

  it('enforces minimum/maximum where the spec declares them (getProjectFields maxResults is 1..100)', () => {
    const fields = (maxResults: string) =>
      validateRequest('getProjectFields', { query: { projectId: '10000', workTypeId: '10001', maxResults } });
    expect(fields('50').errors).toEqual([]);
    expect(fields('-1').errors).toEqual(['query/maxResults: must be >= 1']);
    expect(fields('101').errors).toEqual(['query/maxResults: must be <= 100']);
  });

  it('coerces booleans and comma lists, and rejects what does not coerce', () => {
    const get = (query: Record<string, string>) => validateRequest('getIssue', { pathParams: issue, query });
    expect(get({ fields: 'summary,labels,customfield_10016', fieldsByKeys: 'false', properties: 'triage-decision' }).errors).toEqual([]);
    expect(get({ fieldsByKeys: 'yes' }).errors).toEqual(['query/fieldsByKeys: must be boolean']);
  });

  it('requires every path parameter, typed, and nothing else', () => {
    expect(validateRequest('getIssueWorklog', {}).errors).toEqual(["path: missing required path parameter 'issueIdOrKey'"]);
    expect(validateRequest('getSprint', { pathParams: { sprintId: 'PLAT-42' } }).errors).toEqual(['path/sprintId: must be integer']);
    expect(validateRequest('getSprint', { pathParams: { sprintId: 42, boardId: 7 } }).errors).toEqual([
      'path/boardId: unknown path parameter for getSprint (declared: sprintId)',
    ]);
  });

  it('takes the sprint states as a comma list of future/active/closed (the spec declares an empty object)', () => {
    const sprints = (state: string) => validateRequest('getAllSprints', { pathParams: { boardId: '7' }, query: { state, startAt: '0' } });
    expect(sprints('active,closed').errors).toEqual([]);
    expect(sprints('open').errors).toEqual(['query/state/0: must be one of "future", "active", "closed"']);
  });

  it('takes board types as a comma list of scrum/kanban/simple', () => {
    expect(validateRequest('getAllBoards', { query: { projectKeyOrId: 'SUP', type: 'scrum' } }).errors).toEqual([]);
    expect(validateRequest('getAllBoards', { query: { type: 'team' } }).errors).toEqual(['query/type/0: must be one of "scrum", "kanban", "simple"']);
  });

  it('requires `permissions` on mypermissions, as its description says', () => {
    const query = { projectKey: 'SUP', permissions: 'BROWSE_PROJECTS,EDIT_ISSUES,ADD_COMMENTS,SCHEDULE_ISSUES' };
    expect(validateRequest('getMyPermissions', { query }).errors).toEqual([]);
    expect(validateRequest('getMyPermissions', { query: { projectKey: 'SUP' } }).errors).toEqual(["query: missing required query parameter 'permissions'"]);
  });
});

describe('validateRequest: Agile move bodies', () => {
  const toSprint = (body: unknown) => validateRequest('moveIssuesToSprintAndRank', { pathParams: { sprintId: '42' }, body });

  it('accepts issue keys or ids as strings, with rank options', () => {
    expect(toSprint({ issues: ['SUP-231', '10458'], rankBeforeIssue: 'PLAT-881' }).errors).toEqual([]);
    expect(validateRequest('moveIssuesToBacklog', { body: { issues: ['SUP-231'] } }).errors).toEqual([]);
  });

  it('rejects numbers for issues, misspelt options and more than 50 issues', () => {
    expect(toSprint({ issues: [10458] }).errors).toEqual(['body/issues/0: must be string']);
    expect(toSprint({ issues: ['SUP-1'], rankBefore: 'SUP-2' }).errors).toEqual([
      'body/rankBefore: is not a property the spec defines here (additionalProperties: false)',
    ]);
    const many = Array.from({ length: 51 }, (_, i) => `SUP-${i + 1}`);
    expect(toSprint({ issues: many }).errors).toEqual(['body/issues: must NOT have more than 50 items']);
    expect(validateRequest('moveIssuesToBacklog', { body: { issues: many } }).errors).toEqual(['body/issues: must NOT have more than 50 items']);
  });

  it('rejects duplicate issues for the backlog (uniqueItems)', () => {
    expect(validateRequest('moveIssuesToBacklog', { body: { issues: ['SUP-1', 'SUP-1'] } }).errors).toEqual([
      'body/issues: must NOT have duplicate items (items ## 1 and 0 are identical)',
    ]);
  });
});

describe('validateRequest: POST /rest/api/3/permissions/check body (BulkPermissionsRequestBean)', () => {
  const check = (body: unknown) => validateRequest('getBulkPermissions', { body });

  it('accepts the spec\'s example and the browse check the client sends', () => {
    const example = { accountId: '5b10a2844c20165700ede21g', globalPermissions: ['ADMINISTER'], projectPermissions: [{ issues: [10010, 10011], permissions: ['EDIT_ISSUES'], projects: [10001] }] };
    expect(check(example).errors).toEqual([]);
    expect(check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [10471, 10477] }] }).errors).toEqual([]);
  });

  it('wants int64 ids, named permissions, no unknown keys, unique ids', () => {
    expect(check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ['10471'] }] }).errors).toEqual(['body/projectPermissions/0/issues/0: must be integer']);
    expect(check({ projectPermissions: [{ issues: [10471] }] }).errors).toEqual(["body/projectPermissions/0: must have required property 'permissions'"]);
    expect(check({ permissions: ['BROWSE_PROJECTS'] }).errors).toEqual(['body/permissions: is not a property the spec defines here (additionalProperties: false)']);
    expect(check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [1, 1] }] }).errors).toEqual([
      'body/projectPermissions/0/issues: must NOT have duplicate items (items ## 1 and 0 are identical)',
    ]);
  });

  it('holds the limit the description states: at most 1,000 issues (and projects)', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => 10000 + i);
    expect(check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids.slice(0, 1000) }] }).errors).toEqual([]);
    expect(check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids }] }).errors).toEqual(['body/projectPermissions/0/issues: must NOT have more than 1000 items']);
    expect(check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: ids }] }).errors).toEqual(['body/projectPermissions/0/projects: must NOT have more than 1000 items']);
  });
});

describe('validateRequest: issue writes', () => {
  it('accepts the label update and transition of an editIssue body; readOnly-required FieldMetadata is not demanded', () => {
    const body = { update: { labels: [{ add: 'triaged' }, { remove: 'needs-triage' }] }, transition: { id: '31' } };
    expect(validateRequest('editIssue', { pathParams: issue, query: { notifyUsers: 'false' }, body }).errors).toEqual([]);
  });

  it('accepts the ADF comment of jira-rest.md §6, and rejects server-owned (readOnly) properties', () => {
    expect(validateRequest('addComment', { pathParams: issue, body: ADF_COMMENT_REQUEST }).errors).toEqual([]);
    const withServerFields = { ...ADF_COMMENT_REQUEST, id: '1', created: '2026-11-18T10:00:00.000+0000' };
    expect([...validateRequest('addComment', { pathParams: issue, body: withServerFields }).errors].sort()).toEqual([
      'body/created: is readOnly in the spec, so a request must not send it',
      'body/id: is readOnly in the spec, so a request must not send it',
    ]);
  });

  it('assigns by accountId, unassigns with null, and refuses readOnly user properties', () => {
    const assign = (body: unknown) => validateRequest('assignIssue', { pathParams: issue, body });
    expect(assign({ accountId: '5b10a2844c20165700ede21g' }).errors).toEqual([]);
    expect(assign({ accountId: null }).errors).toEqual([]);
    expect(assign({ accountId: 5 }).errors).toEqual(['body/accountId: must be string,null']);
    expect(assign({ accountId: 'x', displayName: 'Mia' }).errors).toEqual(['body/displayName: is readOnly in the spec, so a request must not send it']);
  });

  it('stores any JSON as an issue property, but a body is required; reads take no body', () => {
    const path = { ...issue, propertyKey: 'triage-decision' };
    expect(validateRequest('setIssueProperty', { pathParams: path, body: { decision: 'sprint', sprintId: 42 } }).errors).toEqual([]);
    expect(validateRequest('setIssueProperty', { pathParams: path }).errors).toEqual(['body: is required']);
    expect(validateRequest('getIssueProperty', { pathParams: path, body: {} }).errors).toEqual(['body: getIssueProperty takes no request body']);
  });
});
