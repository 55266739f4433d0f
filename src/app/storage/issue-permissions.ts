/**
 * What Jira last said this user may do on this issue (the panel's permissions), remembered for
 * {@link ISSUE_PERMISSIONS_TTL_MS}, so the calls that follow a panel view — its budget update, and
 * applying a decision a minute later — do not ask again: three permissions cost 7 points a time
 * (issue 13, item 4).
 *
 * Only an answer that lets the user apply (Edit and Schedule Issues) is kept: someone just given the
 * permissions is not kept waiting, and a person without them leaves nothing stored. It is a
 * pre-check only — every write of a decision is made as the user, so Jira itself refuses one the
 * user may no longer make — and a revoked permission outlives the revocation here by at most the TTL
 * (as the settings' admin check does: settings/admin-check.ts). Key
 * `issue-permissions:<issue>:<account>`, the account from the platform (`context.accountId`).
 */
import { z } from 'zod';
import type { KeyValueStore } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

export const ISSUE_PERMISSIONS_TTL_MS = 5 * 60_000;

const schema = z.object({
  schemaVersion: z.literal(1),
  checkedAt: z.number(),
  // Records from before Assign Issues stopped being asked carry it too: it is dropped on reading.
  granted: z.object({ EDIT_ISSUES: z.literal(true), SCHEDULE_ISSUES: z.literal(true), ADD_COMMENTS: z.boolean() }),
});
export type IssuePermissionAnswer = z.infer<typeof schema>['granted'];
type Granted = { readonly EDIT_ISSUES: boolean; readonly SCHEDULE_ISSUES: boolean; readonly ADD_COMMENTS: boolean };

export const issuePermissions = {
  /** The remembered answer, when it is younger than the TTL (a time in the future is as suspect as an old one). */
  async read(store: KeyValueStore, issueKey: string, accountId: string, nowMs: number): Promise<IssuePermissionAnswer | undefined> {
    const { value } = await readRecord(store, keys.issuePermissions(issueKey, accountId), schema);
    return value && nowMs >= value.checkedAt && nowMs - value.checkedAt < ISSUE_PERMISSIONS_TTL_MS ? value.granted : undefined;
  },
  /** Remember Jira's answer when it lets the user apply; forget any earlier one otherwise. */
  async remember(store: KeyValueStore, issueKey: string, accountId: string, nowMs: number, granted: Granted): Promise<void> {
    const key = keys.issuePermissions(issueKey, accountId);
    if (!granted.EDIT_ISSUES || !granted.SCHEDULE_ISSUES) return store.delete(key);
    await writeRecord(store, key, schema, { schemaVersion: 1, checkedAt: nowMs, granted: { EDIT_ISSUES: true, SCHEDULE_ISSUES: true, ADD_COMMENTS: granted.ADD_COMMENTS } });
  },
};
