/** Worklogs (`Worklog`) and the worklog page embedded in issues (at most 20, as Jira embeds). */
import { jiraTime, trackingDuration } from '../jira-format';
import type { SiteIssue, SiteWorklog } from '../site/model';
import type { RenderContext } from './context';
import { userDetails } from './user';

/** Jira embeds at most this many worklogs (and comments) in an issue. */
export const EMBEDDED_LIMIT = 20;

export function adfText(text: string): Record<string, unknown> {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export function worklogBean(ctx: RenderContext, issue: SiteIssue, worklog: SiteWorklog): Record<string, unknown> {
  const author = ctx.store.user(worklog.authorId);
  const who = author
    ? userDetails(ctx.base, author)
    : worklog.authorId === ''
      ? { displayName: 'Anonymous', active: false } // UserDetails has no required property
      : { accountId: worklog.authorId, active: false };
  return {
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/worklog/${worklog.id}`,
    author: who,
    updateAuthor: who,
    ...(worklog.comment ? { comment: adfText(worklog.comment) } : {}),
    created: jiraTime(worklog.createdMs),
    updated: jiraTime(worklog.updatedMs ?? worklog.createdMs),
    started: jiraTime(worklog.startedMs),
    timeSpent: trackingDuration(worklog.seconds),
    timeSpentSeconds: worklog.seconds,
    id: worklog.id,
    issueId: issue.id,
  };
}

export function embeddedWorklogs(ctx: RenderContext, issue: SiteIssue): Record<string, unknown> {
  return {
    startAt: 0,
    maxResults: EMBEDDED_LIMIT,
    total: issue.worklogs.length,
    worklogs: issue.worklogs.slice(0, EMBEDDED_LIMIT).map((w) => worklogBean(ctx, issue, w)),
  };
}
