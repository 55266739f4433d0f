/**
 * `GET /rest/api/3/project/{projectIdOrKey}/statuses` (`getAllStatuses`): per issue type of the
 * project, the statuses of its workflow, as `IssueTypeWithStatus` beans. The demo site gives every
 * issue type the project's one workflow (all its statuses). A project the user cannot browse, or
 * that does not exist, is Jira's 404.
 */
import { notFound } from '../http/errors';
import { ok, type Handler } from '../http/context';
import { statusJson } from '../render/field-values';
import { canBrowse } from './access';

export const getAllStatuses: Handler = (ctx) => {
  const ref = ctx.params.projectIdOrKey ?? '';
  const project = ctx.store.project(ref);
  if (!project || !canBrowse(ctx.user)) throw notFound(`No project could be found with key '${ref}'.`);
  const base = ctx.render.base;
  return ok(
    project.issueTypes.map((type) => ({
      self: `${base}/rest/api/3/issuetype/${type.id}`,
      id: type.id,
      name: type.name,
      subtask: false,
      statuses: project.statuses.map((status) => statusJson(base, project, status)),
    })),
  );
};
