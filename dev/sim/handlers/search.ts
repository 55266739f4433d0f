/**
 * `/rest/api/3/search/jql`, `POST` (the request in the body) and `GET` (the same request in the query
 * string; see search-request.ts): one enhanced search with token paging. Only issues the user may browse
 * (issue-level security included) are searched; results are cut into pages of `maxResults` (default
 * 50; at most 5000 when only ids and keys are asked for, 100 otherwise), each page with `isLast` and,
 * before the last, an opaque `nextPageToken`. No `total`, as in Jira. Both forms give the same pages
 * and the same tokens, so a token from one pages on in the other.
 */
import { JqlError } from '../jql/errors';
import { runJql } from '../jql/search-query';
import { badRequest } from '../http/errors';
import { ok, type Handler, type Reply, type RequestContext } from '../http/context';
import { selectFields, splitList } from '../render/field-selection';
import { fieldNames, fieldSchemas, renderIssue } from '../render/issue';
import { canBrowseIssue } from './access';
import { issuePageToken, readPageToken } from './page-token';
import { readSearchQuery, readSearchRequest, type SearchRequest } from './search-request';

/** `POST`: `searchAndReconsileIssuesUsingJqlPost`. */
export const searchIssues: Handler = (ctx) => search(ctx, readSearchRequest(ctx.body));

/** `GET`: `searchAndReconsileIssuesUsingJql` (a body, if any, is ignored). */
export const searchIssuesByQuery: Handler = (ctx) => search(ctx, readSearchQuery(ctx.query));

function search(ctx: RequestContext, request: SearchRequest): Reply {
  const { store, user, render } = ctx;
  const reconciled = new Set(request.reconcileIssues);
  // Per issue: Browse Projects and, for an issue with a security level, membership of the level.
  const candidates = store.issues.filter((issue) => canBrowseIssue(user, issue)).map((issue) => store.searchView(issue, ctx.faults.searchLagMs, reconciled));
  let matches;
  try {
    matches = runJql(request.jql, candidates, { store, user, nowMs: render.nowMs });
  } catch (error) {
    if (error instanceof JqlError) throw badRequest(...error.messages);
    throw error;
  }

  const selection = selectFields(request.fields, ['id']);
  const expand = new Set(splitList(request.expand === undefined ? [] : [request.expand]));
  const cap = selection.idsOnly && request.properties.length === 0 ? 5000 : 100;
  const pageSize = Math.min(Math.max(1, request.maxResults ?? 50), cap);
  const offset = readPageToken(request.jql, request.nextPageToken);
  const page = matches.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= matches.length;

  return ok({
    issues: page.map((issue) => renderIssue(issue, render, { selection, properties: request.properties, expand, inSearch: true })),
    ...(expand.has('names') ? { names: fieldNames(selection.fieldIds) } : {}),
    ...(expand.has('schema') ? { schema: fieldSchemas(selection.fieldIds) } : {}),
    ...(isLast ? {} : { nextPageToken: issuePageToken(request.jql, offset + page.length) }),
    isLast,
  });
}

/**
 * `POST /rest/api/3/search/approximate-count` (`countIssues`): how many issues the caller may see match
 * the JQL, `{ count }`. Jira says the count may trail recent writes; here it sees what a search sees
 * (the `searchLagMs` fault included). Jira requires a bounded JQL; so does this.
 */
export const countIssues: Handler = (ctx) => {
  const { store, user, render } = ctx;
  const body = (ctx.body ?? {}) as { jql?: unknown };
  if (typeof body.jql !== 'string' || body.jql.trim() === '') throw badRequest('The JQL query is required and must be bounded (name a project, a sprint or issues).');
  const candidates = store.issues.filter((issue) => canBrowseIssue(user, issue)).map((issue) => store.searchView(issue, ctx.faults.searchLagMs, new Set()));
  try {
    return ok({ count: runJql(body.jql, candidates, { store, user, nowMs: render.nowMs }).length });
  } catch (error) {
    if (error instanceof JqlError) throw badRequest(...error.messages);
    throw error;
  }
};
