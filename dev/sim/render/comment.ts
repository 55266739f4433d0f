/** Comments (`Comment`) and the comment page embedded in issues (at most 20). */
import { jiraTime } from '../jira-format';
import type { SiteComment, SiteIssue } from '../site/model';
import type { RenderContext } from './context';
import { userDetails } from './user';
import { EMBEDDED_LIMIT } from './worklog';

export function commentBean(ctx: RenderContext, issue: SiteIssue, comment: SiteComment): Record<string, unknown> {
  const author = ctx.store.user(comment.authorId);
  const who = author ? userDetails(ctx.base, author) : { accountId: comment.authorId, active: false };
  return {
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: who,
    body: comment.body,
    updateAuthor: who,
    created: jiraTime(comment.createdMs),
    updated: jiraTime(comment.createdMs),
    ...(comment.visibility !== undefined ? { visibility: comment.visibility } : {}),
    jsdPublic: comment.visibility === undefined,
  };
}

export function embeddedComments(ctx: RenderContext, issue: SiteIssue): Record<string, unknown> {
  return {
    comments: issue.comments.slice(0, EMBEDDED_LIMIT).map((c) => commentBean(ctx, issue, c)),
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/comment`,
    maxResults: EMBEDDED_LIMIT,
    total: issue.comments.length,
    startAt: 0,
  };
}
