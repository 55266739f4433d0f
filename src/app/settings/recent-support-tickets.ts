/**
 * The project's most recent support tickets, newest first, found by JQL built from the support
 * filter and fetched no further than needed.
 *
 * Jira refuses a query naming an issue type the site lacks, and the default filter names types only
 * some sites have (Jira Service Management's "[System] Incident"…): such types are dropped and the
 * query asked again, and the admin is told which, since a filter naming a missing type is usually a
 * typo or a leftover worth fixing — unless the filter is the built-in default nobody chose
 * (`noteMissing: false`): the settings page already shows it fitted to the project (issue 12, item 7).
 */
import type { SupportFilter } from '../../domain/support-filter';
import type { Ticket } from '../../domain/ticket';
import type { FieldCatalog } from '../../jira/field-catalog';
import { supportTicketsJql, unknownIssueTypes } from '../../jira/support-jql';
import type { JiraPort } from '../../ports';

export interface RecentSupportTickets {
  readonly tickets: readonly Ticket[];
  readonly notes: readonly string[];
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function recentSupportTickets(jira: JiraPort, projectKey: string, filter: SupportFilter, catalog: FieldCatalog, max: number, options: { readonly noteMissing?: boolean } = {}): Promise<RecentSupportTickets> {
  let issueTypes = [...filter.issueTypes];
  const missing: string[] = [];
  const notes = (): string[] =>
    missing.length === 0 || options.noteMissing === false ? [] : [`Project ${projectKey} has no issue types named ${missing.join(', ')}; the support filter skips them. Remove them from the support filter if they are not needed.`];
  // Each refusal removes at least one type, so this ends.
  for (;;) {
    const jql = supportTicketsJql(projectKey, { issueTypes, labels: filter.labels });
    if (!jql) return { tickets: [], notes: [...notes(), 'The support filter names no issue types or labels that exist here, so no ticket counts as support. Add some in the settings.'] };
    try {
      const { tickets } = await jira.searchTickets({ jql: `${jql} ORDER BY created DESC`, catalog, maxIssues: max });
      return { tickets, notes: notes() };
    } catch (error) {
      const unknown = unknownIssueTypes(error).filter((u) => issueTypes.some((t) => same(t, u)));
      if (unknown.length === 0) throw error;
      missing.push(...issueTypes.filter((t) => unknown.some((u) => same(t, u))));
      issueTypes = issueTypes.filter((t) => !unknown.some((u) => same(t, u)));
    }
  }
}
