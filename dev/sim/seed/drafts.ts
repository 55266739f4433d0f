/**
 * Issues before they get ids and keys. The generators describe issues in terms of the sprint
 * windows; seeding then numbers them in creation order, as Jira would have.
 */
import type { Prng } from '../prng';
import type { Board, IssueTypeDef, Project, SiteIssue, SiteWorklog, Sprint, StatusDef } from '../site/model';

export type WorklogDraft = Omit<SiteWorklog, 'id'>;

export interface IssueDraft extends Omit<SiteIssue, 'id' | 'key' | 'rank' | 'worklogs'> {
  worklogs: WorklogDraft[];
}

/** Where a piece of work stands: mapped to each project's own workflow. */
export type Phase = 'todo' | 'progress' | 'review' | 'waiting' | 'done';

export interface ProjectSeed {
  readonly prng: Prng;
  readonly project: Project;
  readonly board: Board;
  /** The 12 closed sprints, oldest first. */
  readonly closed: readonly Sprint[];
  readonly active: Sprint;
  readonly future: Sprint;
  readonly anchorMs: number;
  /** Only the company-managed service project has JSM SLA fields. */
  readonly hasSla: boolean;
  readonly poId: string;
  /** People who pick up and log work. */
  readonly workers: readonly string[];
}

const PHASE_STATUS: Record<'team' | 'company', Record<'work' | 'support', Record<Phase, readonly string[]>>> = {
  company: {
    work: { todo: ['To Do'], progress: ['In Progress'], review: ['In Review'], waiting: ['In Progress'], done: ['Done'] },
    support: { todo: ['Open'], progress: ['In Progress'], review: ['In Progress'], waiting: ['Waiting for support', 'Waiting for customer'], done: ['Resolved', 'Done'] },
  },
  team: {
    work: { todo: ['To Do'], progress: ['In Progress'], review: ['In Review'], waiting: ['In Progress'], done: ['Done'] },
    support: { todo: ['To Do'], progress: ['In Progress'], review: ['In Review'], waiting: ['In Progress'], done: ['Done'] },
  },
};

export function statusFor(seed: ProjectSeed, phase: Phase, support: boolean): StatusDef {
  const names = PHASE_STATUS[seed.project.teamManaged ? 'team' : 'company'][support ? 'support' : 'work'][phase];
  const name = seed.prng.pick(names);
  const status = seed.project.statuses.find((s) => s.name === name);
  if (!status) throw new Error(`No status ${name} in ${seed.project.key}.`);
  return status;
}

export function issueType(project: Project, name: string): IssueTypeDef {
  const type = project.issueTypes.find((t) => t.name === name);
  if (!type) throw new Error(`No issue type ${name} in ${project.key}.`);
  return type;
}

/** A draft with the fields every issue has; generators fill in the rest. */
export function baseDraft(seed: ProjectSeed, typeName: string, summary: string, createdMs: number): IssueDraft {
  return {
    projectId: seed.project.id,
    summary,
    typeId: issueType(seed.project, typeName).id,
    statusId: statusFor(seed, 'todo', false).id,
    priorityId: '3',
    resolutionId: null,
    labels: [],
    componentIds: [],
    createdMs,
    updatedMs: createdMs,
    resolvedMs: null,
    assigneeId: null,
    reporterId: seed.poId,
    points: null,
    severityId: null,
    sprintIds: [],
    slas: [],
    worklogs: [],
    comments: [],
    properties: {},
    originalEstimateSeconds: null,
    securityLevelId: null,
  };
}

/** Move a draft to a phase at an instant: status, resolution, resolution date and `updated`. */
export function settle(seed: ProjectSeed, draft: IssueDraft, phase: Phase, support: boolean, atMs: number): void {
  draft.statusId = statusFor(seed, phase, support).id;
  if (phase === 'done') {
    draft.resolutionId = support && seed.prng.chance(0.1) ? seed.prng.pick(['10001', '10002']) : '10000';
    draft.resolvedMs = atMs;
  }
  draft.updatedMs = Math.max(draft.updatedMs, atMs);
}
