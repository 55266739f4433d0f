/**
 * `avi:jira:{created,updated,deleted}:worklog`, `avi:jira:deleted:issue` and `avi:jira:commented:issue`: record the change in
 * the ledger's journal (app/sprint/ledger-events.ts). Acts as the app, asks Jira nothing; one log
 * line per event (trigger-log.ts), never the payload.
 */
import { recordLedgerChange, type LedgerEventOutcome } from '../app/sprint/ledger-events';
import { PROJECT_KEY } from '../app/storage/keys';
import { forgeAppPorts } from '../forge/forge-app-ports';
import type { Ports } from '../ports';
import { issueDeletedEventSchema, worklogChangeOf, worklogEventSchema } from './ledger-event-schema';
import { eventIdentity, logTrigger } from './trigger-log';

/** The testable core: the event (untrusted until parsed) and the ports to act with. */
export async function handleLedgerEvent(event: unknown, ports: Ports): Promise<LedgerEventOutcome> {
  const worklog = worklogEventSchema.safeParse(event);
  if (worklog.success) return recordLedgerChange(ports, worklogChangeOf(worklog.data));
  const deleted = issueDeletedEventSchema.safeParse(event);
  if (deleted.success) {
    const { issue } = deleted.data;
    const projectKey = issue.key.split('-')[0] ?? '';
    if (!PROJECT_KEY.test(projectKey)) return { status: 'ignored', reason: `${issue.key} is not an issue key.` };
    const atMs = issue.fields?.updated ?? ports.clock.now();
    return recordLedgerChange(ports, { kind: deleted.data.eventType === 'avi:jira:deleted:issue' ? 'deleted' : 'touched', issueId: issue.id, atMs }, projectKey);
  }
  return { status: 'ignored', reason: 'The payload is not a worklog, issue deleted or comment event the app can read (a worklog event needs the worklog’s id, issue, start, time spent and last update).' };
}

export function ledgerEventHandler(portsFor: () => Ports): (event: unknown, context: unknown) => Promise<void> {
  return async (event) => {
    const identity = eventIdentity(event);
    try {
      const outcome = await handleLedgerEvent(event, portsFor());
      if (outcome.status === 'ignored') logTrigger('warn', { trigger: 'ledger-event', ...identity, outcome: 'ignored', why: outcome.reason });
      else logTrigger('info', { trigger: 'ledger-event', ...identity, outcome: 'recorded', change: outcome.change.kind });
    } catch (error) {
      logTrigger('warn', { trigger: 'ledger-event', ...identity, outcome: 'failed', why: error instanceof Error ? error.name : 'unknown error' });
      console.error('Interrupt Budget: the ledger trigger failed', error);
    }
  };
}

/** The Forge handler (manifest: `index.onLedgerEvent`). */
export const onLedgerEvent = ledgerEventHandler(() => forgeAppPorts());
