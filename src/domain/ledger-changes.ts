/**
 * Changes to a sprint's tickets as Jira's events report them, and how they fold into the tickets
 * last read from Jira — so the stored ledger follows Jira without asking it again (issue 13, item 3).
 *
 * Events arrive late, twice, out of order or not at all. The fold is built for that:
 * - a worklog change carries the worklog as it now is and when Jira last updated it: for each
 *   worklog only the newest change counts, and a change no newer than what is stored is ignored (a
 *   late event never undoes a later read);
 * - a deleted worklog stays deleted (Jira never reuses a worklog id), whatever arrives after;
 * - applying the same changes twice gives the same tickets (duplicates are harmless);
 * - what an event does not carry (an issue's fields changed, a ticket stored without worklog ids)
 *   is answered with "read it again": `toRead`, not a guess.
 * Missing events are not the fold's business: the reconciliation compares Jira's count of changed
 * issues with the changes it holds and reads what it cannot explain (sprint/ledger-reconcile.ts).
 */
import type { SprintWindow } from './calendar';
import type { Ticket, Worklog } from './ticket';

/** A worklog as a worklog event reports it. */
export interface WorklogChange {
  readonly kind: 'worklog';
  readonly issueId: string;
  readonly worklogId: string;
  /** When Jira last updated the worklog (its `updated`): orders changes of one worklog. */
  readonly atMs: number;
  readonly deleted: boolean;
  readonly startedMs: number;
  readonly seconds: number;
  readonly authorAccountId?: string;
}

/** Something of the issue the ledger reads changed (sprint, status, labels…), or it was created: read it again. */
export interface ReadChange {
  readonly kind: 'read';
  readonly issueId: string;
  readonly atMs: number;
}

/** The issue was deleted: it leaves every sprint. */
export interface DeletedChange {
  readonly kind: 'deleted';
  readonly issueId: string;
  readonly atMs: number;
}

/** The issue was updated in a way the ledger does not read (its description, a comment): it explains a changed `updated`. */
export interface TouchedChange {
  readonly kind: 'touched';
  readonly issueId: string;
  readonly atMs: number;
  /**
   * Jira's time tracking changed with it (`timespent`, `WorklogId`): work was logged, edited or
   * deleted, so a worklog event should come with it. Without one (lost), the issue is read again.
   */
  readonly worklog?: boolean;
}

/** How far apart an issue's update and its worklog's may be and still be one change. */
export const SAME_CHANGE_MS = 60_000;

export type LedgerChange = WorklogChange | ReadChange | DeletedChange | TouchedChange;

export interface Folded {
  /** The tickets with the changes applied (deleted issues left out). */
  readonly tickets: readonly Ticket[];
  /** Ids of tickets the fold changed or removed. */
  readonly changedIds: ReadonlySet<string>;
  /** Issues to read from Jira again: their change is not in the event, or their stored worklogs cannot be matched. */
  readonly toRead: ReadonlySet<string>;
}

/** The change of each worklog that counts: a deletion if there is one, else the newest. */
function latestByWorklog(changes: readonly WorklogChange[]): Map<string, WorklogChange> {
  const latest = new Map<string, WorklogChange>();
  for (const change of changes) {
    const seen = latest.get(change.worklogId);
    if (!seen || (!seen.deleted && (change.deleted || change.atMs > seen.atMs))) latest.set(change.worklogId, change);
  }
  return latest;
}

const byWorklogId = (a: Worklog, b: Worklog): number => Number(a.id) - Number(b.id) || (a.id ?? '').localeCompare(b.id ?? '');

const inWindow = (startedMs: number, window: SprintWindow): boolean => startedMs >= window.startMs && startedMs < window.endMs;

/**
 * One ticket's worklogs with its worklog changes applied; undefined when the changes cannot be
 * applied safely and the issue must be read: its stored worklogs lack ids, or an event older than
 * what the stored ticket already reflects (`coveredUntilMs`) names a worklog it does not hold — a
 * late event, which may be the creation of a worklog deleted since.
 */
function applyToTicket(ticket: Ticket, changes: Iterable<WorklogChange>, window: SprintWindow, coveredUntilMs: number): Ticket | undefined {
  const worklogs = [...(ticket.worklogs ?? [])];
  if (worklogs.some((w) => w.id === undefined)) return undefined;
  let changed = false;
  for (const change of changes) {
    const index = worklogs.findIndex((w) => w.id === change.worklogId);
    const stored = index >= 0 ? worklogs[index] : undefined;
    if (!change.deleted && stored?.updatedMs !== undefined && change.atMs <= stored.updatedMs) continue;
    if (!change.deleted && !stored && change.atMs < coveredUntilMs && inWindow(change.startedMs, window)) return undefined;
    if (stored) {
      worklogs.splice(index, 1);
      changed = true;
    }
    if (change.deleted) continue;
    // The ledger keeps the worklogs started in the sprint window: one moved out of it leaves.
    if (inWindow(change.startedMs, window)) {
      const next: Worklog = { id: change.worklogId, startedMs: change.startedMs, seconds: change.seconds, updatedMs: change.atMs, ...(change.authorAccountId ? { authorAccountId: change.authorAccountId } : {}) };
      worklogs.push(next);
      changed = true;
    }
  }
  if (!changed) return ticket;
  // Jira lists an issue's worklogs in the order they were logged (by id): so does the ledger.
  worklogs.sort(byWorklogId);
  return { ...ticket, worklogs };
}

/**
 * Fold `changes` into `tickets` (the sprint's tickets as stored, worklogs in `window`, reflecting
 * Jira up to `coveredUntilMs`: the last sync). Worklog changes of issues not among `tickets` are
 * not the sprint's (a worklog on a backlog issue) and are ignored; deletions remove; "read" changes
 * are passed on in `toRead`.
 */
export function foldChanges(tickets: readonly Ticket[], changes: readonly LedgerChange[], window: SprintWindow, coveredUntilMs = Number.NEGATIVE_INFINITY): Folded {
  const deleted = new Set(changes.filter((c) => c.kind === 'deleted').map((c) => c.issueId));
  const toRead = new Set(changes.filter((c) => c.kind === 'read' && !deleted.has(c.issueId)).map((c) => c.issueId));
  const worklogChanges = new Map<string, WorklogChange[]>();
  for (const change of changes) {
    if (change.kind !== 'worklog' || deleted.has(change.issueId)) continue;
    worklogChanges.set(change.issueId, [...(worklogChanges.get(change.issueId) ?? []), change]);
  }
  // Time tracking changed but no worklog event says how (it was lost): read the issue.
  for (const change of changes) {
    if (change.kind !== 'touched' || !change.worklog || deleted.has(change.issueId)) continue;
    const accompanied = (worklogChanges.get(change.issueId) ?? []).some((w) => Math.abs(w.atMs - change.atMs) <= SAME_CHANGE_MS);
    if (!accompanied) toRead.add(change.issueId);
  }
  const changedIds = new Set<string>();
  const folded: Ticket[] = [];
  for (const ticket of tickets) {
    if (deleted.has(ticket.id)) {
      changedIds.add(ticket.id);
      continue;
    }
    const own = worklogChanges.get(ticket.id);
    if (!own || toRead.has(ticket.id)) {
      folded.push(ticket);
      continue;
    }
    const next = applyToTicket(ticket, latestByWorklog(own).values(), window, coveredUntilMs);
    if (next === undefined) {
      toRead.add(ticket.id);
      folded.push(ticket);
    } else {
      if (next !== ticket) changedIds.add(ticket.id);
      folded.push(next);
    }
  }
  return { tickets: folded, changedIds, toRead };
}
