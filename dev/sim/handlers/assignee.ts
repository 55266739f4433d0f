/**
 * Assigning: `PUT /rest/api/3/issue/{issueIdOrKey}/assignee` (body `{accountId}`, null to unassign,
 * "-1" for the project default, which on the demo site is nobody), and the same rules for the
 * assignee in an issue edit. Needs Assign Issues; the assignee must be an Assignable User (and a
 * person: the app's account is not assignable).
 */
import { fieldErrors, badRequest } from '../http/errors';
import { noContent, type Handler, type RequestContext } from '../http/context';
import { isAssignable } from '../site/permissions';
import { requirePermissions, visibleIssue } from './access';

export const ASSIGN_DENIED = 'You do not have permission to assign issues in this project.';

/** The account id to store (null = unassigned) for a requested assignee, or a 400. */
export function resolveAssignee(ctx: RequestContext, accountId: unknown): string | null {
  if (accountId === null || accountId === '-1') return null;
  if (typeof accountId !== 'string' || accountId === '') throw fieldErrors({ assignee: 'The assignee must be given as an accountId.' });
  const user = ctx.store.user(accountId);
  if (!user) throw fieldErrors({ assignee: 'Specified user does not exist or you do not have required permissions' });
  if (!isAssignable(user)) throw fieldErrors({ assignee: `User '${user.displayName}' cannot be assigned issues.` });
  return user.accountId;
}

export const assignIssue: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  requirePermissions(ctx, ['ASSIGN_ISSUES'], ASSIGN_DENIED);
  const body = ctx.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a user object such as {"accountId": "…"}.');
  if (!('accountId' in body)) throw badRequest('accountId must be provided (null unassigns the issue).');
  const assigneeId = resolveAssignee(ctx, (body as { accountId: unknown }).accountId);
  if (issue.assigneeId !== assigneeId) ctx.store.write(issue, (i) => (i.assigneeId = assigneeId));
  return noContent();
};
