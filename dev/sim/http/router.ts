/**
 * Which handler answers which operation: one entry per operation in `SIM_OPERATIONS` (every operation
 * in src/jira/operations.ts, plus the simulator-only ones of operations.ts), at exactly their paths.
 */
import type { Handler } from './context';
import { SIM_OPERATIONS, matchSimOperation, type SimOperationId } from './operations';
import { assignIssue } from '../handlers/assignee';
import { getAllBoards, getBoard, getConfiguration } from '../handlers/boards';
import { getBulkPermissions } from '../handlers/bulk-permissions';
import { addComment, getComments } from '../handlers/comments';
import { getFields } from '../handlers/fields';
import { createIssue, linkIssues } from '../handlers/issue-create';
import { editIssue } from '../handlers/issue-edit';
import { getIssue } from '../handlers/issue-read';
import { moveIssuesToBacklog, moveIssuesToSprint } from '../handlers/moves';
import { getMyPermissions } from '../handlers/my-permissions';
import { getIssueProperty, setIssueProperty } from '../handlers/properties';
import { countIssues, searchIssues, searchIssuesByQuery } from '../handlers/search';
import { getProject, getCreateIssueMetaIssueTypeId } from '../handlers/site-config';
import { getAllSprints, getSprint } from '../handlers/sprints';
import { getAllStatuses } from '../handlers/statuses';
import { bulkGetUsers, findAssignableUsers, getCurrentUser } from '../handlers/users';
import { getIssueWorklog } from '../handlers/worklogs';

export const HANDLERS: Record<SimOperationId, Handler> = {
  getFields,
  searchAndReconsileIssuesUsingJqlPost: searchIssues,
  searchAndReconsileIssuesUsingJql: searchIssuesByQuery,
  countIssues,
  getIssue,
  editIssue,
  assignIssue,
  getIssueWorklog,
  getIssueProperty,
  setIssueProperty,
  getComments,
  addComment,
  getMyPermissions,
  getBulkPermissions,
  getCurrentUser,
  findAssignableUsers,
  bulkGetUsers,
  getAllBoards,
  getBoard,
  getConfiguration,
  getAllStatuses,
  getAllSprints,
  getSprint,
  moveIssuesToSprintAndRank: moveIssuesToSprint,
  moveIssuesToBacklog,
  getCreateIssueMetaIssueTypeId,
  getProject,
  createIssue,
  linkIssues,
};

export interface Route {
  readonly operationId: SimOperationId;
  readonly template: string;
  readonly params: Record<string, string>;
}

/** The operation for a method and path, with its path parameters decoded. */
export function route(method: string, path: string): Route | undefined {
  const operationId = matchSimOperation(method, path);
  if (!operationId) return undefined;
  const template = SIM_OPERATIONS[operationId].path;
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const values = path.match(new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`))?.slice(1) ?? [];
  const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(values[i] ?? '')]));
  return { operationId, template, params };
}

/** Whether some operation lives at this path under another method (→ 405 rather than 404). */
export function pathKnown(path: string): boolean {
  return ['GET', 'POST', 'PUT', 'DELETE'].some((method) => matchSimOperation(method, path) !== undefined);
}
