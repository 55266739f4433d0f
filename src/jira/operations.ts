/**
 * Every Jira REST operation the app uses, by the operationId Atlassian's OpenAPI specs give it
 * (shared/jira-openapi/). The client builds its requests for exactly these; the simulator serves
 * exactly these; the contract tests check each against the specs (present, not removed, requests and
 * responses valid). Adding a call to Jira means adding it here first.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraOperation {
  readonly method: HttpMethod;
  /** Path template exactly as in the spec, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  readonly path: string;
  /** Which spec defines it. */
  readonly spec: 'platform' | 'software';
}

export const JIRA_OPERATIONS = {
  getFields: { method: 'GET', path: '/rest/api/3/field', spec: 'platform' },
  searchAndReconsileIssuesUsingJqlPost: { method: 'POST', path: '/rest/api/3/search/jql', spec: 'platform' },
  countIssues: { method: 'POST', path: '/rest/api/3/search/approximate-count', spec: 'platform' },
  getIssue: { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', spec: 'platform' },
  editIssue: { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}', spec: 'platform' },
  assignIssue: { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}/assignee', spec: 'platform' },
  getIssueWorklog: { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/worklog', spec: 'platform' },
  getIssueProperty: { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', spec: 'platform' },
  setIssueProperty: { method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', spec: 'platform' },
  getComments: { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/comment', spec: 'platform' },
  addComment: { method: 'POST', path: '/rest/api/3/issue/{issueIdOrKey}/comment', spec: 'platform' },
  getMyPermissions: { method: 'GET', path: '/rest/api/3/mypermissions', spec: 'platform' },
  getBulkPermissions: { method: 'POST', path: '/rest/api/3/permissions/check', spec: 'platform' },
  getCurrentUser: { method: 'GET', path: '/rest/api/3/myself', spec: 'platform' },
  findAssignableUsers: { method: 'GET', path: '/rest/api/3/user/assignable/search', spec: 'platform' },
  /** The project's statuses per issue type (names and categories for the WIP status picker, issue 12 item 3). */
  getAllStatuses: { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}/statuses', spec: 'platform' },
  bulkGetUsers: { method: 'GET', path: '/rest/api/3/user/bulk', spec: 'platform' },
  getAllBoards: { method: 'GET', path: '/rest/agile/1.0/board', spec: 'software' },
  /** One board by id (issue 15, item 3): whether the board chosen in settings still exists and is a Scrum board of the project. */
  getBoard: { method: 'GET', path: '/rest/agile/1.0/board/{boardId}', spec: 'software' },
  getConfiguration: { method: 'GET', path: '/rest/agile/1.0/board/{boardId}/configuration', spec: 'software' },
  getAllSprints: { method: 'GET', path: '/rest/agile/1.0/board/{boardId}/sprint', spec: 'software' },
  getSprint: { method: 'GET', path: '/rest/agile/1.0/sprint/{sprintId}', spec: 'software' },
  moveIssuesToSprintAndRank: { method: 'POST', path: '/rest/agile/1.0/sprint/{sprintId}/issue', spec: 'software' },
  moveIssuesToBacklog: { method: 'POST', path: '/rest/agile/1.0/backlog/issue', spec: 'software' },
  // Issue 12, item 7: what the settings page's pickers offer (the project's priorities, issue types and
  // components, the Severity field's options), read by src/jira/client/site-config-client.ts.
  getCreateIssueMetaIssueTypeId: { method: 'GET', path: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', spec: 'platform' },
  getProject: { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}', spec: 'platform' },
  // Issue 14, item 2: a corrective action created from an interrupt's follow-ups, linked to it
  // (src/app/follow-ups/create-corrective-action.ts). Both as the user.
  createIssue: { method: 'POST', path: '/rest/api/3/issue', spec: 'platform' },
  linkIssues: { method: 'POST', path: '/rest/api/3/issueLink', spec: 'platform' },
} as const satisfies Record<string, JiraOperation>;

export type OperationId = keyof typeof JIRA_OPERATIONS;

/** Find the operation a concrete request is for (path params are single segments). */
export function matchOperation(method: string, path: string): OperationId | undefined {
  const pathOnly = path.split('?')[0] ?? path;
  for (const [id, op] of Object.entries(JIRA_OPERATIONS) as [OperationId, JiraOperation][]) {
    if (op.method !== method.toUpperCase()) continue;
    const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(pathOnly)) return id;
  }
  return undefined;
}
