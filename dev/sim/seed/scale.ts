/**
 * An optional, larger SUP board for benchmarks (`startSimulator({ scale })`): more closed sprints of
 * history, closed sprints padded to a given size, an active sprint of thousands of issues, and
 * support tickets with up to `maxWorklogsPerSupportTicket` worklogs (some above the 20 a search
 * embeds), and a real site's field list (field-catalog.ts: over 400 fields, most custom). Default
 * off: without `scale` the demo site is generated exactly as before, byte for byte.
 *
 * The extra issues are drawn from their own PRNG stream and made with the same generators as the
 * demo site (work items, support tickets, worklogs, SLAs), so they look like the rest of the site.
 */
import type { Prng } from '../prng';
import type { Board, Project, Sprint } from '../site/model';
import { baseDraft, settle, type IssueDraft, type Phase, type ProjectSeed } from './drafts';
import { settleTicket, supportTicket } from './support-tickets';
import { workSummary } from './summaries';
import { DAY, HOUR, MINUTE, anyInstant, workingDaysBefore } from './timeline';
import { logWork } from './worklogs';

export interface SiteScale {
  /** Issues in SUP's active sprint, about (the demo generators' own issues count towards it). */
  readonly activeSprintIssues: number;
  /** Closed sprints on SUP's board; default 26 (the demo site has 12). */
  readonly closedSprints?: number;
  /** Issues per closed sprint on SUP's board, about (never fewer than the demo generators make); default 16. */
  readonly closedSprintIssues?: number;
  /** Most worklogs on one support ticket; default 60. About one support ticket in ten has more than 20. */
  readonly maxWorklogsPerSupportTicket?: number;
  /** Share of the added issues that are support tickets; default 0.2. */
  readonly supportShare?: number;
  /** Custom fields added to the field list, as on a real site (seed/field-catalog.ts); default 420. */
  readonly customFields?: number;
}

export const SCALED_PROJECT_KEY = 'SUP';
const SPRINT_LENGTH = 14 * DAY;

/** The scaled board's sprints: `closedSprints` closed two-week sprints, the active one, a future one. */
export function scaledSprints(prng: Prng, project: Project, board: Board, firstId: number, anchorMs: number, scale: SiteScale): Sprint[] {
  const closedCount = scale.closedSprints ?? 26;
  const activeStart = workingDaysBefore(anchorMs, prng.int(2, 5));
  const sprint = (i: number, state: Sprint['state'], startMs?: number): Sprint => ({
    id: firstId + i,
    boardId: board.id,
    name: `${project.key} Sprint ${i + 1}`,
    state,
    goal: state === 'future' ? '' : `Scaled sprint ${i + 1}`,
    ...(startMs !== undefined ? { startMs, endMs: startMs + SPRINT_LENGTH } : {}),
    ...(state === 'closed' && startMs !== undefined ? { completeMs: startMs + SPRINT_LENGTH - prng.int(5, 240) * MINUTE } : {}),
    createdMs: (startMs ?? activeStart + DAY) - prng.int(1, 4) * DAY,
  });
  const sprints: Sprint[] = [];
  for (let i = 0; i < closedCount; i++) sprints.push(sprint(i, 'closed', activeStart - (closedCount - i) * SPRINT_LENGTH));
  sprints.push(sprint(closedCount, 'active', activeStart));
  const future = sprint(closedCount + 1, 'future');
  sprints.push({ ...future, createdMs: Math.min(anchorMs, activeStart + DAY) });
  return sprints;
}

/** How many worklogs a support ticket gets: mostly a few, some above the 20 a search embeds. */
function worklogCount(prng: Prng, max: number): number {
  const roll = prng.next();
  if (roll < 0.7) return prng.int(0, 6);
  if (roll < 0.9) return prng.int(7, Math.min(20, max));
  return prng.int(Math.min(21, max), max);
}

function workItem(seed: ProjectSeed, prng: Prng, createdMs: number): IssueDraft {
  const draft = baseDraft(seed, prng.chance(0.75) ? 'Story' : 'Task', workSummary(prng), createdMs);
  draft.points = prng.weighted<number | null>([[1, 2], [2, 3], [3, 4], [5, 3], [8, 2], [13, 1], [null, 1]]);
  draft.priorityId = prng.weighted([['2', 2], ['3', 6], ['4', 2]]);
  draft.assigneeId = prng.pick(seed.workers);
  if (prng.chance(0.6)) draft.componentIds = [prng.pick(seed.project.components).id];
  return draft;
}

/** One added issue in `sprint`: a work item, or a support ticket with its worklogs and SLAs. */
function paddingIssue(seed: ProjectSeed, prng: Prng, sprint: Sprint, scale: SiteScale): IssueDraft {
  const start = sprint.startMs ?? seed.anchorMs;
  const end = Math.min(sprint.completeMs ?? seed.anchorMs, seed.anchorMs);
  const closed = sprint.state === 'closed';
  const support = prng.chance(scale.supportShare ?? 0.2);
  const createdMs = support && prng.chance(0.6) ? anyInstant(prng, start + HOUR, Math.max(start + 2 * HOUR, end - HOUR)) : anyInstant(prng, start - 20 * DAY, start - HOUR);
  const draft = support ? supportTicket(seed, createdMs) : workItem(seed, prng, createdMs);
  draft.sprintIds = [sprint.id];
  draft.assigneeId = prng.pick(seed.workers);
  const phase: Phase = closed ? 'done' : prng.weighted<Phase>([['done', 3], ['review', 2], ['progress', 3], ['todo', 2]]);
  const from = Math.max(start, createdMs);
  const count = support ? worklogCount(prng, scale.maxWorklogsPerSupportTicket ?? 60) : phase === 'todo' ? 0 : prng.int(1, 3);
  if (count > 0) logWork(seed, draft, from, end, count);
  const at = phase === 'done' ? anyInstant(prng, Math.max(from, draft.updatedMs), Math.max(Math.max(from, draft.updatedMs) + MINUTE, end - MINUTE)) : Math.max(draft.updatedMs, from);
  if (support) settleTicket(seed, draft, phase, Math.min(at, seed.anchorMs - MINUTE), phase === 'done' ? 'ok' : 'at-risk');
  else settle(seed, draft, phase, false, Math.min(at, seed.anchorMs - MINUTE));
  return draft;
}

/** Pad the scaled board's closed sprints and its active sprint up to the sizes asked for. */
export function scaledIssues(seed: ProjectSeed, prng: Prng, existing: readonly IssueDraft[], scale: SiteScale): IssueDraft[] {
  const inSprint = (id: number) => existing.filter((d) => d.sprintIds.includes(id)).length;
  const drafts: IssueDraft[] = [];
  for (const sprint of seed.closed) {
    for (let i = inSprint(sprint.id); i < (scale.closedSprintIssues ?? 16); i++) drafts.push(paddingIssue(seed, prng, sprint, scale));
  }
  for (let i = inSprint(seed.active.id); i < scale.activeSprintIssues; i++) drafts.push(paddingIssue(seed, prng, seed.active, scale));
  return drafts;
}
