/**
 * validateResponse: the payloads the simulator is built from (our Jira fixtures, the jira-rest.md examples,
 * the spec's own examples) pass, and each way a simulator can drift from Jira fails with a pointer to the
 * offending value.
 */
import { JIRA_OPERATIONS, type OperationId } from '../../src/jira/operations';
import { jiraFixture } from '../fixtures/jira/load';
import { MY_PERMISSIONS, SEARCH_JQL_PAGE, SPRINT_PAGE, WORKLOG_PAGE } from './jira-rest-examples';
import { specOperation, validateResponse } from './openapi';

const issues = jiraFixture<Record<string, unknown>[]>('issues.json');
const search = (body: unknown) => validateResponse('searchAndReconsileIssuesUsingJqlPost', 200, body);
const clone = <T>(value: T): T => structuredClone(value);

describe('validateResponse: issues (SearchAndReconcileResults, IssueBean)', () => {
  it('accepts test/fixtures/jira/issues.json as a search/jql page, and each issue from GET /issue', () => {
    expect(search({ issues, nextPageToken: 'CAEaAggD', isLast: false }).errors).toEqual([]);
    expect(search({ issues, isLast: true }).errors).toEqual([]);
    for (const issue of issues) expect(validateResponse('getIssue', 200, issue).errors).toEqual([]);
  });

  it('accepts the search page of jira-rest.md §1', () => {
    expect(search(SEARCH_JQL_PAGE).errors).toEqual([]);
  });

  it('points at a non-object fields and a non-string issue id', () => {
    const broken = clone(issues);
    Object.assign(broken[0] ?? {}, { fields: 'summary' });
    Object.assign(broken[2] ?? {}, { id: 10459 });
    expect(search({ issues: broken, isLast: true }).errors).toEqual(['/issues/0/fields: must be object', '/issues/2/id: must be string']);
  });

  it('rejects the removed /search envelope (startAt/total) and a null nextPageToken', () => {
    expect(search({ issues, startAt: 0, maxResults: 50, total: 5 }).errors).toEqual([
      '/startAt: is not a property the spec defines here (additionalProperties: false)',
      '/maxResults: is not a property the spec defines here (additionalProperties: false)',
      '/total: is not a property the spec defines here (additionalProperties: false)',
    ]);
    // The schema types the token as a string: on the last page the simulator must omit it, not send null.
    expect(search({ issues, nextPageToken: null, isLast: true }).errors).toEqual(['/nextPageToken: must be string']);
    expect(search({ issues, isLast: 'true' }).errors).toEqual(['/isLast: must be boolean']);
  });
});

describe('validateResponse: fields (inline array of FieldDetails)', () => {
  const fields = jiraFixture<unknown[]>('fields.json');
  // The fixture ends with two deliberately malformed entries that the mapper's robustness tests rely on.
  const wellFormed = fields.slice(0, 10);

  it('accepts the real-shaped entries of test/fixtures/jira/fields.json (untranslatedName included)', () => {
    expect(validateResponse('getFields', 200, wellFormed).errors).toEqual([]);
  });

  it('rejects the fixture\'s malformed entry, other unknown properties and wrong types', () => {
    expect(validateResponse('getFields', 200, fields).errors).toEqual(['/10: must be object']);
    const broken = clone(wellFormed) as Record<string, unknown>[];
    Object.assign(broken[0] ?? {}, { custom: 'false', translatedName: 'Summary' });
    Object.assign(broken[1] ?? {}, { clauseNames: ['priority', 'priority'] });
    expect(validateResponse('getFields', 200, broken).errors).toEqual([
      '/0/translatedName: is not a property the spec defines here (additionalProperties: false)',
      '/0/custom: must be boolean',
      '/1/clauseNames: must NOT have duplicate items (items ## 1 and 0 are identical)',
    ]);
  });
});

describe('validateResponse: Agile sprints and boards', () => {
  it('validates the sprint page of jira-rest.md §2 as an Agile page of SprintBean', () => {
    expect(validateResponse('getAllSprints', 200, SPRINT_PAGE).errors).toEqual([]);
    expect(validateResponse('getSprint', 200, SPRINT_PAGE.values[0]).errors).toEqual([]);
  });

  it('requires the paging fields and rejects what SprintBean does not define', () => {
    const { isLast: _isLast, ...noIsLast } = SPRINT_PAGE;
    expect(validateResponse('getAllSprints', 200, noIsLast).errors).toEqual(["/: must have required property 'isLast'"]);
    const broken = clone(SPRINT_PAGE) as { values: Record<string, unknown>[] };
    Object.assign(broken.values[0] ?? {}, { id: '37', boardId: 5 });
    expect(validateResponse('getAllSprints', 200, broken).errors).toEqual([
      '/values/0/boardId: is not a property the spec defines here (additionalProperties: false)',
      '/values/0/id: must be integer',
    ]);
    expect(validateResponse('getSprint', 200, [SPRINT_PAGE.values[0]]).errors).toEqual(['/: must be object']);
  });

  it('validates board lists and configuration against their inline schemas', () => {
    const page = { isLast: true, maxResults: 50, startAt: 0, total: 1, values: [{ id: 7, name: 'PLAT board', type: 'scrum', self: 'http://127.0.0.1:8080/rest/agile/1.0/board/7', location: { projectId: 10000, projectKey: 'PLAT', projectName: 'Platform', projectTypeKey: 'software', displayName: 'Platform (PLAT)' } }] };
    expect(validateResponse('getAllBoards', 200, page).errors).toEqual([]);
    expect(validateResponse('getAllBoards', 200, { ...page, values: [{ id: '7' }] }).errors).toEqual(['/values/0/id: must be integer']);
    const config = { id: 7, name: 'PLAT board', type: 'scrum', estimation: { type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' } }, ranking: { rankCustomFieldId: 10019 } };
    expect(validateResponse('getConfiguration', 200, config).errors).toEqual([]);
    expect(validateResponse('getConfiguration', 200, { ...config, estimation: { field: 'customfield_10016' } }).errors).toEqual(['/estimation/field: must be object']);
  });

  it('accepts the board location in both the declared shape and the returned one, nothing else', () => {
    const config = (location: unknown) => validateResponse('getConfiguration', 200, { id: 7, location });
    expect(config({ projectKeyOrId: 'PLAT', type: 'project' }).valid).toBe(true);
    expect(config({ id: '10010', key: 'PLAT', name: 'Platform', self: 'http://127.0.0.1:8080/rest/api/3/project/10010', type: 'project' }).valid).toBe(true);
    const wrong = config({ key: 'PLAT', type: 'team' });
    expect(wrong.valid).toBe(false);
    expect(wrong.errors).toContain('/location/type: must be one of "project", "user"');
  });
});

describe('validateResponse: worklogs, permissions, users, comments, properties', () => {
  it('accepts the worklog page of jira-rest.md §5, with Jira\'s +0000 offsets', () => {
    expect(validateResponse('getIssueWorklog', 200, WORKLOG_PAGE).errors).toEqual([]);
  });

  it('rejects worklog values of the wrong type or format', () => {
    const broken = clone(WORKLOG_PAGE) as { worklogs: Record<string, unknown>[] };
    Object.assign(broken.worklogs[0] ?? {}, { timeSpentSeconds: '5400', started: '2026-11-18 09:30' });
    Object.assign(broken.worklogs[1] ?? {}, { created: '2026-13-45T16:12:40.000+0000' });
    expect(validateResponse('getIssueWorklog', 200, broken).errors).toEqual([
      '/worklogs/0/started: must match format "date-time"',
      '/worklogs/0/timeSpentSeconds: must be integer',
      '/worklogs/1/created: must match format "date-time"',
    ]);
  });

  it('accepts the mypermissions answer of jira-rest.md §7 and rejects a wrong type or enum', () => {
    expect(validateResponse('getMyPermissions', 200, MY_PERMISSIONS).errors).toEqual([]);
    const broken = clone(MY_PERMISSIONS);
    Object.assign(broken.permissions.BROWSE_PROJECTS, { havePermission: 'yes', type: 'ISSUE' });
    expect(validateResponse('getMyPermissions', 200, broken).errors).toEqual([
      '/permissions/BROWSE_PROJECTS/havePermission: must be boolean',
      '/permissions/BROWSE_PROJECTS/type: must be one of "GLOBAL", "PROJECT"',
    ]);
  });

  it('accepts a created comment (201 Comment) and an issue property (EntityProperty)', () => {
    const comment = {
      id: '10200',
      self: 'http://127.0.0.1:8080/rest/api/3/issue/10457/comment/10200',
      author: { accountId: '5b10a2844c20165700ede21g', active: true, displayName: 'Mia Krystof' },
      body: { type: 'doc', version: 1, content: [] },
      created: '2026-11-18T10:02:00.000+0000',
      updated: '2026-11-18T10:02:00.000+0000',
      jsdPublic: true,
    };
    expect(validateResponse('addComment', 201, comment).errors).toEqual([]);
    expect(validateResponse('addComment', 201, { ...comment, created: 1795511564120 }).errors).toEqual(['/created: must be string']);
    expect(validateResponse('getIssueProperty', 200, { key: 'triage-decision', value: { decision: 'sprint' } }).errors).toEqual([]);
    expect(validateResponse('getIssueProperty', 200, { key: 'triage-decision', value: {}, self: 'x' }).errors).toEqual([
      '/self: is not a property the spec defines here (additionalProperties: false)',
    ]);
  });

  it('wants an array of users from the assignable-user search', () => {
    const user = { accountId: '5b10a2844c20165700ede21g', accountType: 'atlassian', active: true, displayName: 'Mia Krystof' };
    expect(validateResponse('findAssignableUsers', 200, [user]).errors).toEqual([]);
    expect(validateResponse('findAssignableUsers', 200, user).errors).toEqual(['/: must be array']);
    expect(validateResponse('getCurrentUser', 200, { ...user, accountType: 'robot' }).errors).toEqual([
      '/accountType: must be one of "atlassian", "app", "customer", "unknown"',
    ]);
  });
});

describe('validateResponse: statuses, empty bodies and errors', () => {
  it('wants 204 empty (moves, edits, assignment)', () => {
    expect(validateResponse('moveIssuesToSprintAndRank', 204, undefined).errors).toEqual([]);
    expect(validateResponse('editIssue', 204, '').errors).toEqual([]);
    expect(validateResponse('assignIssue', 204, { ok: true }).errors).toEqual(['/: a 204 response must have an empty body']);
  });

  it('wants a body where the spec documents one, and any JSON where its schema is empty', () => {
    expect(validateResponse('getIssue', 200, undefined).errors).toEqual(['/: a 200 response from getIssue must have a JSON body']);
    expect(validateResponse('setIssueProperty', 201, {}).errors).toEqual([]);
    expect(validateResponse('setIssueProperty', 200, undefined).errors).toEqual([]);
  });

  it('rejects a status the operation does not declare, except the global 429/503', () => {
    expect(validateResponse('getFields', 404, { errorMessages: ['nope'] }).errors).toEqual(['status 404 is not declared for getFields (declared: 200, 401)']);
    expect(validateResponse('getFields', 429, undefined).errors).toEqual([]);
    expect(validateResponse('getAllSprints', 503, { errorMessages: ['Try again later.'], errors: {} }).errors).toEqual([]);
    expect(validateResponse('getAllSprints', 429, { message: 'Rate limit exceeded' }).errors).toEqual([
      '/message: is not a property the spec defines here (additionalProperties: false)',
    ]);
  });

  it('validates a declared ErrorCollection strictly (mypermissions 400)', () => {
    expect(validateResponse('getMyPermissions', 400, { errorMessages: ['Invalid permission key: EDIT'], errors: {} }).errors).toEqual([]);
    expect(validateResponse('getMyPermissions', 400, { errorMessages: 'Invalid permission key: EDIT' }).errors).toEqual(['/errorMessages: must be array']);
    expect(validateResponse('getMyPermissions', 404, { errors: { projectKey: 42 } }).errors).toEqual(['/errors/projectKey: must be string']);
  });

  it('accepts an undocumented error body only when empty or ErrorCollection-shaped (getIssue 404)', () => {
    expect(validateResponse('getIssue', 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} }).errors).toEqual([]);
    expect(validateResponse('getIssue', 404, undefined).errors).toEqual([]);
    expect(validateResponse('getIssue', 404, { error: 'not found' }).errors).toEqual([
      '/error: is not a property the spec defines here (additionalProperties: false)',
    ]);
  });
});

/** The spec's own 2xx examples, parsed (Atlassian stores most of them as JSON strings). */
function specExamples(): [OperationId, number, unknown][] {
  return (Object.keys(JIRA_OPERATIONS) as OperationId[]).flatMap((id) =>
    Object.entries(specOperation(id).responses).flatMap(([status, response]): [OperationId, number, unknown][] => {
      const example = response.content?.['application/json']?.example;
      if (!status.startsWith('2') || example === undefined) return [];
      return [[id, Number(status), typeof example === 'string' ? (JSON.parse(example) as unknown) : example]];
    }),
  );
}

describe("validateResponse: the spec's own examples", () => {
  const examples = specExamples();
  const contradictsSchema = new Set<OperationId>(['findAssignableUsers', 'getCreateIssueMetaIssueTypeId']);

  it('finds examples for most operations', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples.filter(([id]) => !contradictsSchema.has(id)))('%s %i example passes', (id, status, body) => {
    expect(validateResponse(id, status, body).errors).toEqual([]);
  });

  it('follows the schema, not the example, where they disagree (findAssignableUsers shows one user; the schema and Jira return an array)', () => {
    const example = examples.find(([id]) => id === 'findAssignableUsers');
    expect(example).toBeDefined();
    expect(validateResponse('findAssignableUsers', 200, example?.[2]).errors).toEqual(['/: must be array']);
  });

  it('follows the schema where the settings picker\'s example leaves out what it requires (a field\'s `schema`); the client does not read it as required', () => {
    const example = (id: OperationId): unknown => examples.find(([found]) => found === id)?.[2];
    expect(validateResponse('getCreateIssueMetaIssueTypeId', 200, example('getCreateIssueMetaIssueTypeId')).errors).toEqual(["/fields/0: must have required property 'schema'"]);
  });
});
