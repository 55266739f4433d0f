/**
 * An active sprint's issues, brought up to date at a cost that grows with what changed, not with
 * the sprint's size.
 *
 * With a usable cache (sprint-issue-cache.ts), one round trip asks Jira two things side by side:
 * - the sprint's membership, ids only (`sprint = N`, 5,000 ids a request): issues that left the
 *   sprint are dropped — leaving does not match `sprint = N AND updated >= …`, so the membership is
 *   the only way to see it;
 * - the issues of the sprint updated since the last sync (`updated >= -Mm`, a relative period, so
 *   the searching user's time zone cannot shift it), with their worklogs. Logging, editing or
 *   deleting work updates the issue, and so does adding it to the sprint or any field change.
 *   Writing an entity property (the decision) does not, so the invocation's own issues
 *   (`reconcileIssueIds`) are asked for whatever their `updated` (`… OR id in (…)`).
 * The period reaches {@link OVERLAP_MS} further back than the last sync, for clock skew between the
 * app and Jira and for Jira's search index trailing a write. An issue in the membership that is
 * neither cached nor updated (it should not happen; index lag can make it) is fetched by id. Only
 * the chunks of tickets that differ from the cached ones are rewritten (the overlap re-reads some
 * unchanged ones every time).
 *
 * Without a usable cache — never synced, damaged, read with other fields or another sprint window,
 * or last read in full more than {@link FULL_RESYNC_MS} ago (a daily full read heals anything an
 * update could miss, such as an issue whose visibility changed) — the sprint is read in full, its
 * pages fetched side by side (JiraClient.searchTicketsParallel).
 */
import type { SprintWindow } from '../../domain/calendar';
import type { Ticket } from '../../domain/ticket';
import type { Sprint } from '../../jira/client/agile-client';
import { chunk } from '../../jira/bounded-pool';
import { JiraError } from '../../jira/errors';
import { TICKET_PAGE } from '../../jira/jira-client';
import { allocationCatalog, fieldsToRequest } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import type { ProjectContext } from './project-context';
import { cacheForm, keptWholeUnder, noteIssueKey, readSprintCache, supportFilterOf, writeSprintCache, type CachedSprint, type KeptWhole } from './sprint-issue-cache';
import { reconcileFromJournal } from './ledger-reconcile';

export const FULL_RESYNC_MS = 24 * 60 * 60_000;
export const OVERLAP_MS = 5 * 60_000;

export interface SyncOptions {
  /** Issues this invocation just wrote (the panel's ticket after a decision): searches reconcile them. */
  readonly reconcileIssueIds?: readonly number[];
}

export interface SyncedSprint {
  readonly tickets: readonly Ticket[];
  readonly notes: readonly string[];
  /**
   * `full`: the sprint was read in full; `events`: brought up to date from the ledger's journal
   * (ledger-reconcile.ts); `update`: only what changed was read (the journal could not explain it).
   */
  readonly mode: 'full' | 'events' | 'update';
  /** Issues read from Jira this time. */
  readonly read: number;
  /** `events` only: where Jira's count began — every change of the sprint's and project's issues since is in the journal. */
  readonly countedFromMs?: number;
}

/**
 * What the cached tickets were read and stored with — fields, worklog window, and which tickets are
 * support work (only those are stored whole: sprint-issue-cache.ts) — a change means they must be
 * read again.
 */
export function cacheSignature(context: ProjectContext, window: SprintWindow): string {
  const support = supportFilterOf(context.loaded.settings);
  return JSON.stringify({ fields: fieldsToRequest(allocationCatalog(context.catalog)), window: [window.startMs, window.endMs], support: { issueTypes: support.issueTypes, labels: support.labels } });
}

const keptWholeBy = (context: ProjectContext): KeptWhole => keptWholeUnder(supportFilterOf(context.loaded.settings));

export async function syncSprintTickets(ports: Ports, context: ProjectContext, sprint: Sprint, window: SprintWindow, options: SyncOptions = {}): Promise<SyncedSprint> {
  const now = ports.clock.now();
  const signature = cacheSignature(context, window);
  const { cached, problem } = await readSprintCache(ports.store, context.projectKey, sprint.id);
  const usable = cached && cached.signature === signature && cached.syncedAt <= now && now - cached.fullSyncAt < FULL_RESYNC_MS;
  const own = [...new Set(options.reconcileIssueIds ?? [])];
  if (usable) {
    const fromEvents = await reconcileFromJournal(ports, context, sprint, window, cached, cached.syncedAt - OVERLAP_MS, own);
    if (fromEvents) {
      const { tickets, notes, touchedIds, read, countedFromMs } = fromEvents;
      await writeSprintCache(ports.store, context.projectKey, sprint.id, { tickets, notes, syncedAt: now, fullSyncAt: cached.fullSyncAt, signature: cached.signature, previous: { layout: cached.layout, touchedIds }, keptWhole: keptWholeBy(context) });
      return { tickets, notes, mode: 'events', read, countedFromMs };
    }
    try {
      return await update(ports, context, sprint, window, cached, now, options);
    } catch (error) {
      // An id refused by Jira (deleted between the membership and the fetch): read it all again.
      if (!(error instanceof JiraError) || error.kind !== 'BadRequest') throw error;
    }
  }
  // The next sync re-reads what changed (the update's `updated >=`, or the events): a status-streamed read may rely on it.
  const result = await ports.appJira.searchTicketsParallel({ jql: `sprint = ${sprint.id}`, catalog: allocationCatalog(context.catalog), worklogs: { window }, healedByNextSync: true, ...reconcile(options) });
  await writeSprintCache(ports.store, context.projectKey, sprint.id, { tickets: result.tickets, notes: result.notes, syncedAt: now, fullSyncAt: now, signature, ...replaced(cached, problem), keptWhole: keptWholeBy(context) });
  return { tickets: result.tickets, notes: [...(problem ? [problem] : []), ...result.notes], mode: 'full', read: result.tickets.length };
}

/**
 * How many chunks the cache being replaced had: its layout when it could be read, none when there was
 * no cache at all; unknown (the writer lists them) when only a damaged one was found.
 */
const replaced = (cached: CachedSprint | undefined, problem: string | undefined): { replacedChunks?: number } =>
  cached ? { replacedChunks: cached.layout.length } : problem ? {} : { replacedChunks: 0 };

const reconcile = (options: SyncOptions) => (options.reconcileIssueIds?.length ? { reconcileIssueIds: options.reconcileIssueIds } : {});

async function update(ports: Ports, context: ProjectContext, sprint: Sprint, window: SprintWindow, cached: CachedSprint, now: number, options: SyncOptions): Promise<SyncedSprint> {
  const jql = `sprint = ${sprint.id}`;
  const minutes = Math.ceil((now - cached.syncedAt + OVERLAP_MS) / 60_000);
  const query = { catalog: allocationCatalog(context.catalog), worklogs: { window }, ...reconcile(options) };
  // The invocation's own issues are read again whatever their `updated`: what it wrote may be an
  // entity property (the decision), which Jira stores without moving `updated`.
  const own = [...new Set(options.reconcileIssueIds ?? [])];
  const since = `updated >= -${minutes}m`;
  const [memberIds, changed] = await Promise.all([
    ports.appJira.issueIds(jql, options.reconcileIssueIds),
    ports.appJira.searchTicketsParallel({ ...query, jql: `${jql} AND ${own.length ? `(${since} OR id in (${own.join(', ')}))` : since}` }),
  ]);
  const byId = new Map(cached.tickets.map((t) => [t.id, t]));
  const fresh = new Map(changed.tickets.map((t) => [t.id, t]));
  const unseen = memberIds.map(String).filter((id) => !byId.has(id) && !fresh.has(id));
  // Pages of at most 100 ids, side by side: a JQL naming thousands of ids would be long for nothing.
  const pages = await Promise.all(chunk(unseen, TICKET_PAGE).map((ids) => ports.appJira.searchTickets({ ...query, jql: `${jql} AND id in (${ids.join(', ')})` })));
  const fetched = { tickets: pages.flatMap((p) => p.tickets), notes: pages.flatMap((p) => p.notes) };
  for (const t of fetched.tickets) fresh.set(t.id, t);

  const members = new Set([...memberIds.map(String), ...fresh.keys()]);
  const tickets = [...members].flatMap((id) => {
    const ticket = fresh.get(id) ?? byId.get(id);
    return ticket ? [ticket] : [];
  });
  // Re-read tickets that are as stored (read again only because of the overlap) leave their chunk alone.
  const keptWhole = keptWholeBy(context);
  const same = (ticket: Ticket): boolean => {
    const before = byId.get(ticket.id);
    return before !== undefined && JSON.stringify(cacheForm(before, keptWhole)) === JSON.stringify(cacheForm(ticket, keptWhole));
  };
  const touchedIds = new Set([...[...fresh.values()].filter((t) => !same(t)).map((t) => t.id), ...cached.tickets.filter((t) => !members.has(t.id)).map((t) => t.id)]);
  const touchedKeys = new Set(cached.tickets.filter((t) => touchedIds.has(t.id)).map((t) => t.key).concat([...fresh.values()].map((t) => t.key)));
  const newNotes = [...changed.notes, ...fetched.notes];
  const notes = [...cached.notes.filter((n) => !touchedKeys.has(noteIssueKey(n))), ...newNotes];
  // Only the chunks holding touched tickets are rewritten; the head always is (it carries syncedAt).
  await writeSprintCache(ports.store, context.projectKey, sprint.id, { tickets, notes, syncedAt: now, fullSyncAt: cached.fullSyncAt, signature: cached.signature, previous: { layout: cached.layout, touchedIds }, keptWhole: keptWholeBy(context) });
  return { tickets, notes, mode: 'update', read: fresh.size };
}
