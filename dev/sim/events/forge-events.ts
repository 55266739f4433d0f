/**
 * The Forge product events the simulated site raises for its changes, shaped as Forge documents
 * them (https://developer.atlassian.com/platform/forge/events-reference/jira/):
 * - `avi:jira:created:issue` / `avi:jira:updated:issue`: `issue` (`id`, `key`, `fields` with
 *   summary, issuetype, creator, created, project, reporter, assignee, updated, status), the acting
 *   user's `atlassianId`, `associatedUsers`, and for updates a `changelog` whose items name each
 *   changed field (`field`, `fieldtype`, `fieldId`, `from`, `fromString`, `to`, `toString`);
 *   work logged changes Jira's time tracking too: `timespent` (seconds) and `WorklogId` items.
 * - `avi:jira:deleted:issue`: the issue as it was.
 * - `avi:jira:commented:issue`: the issue and the comment.
 * - `avi:jira:{created,updated,deleted}:worklog`: `worklog` as Jira's REST API shapes it (`id`,
 *   `issueId`, `author`, `updateAuthor`, `started`, `timeSpent`, `timeSpentSeconds`, `created`,
 *   `updated`). The Forge reference gives no type reference for these we could read; this is the
 *   shape of Jira's worklog webhooks and REST answers (an assumption, said in ledger-event-schema.ts).
 * One place diffs an issue before and after a write (`eventsOfChange`), so every change the site
 * makes — through REST or a test's `store.write` — raises its events.
 */
import { jiraTime, trackingDuration } from '../jira-format';
import { SEVERITY_FIELD, SPRINT_FIELD, STORY_POINTS_FIELD, STORY_POINT_ESTIMATE_FIELD } from '../site/fields';
import { SEVERITY_OPTIONS } from '../site/catalog';
import type { SiteIssue, SiteWorklog } from '../site/model';
import type { SiteStore } from '../site/store';

export interface ChangelogItem {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

/** One event as a Forge trigger receives it, with who caused it (for `ignoreSelf`). */
export interface SimEvent {
  readonly payload: Record<string, unknown> & { readonly eventType: string };
  /** The account whose action raised it; Forge leaves out, with `ignoreSelf`, those the app caused. */
  readonly causedBy: string | undefined;
  /** The site's time it was raised. */
  readonly atMs: number;
}

const user = (accountId: string | null) => (accountId ? { accountId } : null);

function issuePayload(store: SiteStore, issue: SiteIssue): Record<string, unknown> {
  const project = store.projectOf(issue);
  const type = project.issueTypes.find((t) => t.id === issue.typeId);
  const status = project.statuses.find((s) => s.id === issue.statusId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: type ? { id: type.id, name: type.name } : null,
      creator: user(issue.reporterId),
      created: jiraTime(issue.createdMs),
      project: { id: project.id, key: project.key, name: project.name },
      reporter: user(issue.reporterId),
      assignee: user(issue.assigneeId),
      updated: jiraTime(issue.updatedMs),
      status: status ? { id: status.id, name: status.name } : null,
    },
  };
}

function worklogPayload(issue: SiteIssue, worklog: SiteWorklog): Record<string, unknown> {
  return {
    id: worklog.id,
    issueId: issue.id,
    author: user(worklog.authorId || null),
    updateAuthor: user(worklog.authorId || null),
    created: jiraTime(worklog.createdMs),
    updated: jiraTime(worklog.updatedMs ?? worklog.createdMs),
    started: jiraTime(worklog.startedMs),
    timeSpent: trackingDuration(worklog.seconds),
    timeSpentSeconds: worklog.seconds,
  };
}

const item = (field: string, fieldId: string, fieldtype: 'jira' | 'custom', from: string | null, fromString: string | null, to: string | null, toString: string | null): ChangelogItem => ({ field, fieldtype, fieldId, from, fromString, to, toString });

/** The changelog items of what changed between `before` and `after`, as Jira writes them. */
function changelog(store: SiteStore, before: SiteIssue, after: SiteIssue): ChangelogItem[] {
  const project = store.projectOf(after);
  const items: ChangelogItem[] = [];
  const statusName = (id: string) => project.statuses.find((s) => s.id === id)?.name ?? id;
  const priorityName = (id: string | null) => (id === null ? null : store.priorities.find((p) => p.id === id)?.name ?? id);
  const sprintNames = (ids: readonly number[]) => ids.map((id) => store.sprint(id)?.name ?? String(id)).join(', ');
  const severityName = (id: string | null) => (id === null ? null : SEVERITY_OPTIONS.find((o) => o.id === id)?.value ?? id);
  if (before.summary !== after.summary) items.push(item('summary', 'summary', 'jira', null, before.summary, null, after.summary));
  if (before.statusId !== after.statusId) items.push(item('status', 'status', 'jira', before.statusId, statusName(before.statusId), after.statusId, statusName(after.statusId)));
  if (before.resolutionId !== after.resolutionId) items.push(item('resolution', 'resolution', 'jira', before.resolutionId, before.resolutionId, after.resolutionId, after.resolutionId));
  if (before.priorityId !== after.priorityId) items.push(item('priority', 'priority', 'jira', before.priorityId, priorityName(before.priorityId), after.priorityId, priorityName(after.priorityId)));
  if (before.assigneeId !== after.assigneeId) items.push(item('assignee', 'assignee', 'jira', before.assigneeId, before.assigneeId, after.assigneeId, after.assigneeId));
  if (before.labels.join(' ') !== after.labels.join(' ')) items.push(item('labels', 'labels', 'jira', null, before.labels.join(' '), null, after.labels.join(' ')));
  if (before.componentIds.join() !== after.componentIds.join()) items.push(item('Component', 'components', 'jira', before.componentIds.join(', ') || null, null, after.componentIds.join(', ') || null, null));
  if (before.sprintIds.join() !== after.sprintIds.join()) items.push(item('Sprint', SPRINT_FIELD, 'custom', before.sprintIds.join(', ') || null, sprintNames(before.sprintIds) || null, after.sprintIds.join(', ') || null, sprintNames(after.sprintIds) || null));
  if (before.severityId !== after.severityId) items.push(item('Severity', SEVERITY_FIELD, 'custom', before.severityId, severityName(before.severityId), after.severityId, severityName(after.severityId)));
  if (before.points !== after.points) {
    const fieldId = project.teamManaged ? STORY_POINT_ESTIMATE_FIELD : STORY_POINTS_FIELD;
    items.push(item(project.teamManaged ? 'Story point estimate' : 'Story Points', fieldId, 'custom', null, before.points === null ? null : String(before.points), null, after.points === null ? null : String(after.points)));
  }
  if (before.securityLevelId !== after.securityLevelId) items.push(item('security', 'security', 'jira', before.securityLevelId, before.securityLevelId, after.securityLevelId, after.securityLevelId));
  const spent = (issue: SiteIssue) => issue.worklogs.reduce((s, w) => s + w.seconds, 0);
  if (JSON.stringify(before.worklogs) !== JSON.stringify(after.worklogs)) {
    items.push(item('timespent', 'timespent', 'jira', String(spent(before)), String(spent(before)), String(spent(after)), String(spent(after))));
    const added = after.worklogs.filter((w) => !before.worklogs.some((b) => b.id === w.id));
    const removed = before.worklogs.filter((w) => !after.worklogs.some((a) => a.id === w.id));
    for (const w of added) items.push(item('WorklogId', 'worklogId', 'jira', null, null, w.id, w.id));
    for (const w of removed) items.push(item('WorklogId', 'worklogId', 'jira', w.id, w.id, null, null));
  }
  return items;
}

/** The events of one write: the issue's update (when a field changed), its comments, its worklogs. */
export function eventsOfChange(store: SiteStore, before: SiteIssue, after: SiteIssue, causedBy: string | undefined, atMs: number): SimEvent[] {
  const events: SimEvent[] = [];
  const actor = causedBy ? { atlassianId: causedBy, associatedUsers: [{ accountId: causedBy }] } : {};
  const items = changelog(store, before, after);
  const issue = issuePayload(store, after);
  if (items.length > 0) events.push({ payload: { eventType: 'avi:jira:updated:issue', issue, ...actor, changelog: { id: `${after.id}-${atMs}`, items } }, causedBy, atMs });
  for (const comment of after.comments.filter((c) => !before.comments.some((b) => b.id === c.id))) {
    events.push({ payload: { eventType: 'avi:jira:commented:issue', issue, ...actor, comment: { id: comment.id, author: user(comment.authorId), created: jiraTime(comment.createdMs) } }, causedBy, atMs });
  }
  for (const w of after.worklogs) {
    const was = before.worklogs.find((b) => b.id === w.id);
    if (!was) events.push({ payload: { eventType: 'avi:jira:created:worklog', worklog: worklogPayload(after, w), ...actor }, causedBy, atMs });
    else if (JSON.stringify(was) !== JSON.stringify(w)) events.push({ payload: { eventType: 'avi:jira:updated:worklog', worklog: worklogPayload(after, w), ...actor }, causedBy, atMs });
  }
  for (const w of before.worklogs.filter((b) => !after.worklogs.some((a) => a.id === b.id))) {
    events.push({ payload: { eventType: 'avi:jira:deleted:worklog', worklog: worklogPayload(before, w), ...actor }, causedBy, atMs });
  }
  return events;
}

export function issueCreatedEvent(store: SiteStore, issue: SiteIssue, causedBy: string | undefined, atMs: number): SimEvent {
  const actor = causedBy ? { atlassianId: causedBy, associatedUsers: [{ accountId: causedBy }] } : {};
  return { payload: { eventType: 'avi:jira:created:issue', issue: issuePayload(store, issue), ...actor }, causedBy, atMs };
}

export function issueDeletedEvent(store: SiteStore, issue: SiteIssue, causedBy: string | undefined, atMs: number): SimEvent {
  const actor = causedBy ? { atlassianId: causedBy, associatedUsers: [{ accountId: causedBy }] } : {};
  return { payload: { eventType: 'avi:jira:deleted:issue', issue: issuePayload(store, issue), ...actor }, causedBy, atMs };
}
