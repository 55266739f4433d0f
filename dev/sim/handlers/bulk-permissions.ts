/**
 * `POST /rest/api/3/permissions/check` (`getBulkPermissions`): which of the requested global
 * permissions a user holds and, per requested project permission, which of the requested projects
 * and issues it is granted in (`BulkPermissionGrants`). How a caller asks, in one request, which of
 * up to 1,000 issues someone may see.
 *
 * As the operation's description says:
 * - the body (`BulkPermissionsRequestBean`) is read strictly, like every body here: unknown keys and
 *   wrong types are 400s; null entries in the lists and empty permission keys are ignored;
 * - an unknown permission key is a 400 naming it (`errors: {KEY: 'Unrecognized permission'}`), and so
 *   is a `projectPermissions` entry without a permission;
 * - project and issue ids that do not exist are ignored; more than 1,000 existing project ids or
 *   1,000 existing issue ids (distinct, over all entries) are a 400;
 * - `accountId` of someone else needs Administer Jira (403 otherwise), except for the app's own
 *   account: apps may ask about any user from their server (Connect's rule, and what a Forge app's
 *   `asApp()` call is), an unknown `accountId` is then a 400.
 *
 * An issue is granted a permission when it exists, the user may see it (Browse Projects and, where it
 * has a security level, membership of the level: `canBrowseIssue`) and its project grants it. The same
 * permission asked for in several entries is answered once, its projects and issues merged.
 */
import { JiraHttpError, badRequest, errorCollection, fieldErrors } from '../http/errors';
import { ok, type Handler, type RequestContext } from '../http/context';
import type { SiteUser } from '../site/model';
import { hasGlobalPermission, hasProjectPermission, permissionByKey } from '../site/permissions';
import { isAppAccount } from '../site/users';
import { canBrowseIssue } from './access';

/** Jira's limit on existing project ids, and on existing issue ids, in one request. */
export const BULK_PERMISSION_LIMIT = 1000;
export const OTHERS_DENIED = 'Only Jira administrators can perform this operation.';

interface ProjectPermissionsRequest {
  readonly permissions: readonly string[];
  readonly projects: readonly number[];
  readonly issues: readonly number[];
}

interface BulkRequest {
  readonly accountId?: string;
  readonly globalPermissions: readonly string[];
  readonly projectPermissions: readonly ProjectPermissionsRequest[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function unknownKey(record: Record<string, unknown>, known: readonly string[], bean: string): void {
  const extra = Object.keys(record).find((key) => !known.includes(key));
  if (extra) throw badRequest(`Unrecognized field "${extra}" (class ${bean}), not marked as ignorable.`);
}

/** A list of `T`, nulls dropped; absent or null is empty; anything else is a 400 naming the field. */
function list<T>(value: unknown, name: string, isItem: (item: unknown) => item is T, what: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`The '${name}' value must be a list of ${what}.`);
  const items = value.filter((item) => item !== null);
  if (!items.every(isItem)) throw badRequest(`The '${name}' value must be a list of ${what}.`);
  return items;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function readEntry(entry: unknown, index: number): ProjectPermissionsRequest {
  if (!isRecord(entry)) throw badRequest(`Each 'projectPermissions' entry must be an object with 'permissions', 'projects' and 'issues'; entry ${index} is not.`);
  unknownKey(entry, ['permissions', 'projects', 'issues'], 'BulkProjectPermissions');
  const permissions = list(entry.permissions, 'permissions', isString, 'permission keys').filter((key) => key !== '');
  if (permissions.length === 0) throw badRequest('Each projectPermissions entry must name at least one project permission.');
  return {
    permissions,
    projects: list(entry.projects, 'projects', isId, 'project ids (integers)'),
    issues: list(entry.issues, 'issues', isId, 'issue ids (integers)'),
  };
}

export function readBulkRequest(body: unknown): BulkRequest {
  if (body === undefined || body === null) throw badRequest('The request body is missing.');
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
  unknownKey(body, ['accountId', 'globalPermissions', 'projectPermissions'], 'BulkPermissionsRequestBean');
  const { accountId } = body;
  if (accountId !== undefined && accountId !== null && typeof accountId !== 'string') throw badRequest("The 'accountId' value must be a string.");
  const entries = body.projectPermissions;
  if (entries !== undefined && entries !== null && !Array.isArray(entries)) throw badRequest("The 'projectPermissions' value must be a list of objects.");
  return {
    ...(typeof accountId === 'string' && accountId !== '' ? { accountId } : {}),
    globalPermissions: list(body.globalPermissions, 'globalPermissions', isString, 'permission keys').filter((key) => key !== ''),
    projectPermissions: (entries ?? []).filter((entry) => entry !== null).map(readEntry),
  };
}

/** Every unknown or wrong-type permission key, as Jira's field errors. */
function checkKeys(request: BulkRequest): void {
  const errors: Record<string, string> = {};
  for (const key of request.globalPermissions) if (permissionByKey(key)?.type !== 'GLOBAL') errors[key] = 'Unrecognized permission';
  for (const key of request.projectPermissions.flatMap((e) => e.permissions)) if (permissionByKey(key)?.type !== 'PROJECT') errors[key] = 'Unrecognized permission';
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
}

/** Whose permissions: the caller, or (admins and the app only) the account named. */
function subject(ctx: RequestContext, accountId: string | undefined): SiteUser {
  if (accountId === undefined || accountId === ctx.user.accountId) return ctx.user;
  if (!hasGlobalPermission(ctx.user, 'ADMINISTER') && !isAppAccount(ctx.user)) throw new JiraHttpError(403, errorCollection([OTHERS_DENIED]));
  const user = ctx.store.user(accountId);
  if (!user) throw badRequest(`The account ID '${accountId}' does not belong to a user.`);
  return user;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export const getBulkPermissions: Handler = (ctx) => {
  const request = readBulkRequest(ctx.body);
  checkKeys(request);
  const user = subject(ctx, request.accountId);

  const projectIds = unique(request.projectPermissions.flatMap((e) => e.projects)).filter((id) => ctx.store.projects.some((p) => p.id === String(id)));
  const issueIds = unique(request.projectPermissions.flatMap((e) => e.issues)).filter((id) => ctx.store.issue(String(id)) !== undefined);
  if (projectIds.length > BULK_PERMISSION_LIMIT) throw badRequest(`At most ${BULK_PERMISSION_LIMIT} projects can be checked at once; ${projectIds.length} were given.`);
  if (issueIds.length > BULK_PERMISSION_LIMIT) throw badRequest(`At most ${BULK_PERMISSION_LIMIT} issues can be checked at once; ${issueIds.length} were given.`);
  const existingProject = new Set(projectIds);
  const existingIssue = new Set(issueIds);

  const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
  for (const entry of request.projectPermissions) {
    for (const permission of entry.permissions) {
      const grant = grants.get(permission) ?? { projects: new Set<number>(), issues: new Set<number>() };
      grants.set(permission, grant);
      // Every demo project grants alike, so holding the permission means holding it in each of them.
      if (!hasProjectPermission(user, permission)) continue;
      for (const id of entry.projects) if (existingProject.has(id)) grant.projects.add(id);
      for (const id of entry.issues) {
        const issue = existingIssue.has(id) ? ctx.store.issue(String(id)) : undefined;
        if (issue && canBrowseIssue(user, issue)) grant.issues.add(id);
      }
    }
  }

  return ok({
    globalPermissions: unique(request.globalPermissions).filter((key) => hasGlobalPermission(user, key)),
    projectPermissions: [...grants].map(([permission, grant]) => ({ permission, projects: [...grant.projects], issues: [...grant.issues] })),
  });
};
