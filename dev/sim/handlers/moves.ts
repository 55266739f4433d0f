/**
 * Moving issues between sprints and the backlog: `POST /rest/agile/1.0/sprint/{sprintId}/issue`
 * (into an active or future sprint only, optionally ranked before/after an issue) and
 * `POST /rest/agile/1.0/backlog/issue` (out of every active and future sprint). At most 50 issues
 * a request; needs Edit Issues and Schedule Issues; 204. Closed sprints stay in the Sprint field.
 * An issue the caller may not see (no Browse, or not in its security level) is a 400 like a missing one.
 */
import { badRequest } from '../http/errors';
import { noContent, type Handler, type RequestContext } from '../http/context';
import type { SiteIssue } from '../site/model';
import { findVisibleIssue, requirePermissions } from './access';
import { visibleSprint } from './sprints';

const MOVE_DENIED = 'You do not have permission to schedule issues in this project.';

function readIssues(ctx: RequestContext, allowed: readonly string[], unique: boolean): { issues: SiteIssue[]; body: Record<string, unknown> } {
  const body = ctx.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object with an "issues" list.');
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).find((k) => !allowed.includes(k));
  if (extra) throw badRequest(`Unrecognized field "${extra}".`);
  const list = record.issues;
  if (!Array.isArray(list) || list.length === 0 || !list.every((i) => typeof i === 'string')) throw badRequest('"issues" must be a non-empty list of issue keys or ids.');
  if (list.length > 50) throw badRequest(`At most 50 issues can be moved in one request; ${list.length} were given.`);
  if (unique && new Set(list).size !== list.length) throw badRequest('The issues list must not contain the same issue twice.');
  requirePermissions(ctx, ['EDIT_ISSUES', 'SCHEDULE_ISSUES'], MOVE_DENIED);
  const issues = (list as string[]).map((ref) => {
    const issue = findVisibleIssue(ctx, ref);
    if (!issue) throw badRequest(`Issue '${ref}' does not exist or you do not have permission to see it.`);
    return issue;
  });
  return { issues, body: record };
}

/** Leave only the closed sprints (an issue is in at most one open sprint), then add `sprintId`. */
function placeIn(ctx: RequestContext, issue: SiteIssue, sprintId: number | undefined): void {
  const kept = issue.sprintIds.filter((id) => ctx.store.sprint(id)?.state === 'closed');
  const next = sprintId === undefined ? kept : [...kept.filter((id) => id !== sprintId), sprintId];
  if (JSON.stringify(next) !== JSON.stringify(issue.sprintIds)) ctx.store.write(issue, (i) => (i.sprintIds = next));
}

export const moveIssuesToSprint: Handler = (ctx) => {
  const sprint = visibleSprint(ctx);
  const { issues, body } = readIssues(ctx, ['issues', 'rankBeforeIssue', 'rankAfterIssue', 'rankCustomFieldId'], false);
  if (sprint.state === 'closed') throw badRequest(`Issues can only be moved to an active or future sprint; '${sprint.name}' is closed.`);
  const anchorRef = typeof body.rankBeforeIssue === 'string' ? body.rankBeforeIssue : typeof body.rankAfterIssue === 'string' ? body.rankAfterIssue : undefined;
  const anchor = anchorRef === undefined ? undefined : findVisibleIssue(ctx, anchorRef);
  if (anchorRef !== undefined && !anchor) throw badRequest(`Issue '${anchorRef}' to rank against does not exist.`);
  for (const issue of issues) placeIn(ctx, issue, sprint.id);
  if (anchor) {
    const before = typeof body.rankBeforeIssue === 'string';
    issues.forEach((issue, index) => {
      const step = (index + 1) / (issues.length + 1);
      ctx.store.write(issue, (i) => (i.rank = before ? anchor.rank - 1 + step : anchor.rank + step), { touch: false });
    });
  }
  return noContent();
};

export const moveIssuesToBacklog: Handler = (ctx) => {
  const { issues } = readIssues(ctx, ['issues'], true);
  for (const issue of issues) placeIn(ctx, issue, undefined);
  return noContent();
};
