/**
 * The team's planned work on a board: stories and tasks committed to each sprint (mostly finished,
 * some carried over into the next sprint so the Sprint field lists both), the active sprint's
 * work in every state, the future sprint's plan and an unplanned backlog.
 */
import { baseDraft, settle, type IssueDraft, type Phase, type ProjectSeed } from './drafts';
import { workSummary } from './summaries';
import { logWork } from './worklogs';
import { DAY, HOUR, anyInstant } from './timeline';
import type { Sprint } from '../site/model';

const POINTS: readonly (readonly [number | null, number])[] = [[1, 2], [2, 3], [3, 4], [5, 3], [8, 2], [13, 1], [null, 1]];

function workItem(seed: ProjectSeed, createdMs: number): IssueDraft {
  const { prng, project } = seed;
  const draft = baseDraft(seed, prng.chance(0.75) ? 'Story' : 'Task', workSummary(prng), createdMs);
  draft.points = prng.weighted(POINTS);
  draft.priorityId = prng.weighted([['2', 2], ['3', 6], ['4', 2]]);
  draft.assigneeId = prng.pick(seed.workers);
  if (prng.chance(0.6)) draft.componentIds = [prng.pick(project.components).id];
  if (prng.chance(0.2)) draft.labels = [prng.pick(['tech-debt', 'performance', 'frontend', 'backend', 'security'])];
  return draft;
}

const windowEnd = (sprint: Sprint, anchorMs: number): number => sprint.completeMs ?? Math.min(sprint.endMs ?? anchorMs, anchorMs);

/** Finish a work item inside a sprint window, logging work there. */
function finishIn(seed: ProjectSeed, draft: IssueDraft, sprint: Sprint, fromMs: number): void {
  const end = windowEnd(sprint, seed.anchorMs);
  const resolvedMs = anyInstant(seed.prng, Math.min(fromMs + 4 * HOUR, end - HOUR), end - HOUR);
  logWork(seed, draft, fromMs, resolvedMs, seed.prng.int(1, 4));
  settle(seed, draft, 'done', false, resolvedMs);
}

export function plannedWork(seed: ProjectSeed): IssueDraft[] {
  const { prng, closed, active, future, anchorMs } = seed;
  const drafts: IssueDraft[] = [];
  const sprints = [...closed, active];

  sprints.forEach((sprint, index) => {
    const start = sprint.startMs ?? anchorMs;
    const count = prng.int(9, 12);
    for (let i = 0; i < count; i++) {
      const draft = workItem(seed, anyInstant(prng, start - 25 * DAY, start - HOUR));
      draft.sprintIds = [sprint.id];
      drafts.push(draft);
      if (sprint.state === 'active') {
        const phase = prng.weighted<Phase>([['done', 3], ['review', 2], ['progress', 3], ['todo', 2]]);
        if (phase === 'done') finishIn(seed, draft, sprint, start);
        else {
          if (phase !== 'todo') logWork(seed, draft, start, anchorMs, prng.int(1, 3));
          settle(seed, draft, phase, false, Math.max(draft.updatedMs, start));
        }
        continue;
      }
      const next = sprints[index + 1];
      if (next && prng.chance(0.15)) {
        // Carried over: still open when the sprint closed, so it is in this sprint and the next.
        draft.sprintIds.push(next.id);
        logWork(seed, draft, start, windowEnd(sprint, anchorMs), prng.int(1, 2));
        if (next.state === 'active') {
          const phase = prng.weighted<Phase>([['progress', 3], ['review', 2], ['todo', 1]]);
          settle(seed, draft, phase, false, next.startMs ?? anchorMs);
        } else finishIn(seed, draft, next, next.startMs ?? anchorMs);
      } else finishIn(seed, draft, sprint, start);
    }
  });

  for (let i = 0; i < 6; i++) {
    const draft = workItem(seed, anyInstant(prng, anchorMs - 20 * DAY, anchorMs - HOUR));
    draft.sprintIds = [future.id];
    draft.assigneeId = prng.chance(0.5) ? draft.assigneeId : null;
    drafts.push(draft);
  }
  const firstStart = closed[0]?.startMs ?? anchorMs - 180 * DAY;
  for (let i = 0; i < 20; i++) {
    const draft = workItem(seed, anyInstant(prng, firstStart, anchorMs - HOUR));
    draft.assigneeId = null;
    if (prng.chance(0.3)) draft.points = null;
    drafts.push(draft);
  }
  return drafts;
}
