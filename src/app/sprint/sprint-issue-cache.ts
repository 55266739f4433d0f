/**
 * The sprint issue cache: an active sprint's issues as last read from Jira (mapped Tickets, with
 * their worklogs in the sprint window), so a rollup can be brought up to date by asking Jira only
 * for what changed (see sprint-sync.ts) instead of re-reading a sprint of thousands of issues.
 *
 * A KVS value holds at most 240 KiB, so the tickets are spread over chunks by issue id (`id mod K`,
 * K chosen so a chunk stays near {@link TARGET_CHUNK_BYTES}); an update rewrites only the chunks
 * whose tickets changed, and re-chunks everything when one grows past {@link MAX_CHUNK_BYTES}.
 *
 * What is stored of a ticket (`cacheForm`): all of it when it is support work (`keptWhole`: the
 * rollup reads its worklogs, summary, severity…), and only what the rollup reads of the others —
 * their key, type, labels, status, story points, creation and decision (storage/stored-ticket.ts
 * `slimTicket`) — since a ticket that is not support never changes *used*. Which tickets are support
 * is part of the cache's signature (sprint-sync.ts), so a saved support filter reads the sprint again.
 * Chunks are packed (storage/packed.ts): about a tenth of their JSON, read and written (issue 13).
 *
 * Keys: the head `issues:<project>:<sprint>` and its chunks `issues:<project>:<sprint>:<index>`, so
 * one prefix listing reads the whole cache. KVS has no multi-key transaction, so the head records
 * the generation (write time) of every chunk, and it is written last: a run cut off between the
 * chunks and the head leaves chunks whose generation the head does not know, which reads as a
 * damaged cache (and means a full re-read), never as a silently mixed one.
 */
import { z } from 'zod';
import { isSupportTicket, type SupportFilter } from '../../domain/support-filter';
import type { Ticket } from '../../domain/ticket';
import { classificationOf, type ProjectSettings } from '../settings/project-settings';
import type { KeyValueStore } from '../../ports';
import { pack, unpack } from '../storage/packed';
import { slimTicket, storedTicketSchema, toStoredTicket } from '../storage/stored-ticket';

/** Aim for chunks of this size (of JSON, before packing) when (re)chunking… */
export const TARGET_CHUNK_BYTES = 100 * 1024;
/** …and re-chunk when one grows past this, well under KVS's 240 KiB per value. */
export const MAX_CHUNK_BYTES = 200 * 1024;
/** Mapping notes kept with the cache (the dashboard shows them; a sprint rarely has more). */
export const MAX_NOTES = 100;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** The issue key a mapping note is about (notes read `SUP-12: …`), so a re-read issue's old notes can go. */
export const noteIssueKey = (note: string): string => note.slice(0, Math.max(0, note.indexOf(':')));
export const cacheKey = (projectKey: string, sprintId: number): string => `issues:${projectKey}:${pad(sprintId, 9)}`;
const chunkKey = (projectKey: string, sprintId: number, index: number): string => `${cacheKey(projectKey, sprintId)}:${pad(index, 4)}`;

const headSchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  /** When Jira was last asked (our clock): the next update asks for issues updated since then. */
  syncedAt: z.number(),
  /** When the sprint was last read in full: the cache is re-read from scratch once a day. */
  fullSyncAt: z.number(),
  /** What the tickets were read with (fields, worklog window): a different one means a full re-read. */
  signature: z.string(),
  /** Generation of each chunk, by index (the chunk count is the length). */
  chunks: z.array(z.number()).min(1),
  count: z.number().int().nonnegative(),
  notes: z.array(z.string()),
});
const ticketsSchema = z.array(storedTicketSchema);
/** Version 1 held the tickets as they are; version 2 packs them (written since issue 13's KVS budgets). */
const chunkSchema = z.union([
  z.object({ schemaVersion: z.literal(1), generation: z.number(), tickets: ticketsSchema }),
  z.object({ schemaVersion: z.literal(2), generation: z.number(), packed: z.string() }),
]);
/** A chunk's tickets, or undefined when its packed text does not unpack to tickets. */
function chunkTickets(chunk: z.infer<typeof chunkSchema>): Ticket[] | undefined {
  if (chunk.schemaVersion === 1) return chunk.tickets;
  const tickets = ticketsSchema.safeParse(unpack(chunk.packed));
  return tickets.success ? tickets.data : undefined;
}

/** Which tickets are stored whole (support work, under the settings the rollup uses); the rest are stored slim. */
export type KeptWhole = (ticket: Ticket) => boolean;

/**
 * The support filter the cache is stored by: the current settings', which are the ones an active
 * sprint's rollup is measured with (settings-in-force.ts: the revision in force at the window's end).
 */
export const supportFilterOf = (settings: ProjectSettings): SupportFilter => classificationOf(settings).supportFilter;
export const keptWholeUnder = (filter: SupportFilter): KeptWhole => (ticket) => isSupportTicket(ticket, filter);

/** A ticket as the cache stores it: whole when `keptWhole` says so (or nothing is said), else slim. */
export function cacheForm(ticket: Ticket, keptWhole?: KeptWhole): Ticket {
  const stored = toStoredTicket(ticket);
  return !keptWhole || keptWhole(stored) ? stored : slimTicket(stored);
}
type Head = z.infer<typeof headSchema>;

export interface CachedSprint {
  readonly syncedAt: number;
  readonly fullSyncAt: number;
  readonly signature: string;
  readonly tickets: readonly Ticket[];
  readonly notes: readonly string[];
  /** Chunk layout, for writing back only what changed. */
  readonly layout: readonly number[];
}

export type CacheRead = { readonly cached?: CachedSprint; readonly problem?: string };

/** UTF-8 size of the value as JSON, without encoding it (an encoded copy per ticket is native memory churn). */
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
/**
 * Jira's issue ids are numeric strings, bucketed by `id mod K`. The spec only says "string", so an id
 * that is not a whole number (or too large to be exact) is bucketed by a hash of its text instead:
 * always a valid bucket, never NaN.
 */
export function bucketOf(ticket: Pick<Ticket, 'id'>, chunkCount: number): number {
  if (/^\d{1,15}$/.test(ticket.id)) return Number(ticket.id) % chunkCount;
  let hash = 2166136261; // FNV-1a
  for (let i = 0; i < ticket.id.length; i++) hash = Math.imul(hash ^ ticket.id.charCodeAt(i), 16777619) >>> 0;
  return hash % chunkCount;
}

/**
 * The tickets spread over `chunkCount` buckets by `id mod chunkCount`, with each bucket's size as a
 * JSON array (`sizes` are the tickets' own JSON sizes, in the same order).
 */
function spread(stored: readonly Ticket[], sizes: readonly number[], chunkCount: number): { buckets: Ticket[][]; bucketBytes: number[] } {
  const buckets: Ticket[][] = Array.from({ length: chunkCount }, () => []);
  const bucketBytes = Array.from({ length: chunkCount }, () => 2); // "[]"
  stored.forEach((ticket, i) => {
    const index = bucketOf(ticket, chunkCount);
    const bucket = buckets[index] as Ticket[];
    bucketBytes[index] = (bucketBytes[index] as number) + (sizes[i] as number) + (bucket.length > 0 ? 1 : 0); // "," between tickets
    bucket.push(ticket);
  });
  return { buckets, bucketBytes };
}

/**
 * A fresh layout: about {@link TARGET_CHUNK_BYTES} a chunk, and more chunks while one would still be
 * past {@link MAX_CHUNK_BYTES}. Issue ids are not spread evenly over residues: a site where three
 * projects create issues in turn gives one sprint ids three apart, so with a chunk count divisible by
 * three every ticket lands in a third of the chunks. A next count that does not share the step
 * spreads them again. (Only a single ticket bigger than a chunk cannot be fitted; it stops the search.)
 */
function freshLayout(stored: readonly Ticket[], sizes: readonly number[]): ReturnType<typeof spread> {
  const total = sizes.reduce((sum, n) => sum + n, 0);
  const first = Math.max(1, Math.ceil(total / TARGET_CHUNK_BYTES));
  for (let chunkCount = first; ; chunkCount++) {
    const layout = spread(stored, sizes, chunkCount);
    if (layout.bucketBytes.every((n) => n <= MAX_CHUNK_BYTES) || chunkCount >= Math.max(first, stored.length)) return layout;
  }
}

/** The cached sprint, nothing (never cached), or a problem (damaged or half-written: re-read it). */
export async function readSprintCache(store: KeyValueStore, projectKey: string, sprintId: number): Promise<CacheRead> {
  const prefix = cacheKey(projectKey, sprintId);
  const entries = await store.list(prefix);
  const headEntry = entries.find((e) => e.key === prefix);
  if (!headEntry) return {};
  const head = headSchema.safeParse(headEntry.value);
  if (!head.success) return { problem: `The stored issues of sprint ${sprintId} are damaged; they were read again from Jira.` };
  const tickets: Ticket[] = [];
  for (let index = 0; index < head.data.chunks.length; index++) {
    const chunk = chunkSchema.safeParse(entries.find((e) => e.key === chunkKey(projectKey, sprintId, index))?.value);
    if (!chunk.success || chunk.data.generation !== head.data.chunks[index]) {
      return { problem: `The stored issues of sprint ${sprintId} are incomplete (an update was interrupted); they were read again from Jira.` };
    }
    const held = chunkTickets(chunk.data);
    if (!held) return { problem: `The stored issues of sprint ${sprintId} are damaged; they were read again from Jira.` };
    tickets.push(...held);
  }
  const { syncedAt, fullSyncAt, signature, notes, chunks } = head.data;
  return { cached: { syncedAt, fullSyncAt, signature, tickets, notes, layout: chunks } };
}

export interface CacheWrite {
  readonly tickets: readonly Ticket[];
  readonly notes: readonly string[];
  readonly syncedAt: number;
  readonly fullSyncAt: number;
  readonly signature: string;
  /** The previous layout and the ids whose tickets changed, were added or removed: only their chunks are written. */
  readonly previous?: { readonly layout: readonly number[]; readonly touchedIds: ReadonlySet<string> };
  /**
   * On a full write, how many chunks the cache being replaced had, when its head could be read: the
   * ones past the new count are deleted without listing them (a listing reads every chunk's value).
   */
  readonly replacedChunks?: number;
  /** Which tickets are stored whole; the others are stored slim (`cacheForm`). Absent: all whole. */
  readonly keptWhole?: KeptWhole;
}

/** Store the sprint's tickets; returns the number of chunks written (for the tests and the benchmark). */
export async function writeSprintCache(store: KeyValueStore, projectKey: string, sprintId: number, write: CacheWrite): Promise<number> {
  const stored = write.tickets.map((ticket) => cacheForm(ticket, write.keptWhole));
  const sizes = stored.map(bytes);
  const reuse = write.previous?.layout.length;
  const { buckets, bucketBytes } = reuse ? spread(stored, sizes, reuse) : freshLayout(stored, sizes);
  const chunkCount = buckets.length;
  if (reuse && bucketBytes.some((n) => n > MAX_CHUNK_BYTES)) {
    const { previous: grown, ...rechunk } = write;
    return writeSprintCache(store, projectKey, sprintId, { ...rechunk, ...(grown ? { replacedChunks: grown.layout.length } : {}) });
  }
  const dirty = new Set<number>();
  if (write.previous) for (const id of write.previous.touchedIds) dirty.add(bucketOf({ id: String(id) }, chunkCount));
  const layout = buckets.map((_, index) => (write.previous && !dirty.has(index) ? (write.previous.layout[index] as number) : write.syncedAt));
  const written = buckets.map((tickets, index) => ({ tickets, index })).filter(({ index }) => layout[index] === write.syncedAt);
  await Promise.all(written.map(({ tickets, index }) => store.set(chunkKey(projectKey, sprintId, index), { schemaVersion: 2, generation: write.syncedAt, packed: pack(tickets) })));
  if (!write.previous) {
    // A re-chunk to fewer chunks leaves old ones behind: drop them so the prefix stays clean.
    const stale =
      write.replacedChunks !== undefined
        ? Array.from({ length: Math.max(0, write.replacedChunks - chunkCount) }, (_, i) => chunkKey(projectKey, sprintId, chunkCount + i))
        : (await store.list(`${cacheKey(projectKey, sprintId)}:`)).map((e) => e.key).filter((key) => Number(key.slice(-4)) >= chunkCount);
    await Promise.all(stale.map((key) => store.delete(key)));
  }
  const head: Head = {
    schemaVersion: 1,
    sprintId,
    syncedAt: write.syncedAt,
    fullSyncAt: write.fullSyncAt,
    signature: write.signature,
    chunks: layout,
    count: stored.length,
    notes: write.notes.slice(-MAX_NOTES), // the newest: an update appends what it just read
  };
  await store.set(cacheKey(projectKey, sprintId), headSchema.parse(head));
  return written.length;
}

/** Forget a sprint's cached issues (it closed: its rollup is final and its history row stored). */
export async function deleteSprintCache(store: KeyValueStore, projectKey: string, sprintId: number): Promise<void> {
  const entries = await store.list(cacheKey(projectKey, sprintId));
  await Promise.all(entries.map((e) => store.delete(e.key)));
}
