/**
 * Two applies on one issue, one at a time (issue 11, F4): a short-lived create-only lock in app
 * storage, `apply-lock:<issueKey>`, holding who took it, when, and a random token.
 *
 * - Taking it is `setIfAbsent`: of two applies, exactly one creates the key; the other is told who
 *   holds it (and answers CONFLICT without touching Jira).
 * - It is released in `finally` by its holder (deleted only while it still carries the holder's token).
 * - A lock older than STALE_MS is abandoned (its invocation died before `finally`): Forge ends a
 *   resolver invocation long before that (25 s), so no living apply still holds it. It is taken over
 *   with a second create-only claim named by the stale lock's own token,
 *   `apply-lock:<issueKey>:takeover:<token>`, and only the contender that creates that claim
 *   overwrites the lock. Why this is safe where "delete, then setIfAbsent" is not: with delete-then-
 *   create, B can delete the fresh lock A has just created after both saw the stale one, and both go
 *   on. Here every contender that saw the same stale lock races for the same takeover key, and
 *   exactly one wins; one that reads the lock after the takeover sees a fresh lock and backs off.
 *   Takeover claims are kept (a tiny record per abandoned lock, rare), so a claim for a token can
 *   never be made twice.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../../ports';
import { keys } from '../storage/keys';

export const STALE_MS = 60_000;

export interface LockRecord {
  readonly accountId: string;
  readonly at: number;
  readonly token: string;
}

export type LockResult = { readonly ok: true; release(): Promise<void> } | { readonly ok: false; readonly holder: LockRecord | null };

const lockSchema = z.object({ accountId: z.string(), at: z.number(), token: z.string() });

/** The stored lock, or null when it is damaged (judged below as abandoned). */
const asLock = (value: unknown): LockRecord | null => lockSchema.safeParse(value).data ?? null;

export async function acquireApplyLock(store: KeyValueStore, issueKey: string, accountId: string, now: number): Promise<LockResult> {
  const key = keys.applyLock(issueKey);
  const mine: LockRecord = { accountId, at: now, token: globalThis.crypto.randomUUID() };
  const held = (): LockResult => ({
    ok: true,
    async release() {
      const current = asLock(await store.get(key));
      if (current?.token === mine.token) await store.delete(key);
    },
  });
  for (let attempt = 0; attempt < 2; attempt++) {
    if ((await store.setIfAbsent(key, mine)).ok) return held();
    const raw = await store.get(key);
    if (raw === undefined) continue; // released in between: try once more
    const current = asLock(raw);
    // A damaged lock has no time to judge it by: it counts as abandoned, under its own claim.
    if (current && now - current.at < STALE_MS) return { ok: false, holder: current };
    const claim = await store.setIfAbsent(keys.applyLockTakeover(issueKey, current?.token ?? 'damaged'), { accountId, at: now });
    if (!claim.ok) return { ok: false, holder: current };
    await store.set(key, mine);
    return held();
  }
  return { ok: false, holder: null };
}
