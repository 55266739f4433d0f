/**
 * Support filter: which tickets are production support (as opposed to planned product work).
 * A ticket is support when its issue type is one of `issueTypes` OR it carries one of `labels`
 * (both compared case-insensitively). An empty filter matches nothing: the app never counts
 * everything as support by accident.
 */
import type { Ticket } from './ticket';

export interface SupportFilter {
  readonly issueTypes: readonly string[];
  readonly labels: readonly string[];
}

export const DEFAULT_SUPPORT_FILTER: SupportFilter = {
  issueTypes: ['Bug', 'Incident', 'Support request', '[System] Incident', '[System] Service request'],
  labels: ['support'],
};

const norm = (s: string): string => s.trim().toLowerCase();

export function isSupportTicket(ticket: Pick<Ticket, 'issueType' | 'labels'>, filter: SupportFilter): boolean {
  const type = norm(ticket.issueType);
  if (filter.issueTypes.some((t) => norm(t) === type)) return true;
  const labels = new Set(ticket.labels.map(norm));
  return filter.labels.some((l) => labels.has(norm(l)));
}

/**
 * The default filter fitted to one project (issue 12, item 7): only the issue types the project has,
 * in the project's spelling. The built-in default names types of several kinds of project (Jira
 * Service Management's "[System] Incident" exists only on service projects; a team-managed project
 * may have no "Incident"), and an admin reading the settings should see the types that can match on
 * theirs. A type the project lacks never matches a ticket, so fitting changes what is shown, not what
 * counts. Labels are kept as they are.
 */
export function fitSupportFilter(filter: SupportFilter, projectIssueTypes: readonly string[]): SupportFilter {
  const byName = new Map(projectIssueTypes.map((t) => [norm(t), t]));
  const issueTypes = filter.issueTypes.flatMap((t) => {
    const found = byName.get(norm(t));
    return found === undefined ? [] : [found];
  });
  return { issueTypes: [...new Set(issueTypes)], labels: [...filter.labels] };
}
