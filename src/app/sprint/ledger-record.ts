/**
 * The sprint ledger: what the product owner said no to during the sprint (tickets decided `backlog`,
 * with the reasons) and the defects opened and closed in it. It sits next to the rollup because the
 * dashboard shows both and must not search Jira on view, but it comes from a different search (the
 * deferred tickets are no longer in the sprint), so it has its own record.
 *
 * Key: `ledger:<project>:<sprintId padded to 9>`, following storage/keys.ts (kind, project, padded
 * id) so it lists by prefix like the other sprint records.
 */
import { z } from 'zod';
import { OUTCOMES } from '../../domain/outcome';
import type { KeyValueStore } from '../../ports';
import { readRecord, writeRecord, type ReadResult } from '../storage/stored-record';

export const ledgerKey = (projectKey: string, sprintId: number): string => `ledger:${projectKey}:${String(sprintId).padStart(9, '0')}`;

export const deferredTicketSchema = z.object({
  /** Jira's issue id (for the viewer filter); records from before it was kept lack it. */
  id: z.string().optional(),
  key: z.string(),
  summary: z.string().optional(),
  /** The product owner's reason; present for every override, optional otherwise. */
  reason: z.string().optional(),
  /** What the policy said; differs from `backlog` when the PO overrode it. */
  policyOutcome: z.enum(OUTCOMES),
  override: z.boolean(),
  ruleId: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /** Where the decision shown comes from (sprint-ledger.ts, DeferralSource); records from before it was kept lack it. */
  source: z.enum(['app', 'property', 'changed']).optional(),
});
export type DeferredTicket = z.infer<typeof deferredTicketSchema>;

export const ledgerSchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  computedAt: z.number(),
  deferred: z.array(deferredTicketSchema),
  defects: z.object({ opened: z.number().int(), closed: z.number().int(), net: z.number().int() }),
});
export type SprintLedger = z.infer<typeof ledgerSchema>;

export const ledgerRecords = {
  read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<SprintLedger>> => readRecord(store, ledgerKey(projectKey, sprintId), ledgerSchema),
  write: (store: KeyValueStore, projectKey: string, value: SprintLedger): Promise<SprintLedger> => writeRecord(store, ledgerKey(projectKey, value.sprintId), ledgerSchema, value),
};
