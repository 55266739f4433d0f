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
