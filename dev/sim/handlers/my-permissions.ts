/**
 * `GET /rest/api/3/mypermissions`: `permissions` (comma list) is required; the context is a project
 * (`projectKey`/`projectId`) or an issue (`issueKey`/`issueId`), which must be visible (404
 * otherwise, as the spec says); without one, a project permission counts if held in any project.
 */
import { badRequest, notFound } from '../http/errors';
import { ok, type Handler } from '../http/context';
import { hasGlobalPermission, hasProjectPermission, permissionByKey } from '../site/permissions';
import { canBrowse, visibleIssue } from './access';
import { listParam } from './params';

export const getMyPermissions: Handler = (ctx) => {
  const keys = listParam(ctx, 'permissions') ?? [];
  if (keys.length === 0) throw badRequest("The 'permissions' query parameter is required: a comma-separated list of permission keys.");
  const unknown = keys.filter((k) => !permissionByKey(k));
  if (unknown.length > 0) throw badRequest(...unknown.map((k) => `Invalid permission key: ${k}`));

  const projectRef = ctx.query.get('projectKey') ?? ctx.query.get('projectId');
  if (projectRef !== null) {
    const project = ctx.store.project(projectRef);
    if (!project || !canBrowse(ctx.user)) throw notFound(`No project could be found with key '${projectRef}'.`);
  }
  const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
  if (issueRef !== null) visibleIssue(ctx, issueRef);

  const permissions = Object.fromEntries(
    keys.map((key) => {
      const permission = permissionByKey(key);
      if (!permission) throw badRequest(`Invalid permission key: ${key}`);
      const have = permission.type === 'GLOBAL' ? hasGlobalPermission(ctx.user, key) : hasProjectPermission(ctx.user, key);
      return [key, { id: permission.id, key, name: permission.name, type: permission.type, description: permission.description, havePermission: have }];
    }),
  );
  return ok({ permissions });
};
