/**
 * `avi:jira:created:issue` / `avi:jira:updated:issue`: record the change in the ledger's journal
 * (app/sprint/ledger-journal.ts: read the issue again, or only "touched"), and the policy's
 * *suggested* verdict on a new or changed support ticket (app/decision/record-suggestion.ts).
 *
 * Before asking Jira anything it drops what it must not or need not handle: a payload that is not a
 * valid issue event, a project that does not use the app (the project registry), and an update that
 * changed nothing the policy reads. The app's own writes are filtered by the manifest (`ignoreSelf`)
 * and, should one get through, by that last rule too: they only touch sprints, assignees, comments
 * and the app's own labels.
 */
import { recordSuggestion, type SuggestionOutcome } from '../app/decision/record-suggestion';
import { projectOfIssueKey } from '../app/decision/issue-snapshot';
import { keys } from '../app/storage/keys';
import { loadSettings } from '../app/storage/settings-repository';
import { forgeAppPorts } from '../forge/forge-app-ports';
import type { Ports } from '../ports';
import { issueSecurity } from '../app/storage/issue-security';
import { isRelevantChange, issueEventSchema, setsSecurityLevel } from './issue-event-schema';
import { issueChangeOf } from './ledger-event-schema';
import { eventIdentity, logTrigger } from './trigger-log';
import { ledgerJournal } from '../app/sprint/ledger-journal';

const ignored = (reason: string): SuggestionOutcome => ({ status: 'ignored', reason });

/** The testable core: the event (untrusted until parsed) and the ports to act with. */
export async function handleIssueEvent(event: unknown, ports: Ports): Promise<SuggestionOutcome> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) return ignored('The payload is not an issue created or updated event.');
  const { eventType, issue, changelog } = parsed.data;
  const projectKey = issue.fields?.project?.key ?? projectOfIssueKey(issue.key);
  if ((await ports.store.get(keys.project(projectKey))) === undefined) return ignored(`Project ${projectKey} does not use Interrupt Budget.`);
  // The ledger's journal first (issue 13, item 3): whatever the policy makes of it, the issue changed.
  await ledgerJournal.record(ports.store, issueChangeOf(parsed.data, ports.clock.now()), ports.clock.now(), projectKey);
  // A new security level: the dashboard's lists are checked per viewer from now on, not from the next daily check.
  if (setsSecurityLevel(parsed.data)) await issueSecurity.markSecured(ports, projectKey, issue.id);
  const loaded = await loadSettings(ports.store, projectKey);
  if (eventType === 'avi:jira:updated:issue' && changelog) {
    const { labels, severityFieldId, needsInfo } = loaded.settings;
    const options = { appLabels: [labels.interrupt, labels.deferred, needsInfo.label], severityFieldId };
    if (!changelog.items.some((item) => isRelevantChange(item, options))) return ignored('Nothing the policy reads has changed.');
  }
  return recordSuggestion(ports, { issueKey: issue.key, projectKey }, loaded);
}

/**
 * The handler with its ports injected (tests). Never throws: a failed suggestion is logged, not
 * retried. Each event leaves one log line (trigger-log.ts): what was suggested, or why nothing was.
 */
export function issueEventHandler(portsFor: () => Ports): (event: unknown, context: unknown) => Promise<void> {
  return async (event) => {
    const identity = eventIdentity(event);
    try {
      const outcome = await handleIssueEvent(event, portsFor());
      if (outcome.status === 'ignored') logTrigger('warn', { trigger: 'issue-event', ...identity, outcome: 'ignored', why: outcome.reason });
      else logTrigger('info', { trigger: 'issue-event', ...identity, outcome: outcome.status, suggestion: outcome.suggestion.outcome });
    } catch (error) {
      logTrigger('warn', { trigger: 'issue-event', ...identity, outcome: 'failed', why: error instanceof Error ? error.name : 'unknown error' });
      console.error('Interrupt Budget: the issue trigger failed', error);
    }
  };
}

/** The Forge handler (manifest: `index.onIssueEvent`). */
export const onIssueEvent = issueEventHandler(() => forgeAppPorts());
