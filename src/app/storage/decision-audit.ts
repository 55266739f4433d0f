/**
 * The app's own record of triage decisions (issue 11, item 6). The `interruptBudget` issue property
 * is the JQL-searchable mirror, but anyone who can edit the issue can rewrite it; app storage only
 * the app can write. So every applied decision is also kept here, with who, when, the outcome, the
 * policy version, the reason and the comment the app posted for it:
 *
 * - `decision:<issueKey>:<seq>` — one entry per decision, created only (setIfAbsent), never
 *   overwritten by another decision: a re-decision appends, so the retrospective sees both. (The
 *   same decision applied again, to finish what failed, only updates its own entry's comment.)
 * - `decision-latest:<issueKey>` — the newest entry (with its seq), so the panel reads one key.
 *
 * Entries are written while the apply lock (apply-lock.ts) is held; the create-only entry makes a
 * sequence number unique even if two writers ever got past the lock (the second one takes the next).
 */
import { z } from 'zod';
import { decisionSchema } from '../../jira/decision-property';
import type { TriageDecision } from '../../domain/decision';
import { MISSING_ITEMS, type MissingItem } from '../../domain/missing-information';
import type { KeyValueStore } from '../../ports';
import { keys } from './keys';

export const auditEntrySchema = z.object({
  schemaVersion: z.literal(1),
  seq: z.number().int().positive(),
  issueKey: z.string().min(1),
  decision: decisionSchema,
  /** The comment the app posted for this decision; null when none was posted (or none is known yet). */
  commentId: z.string().nullable(),
  /** The random reference of a post Jira did not confirm, to find it again (decision-comment.ts). */
  commentRef: z.string().optional(),
  recordedAt: z.number(),
  /** For needs-info (issue 12, item 4): what the product owner asked the reporter for. */
  asked: z.array(z.enum(MISSING_ITEMS)).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface LatestDecision {
  readonly entry?: AuditEntry;
  /** A damaged record (not trusted, treated as none), as a sentence. */
  readonly problem?: string;
}

export async function readLatestDecision(store: KeyValueStore, issueKey: string): Promise<LatestDecision> {
  const raw = await store.get(keys.decisionLatest(issueKey));
  if (raw === undefined || raw === null) return {};
  const parsed = auditEntrySchema.safeParse(raw);
  if (!parsed.success) return { problem: `Interrupt Budget's own record of the decision on ${issueKey} is damaged; it was ignored.` };
  return { entry: parsed.data };
}

/** Every recorded decision of the issue, oldest first. */
export async function decisionHistory(store: KeyValueStore, issueKey: string): Promise<AuditEntry[]> {
  const listed = await store.list(keys.decisionEntries(issueKey));
  return listed.flatMap((e) => {
    const parsed = auditEntrySchema.safeParse(e.value);
    return parsed.success ? [parsed.data] : [];
  }).sort((a, b) => a.seq - b.seq);
}

const MAX_SEQ_ATTEMPTS = 5;

/**
 * Record `decision`: a new entry after `latest`, or — when it is the same decision as `latest`
 * (`sameAsLatest`) — `latest` with the comment filled in. Returns the entry written.
 */
export async function recordDecision(
  store: KeyValueStore,
  issueKey: string,
  latest: AuditEntry | undefined,
  record: { decision: TriageDecision; commentId: string | null; commentRef?: string; recordedAt: number; sameAsLatest: boolean; asked?: readonly MissingItem[] },
): Promise<AuditEntry> {
  const asked = record.asked ? { asked: [...record.asked] } : {};
  const base = { schemaVersion: 1 as const, issueKey, decision: record.decision, commentId: record.commentId, ...(record.commentRef ? { commentRef: record.commentRef } : {}), recordedAt: record.recordedAt, ...asked };
  if (record.sameAsLatest && latest) {
    const { commentRef: _pending, ...rest } = latest;
    const commentId = record.commentId ?? latest.commentId;
    const commentRef = commentId === null ? (record.commentRef ?? _pending) : undefined;
    const entry: AuditEntry = { ...rest, commentId, ...(commentRef ? { commentRef } : {}), ...(rest.asked ? {} : asked) };
    await store.set(keys.decisionEntry(issueKey, entry.seq), entry);
    await store.set(keys.decisionLatest(issueKey), entry);
    return entry;
  }
  let seq = (latest?.seq ?? 0) + 1;
  for (let attempt = 1; ; attempt++, seq++) {
    const entry: AuditEntry = { ...base, seq };
    if ((await store.setIfAbsent(keys.decisionEntry(issueKey, seq), entry)).ok) {
      await store.set(keys.decisionLatest(issueKey), entry);
      return entry;
    }
    // The number is taken (a latest pointer that lagged behind an entry): take the next.
    if (attempt >= MAX_SEQ_ATTEMPTS) throw new Error(`decision audit: no free sequence number for ${issueKey} after ${seq}`);
  }
}
