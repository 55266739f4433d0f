/**
 * Whether the interrupt policy has anything to say about a ticket. Only support tickets are
 * triaged (the support filter decides which those are), and only while they are open: a Story gets
 * no verdict and no "Apply", and a Done ticket is not offered a move into the sprint. The sentence
 * says why, naming what the filter takes, so the reader knows what would change the answer.
 */
import { isSupportTicket, type SupportFilter } from './support-filter';
import type { Ticket } from './ticket';

export type TriageScope = { readonly applies: true } | { readonly applies: false; readonly why: 'not-support' | 'done'; readonly reason: string };

const list = (items: readonly string[], last: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1] as string}`;

/** What the filter takes, in words: `Bug, Incident or Support request, or the label support`. */
export function filterInWords(filter: SupportFilter): string {
  const types = filter.issueTypes.length > 0 ? list(filter.issueTypes, 'or') : '';
  const labels = filter.labels.length > 0 ? `the label${filter.labels.length === 1 ? '' : 's'} ${list(filter.labels, 'or')}` : '';
  return types && labels ? `${types}, or ${labels}` : types || labels || 'nothing (it is empty)';
}

export function triageScope(ticket: Pick<Ticket, 'key' | 'issueType' | 'labels' | 'statusCategory' | 'statusName'>, filter: SupportFilter): TriageScope {
  if (!isSupportTicket(ticket, filter)) {
    return {
      applies: false,
      why: 'not-support',
      reason: `The interrupt policy applies to support tickets only, and ${ticket.key} is a ${ticket.issueType} without a support label: the support filter takes ${filterInWords(filter)}.`,
    };
  }
  if (ticket.statusCategory === 'done') {
    return {
      applies: false,
      why: 'done',
      reason: `${ticket.key} is ${ticket.statusName && ticket.statusName.trim().toLowerCase() !== 'done' ? `${ticket.statusName} (done)` : 'done'}: there is nothing left to triage, so nothing here moves it into or out of a sprint.`,
    };
  }
  return { applies: true };
}
