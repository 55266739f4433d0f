/**
 * People: `GET /rest/api/3/myself` (the logged-in `User`) and `GET /rest/api/3/user/assignable/search`
 * (people with Assignable User in the project or issue's project, matched by `query` on the start of
 * any word of the display name or email; offset `startAt`/`maxResults`, default 50). App accounts are
 * never in the results, as in Jira. `GET /rest/api/3/user/bulk` (`PageBeanUser`): the users the
 * repeated `accountId` parameter names, in the order asked, paged by `startAt`/`maxResults`
 * (default 10, as the spec says); an id the site does not know (a deleted account) is left out.
 */
import { badRequest, notFound } from '../http/errors';
import { ok, type Handler } from '../http/context';
import { splitList } from '../render/field-selection';
import { userBean } from '../render/user';
import { isAssignable } from '../site/permissions';
import { canBrowse, visibleIssue } from './access';
import { intParam, listParam, offsetPage } from './params';

export const getCurrentUser: Handler = (ctx) => ok(userBean(ctx.render.base, ctx.user, new Set(splitList(ctx.query.getAll('expand')))));

export const findAssignableUsers: Handler = (ctx) => {
  const project = ctx.query.get('project');
  const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
  if (project === null && issueRef === null) throw badRequest("One of 'issueKey', 'issueId' or 'project' is required.");
  if (project !== null && (!ctx.store.project(project) || !canBrowse(ctx.user))) throw notFound(`No project could be found with key '${project}'.`);
  if (issueRef !== null) visibleIssue(ctx, issueRef);
  const accountId = ctx.query.get('accountId');
  const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.max(0, intParam(ctx, 'maxResults', 50));
  const matches = ctx.store.users.filter((user) => {
    if (!isAssignable(user)) return false;
    if (accountId !== null) return user.accountId === accountId;
    if (query === '') return true;
    const words = [...user.displayName.toLowerCase().split(/\s+/), user.email.toLowerCase(), user.displayName.toLowerCase()];
    return words.some((w) => w.startsWith(query));
  });
  return ok(matches.slice(startAt, startAt + maxResults).map((u) => userBean(ctx.render.base, u)));
};

/** The most users one bulk page holds here; the app asks for 100 (src/jira/client/people-client.ts). */
export const BULK_USERS_MAX_RESULTS = 100;

export const bulkGetUsers: Handler = (ctx) => {
  const ids = ctx.query.getAll('accountId').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0 && listParam(ctx, 'username') === undefined && listParam(ctx, 'key') === undefined) throw badRequest('accountId is missing.');
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.min(BULK_USERS_MAX_RESULTS, Math.max(0, intParam(ctx, 'maxResults', 10)));
  const known = [...new Set(ids)].flatMap((id) => {
    const user = ctx.store.users.find((u) => u.accountId === id);
    return user ? [user] : [];
  });
  return ok(offsetPage(known.map((u) => userBean(ctx.render.base, u)), startAt, maxResults));
};
