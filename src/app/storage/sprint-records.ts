/**
 * Per-sprint records: the baseline taken at sprint start, the latest rollup of an active sprint, the
 * retrospective row of a closed sprint (computed once), and the PO's overflow decision.
 */
import { FOLLOW_UP_KINDS } from '../../domain/follow-ups';
import { z } from 'zod';
import type { KeyValueStore, StoreWrite } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord, type ReadResult } from './stored-record';

const used = z.object({ sanctioned: z.number(), planned: z.number(), untriaged: z.number(), total: z.number() });
const nullableNumber = z.number().nullable();

/** What was in the sprint when it started (snapshotted by the sprint-started trigger, or lazily). */
export const baselineSchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  takenAt: z.number(),
  /** True when taken after the start (the trigger was missed): membership is then a best guess. */
  lazy: z.boolean(),
  issueKeys: z.array(z.string()),
  committedPoints: z.number().min(0),
});
export type SprintBaselineRecord = z.infer<typeof baselineSchema>;

/** The dashboard's numbers for one sprint at `computedAt`. */
export const rollupSchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  sprintName: z.string(),
  state: z.enum(['active', 'closed', 'future']),
  startMs: z.number(),
  endMs: z.number(),
  computedAt: z.number(),
  /**
   * When what it was computed from was read — the settings and the first Jira read — which is before
   * `computedAt` by however long the reads took. A decision or a settings save at or after this moment
   * makes it stale, whichever finished last. Records from before it was kept use `computedAt`.
   */
  basedOn: z.number().optional(),
  unit: z.enum(['hours', 'points']),
  /** `track`: no support buffer was reserved (issue 14, item 5): budget 0, status never over. Records from before it lack it (reserve). */
  budgetMode: z.enum(['reserve', 'track']).optional(),
  capacity: z.number(),
  budget: z.number(),
  used,
  remaining: z.number(),
  status: z.enum(['ok', 'at-risk', 'over']),
  forecast: z.number(),
  /** `id` is Jira's issue id, which the viewer filter checks by; records from before it was kept lack it. */
  items: z.array(z.object({ id: z.string().optional(), key: z.string(), summary: z.string().optional(), category: z.enum(['sanctioned', 'planned', 'untriaged']), amount: z.number(), estimated: z.boolean() })),
  /** Support items left out of `items` to keep the record within KVS's value limit (see rollup-size.ts). */
  itemsOmitted: z.number().int().positive().optional(),
  burn: z.array(z.object({ date: z.string(), sanctioned: nullableNumber, planned: nullableNumber, untriaged: nullableNumber, total: nullableNumber, budget: z.number(), forecast: nullableNumber })),
  wip: z.object({ inProgress: z.array(z.string()), count: z.number(), limit: z.number(), breached: z.boolean() }),
  supportContact: z.string().nullable(),
  /** Time over the WIP limit as the rollup's samples measured it (domain/wip-time.ts); records from before it lack it. */
  wipTally: z.object({ overMs: z.number().min(0), measuredMs: z.number().min(0), lastAtMs: z.number(), lastBreached: z.boolean() }).optional(),
  /**
   * How records from before the invalidation had its own key said a decision made them out of date
   * (read, never written: see `invalidationSchema`).
   */
  invalidatedAt: z.number().optional(),
});
export type SprintRollup = z.infer<typeof rollupSchema>;

/**
 * When something last made a sprint's numbers out of date before their time (a decision moved a
 * ticket in or out). Kept apart from the rollup, so that a rollup computed from reads that began
 * earlier and written later cannot erase it: the rollup is stale while `at >= rollup.basedOn`.
 */
export const invalidationSchema = z.object({ schemaVersion: z.literal(1), sprintId: z.number().int(), at: z.number() });
export type SprintInvalidation = z.infer<typeof invalidationSchema>;

/** One retrospective row (domain HistoryRow), stored once when the sprint is seen closed. */
export const historySchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  name: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  unit: z.enum(['hours', 'points']),
  capacity: z.number(),
  budget: z.number(),
  used: z.number(),
  sharePct: z.number(),
  allocationPct: z.number(),
  interrupts: z.number().int(),
  deferred: z.number().int(),
  velocityPoints: z.number(),
  /** Non-support points not completed by the sprint's close (domain HistoryRow); rows stored before it was kept lack it. */
  carriedOverPoints: z.number().min(0).optional(),
  defects: z.object({ opened: z.number().int(), closed: z.number().int(), net: z.number().int() }),
  /** Defects planned into the sprint, and how many were estimated (domain/planned-defects.ts); rows stored before it was kept lack it. */
  plannedDefects: z.object({ count: z.number().int().min(0), estimated: z.number().int().min(0) }).optional(),
  /**
   * The follow-ups the team used when the row was frozen (the settings in force for the sprint), so
   * its retrospective counts what the team asked for then, not today's choice; older rows lack it.
   */
  followUpKinds: z.array(z.enum(FOLLOW_UP_KINDS)).optional(),
});
export type StoredHistoryRow = z.infer<typeof historySchema>;

export const OVERFLOW_CHOICES = ['swap-out', 'abort-sprint', 'accept-overrun'] as const;
export const overflowSchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  choice: z.enum(OVERFLOW_CHOICES),
  reason: z.string().max(2000).optional(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type OverflowDecision = z.infer<typeof overflowSchema>;

export const sprintRecords = {
  baseline: {
    read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<SprintBaselineRecord>> => readRecord(store, keys.baseline(projectKey, sprintId), baselineSchema),
    // Packed: it lists the keys of every issue in the sprint at its start (47 KB of JSON at 5,000 issues), read every hour.
    write: (store: KeyValueStore, projectKey: string, value: SprintBaselineRecord) => writeRecord(store, keys.baseline(projectKey, value.sprintId), baselineSchema, value, { packed: true }),
  },
  rollup: {
    read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<SprintRollup>> => readRecord(store, keys.rollup(projectKey, sprintId), rollupSchema),
    // Packed: it lists every support item (144 KB of JSON at 5,000 issues) and the hourly run rewrites it.
    write: (store: KeyValueStore, projectKey: string, value: SprintRollup) => writeRecord(store, keys.rollup(projectKey, value.sprintId), rollupSchema, value, { packed: true }),
  },
  invalidation: {
    read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<SprintInvalidation>> => readRecord(store, keys.invalidation(projectKey, sprintId), invalidationSchema),
    write: (store: KeyValueStore, projectKey: string, value: SprintInvalidation) => writeRecord(store, keys.invalidation(projectKey, value.sprintId), invalidationSchema, value),
  },
  history: {
    read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<StoredHistoryRow>> => readRecord(store, keys.history(projectKey, sprintId), historySchema),
    write: (store: KeyValueStore, projectKey: string, value: StoredHistoryRow) => writeRecord(store, keys.history(projectKey, value.sprintId), historySchema, value),
  },
  overflow: {
    read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<OverflowDecision>> => readRecord(store, keys.overflow(projectKey, sprintId), overflowSchema),
    write: (store: KeyValueStore, projectKey: string, value: OverflowDecision) => writeRecord(store, keys.overflow(projectKey, value.sprintId), overflowSchema, value),
  },
};

/**
 * Projects that use the app, so the hourly rollup knows where to look: one key per project
 * (`project:<KEY>`), listed by prefix — not one shared list — so two projects registering at once
 * never lose each other's entry; two registrations of one project differ only in `since`.
 */
export const projectRegistry = {
  async register(store: KeyValueStore, projectKey: string, at: number): Promise<void> {
    if (!(await projectRegistry.isRegistered(store, projectKey))) await store.set(keys.project(projectKey), projectRegistry.entry(projectKey, at));
  },
  async isRegistered(store: KeyValueStore, projectKey: string): Promise<boolean> {
    return (await store.get(keys.project(projectKey))) !== undefined;
  },
  entry: (projectKey: string, at: number) => ({ schemaVersion: 1 as const, projectKey, since: at }),
  /** The registration as one write of a transaction (a plain set: registering twice is harmless). */
  write: (projectKey: string, at: number): StoreWrite => ({ kind: 'set', key: keys.project(projectKey), value: projectRegistry.entry(projectKey, at) }),
  async list(store: KeyValueStore): Promise<string[]> {
    return (await store.list(keys.projects())).map((e) => e.key.slice(keys.projects().length));
  },
};
