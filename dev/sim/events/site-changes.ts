/**
 * What Jira's users do that the app's REST client never does — log, edit and delete work, move an
 * issue through its workflow, delete an issue — as one call each, so tests and the bench change the
 * site the way people do, and the site raises the events Jira would (forge-events.ts).
 */
import type { SiteIssue, SiteWorklog } from '../site/model';
import type { SiteStore } from '../site/store';

export interface SiteChanges {
  /** Work logged by `authorId` (default the issue's assignee, else its reporter); the new worklog's id. */
  logWork(issueKey: string, work: { readonly startedMs: number; readonly seconds: number; readonly authorId?: string }): string;
  editWorklog(issueKey: string, worklogId: string, patch: { readonly startedMs?: number; readonly seconds?: number }): void;
  deleteWorklog(issueKey: string, worklogId: string): void;
  /** Move the issue to the status named (a transition, which the simulator does not run as a workflow). */
  setStatus(issueKey: string, statusName: string): void;
  deleteIssue(issueKey: string): void;
}

export function siteChanges(store: SiteStore, causedBy: () => string | undefined): SiteChanges {
  const issueOf = (key: string): SiteIssue => {
    const issue = store.issue(key);
    if (!issue) throw new Error(`No issue ${key} on the simulated site.`);
    return issue;
  };
  let nextWorklogId = Math.max(100_000, ...store.issues.flatMap((i) => i.worklogs.map((w) => Number(w.id)))) + 1;
  return {
    logWork(issueKey, work) {
      const issue = issueOf(issueKey);
      const now = store.clock.now();
      const worklog: SiteWorklog = { id: String(nextWorklogId++), authorId: work.authorId ?? issue.assigneeId ?? issue.reporterId, startedMs: work.startedMs, createdMs: now, seconds: work.seconds };
      store.write(issue, (i) => i.worklogs.push(worklog), { causedBy: causedBy() });
      return worklog.id;
    },
    editWorklog(issueKey, worklogId, patch) {
      const issue = issueOf(issueKey);
      const index = issue.worklogs.findIndex((w) => w.id === worklogId);
      const was = issue.worklogs[index];
      if (!was) throw new Error(`No worklog ${worklogId} on ${issueKey}.`);
      store.write(issue, (i) => (i.worklogs[index] = { ...was, ...patch, updatedMs: store.clock.now() }), { causedBy: causedBy() });
    },
    deleteWorklog(issueKey, worklogId) {
      const issue = issueOf(issueKey);
      if (!issue.worklogs.some((w) => w.id === worklogId)) throw new Error(`No worklog ${worklogId} on ${issueKey}.`);
      store.write(issue, (i) => (i.worklogs = i.worklogs.filter((w) => w.id !== worklogId)), { causedBy: causedBy() });
    },
    setStatus(issueKey, statusName) {
      const issue = issueOf(issueKey);
      const status = store.projectOf(issue).statuses.find((s) => s.name === statusName);
      if (!status) throw new Error(`${issueKey}'s project has no status ${statusName}.`);
      store.write(issue, (i) => (i.statusId = status.id), { causedBy: causedBy() });
    },
    deleteIssue(issueKey) {
      store.removeIssue(issueOf(issueKey), causedBy());
    },
  };
}
