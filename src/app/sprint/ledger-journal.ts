/**
 * The ledger's journal: what Jira's events said changed, kept until the reconciliation has folded
 * it into the sprint issue cache (ledger-reconcile.ts, domain/ledger-changes.ts).
 *
 * One record per event, under a key made of what the event is about (issue, worklog, Jira's time
 * of the change, kind), so:
 * - an event is recorded with one write and no read: two events never read-modify-write one record,
 *   so concurrent invocations cannot lose each other's changes;
 * - an event delivered twice writes the same key with the same value (idempotent);
 * - events arriving out of order are ordered by Jira's time of the change when folded, not by arrival.
 * The journal is site-wide (a worklog event names its issue, not the issue's project). A record is
 * deleted once folded and an hour old — kept that long so a reconciliation running at the same time
 * over an older cache still sees it (re-folding is harmless) — and any record older than a day is
 * deleted unread: the daily full read has covered it. Key `ledger-change:<issue>:<what>`.
 */
import { z } from 'zod';
import type { LedgerChange } from '../../domain/ledger-changes';
import type { KeyValueStore } from '../../ports';
import { writeRecord } from '../storage/stored-record';

export const JOURNAL_PREFIX = 'ledger-change:';
/** Folded records stay this long (see above). */
export const FOLDED_GRACE_MS = 60 * 60_000;
/** Records older than this are dropped unread: the daily full read has replaced what they said. */
export const JOURNAL_MAX_AGE_MS = 24 * 60 * 60_000;

const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('worklog'), issueId: z.string(), worklogId: z.string(), atMs: z.number(), deleted: z.boolean(), startedMs: z.number(), seconds: z.number().nonnegative(), authorAccountId: z.string().optional() }),
  z.object({ kind: z.literal('read'), issueId: z.string(), atMs: z.number() }),
  z.object({ kind: z.literal('deleted'), issueId: z.string(), atMs: z.number() }),
  z.object({ kind: z.literal('touched'), issueId: z.string(), atMs: z.number(), worklog: z.boolean().optional() }),
]);
const recordSchema = z.object({ schemaVersion: z.literal(1), recordedAt: z.number(), projectKey: z.string().optional(), change: changeSchema });

export interface JournalEntry {
  readonly key: string;
  readonly recordedAt: number;
  /** The issue's project, when the event named it (issue events do; worklog events do not). */
  readonly projectKey?: string;
  readonly change: LedgerChange;
}

/** The record's key: the same event always gets the same one. */
export function journalKey(change: LedgerChange): string {
  const what = change.kind === 'worklog' ? `w${change.worklogId}:${change.atMs}:${change.deleted ? 'd' : 'u'}` : `${change.kind}:${change.atMs}`;
  return `${JOURNAL_PREFIX}${change.issueId}:${what}`;
}

export const ledgerJournal = {
  /** Record one change (one KVS write), with the issue's project when the event named it. */
  async record(store: KeyValueStore, change: LedgerChange, nowMs: number, projectKey?: string): Promise<void> {
    await writeRecord(store, journalKey(change), recordSchema, { schemaVersion: 1, recordedAt: nowMs, ...(projectKey ? { projectKey } : {}), change });
  },

  /**
   * Every record, oldest change first; a damaged record is dropped with the key it was under (the
   * reconciliation deletes it: what it said is lost, and the count check reads the issue instead).
   */
  async list(store: KeyValueStore): Promise<{ entries: JournalEntry[]; damaged: string[] }> {
    const entries: JournalEntry[] = [];
    const damaged: string[] = [];
    for (const { key, value } of await store.list(JOURNAL_PREFIX)) {
      const parsed = recordSchema.safeParse(value);
      if (parsed.success) entries.push({ key, recordedAt: parsed.data.recordedAt, ...(parsed.data.projectKey ? { projectKey: parsed.data.projectKey } : {}), change: parsed.data.change });
      else damaged.push(key);
    }
    entries.sort((a, b) => a.change.atMs - b.change.atMs || a.key.localeCompare(b.key));
    return { entries, damaged };
  },

  /**
   * Whether the journal holds nothing since `sinceMs` that changes what the project's ledger reads
   * (deferrals, requests for information, defects opened and closed: sprint/sprint-ledger.ts): no
   * issue of the project read again (fields changed, created, a decision applied) or deleted.
   * Worklogs and comments do not count. Only meaningful when Jira's count confirmed the journal.
   */
  async quietSince(store: KeyValueStore, projectKey: string, sinceMs: number): Promise<boolean> {
    const { entries, damaged } = await ledgerJournal.list(store);
    if (damaged.length > 0) return false;
    return !entries.some((e) => e.projectKey === projectKey && (e.change.kind === 'read' || e.change.kind === 'deleted') && (e.recordedAt >= sinceMs || e.change.atMs >= sinceMs));
  },

  /** Delete records: those folded at least {@link FOLDED_GRACE_MS} ago, and any older than a day. */
  async prune(store: KeyValueStore, entries: readonly JournalEntry[], folded: ReadonlySet<string>, nowMs: number, damaged: readonly string[] = []): Promise<number> {
    const stale = entries.filter((e) => (folded.has(e.key) && nowMs - e.recordedAt >= FOLDED_GRACE_MS) || nowMs - e.recordedAt >= JOURNAL_MAX_AGE_MS).map((e) => e.key);
    const keys = [...stale, ...damaged];
    await Promise.all(keys.map((key) => store.delete(key)));
    return keys.length;
  },
};
