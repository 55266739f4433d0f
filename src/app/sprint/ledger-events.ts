/**
 * A change Jira's events reported, recorded in the ledger's journal (issue 13, item 3): one KVS
 * write, no Jira call. The reconciliation folds the journal into the sprint issue cache
 * (ledger-reconcile.ts). The triggers parse the events (triggers/ledger-event.ts for worklogs and
 * deleted issues, triggers/issue-event.ts for created and updated issues).
 *
 * A change named with its project is recorded only when the project uses the app. A worklog event
 * does not say which project its issue is in, so every one is recorded; the hourly run drops those
 * no cached sprint holds (ledger-reconcile.ts).
 */
import type { LedgerChange } from '../../domain/ledger-changes';
import type { Ports } from '../../ports';
import { keys } from '../storage/keys';
import { ledgerJournal } from './ledger-journal';

export type LedgerEventOutcome = { readonly status: 'recorded'; readonly change: LedgerChange } | { readonly status: 'ignored'; readonly reason: string };

export async function recordLedgerChange(ports: Ports, change: LedgerChange, projectKey?: string): Promise<LedgerEventOutcome> {
  if (projectKey !== undefined && (await ports.store.get(keys.project(projectKey))) === undefined) return { status: 'ignored', reason: `Project ${projectKey} does not use Interrupt Budget.` };
  await ledgerJournal.record(ports.store, change, ports.clock.now(), projectKey);
  return { status: 'recorded', change };
}
