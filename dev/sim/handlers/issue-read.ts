/** `GET /rest/api/3/issue/{issueIdOrKey}`: all fields by default, `fields`, `properties`, `expand`. */
import { ok, type Handler, type RequestContext } from '../http/context';
import { selectFields, splitList } from '../render/field-selection';
import { renderIssue } from '../render/issue';
import type { SiteIssue } from '../site/model';
import { visibleIssue } from './access';
import { listParam } from './params';

export function issueAsRead(ctx: RequestContext, issue: SiteIssue): Record<string, unknown> {
  return renderIssue(issue, ctx.render, {
    selection: selectFields(listParam(ctx, 'fields'), ['*all']),
    properties: listParam(ctx, 'properties') ?? [],
    expand: new Set(splitList(ctx.query.getAll('expand'))),
    inSearch: false,
  });
}

export const getIssue: Handler = (ctx) => ok(issueAsRead(ctx, visibleIssue(ctx)));
