/**
 * What one answer costs in Jira Cloud's points, per operation: a request costs 1 point, plus, for a
 * read, the objects it returns — 1 point each for core and uncategorised objects (issues, projects,
 * fields, sprints, worklogs…), 2 each for identity & access objects (users, permissions) — and a
 * write costs the 1 point only, whatever it touches or answers.
 *
 * Sources (read 2026-12):
 * - https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ ("How points work": base cost 1,
 *   objects by class, writes only the base cost; "How are object costs determined?": unlisted objects 1).
 * - https://www.atlassian.com/blog/platform/evolving-api-rate-limits (the points model and the tiers).
 *
 * The docs name classes, not operations, so what counts as "the objects returned" for each of ours is
 * an assumption, written down here and in dev/sim/README.md ("Points"): the top-level entities the
 * answer lists (a search page's issues, a paged list's values, the worklogs of a worklog page); what an
 * entity carries inside it (an issue's fields and embedded worklogs, a status list inside an issue type)
 * is part of that entity. POST reads (the JQL search, the bulk permission check) are charged as reads:
 * they return data and do not change any. Every operation the simulator serves has a rule: the table is
 * a `Record` over `SimOperationId`, so adding an operation without one does not compile.
 */
import type { SimOperationId } from '../http/operations';

/** Jira's object classes and their points per object. */
export const OBJECT_POINTS = { core: 1, identity: 2 } as const;
export type ObjectClass = keyof typeof OBJECT_POINTS;

export type PointsRule =
  | { readonly kind: 'write' }
  | {
      readonly kind: 'read';
      /** What the answer's objects are, for people reading the table. */
      readonly objects: string;
      readonly class: ObjectClass;
      /** How many objects a successful answer's body holds. */
      readonly count: (body: unknown) => number;
    };

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const member = (body: unknown, key: string): unknown => (body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined);

const WRITE: PointsRule = { kind: 'write' };
const list = (objects: string, cls: ObjectClass = 'core'): PointsRule => ({ kind: 'read', objects, class: cls, count: lengthOf });
const listIn = (key: string, objects: string, cls: ObjectClass = 'core'): PointsRule => ({ kind: 'read', objects, class: cls, count: (body) => lengthOf(member(body, key)) });
const single = (objects: string, cls: ObjectClass = 'core'): PointsRule => ({ kind: 'read', objects, class: cls, count: (body) => (body === undefined ? 0 : 1) });

/** Permission grants of a bulk check: each global permission held, each project and issue a project permission is held on. */
function bulkGrants(body: unknown): number {
  const project = member(body, 'projectPermissions');
  const perEntry = Array.isArray(project) ? project.map((entry: unknown) => lengthOf(member(entry, 'projects')) + lengthOf(member(entry, 'issues'))) : [];
  return lengthOf(member(body, 'globalPermissions')) + perEntry.reduce((a, b) => a + b, 0);
}

/** The permissions a `mypermissions` answer reports on (held or not: each is looked up). */
function permissionEntries(body: unknown): number {
  const permissions = member(body, 'permissions');
  return permissions !== null && typeof permissions === 'object' ? Object.keys(permissions).length : 0;
}

export const POINTS_RULES: Record<SimOperationId, PointsRule> = {
  getFields: list('fields'),
  searchAndReconsileIssuesUsingJqlPost: listIn('issues', 'issues of the page'),
  searchAndReconsileIssuesUsingJql: listIn('issues', 'issues of the page'),
  // A count returns a number, no object: 1 point for the call (our assumption; the rate-limiting page counts objects returned).
  countIssues: { kind: 'read', objects: 'none (a number)', class: 'core', count: () => 0 },
  getIssue: single('the issue'),
  editIssue: WRITE,
  assignIssue: WRITE,
  getIssueWorklog: listIn('worklogs', 'worklogs of the page'),
  getIssueProperty: single('the property'),
  setIssueProperty: WRITE,
  getComments: listIn('comments', 'comments of the page'),
  addComment: WRITE,
  getMyPermissions: { kind: 'read', objects: 'permissions reported', class: 'identity', count: permissionEntries },
  getBulkPermissions: { kind: 'read', objects: 'permission grants (global permissions, projects and issues held on)', class: 'identity', count: bulkGrants },
  getCurrentUser: single('the user', 'identity'),
  findAssignableUsers: list('users', 'identity'),
  bulkGetUsers: listIn('values', 'users of the page', 'identity'),
  getAllBoards: listIn('values', 'boards of the page'),
  getBoard: single('the board'),
  getConfiguration: single('the board configuration'),
  getAllStatuses: list('issue types (each with its statuses)'),
  getAllSprints: listIn('values', 'sprints of the page'),
  getSprint: single('the sprint'),
  moveIssuesToSprintAndRank: WRITE,
  moveIssuesToBacklog: WRITE,
  getCreateIssueMetaIssueTypeId: listIn('fields', 'fields of the page'),
  getProject: single('the project'),
  createIssue: WRITE,
  linkIssues: WRITE,
};

export interface Cost {
  readonly points: number;
  /** Objects counted (0 for writes and errors). */
  readonly objects: number;
}

/**
 * The cost of one answered request. Errors (and answers to requests that matched no operation)
 * cost the base point only: Jira did the work of refusing, but returned no objects.
 */
export function costOf(operationId: SimOperationId | undefined, status: number, body: unknown): Cost {
  const rule = operationId ? POINTS_RULES[operationId] : undefined;
  if (!rule || rule.kind === 'write' || status < 200 || status >= 300) return { points: 1, objects: 0 };
  const objects = rule.count(body);
  return { points: 1 + objects * OBJECT_POINTS[rule.class], objects };
}
