/**
 * Jira's permission rules as the handlers apply them: an issue or project you cannot browse does
 * not exist for you (404, or no search hits); one you can browse but not change refuses the
 * change (403 with Jira's error shape). Issue-level security is part of "can browse": an issue with
 * a security level exists only for the level's members (site/security.ts). `canBrowseIssue` is the
 * one place that rule lives; every handler that looks an issue up or lists issues goes through it.
 */
import { ISSUE_NOT_FOUND, forbidden, notFound } from '../http/errors';
import type { RequestContext } from '../http/context';
import type { SiteIssue, SiteUser } from '../site/model';
import { hasProjectPermission } from '../site/permissions';
import { isLevelMember } from '../site/security';

export function canBrowse(user: SiteUser): boolean {
  return hasProjectPermission(user, 'BROWSE_PROJECTS');
}

/** Whether the user sees this issue at all: Browse Projects, and membership of its security level if it has one. */
export function canBrowseIssue(user: SiteUser, issue: SiteIssue): boolean {
  return canBrowse(user) && (issue.securityLevelId === null || isLevelMember(user, issue.securityLevelId));
}

/** The issue by id or key if it exists and the user may see it; undefined otherwise (the two are not told apart). */
export function findVisibleIssue(ctx: RequestContext, idOrKey: string): SiteIssue | undefined {
  const issue = ctx.store.issue(idOrKey);
  return issue && canBrowseIssue(ctx.user, issue) ? issue : undefined;
}

/** The issue named in the path, or 404 when it does not exist or cannot be browsed. */
export function visibleIssue(ctx: RequestContext, idOrKey = ctx.params.issueIdOrKey ?? ''): SiteIssue {
  const issue = findVisibleIssue(ctx, idOrKey);
  if (!issue) throw notFound(ISSUE_NOT_FOUND);
  return issue;
}

/** 403 unless the user holds every listed project permission. */
export function requirePermissions(ctx: RequestContext, keys: readonly string[], message: string): void {
  if (!keys.every((key) => hasProjectPermission(ctx.user, key))) throw forbidden(message);
}
