/**
 * An interrupt's follow-ups, as the app stores them (issue 14, item 2): `follow-up:<issueKey>`, one
 * record per issue with the whole checklist, its revision, who saved it last and when. The panel
 * writes it; the retrospective reads many at once (`readMany`). App storage rather than an issue
 * property, so only the app writes it and what the retrospective counts is what the panel saved.
 *
 * Two people saving at once cannot both win, and neither overwrites the other silently: a save names
 * the revision it was based on, and before writing revision N it claims
 * `follow-up-revision:<issueKey>:<N>` with a create-only set (atomic in Forge KVS, as the settings'
 * revision claim: settings/save-settings.ts). Of two saves from the same revision exactly one creates
 * the claim; the other writes nothing and gets the stored record back to say who saved (or, when the
 * winner has claimed but not written yet, a conflict without it). A save based on an older revision
 * than the stored one is refused before claiming. A winner that dies between its claim and its write
 * leaves a claim with no record behind it; a save after {@link ABANDONED_CLAIM_MS} numbers past it
 * (a younger newest claim is a save still on its way, so it is a conflict, never a second winner). Claims are kept (about 100 bytes a save), as the settings' are, for the same
 * reason: a missing claim cannot be told from one never made.
 */
import { z } from 'zod';
import { followUpsSchema } from '../../contract/follow-ups';
import type { FollowUps } from '../../domain/follow-ups';
import type { KeyValueStore } from '../../ports';
import { keys } from './keys';
import { ABANDONED_CLAIM_MS } from './revision-claims';
import { readRecord, writeRecord, type ReadResult } from './stored-record';

export const followUpRecordSchema = z.object({
  schemaVersion: z.literal(1),
  issueKey: z.string().min(1),
  items: followUpsSchema,
  revision: z.number().int().min(1),
  updatedBy: z.string().min(1),
  updatedAt: z.number(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

const claimSchema = z.object({ schemaVersion: z.literal(1), revision: z.number().int().min(1), savedBy: z.string().min(1), savedAt: z.number() });

export interface FollowUpSave {
  readonly items: FollowUps;
  /** The revision the saver saw: 0 when nothing was stored. */
  readonly baseRevision: number;
  readonly accountId: string;
  readonly at: number;
}

/** Saved, or not because someone else saved first (`current`: what they saved, when it can be read). */
export type FollowUpWrite = { readonly ok: true; readonly record: FollowUpRecord } | { readonly ok: false; readonly current?: FollowUpRecord };

/** A lost claim is retried only when nobody saved in between (a number left taken by a failed save). */
const ATTEMPTS = 3;

const revisionOfClaim = (key: string): number => Number(key.slice(key.lastIndexOf(':') + 1));

async function highestClaim(store: KeyValueStore, issueKey: string): Promise<number> {
  const claims = await store.list(keys.followUpRevisions(issueKey));
  return claims.reduce((max, c) => Math.max(max, revisionOfClaim(c.key) || 0), 0);
}

const revisionOf = (result: ReadResult<FollowUpRecord>): number => result.value?.revision ?? 0;

export const followUpRecords = {
  /** The issue's record; a damaged one is a `problem` (treated as none by the panel, which says so). */
  read(store: KeyValueStore, issueKey: string): Promise<ReadResult<FollowUpRecord>> {
    return readRecord(store, keys.followUp(issueKey), followUpRecordSchema);
  },

  /**
   * The follow-ups of each of these issues that has a valid record (others are absent from the
   * map: damaged records are ignored, as the retrospective's other readers do), read side by side.
   */
  async readMany(store: KeyValueStore, issueKeys: readonly string[]): Promise<Map<string, FollowUps>> {
    const unique = [...new Set(issueKeys)];
    const read = await Promise.all(unique.map(async (key) => [key, await followUpRecords.read(store, key)] as const));
    return new Map(read.flatMap(([key, result]) => (result.value && result.value.issueKey === key ? [[key, result.value.items] as [string, FollowUps]] : [])));
  },

  /** Save on top of `baseRevision` (see the file comment); never overwrites a save made since. */
  async write(store: KeyValueStore, issueKey: string, save: FollowUpSave): Promise<FollowUpWrite> {
    const before = await followUpRecords.read(store, issueKey);
    if (save.baseRevision !== revisionOf(before)) return { ok: false, ...(before.value ? { current: before.value } : {}) };
    let revision = save.baseRevision + 1;
    // A damaged record reads as none: number past every claim, so the save cannot take a used number.
    if (before.problem) revision = Math.max(revision, (await highestClaim(store, issueKey)) + 1);
    for (let attempt = 1; ; attempt++) {
      const claim = claimSchema.parse({ schemaVersion: 1, revision, savedBy: save.accountId, savedAt: save.at });
      if ((await store.setIfAbsent(keys.followUpRevision(issueKey, revision), claim)).ok) {
        const record = await writeRecord(store, keys.followUp(issueKey), followUpRecordSchema, {
          schemaVersion: 1,
          issueKey,
          items: save.items,
          revision,
          updatedBy: save.accountId,
          updatedAt: save.at,
        });
        return { ok: true, record };
      }
      const now = await followUpRecords.read(store, issueKey);
      if (revisionOf(now) !== revisionOf(before) || now.value?.updatedAt !== before.value?.updatedAt) return { ok: false, ...(now.value ? { current: now.value } : {}) };
      // Nobody's record yet: the newest claim's owner may still be writing it. Only an abandoned one is
      // passed (claims below the newest are left from a record that was lost: numbered past at once).
      const [taken, highest] = await Promise.all([store.get(keys.followUpRevision(issueKey, revision)), highestClaim(store, issueKey)]);
      const claimed = claimSchema.safeParse(taken);
      if (claimed.success && highest <= revision && save.at - claimed.data.savedAt < ABANDONED_CLAIM_MS) return { ok: false, ...(now.value ? { current: now.value } : {}) };
      if (attempt >= ATTEMPTS) return { ok: false };
      revision = Math.max(revision + 1, highest + 1);
    }
  },
};
