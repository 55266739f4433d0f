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
 * Invariants (property-tested): `count` equals `inProgress.length` and never exceeds the number
 * of distinct tickets given; `breached` implies `atLimit`.
 */
import { isSupportTicket } from './support-filter';
import type { Ticket } from './ticket';
import type { Classification } from './triage-facts';

export const DEFAULT_WIP_LIMIT = 1;

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
 * The support work in progress among these tickets. "In progress" is Jira's `indeterminate`
 * status category; a ticket listed twice (same key) counts once.
 */
export function wipStatus(
  tickets: readonly Ticket[],
  classification: Pick<Classification, 'supportFilter'>,
  limit: number = DEFAULT_WIP_LIMIT,
): WipStatus {
  const max = wipLimit(limit);
  const keys = tickets
    .filter((t) => t.statusCategory === 'indeterminate' && isSupportTicket(t, classification.supportFilter))
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
