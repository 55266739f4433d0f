/**
 * Jira's permission rules as the handlers apply them: an issue or project you cannot browse does
 * not exist for you (404, or no search hits); one you can browse but not change refuses the
 * change (403 with Jira's error shape).
 */
import { ISSUE_NOT_FOUND, forbidden, notFound } from '../http/errors';
import type { RequestContext } from '../http/context';
import type { SiteIssue, SiteUser } from '../site/model';
import { hasProjectPermission } from '../site/permissions';

export function canBrowse(user: SiteUser): boolean {
  return hasProjectPermission(user, 'BROWSE_PROJECTS');
}

/** The issue named in the path, or 404 when it does not exist or cannot be browsed. */
export function visibleIssue(ctx: RequestContext, idOrKey = ctx.params.issueIdOrKey ?? ''): SiteIssue {
  const issue = ctx.store.issue(idOrKey);
  if (!issue || !canBrowse(ctx.user)) throw notFound(ISSUE_NOT_FOUND);
  return issue;
}

/** 403 unless the user holds every listed project permission. */
export function requirePermissions(ctx: RequestContext, keys: readonly string[], message: string): void {
  if (!keys.every((key) => hasProjectPermission(ctx.user, key))) throw forbidden(message);
}
