/**
 * The demo Jira site as plain data: what the simulator stores, mutates and renders into Jira's JSON.
 * Kept close to how Jira itself models things (ids as strings where Jira's JSON has strings, sprint
 * ids as numbers) so rendering is a straight mapping, and times as epoch milliseconds so JQL can
 * compare them.
 */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';
export type SprintState = 'closed' | 'active' | 'future';
export type LoginRole = 'admin' | 'po' | 'dev' | 'outsider' | 'app';

export interface StatusDef {
  readonly id: string;
  readonly name: string;
  readonly category: StatusCategoryKey;
}

export interface IssueTypeDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Set on team-managed projects, whose issue types belong to the project. */
  readonly projectScoped: boolean;
}

export interface PriorityDef {
  readonly id: string;
  readonly name: string;
  readonly icon: string;
  /** 5 = Highest … 1 = Lowest: the order JQL sorts and compares priorities by. */
  readonly weight: number;
}

export interface NamedDef {
  readonly id: string;
  readonly name: string;
}

export interface SiteUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly email: string;
  /** The role whose login this is; team members without a login have none. */
  readonly login?: LoginRole;
  /** API token for HTTP basic auth; absent for users who cannot log in. */
  readonly token?: string;
  readonly timeZone: string;
  /** `app` for an app's own account (what `asApp()` calls Jira as); people are `atlassian` (the default). */
  readonly accountType?: 'atlassian' | 'app';
  /**
   * Project permissions taken from this user on every project (a test's hook, e.g. a product owner
   * without Assign Issues); none by default.
   */
  revokedPermissions?: string[];
}

export interface Project {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  /** Team-managed ("next-gen") projects are `simplified` in Jira's JSON. */
  readonly teamManaged: boolean;
  readonly leadAccountId: string;
  readonly statuses: readonly StatusDef[];
  readonly issueTypes: readonly IssueTypeDef[];
  readonly components: readonly NamedDef[];
}

export interface Board {
  readonly id: number;
  readonly name: string;
  readonly projectId: string;
  readonly filterId: string;
  readonly estimationField: { readonly id: string; readonly name: string };
}

export interface Sprint {
  readonly id: number;
  readonly boardId: number;
  name: string;
  state: SprintState;
  goal: string;
  startMs?: number;
  endMs?: number;
  completeMs?: number;
  readonly createdMs: number;
}

/** One SLA cycle, measured at `measuredAtMs`; a running cycle keeps counting after that. */
export interface SlaCycle {
  readonly startMs: number;
  readonly goalMs: number;
  readonly elapsedMs: number;
  readonly measuredAtMs: number;
  /** Completed cycles only. */
  readonly stopMs?: number;
  /** Ongoing cycles only. */
  readonly paused?: boolean;
}

export interface SlaValue {
  readonly fieldId: string;
  readonly slaId: string;
  readonly name: string;
  readonly format: 'NEW_SLA_FORMAT' | 'OLD_SLA_FORMAT';
  readonly completed: readonly SlaCycle[];
  readonly ongoing?: SlaCycle;
}

export interface SiteWorklog {
  readonly id: string;
  /** '' for work Jira cannot attribute (imported or anonymous): its author comes without an account id. */
  readonly authorId: string;
  readonly startedMs: number;
  readonly createdMs: number;
  /** When it was last edited; `createdMs` when never. */
  readonly updatedMs?: number;
  readonly seconds: number;
  readonly comment?: string;
}

export interface SiteComment {
  readonly id: string;
  readonly authorId: string;
  /** ADF document, stored as the caller sent it. */
  readonly body: unknown;
  readonly createdMs: number;
  readonly visibility?: unknown;
}

export interface SiteIssue {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  summary: string;
  readonly typeId: string;
  statusId: string;
  priorityId: string | null;
  resolutionId: string | null;
  labels: string[];
  componentIds: string[];
  readonly createdMs: number;
  updatedMs: number;
  resolvedMs: number | null;
  assigneeId: string | null;
  reporterId: string;
  /** Story points, held in the project's board estimation field. */
  points: number | null;
  severityId: string | null;
  /** Sprint ids, oldest first; at most one of them active or future. */
  sprintIds: number[];
  slas: SlaValue[];
  worklogs: SiteWorklog[];
  comments: SiteComment[];
  properties: Record<string, unknown>;
  /** Backlog order: lower ranks first. */
  rank: number;
  originalEstimateSeconds: number | null;
  /**
   * The issue's security level (site/security.ts), or null: with a level, only the level's members
   * see the issue at all, whatever their project permissions.
   */
  securityLevelId: string | null;
}

/** A link between two issues (`POST /rest/api/3/issueLink`): `outward` "relates to" `inward`, by link type name. */
export interface SiteIssueLink {
  readonly id: string;
  readonly typeName: string;
  readonly outwardIssueId: string;
  readonly inwardIssueId: string;
}
