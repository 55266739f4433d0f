/**
 * One entry point for a search: parse with Atlassian's grammar, refuse unbounded queries as
 * `/search/jql` does, compile, then filter the issues the user may browse and sort them.
 */
import type { SiteIssue } from '../site/model';
import { JqlError } from './errors';
import { compileQuery } from './compile';
import { parseJql } from './parse';
import type { SearchScope } from './term';

export const UNBOUNDED_MESSAGE = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

/**
 * The matching issues among `candidates`, in result order. A query is bounded when it has any
 * search restriction (a WHERE clause): Atlassian's example of unbounded JQL is `order by key desc`,
 * of bounded JQL `assignee = currentUser() order by key`.
 */
export function runJql(jql: string, candidates: readonly SiteIssue[], scope: SearchScope): SiteIssue[] {
  const query = parseJql(jql);
  if (!query.where) throw new JqlError([UNBOUNDED_MESSAGE]);
  const compiled = compileQuery(query, scope);
  return candidates.filter((issue) => compiled.matches(issue)).sort(compiled.compare);
}
