/** Query-string reading as Jira does it: lists as repeated or comma-separated values, integers checked. */
import { badRequest, JiraHttpError, errorCollection } from '../http/errors';
import type { RequestContext } from '../http/context';

export function listParam(ctx: RequestContext, name: string): string[] | undefined {
  const values = ctx.query.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * An integer parameter. Jira answers a non-number with 400 on most endpoints, and with 404 on a
 * few (the worklog list), so the status is the caller's choice.
 */
export function intParam(ctx: RequestContext, name: string, fallback: number, invalidStatus: 400 | 404 = 400): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    if (invalidStatus === 404) throw new JiraHttpError(404, errorCollection([`The value '${raw}' for '${name}' is not a number.`]));
    throw badRequest(`The '${name}' parameter must be a number, not '${raw}'.`);
  }
  return Number(raw);
}

/** Offset paging over a list: Jira's `{startAt, maxResults, total, isLast, values}` pages. */
export function offsetPage<T>(items: readonly T[], startAt: number, maxResults: number): { startAt: number; maxResults: number; total: number; isLast: boolean; values: T[] } {
  const from = Math.max(0, startAt);
  const size = Math.max(0, maxResults);
  const values = items.slice(from, from + size);
  return { maxResults: size, startAt: from, total: items.length, isLast: from + values.length >= items.length, values };
}
