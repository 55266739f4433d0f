/**
 * JQL for a project's support tickets, built from the support filter (issue types OR labels).
 *
 * Values are always quoted and escaped, so a label or type name an admin typed can never change the
 * query's meaning. Jira refuses a whole query when it names an issue type the site does not have
 * ("The value 'X' does not exist for the field 'issuetype'."), and the default filter names types
 * that only some sites have; `unknownIssueTypes` reads those names out of the refusal so the caller
 * can drop them and ask again, instead of failing or silently scanning everything.
 */
import type { SupportFilter } from '../domain/support-filter';
import { JiraError } from './errors';

/** A JQL string literal. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The project's support tickets per the filter, without ORDER BY; null when the filter names nothing. */
export function supportTicketsJql(projectKey: string, filter: SupportFilter): string | null {
  const clauses = [
    ...(filter.issueTypes.length > 0 ? [`issuetype in (${filter.issueTypes.map(jqlString).join(', ')})`] : []),
    ...(filter.labels.length > 0 ? [`labels in (${filter.labels.map(jqlString).join(', ')})`] : []),
  ];
  if (clauses.length === 0) return null;
  return `project = ${jqlString(projectKey)} AND (${clauses.join(' OR ')})`;
}

const UNKNOWN_TYPE = /The value '((?:[^']|'(?! does not exist))*)' does not exist for the field '(?:issuetype|type)'/g;

/** The issue type names a JQL refusal says do not exist; empty when the error is about something else. */
export function unknownIssueTypes(error: unknown): string[] {
  if (!(error instanceof JiraError) || error.kind !== 'BadRequest') return [];
  return [...error.message.matchAll(UNKNOWN_TYPE)].map((m) => m[1] as string);
}
