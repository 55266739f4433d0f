/**
 * Storage keys. KVS keys allow `[a-zA-Z0-9:._\s-#]`, ≤ 500 chars, and can only be listed by prefix
 * (20 per page), so every key starts with its kind and project: everything of one kind and project
 * lists with one prefix. Numbers are zero-padded so prefix listings come back in numeric order.
 */
const pad = (n: number): string => String(n).padStart(9, '0');

export const keys = {
  settings: (projectKey: string) => `settings:${projectKey}`,
  /** The board's columns and the project's statuses for the WIP status picker, kept a day (settings/wip-status-options.ts). */
  wipStatusOptions: (projectKey: string) => `wip-statuses:${projectKey}`,
  /**
   * Who saved revision N of a project's settings, and when: created only (never overwritten) in the
   * transaction that stores that revision, so a second save of the same revision fails
   * (settings/save-settings.ts). Kept: one small record per save.
   */
  settingsRevision: (projectKey: string, revision: number) => `settings-revision:${projectKey}:${pad(revision)}`,
  settingsRevisions: (projectKey: string) => `settings-revision:${projectKey}:`,
  /**
   * Revision N of a project's settings as saved, written in the transaction that saves it and kept:
   * what was in force when, so a sprint is measured with the settings of its own time
   * (sprint/settings-in-force.ts). One record per save, about 1 KB.
   */
  settingsAt: (projectKey: string, revision: number) => `settings-at:${projectKey}:${pad(revision)}`,
  settingsAtAll: (projectKey: string) => `settings-at:${projectKey}:`,
  policyVersion: (projectKey: string, version: number) => `policy:${projectKey}:${pad(version)}`,
  policyVersions: (projectKey: string) => `policy:${projectKey}:`,
  baseline: (projectKey: string, sprintId: number) => `baseline:${projectKey}:${pad(sprintId)}`,
  rollup: (projectKey: string, sprintId: number) => `rollup:${projectKey}:${pad(sprintId)}`,
  /** When the sprint's numbers were last made out of date (a decision); its own key, so no rollup write erases it. */
  invalidation: (projectKey: string, sprintId: number) => `invalidated:${projectKey}:${pad(sprintId)}`,
  history: (projectKey: string, sprintId: number) => `history:${projectKey}:${pad(sprintId)}`,
  histories: (projectKey: string) => `history:${projectKey}:`,
  overflow: (projectKey: string, sprintId: number) => `overflow:${projectKey}:${pad(sprintId)}`,
  project: (projectKey: string) => `project:${projectKey}`,
  /** Where the last hourly rollup stopped for Jira's hourly quota, until a run completes (storage/rollup-progress.ts). One site-wide record. */
  rollupStop: () => 'rollup-stop',
  /** When the hourly rollup last finished the project, and when Jira's quota last cut it off (storage/rollup-progress.ts). */
  rollupStatus: (projectKey: string) => `rollup-status:${projectKey}`,
  projects: () => 'project:',
  /** The project's priorities and select options in the site's order, kept a day (storage/site-order.ts). */
  siteOrder: (projectKey: string) => `site-order:${projectKey}`,
  /** The site's field list as this project's readers see it, for field discovery (storage/field-list.ts). */
  fieldList: (projectKey: string) => `fields:${projectKey}`,
  fieldDiscovery: (projectKey: string) => `field-discovery:${projectKey}`,
  /** One applied triage decision of an issue, created only (storage/decision-audit.ts). */
  decisionEntry: (issueKey: string, seq: number) => `decision:${issueKey}:${pad(seq)}`,
  decisionEntries: (issueKey: string) => `decision:${issueKey}:`,
  /** The issue's newest decision entry (a copy), so the panel reads one key. */
  decisionLatest: (issueKey: string) => `decision-latest:${issueKey}`,
  /** The issue trigger's latest suggested verdict on the issue, as the app recorded it (storage/suggestion-record.ts). */
  suggestion: (issueKey: string) => `suggestion:${issueKey}`,
  /** Who is applying a decision to the issue right now (decision/apply-lock.ts). */
  applyLock: (issueKey: string) => `apply-lock:${issueKey}`,
  /** The create-only claim that takes over one abandoned lock, named by that lock's token. */
  applyLockTakeover: (issueKey: string, staleToken: string) => `apply-lock:${issueKey}:takeover:${staleToken}`,
  adminCheck: (accountId: string, projectKey: string) => `admin-check:${projectKey}:${accountId}`,
  /** A user's permissions on an issue that let them apply, kept five minutes (storage/issue-permissions.ts). */
  issuePermissions: (issueKey: string, accountId: string) => `issue-permissions:${issueKey}:${accountId}`,
  /** The project's Scrum board and its sprints, read as the app, kept a day or until a sprint event (storage/board-sprints.ts). */
  boardSprints: (projectKey: string) => `board-sprints:${projectKey}`,
  /** Whether the project has issues with a security level, asked as the app once a day (storage/issue-security.ts). */
  issueSecurity: (projectKey: string) => `issue-security:${projectKey}`,
  /**
   * A person's display name and avatar as Jira gave them, or that it knows no such person, kept a
   * day (people/people-directory.ts). One small record per account id, site-wide.
   */
  person: (accountId: string) => `person:${accountId}`,
  /** An interrupt's follow-ups checklist (issue 14, item 2; storage/follow-ups.ts). One small record per issue. */
  followUp: (issueKey: string) => `follow-up:${issueKey}`,
  /**
   * Who saved revision N of an issue's follow-ups: created only, before that revision is written, so
   * two saves from the same revision cannot both win (storage/follow-ups.ts). Kept, ~100 bytes a save.
   */
  followUpRevision: (issueKey: string, revision: number) => `follow-up-revision:${issueKey}:${pad(revision)}`,
  followUpRevisions: (issueKey: string) => `follow-up-revision:${issueKey}:`,
  /**
   * Who is creating the corrective action of an issue's follow-ups at revision N: created only,
   * before Jira is asked, so two clicks at once create one issue (follow-ups/create-corrective-action.ts).
   * Deleted when the create fails; kept after it (the record then holds the issue).
   */
  followUpCreate: (issueKey: string, revision: number) => `follow-up-create:${issueKey}:${pad(revision)}`,
} as const;

/** Jira project keys: upper-case letter first, then letters, digits or underscores. */
export const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
