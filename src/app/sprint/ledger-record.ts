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
import { MISSING_ITEMS } from '../../domain/missing-information';
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

/**
 * A ticket whose current decision is needs-info and that is not done (issue 12, item 4): the
 * dashboard's "Waiting for information", computed with the ledger as the app, whatever sprint it is in.
 */
export const waitingTicketSchema = z.object({
  id: z.string(),
  key: z.string(),
  summary: z.string().optional(),
  reporterAccountId: z.string().nullable(),
  /** What was asked: the app's record of the request (`app`), or what the ticket lacks now (`ticket`: no record). */
  asked: z.array(z.enum(MISSING_ITEMS)),
  askedSource: z.enum(['app', 'ticket']),
  /** Of what was asked, what the ticket has now (the field is set). */
  answered: z.array(z.enum(MISSING_ITEMS)),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type WaitingTicket = z.infer<typeof waitingTicketSchema>;

export const ledgerSchema = z.object({
  schemaVersion: z.literal(1),
  sprintId: z.number().int(),
  computedAt: z.number(),
  deferred: z.array(deferredTicketSchema),
  defects: z.object({ opened: z.number().int(), closed: z.number().int(), net: z.number().int() }),
  /** Issue 12, item 4: kept for the active sprint only (empty for closed ones, and in records from before it). */
  waiting: z.array(waitingTicketSchema).default([]),
  /**
   * The defects planned so far into the board's next (future) sprint, found by the same search
   * (sprint-ledger.ts), for the dashboard's defect-count plan; records from before it, or computed
   * without a future sprint, lack it.
   */
  nextSprint: z.object({ sprintId: z.number().int(), defects: z.object({ count: z.number().int().min(0), estimated: z.number().int().min(0) }) }).optional(),
});
export type SprintLedger = z.infer<typeof ledgerSchema>;

export const ledgerRecords = {
  read: (store: KeyValueStore, projectKey: string, sprintId: number): Promise<ReadResult<SprintLedger>> => readRecord(store, ledgerKey(projectKey, sprintId), ledgerSchema),
  write: (store: KeyValueStore, projectKey: string, value: SprintLedger): Promise<SprintLedger> => writeRecord(store, ledgerKey(projectKey, value.sprintId), ledgerSchema, value),
};
