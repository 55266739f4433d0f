/**
 * WIP limit of support work: how many support tickets may be in progress at once (default 1).
 *
 * One support item at a time is the practice: a support contact juggling three incidents finishes
 * none of them. The panel asks `wouldExceed` before pulling another one in; the dashboard shows
 * `breached` when the team is already over.
 *
 * A limit below 1 is invalid, not "no limit": a limit of 0 would forbid all support work, which is
 * never what an admin means. `wipLimit(n)` is the one place that checks it, and `wipStatus` calls
 * it, so an invalid limit fails loudly (RangeError) instead of silently showing a breach.
 *
 * Which statuses count as "in progress" is the project's setting (issue 12, item 3): a ticket
 * "Waiting for customer" sits in Jira's In Progress category, yet nobody on the team is working on
 * it, and counting it made the WIP warning constant noise (6/1, 7/1). With no setting the default
 * is the In Progress category minus the statuses whose name says the work waits (waiting, pending,
 * on hold); with a setting, exactly the chosen status ids count, whatever their category.
 *
 * Invariants (property-tested): `count` equals `inProgress.length` and never exceeds the number
 * of distinct tickets given; `breached` implies `atLimit`; a chosen status list counts exactly the
 * tickets in those statuses.
 */
import { isSupportTicket } from './support-filter';
import type { StatusCategory, Ticket } from './ticket';
import type { Classification } from './triage-facts';

export const DEFAULT_WIP_LIMIT = 1;

/** A status name that says the work waits on someone else: "Waiting for customer", "Pending", "On hold". */
const WAITING_NAME = /\b(waiting|awaiting|pending|on[\s-]?hold)\b/i;

/** A status as the default rule and the settings picker see it. */
export interface StatusRef {
  readonly id: string;
  readonly name: string;
  readonly category: StatusCategory;
}

/** The default rule: Jira's In Progress category, unless the name says the work waits. */
export function inProgressByDefault(status: Pick<StatusRef, 'name' | 'category'>): boolean {
  return status.category === 'indeterminate' && !WAITING_NAME.test(status.name);
}

/** The statuses the default rule counts, in the order given (what the settings picker preselects). */
export function defaultInProgressStatusIds(statuses: readonly StatusRef[]): string[] {
  return [...new Set(statuses.filter(inProgressByDefault).map((s) => s.id))];
}

/**
 * Whether the ticket's status counts as work in progress. `statusIds` is the project's setting:
 * null means the default rule; otherwise exactly these status ids count (a ticket whose status id
 * is unknown then does not count: the app cannot tell which status it is in).
 */
export function countsAsInProgress(ticket: Pick<Ticket, 'statusCategory' | 'statusName' | 'statusId'>, statusIds: readonly string[] | null): boolean {
  if (statusIds === null) return inProgressByDefault({ name: ticket.statusName ?? '', category: ticket.statusCategory });
  return ticket.statusId !== undefined && statusIds.includes(ticket.statusId);
}

export interface WipStatus {
  /** Keys of the support tickets in progress, in input order, each once. */
  readonly inProgress: readonly string[];
  readonly count: number;
  readonly limit: number;
  /** More support tickets in progress than the limit allows. */
  readonly breached: boolean;
  /** No room for another one. */
  readonly atLimit: boolean;
}

/**
 * Validate a WIP limit.
 * @throws RangeError unless n is an integer ≥ 1.
 */
export function wipLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`The WIP limit must be a whole number of at least 1, got ${n}`);
  }
  return n;
}

/**
 * The support work in progress among these tickets. "In progress" is `countsAsInProgress` with the
 * project's status setting (null: the default rule); a ticket listed twice (same key) counts once.
 */
export function wipStatus(
  tickets: readonly Ticket[],
  classification: Pick<Classification, 'supportFilter'>,
  limit: number = DEFAULT_WIP_LIMIT,
  statusIds: readonly string[] | null = null,
): WipStatus {
  const max = wipLimit(limit);
  const keys = tickets
    .filter((t) => countsAsInProgress(t, statusIds) && isSupportTicket(t, classification.supportFilter))
    .map((t) => t.key);
  const inProgress = [...new Set(keys)];
  const count = inProgress.length;
  return { inProgress, count, limit: max, breached: count > max, atLimit: count >= max };
}

/**
 * Would pulling this ticket into progress take support WIP over the limit?
 * - a non-support ticket never exceeds: the limit is about support work only;
 * - a ticket already counted in `status` does not count twice (moving it does not add work);
 * - otherwise it exceeds when count + 1 > limit.
 *
 * Takes the classification because "support" is the project's setting, not a property of the
 * ticket; pass the same classification the status was computed with.
 */
export function wouldExceed(
  status: WipStatus,
  candidate: Pick<Ticket, 'key' | 'issueType' | 'labels'>,
  classification: Pick<Classification, 'supportFilter'>,
): boolean {
  if (!isSupportTicket(candidate, classification.supportFilter)) return false;
  if (status.inProgress.includes(candidate.key)) return false;
  return status.count + 1 > status.limit;
}
