/**
 * What Jira's events say about the ledger (issue 13, item 3), as changes for the journal
 * (app/sprint/ledger-journal.ts):
 * - `avi:jira:{created,updated,deleted}:worklog`: the worklog as it now is (or was, when deleted) —
 *   applied without asking Jira anything;
 * - `avi:jira:deleted:issue`: the issue leaves the ledger;
 * - `avi:jira:commented:issue`: "touched" — a comment moves `updated`, nothing the ledger reads;
 * - `avi:jira:{created,updated}:issue`: created, or a field the ledger reads changed → read the
 *   issue again; only fields it does not read changed (description, comments, the time-tracking
 *   totals Jira updates along with a worklog) → "touched", which only explains the issue's new
 *   `updated` to the reconciliation's count.
 *
 * Issue events per https://developer.atlassian.com/platform/forge/events-reference/jira/ (payload
 * `issue` with `id`, `key`, `fields` including `updated`; updates carry `changelog.items`). The
 * worklog events' payload is assumed to carry `worklog` as Jira's REST API and webhooks shape it
 * (`id`, `issueId`, `author`, `started`, `timeSpentSeconds`, `created`, `updated`): the Forge
 * reference lists the worklog events without a type reference we could read. Only those fields
 * are read; a payload without them is refused with a sentence and leaves nothing recorded.
 */
import { z } from 'zod';
import { isValid, parseISO } from 'date-fns';
import type { LedgerChange, WorklogChange } from '../domain/ledger-changes';
import type { IssueEvent } from './issue-event-schema';

export const WORKLOG_EVENTS = ['avi:jira:created:worklog', 'avi:jira:updated:worklog', 'avi:jira:deleted:worklog'] as const;
export const ISSUE_DELETED_EVENT = 'avi:jira:deleted:issue';
export const ISSUE_COMMENTED_EVENT = 'avi:jira:commented:issue';

const numericId = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String);
const instant = z.string().transform((text, ctx) => {
  const parsed = parseISO(text);
  if (!isValid(parsed)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date and time` });
    return z.NEVER;
  }
  return parsed.getTime();
});

export const worklogEventSchema = z
  .object({
    eventType: z.enum(WORKLOG_EVENTS),
    worklog: z
      .object({
        id: numericId,
        issueId: numericId,
        started: instant,
        timeSpentSeconds: z.number().finite().nonnegative(),
        updated: instant,
        author: z.object({ accountId: z.string().min(1) }).loose().nullish().catch(null),
      })
      .loose(),
  })
  .loose();

/** A deleted issue, or a comment (which moves the issue's `updated` and nothing the ledger reads). */
export const issueDeletedEventSchema = z
  .object({
    eventType: z.enum([ISSUE_DELETED_EVENT, ISSUE_COMMENTED_EVENT]),
    issue: z.object({ id: numericId, key: z.string(), fields: z.object({ updated: instant.optional().catch(undefined) }).loose().nullish() }).loose(),
  })
  .loose();

/** The journal's change for a worklog event. */
export function worklogChangeOf(event: z.infer<typeof worklogEventSchema>): WorklogChange {
  const { worklog } = event;
  return {
    kind: 'worklog',
    issueId: worklog.issueId,
    worklogId: worklog.id,
    atMs: worklog.updated,
    deleted: event.eventType === 'avi:jira:deleted:worklog',
    startedMs: worklog.started,
    seconds: worklog.timeSpentSeconds,
    ...(worklog.author ? { authorAccountId: worklog.author.accountId } : {}),
  };
}

/**
 * Fields whose change the ledger does not read: everything else (a custom field we cannot place
 * included) means read the issue again. Jira sends `timespent`, `timeestimate` and `WorklogId`
 * items with every worklog; the worklog's own event carries the change.
 */
const NOT_READ = new Set([
  'description', 'comment', 'attachment', 'environment', 'rank', 'link', 'issuelinks', 'timespent', 'timeestimate',
  'timeoriginalestimate', 'worklogid', 'duedate', 'fix version', 'fixversions', 'version', 'versions', 'watches', 'votes',
]);

const readByLedger = (item: { field?: string | null; fieldId?: string | null }): boolean => {
  const id = item.fieldId?.trim().toLowerCase();
  const name = item.field?.trim().toLowerCase();
  return !((id !== undefined && id !== '' && NOT_READ.has(id)) || (name !== undefined && name !== '' && NOT_READ.has(name)));
};

/** When the issue changed by Jira's clock: its `updated` in the payload, else `fallbackMs` (our clock). */
function updatedMsOf(event: IssueEvent, fallbackMs: number): number {
  const updated = instant.safeParse(event.issue.fields?.['updated']);
  return updated.success ? updated.data : fallbackMs;
}

const TIME_TRACKING = new Set(['timespent', 'worklogid']);
const isTimeTracking = (item: { field?: string | null; fieldId?: string | null }): boolean =>
  TIME_TRACKING.has(item.fieldId?.trim().toLowerCase() ?? '') || TIME_TRACKING.has(item.field?.trim().toLowerCase() ?? '');

/** The journal's change for an issue created or updated event. */
export function issueChangeOf(event: IssueEvent, nowMs: number): LedgerChange {
  const atMs = updatedMsOf(event, nowMs);
  const items = event.changelog?.items ?? [];
  const read = event.eventType === 'avi:jira:created:issue' || items.length === 0 || items.some(readByLedger);
  if (read) return { kind: 'read', issueId: event.issue.id, atMs };
  return { kind: 'touched', issueId: event.issue.id, atMs, ...(items.some(isTimeTracking) ? { worklog: true } : {}) };
}
