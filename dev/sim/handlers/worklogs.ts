/**
 * `GET /rest/api/3/issue/{issueIdOrKey}/worklog` (`PageOfWorklogs`): offset paging (`startAt`,
 * `maxResults` default 5000) and the sprint-window filters `startedAfter` (inclusive) and
 * `startedBefore` (exclusive), both epoch milliseconds. Jira answers non-numeric paging values with 404.
 */
import { ok, type Handler } from '../http/context';
import { worklogBean } from '../render/worklog';
import { visibleIssue } from './access';
import { intParam } from './params';

export const getIssueWorklog: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0, 404));
  const maxResults = Math.max(0, intParam(ctx, 'maxResults', 5000, 404));
  const after = intParam(ctx, 'startedAfter', Number.NEGATIVE_INFINITY);
  const before = intParam(ctx, 'startedBefore', Number.POSITIVE_INFINITY);
  const matching = issue.worklogs.filter((w) => w.startedMs >= after && w.startedMs < before);
  return ok({
    startAt,
    maxResults,
    total: matching.length,
    worklogs: matching.slice(startAt, startAt + maxResults).map((w) => worklogBean(ctx.render, issue, w)),
  });
};
