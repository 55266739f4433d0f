/**
 * How far the hourly rollup got (issue 13, item 2). When Jira's hourly quota for apps stops a run,
 * `rollupStop` records when and which projects it did not reach (and the one it was cut off in), so
 * the next run starts with them; a run that completes clears it. Per project, `rollupStatus` keeps
 * when the rollup last finished the project and when the quota last cut its update off, so a view
 * can say its stored numbers are older than they should be, and why.
 *
 * Keys `rollup-stop` (one per site) and `rollup-status:<project>`. A damaged record reads as none:
 * the run then goes in its usual order and the view says nothing it cannot back.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

const stopSchema = z.object({
  schemaVersion: z.literal(1),
  at: z.number(),
  why: z.literal('quota'),
  /**
   * When Jira said the quota resets, when it said: the refusal's Retry-After, the seconds to the end
   * of the hourly window (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
   */
  resetsAt: z.number().optional(),
  /** The project whose update the quota cut off mid-way. */
  cutOff: z.string().optional(),
  /** Projects the run did not start. */
  notReached: z.array(z.string()),
});
export type RollupStop = z.infer<typeof stopSchema>;

const statusSchema = z.object({
  schemaVersion: z.literal(1),
  /** When the hourly rollup last rolled the project up completely. */
  lastRolledUpAt: z.number().optional(),
  /** When Jira's quota last cut the project's update off (cleared by the next complete one). */
  quotaStoppedAt: z.number().optional(),
  resetsAt: z.number().optional(),
});
export type RollupStatus = z.infer<typeof statusSchema>;

export const rollupProgress = {
  async stop(store: KeyValueStore): Promise<RollupStop | undefined> {
    return (await readRecord(store, keys.rollupStop(), stopSchema)).value;
  },
  async recordStop(store: KeyValueStore, stop: Omit<RollupStop, 'schemaVersion'>): Promise<void> {
    await writeRecord(store, keys.rollupStop(), stopSchema, { schemaVersion: 1, ...stop });
  },
  async clearStop(store: KeyValueStore): Promise<void> {
    await store.delete(keys.rollupStop());
  },
  async status(store: KeyValueStore, projectKey: string): Promise<RollupStatus | undefined> {
    return (await readRecord(store, keys.rollupStatus(projectKey), statusSchema)).value;
  },
  /** The project was rolled up completely at `at`: any earlier quota stop is over. */
  async rolledUp(store: KeyValueStore, projectKey: string, at: number): Promise<void> {
    await writeRecord(store, keys.rollupStatus(projectKey), statusSchema, { schemaVersion: 1, lastRolledUpAt: at });
  },
  /** The quota kept the project's update from happening (or finishing) at `at`; its last complete rollup stays as it was. */
  async quotaStopped(store: KeyValueStore, projectKey: string, at: number, resetsAt: number | undefined): Promise<void> {
    const before = await rollupProgress.status(store, projectKey);
    await writeRecord(store, keys.rollupStatus(projectKey), statusSchema, {
      schemaVersion: 1,
      ...(before?.lastRolledUpAt !== undefined ? { lastRolledUpAt: before.lastRolledUpAt } : {}),
      quotaStoppedAt: at,
      ...(resetsAt !== undefined ? { resetsAt } : {}),
    });
  },
};
