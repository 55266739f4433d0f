/**
 * `ORDER BY`: each field's sort key, ascending unless DESC, empty values last when ascending (first
 * when descending), then newest issue first so pages never tie. Without ORDER BY: newest first.
 */
import type { OrderBy } from '@atlaskit/jql-ast';
import type { SiteIssue } from '../site/model';
import { JqlError } from './errors';
import type { SearchScope, Value } from './term';
import { findTerm } from './terms';

function compareValues(a: Value | null, b: Value | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compileOrder(orderBy: OrderBy | undefined, scope: SearchScope): (a: SiteIssue, b: SiteIssue) => number {
  const messages: string[] = [];
  const keys = (orderBy?.fields ?? []).flatMap((field) => {
    try {
      const { term, name } = findTerm(field.field);
      const sortKey = term.sortKey;
      if (!sortKey) {
        messages.push(`Field '${name}' does not support sorting.`);
        return [];
      }
      const descending = field.direction ? field.direction.value.toLowerCase() === 'desc' : false;
      return [{ key: (issue: SiteIssue) => sortKey(issue, scope), descending }];
    } catch (error) {
      if (!(error instanceof JqlError)) throw error;
      messages.push(...error.messages);
      return [];
    }
  });
  if (messages.length > 0) throw new JqlError(messages);
  return (a, b) => {
    for (const { key, descending } of keys) {
      const order = compareValues(key(a), key(b));
      if (order !== 0) return descending ? -order : order;
    }
    return Number(b.id) - Number(a.id);
  };
}
