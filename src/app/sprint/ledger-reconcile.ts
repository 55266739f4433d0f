/**
 * Bringing an active sprint's cached issues up to date from the ledger's journal — the changes
 * Jira's events reported (ledger-journal.ts) — instead of asking Jira what changed (issue 13, item 3).
 *
 * One call to Jira checks the journal is complete: the approximate count of the issues of the
 * sprint or the project updated since the last sync (`POST /rest/api/3/search/approximate-count`,
 * 1 point; the project's too, so an issue that left the sprint is counted). Every counted issue must
 * be explained by a journal change (issue events name the project; a worklog event explains a
 * cached issue), or be one this invocation wrote: its own writes raise no event (`ignoreSelf`).
 * When the count is higher, an event was lost or is still on its way: the caller reads what changed
 * instead (sprint-sync.ts: the membership and `updated >= …` searches). Otherwise the changes are
 * folded in (domain/ledger-changes.ts): worklogs from the events themselves, with no call; issues
 * whose fields changed (sprint, status, labels…) read again by id, one search for all of them.
 *
 * What the count cannot tell apart waits for the daily full read (sprint-sync.ts FULL_RESYNC_MS),
 * which replaces the cache whatever the journal says: a lost event of an issue that had another,
 * received change in the same hour (a lost worklog event is noticed when its issue's update event
 * came: `TouchedChange.worklog`), an issue Jira's index has not caught up with while another's event
 * explains the number, and a deleted issue whose event was lost (deleted issues are not counted).
 */
import type { SprintWindow } from '../../domain/calendar';
import { foldChanges, type LedgerChange } from '../../domain/ledger-changes';
import type { Ticket } from '../../domain/ticket';
import type { Sprint } from '../../jira/client/agile-client';
import { chunk } from '../../jira/bounded-pool';
import { TICKET_PAGE } from '../../jira/jira-client';
import { allocationCatalog } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import type { ProjectContext } from './project-context';
import { ledgerJournal, type JournalEntry } from './ledger-journal';
import { keptWholeUnder, noteIssueKey, supportFilterOf, type CachedSprint } from './sprint-issue-cache';

export interface Reconciled {
  readonly tickets: readonly Ticket[];
  readonly notes: readonly string[];
  /** Tickets changed, added or removed: the cache chunks to rewrite. */
  readonly touchedIds: ReadonlySet<string>;
  /** Issues read from Jira (the ones whose fields changed). */
  readonly read: number;
  /** Where Jira's count began: every change since is in the journal (or was read). */
  readonly countedFromMs: number;
}

/** The journal changes that may concern this project's sprint: its own issue events, and every worklog event. */
const concerns = (entry: JournalEntry, projectKey: string): boolean => entry.projectKey === undefined || entry.projectKey === projectKey;

/**
 * Fold the journal into `cached`. `sinceMs` is where the count starts (the last sync, less the
 * overlap for clock skew); `ownIssueIds` are issues this invocation wrote. Undefined when Jira
 * counts more changed issues than the journal explains: the caller reads what changed instead.
 */
export async function reconcileFromJournal(
  ports: Ports,
  context: ProjectContext,
  sprint: Sprint,
  window: SprintWindow,
  cached: CachedSprint,
  sinceMs: number,
  ownIssueIds: readonly number[],
): Promise<Reconciled | undefined> {
  const now = ports.clock.now();
  const minutes = Math.max(1, Math.ceil((now - sinceMs) / 60_000));
  const journal = await ledgerJournal.list(ports.store);
  // What an earlier sync has covered (recorded and changed before it) is not folded again.
  const entries = journal.entries.filter((e) => concerns(e, context.projectKey) && (e.recordedAt >= sinceMs || e.change.atMs >= sinceMs));
  // Work logged on a ticket that is not support changes no number, and the cache keeps no worklogs of it (sprint-issue-cache.ts).
  const keptWhole = keptWholeUnder(supportFilterOf(context.loaded.settings));
  const slim = new Set(cached.tickets.filter((t) => !keptWhole(t)).map((t) => t.id));
  const changes: LedgerChange[] = [
    ...entries.flatMap((e): LedgerChange[] => {
      const c = e.change;
      if (!slim.has(c.issueId)) return [c];
      // Its worklog events are not needed, so a lost one is no reason to read the issue either.
      if (c.kind === 'worklog') return [];
      return c.kind === 'touched' ? [{ kind: 'touched', issueId: c.issueId, atMs: c.atMs }] : [c];
    }),
    ...ownIssueIds.map((id): LedgerChange => ({ kind: 'read', issueId: String(id), atMs: now })),
  ];
  const folded = foldChanges(cached.tickets, changes, window, sinceMs);
  const toRead = [...folded.toRead];
  const query = { catalog: allocationCatalog(context.catalog), worklogs: { window } };
  // The count and the reads side by side (one round trip): when the count says the journal is
  // incomplete, the reads were for nothing, and the caller reads what changed.
  const [count, pages] = await Promise.all([
    ports.appJira.approximateCount(`(sprint = ${sprint.id} OR project = ${context.projectKey}) AND updated >= -${minutes}m`),
    Promise.all(chunk(toRead, TICKET_PAGE).map((ids) => ports.appJira.searchTickets({ ...query, jql: `sprint = ${sprint.id} AND id in (${ids.join(', ')})` }))),
  ]);

  // Which changed issues the journal explains: the project's, by its issue events; cached ones, by
  // any change (a worklog event names no project); this invocation's own; since the count's start.
  const cachedIds = new Set(cached.tickets.map((t) => t.id));
  const windowStart = now - minutes * 60_000;
  const explained = new Set(
    entries.filter((e) => e.change.atMs >= windowStart && (e.projectKey === context.projectKey || cachedIds.has(e.change.issueId))).map((e) => e.change.issueId),
  );
  for (const id of ownIssueIds) explained.add(String(id));
  if (count > explained.size) return undefined;

  const fresh = new Map(pages.flatMap((p) => p.tickets).map((t) => [t.id, t]));
  // An issue read again that the search did not return has left the sprint (or is gone).
  const tickets = [...folded.tickets.filter((t) => !folded.toRead.has(t.id)), ...folded.tickets.filter((t) => fresh.has(t.id)).map((t) => fresh.get(t.id) as Ticket)];
  for (const [id, ticket] of fresh) if (!cachedIds.has(id)) tickets.push(ticket);
  const touchedIds = new Set([...folded.changedIds, ...toRead]);
  const freshKeys = new Set([...fresh.values()].map((t) => t.key));
  const notes = [...cached.notes.filter((n) => !freshKeys.has(noteIssueKey(n))), ...pages.flatMap((p) => p.notes)];
  return { tickets, notes, touchedIds, read: fresh.size, countedFromMs: windowStart };
}
