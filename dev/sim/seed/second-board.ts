/**
 * A second Scrum board on TEAM (issue 15, item 3: a project with several boards, where settings
 * choose the one whose sprints carry the budget): "TEAM platform board", board 3, with one closed
 * sprint and one active sprint holding a few stories.
 *
 * Added after everything else is numbered, so the rest of the demo site stays exactly as it was
 * (sprint ids, issue ids and keys, ranks and worklog ids the tests pin): its sprints take the ids after
 * the last, its issues the ids, keys and ranks after the last (their keys are therefore not in creation
 * order, as on a site where they were moved into the project). They carry no support label and no
 * worklogs, so nothing the support searches of the first board find changes.
 */
import type { Prng } from '../prng';
import type { Board, Project, SiteIssue, Sprint } from '../site/model';
import { STORY_POINT_ESTIMATE_FIELD } from '../site/fields';
import { baseDraft, settle, type IssueDraft, type ProjectSeed } from './drafts';
import { DAY, HOUR, workingDaysBefore } from './timeline';

export const SECOND_BOARD: Board = {
  id: 3,
  name: 'TEAM platform board',
  projectId: '10001',
  filterId: '10002',
  estimationField: { id: STORY_POINT_ESTIMATE_FIELD, name: 'Story point estimate' },
};

const SPRINT_LENGTH = 14 * DAY;

/** The board's sprints: one closed, then the active one holding the anchor. */
export function secondBoardSprints(firstId: number, anchorMs: number): Sprint[] {
  const activeStart = workingDaysBefore(anchorMs, 3);
  const closedStart = activeStart - SPRINT_LENGTH;
  return [
    { id: firstId, boardId: SECOND_BOARD.id, name: 'TEAM platform Sprint 1', state: 'closed', goal: 'Build pipeline on the new runners', startMs: closedStart, endMs: activeStart, completeMs: activeStart - 2 * HOUR, createdMs: closedStart - 2 * DAY },
    { id: firstId + 1, boardId: SECOND_BOARD.id, name: 'TEAM platform Sprint 2', state: 'active', goal: 'Shared API gateway', startMs: activeStart, endMs: activeStart + SPRINT_LENGTH, createdMs: activeStart - DAY },
  ];
}

const STORIES: readonly (readonly [string, number, 'closed' | 'active', 'todo' | 'progress' | 'done'])[] = [
  ['Move the build agents to the new runners', 5, 'closed', 'done'],
  ['Gateway: route the accounts API', 3, 'active', 'done'],
  ['Gateway: rate limits per client', 5, 'active', 'progress'],
  ['Gateway: request logging', 2, 'active', 'todo'],
];

/** The board's stories, as drafts (not numbered yet). */
export function secondBoardDrafts(prng: Prng, project: Project, sprints: readonly Sprint[], workers: readonly string[], poId: string, anchorMs: number): IssueDraft[] {
  const [closed, active] = sprints as [Sprint, Sprint];
  const seed = { prng, project, board: SECOND_BOARD, closed: [closed], active, future: active, anchorMs, hasSla: false, poId, workers } satisfies ProjectSeed;
  return STORIES.map(([summary, points, where, phase]) => {
    const sprint = where === 'closed' ? closed : active;
    const start = sprint.startMs ?? anchorMs;
    const draft = baseDraft(seed, 'Story', summary, start - 3 * DAY);
    draft.points = points;
    draft.sprintIds = [sprint.id];
    draft.assigneeId = prng.pick(workers);
    if (phase !== 'todo') settle(seed, draft, phase, false, Math.min(start + DAY, anchorMs - HOUR));
    return draft;
  });
}

/** Number drafts after the issues already numbered: ids, per-project keys and ranks continue from the last. */
export function appendIssues(issues: readonly SiteIssue[], drafts: readonly IssueDraft[], projectKey: string): SiteIssue[] {
  const lastId = Math.max(...issues.map((i) => Number(i.id)));
  const lastNumber = Math.max(0, ...issues.filter((i) => i.key.startsWith(`${projectKey}-`)).map((i) => Number(i.key.slice(projectKey.length + 1))));
  const lastRank = Math.max(...issues.map((i) => i.rank));
  return drafts.map((draft, index) => ({ ...draft, id: String(lastId + 1 + index), key: `${projectKey}-${lastNumber + 1 + index}`, rank: lastRank + 1 + index, worklogs: [] }));
}
