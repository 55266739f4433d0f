/**
 * Build the demo site for a seed and an anchor instant: projects SUP (company-managed, board 1,
 * "Story Points") and TEAM (team-managed, board 2, "Story point estimate", and a second Scrum board,
 * board 3: second-board.ts), their sprints, a few
 * hundred issues each, numbered in creation order as Jira would have (ids across the site, keys
 * per project). Same seed and anchor → the same site, byte for byte; the same seed at another anchor
 * → the same site moved in time (move-site.ts: it is always generated around one reference instant).
 * Last, a few SUP issues get the "Staff only" security level (issue-security.ts), chosen by rule so
 * nothing else changes.
 */
import { Prng } from '../prng';
import type { SiteClock } from '../clock';
import { SUP_COMPONENTS, SUP_ISSUE_TYPES, SUP_STATUSES, TEAM_COMPONENTS, TEAM_ISSUE_TYPES, TEAM_STATUSES } from '../site/catalog';
import { STORY_POINT_ESTIMATE_FIELD, STORY_POINTS_FIELD } from '../site/fields';
import type { Board, Project, SiteIssue, Sprint } from '../site/model';
import { securitySchemeOf } from '../site/security';
import { SiteStore } from '../site/store';
import { DEMO_USERS, TEAM_MEMBER_IDS, loginUser } from '../site/users';
import { activeSprintTickets } from './active-tickets';
import type { IssueDraft, ProjectSeed } from './drafts';
import { plannedWork } from './planned-work';
import { buildSprints } from './sprints';
import { secureDemoIssues } from './issue-security';
import { closedSprintTickets } from './support-tickets';
import { SCALED_PROJECT_KEY, scaledIssues, scaledSprints, type SiteScale } from './scale';
import { scaledFieldCatalog } from './field-catalog';
import { REFERENCE_ANCHOR_MS, moveFor, moveIssue, moveSprint } from './move-site';
import { SECOND_BOARD, appendIssues, secondBoardDrafts, secondBoardSprints } from './second-board';

const PROJECTS: readonly Project[] = [
  { id: '10000', key: 'SUP', name: 'Support Platform', teamManaged: false, leadAccountId: loginUser('po').accountId, statuses: SUP_STATUSES, issueTypes: SUP_ISSUE_TYPES, components: SUP_COMPONENTS },
  { id: '10001', key: 'TEAM', name: 'Team Apps', teamManaged: true, leadAccountId: loginUser('po').accountId, statuses: TEAM_STATUSES, issueTypes: TEAM_ISSUE_TYPES, components: TEAM_COMPONENTS },
];

const BOARDS: readonly Board[] = [
  { id: 1, name: 'SUP board', projectId: '10000', filterId: '10000', estimationField: { id: STORY_POINTS_FIELD, name: 'Story Points' } },
  { id: 2, name: 'TEAM board', projectId: '10001', filterId: '10001', estimationField: { id: STORY_POINT_ESTIMATE_FIELD, name: 'Story point estimate' } },
];

/** `scale` (default off) makes SUP's board large for benchmarks; see scale.ts. */
export function seedSite(seed: number, clock: SiteClock, scale?: SiteScale): SiteStore {
  const root = new Prng(seed);
  const anchorMs = REFERENCE_ANCHOR_MS;
  const sprints: Sprint[] = [];
  const drafts: IssueDraft[] = [];
  let nextSprintId = 1;
  for (const board of BOARDS) {
    const project = PROJECTS.find((p) => p.id === board.projectId) as Project;
    const scaled = project.key === SCALED_PROJECT_KEY ? scale : undefined;
    const boardSprints = scaled
      ? scaledSprints(root.fork(`sprints:${project.key}`), project, board, nextSprintId, anchorMs, scaled)
      : buildSprints(root.fork(`sprints:${project.key}`), project, board, nextSprintId, anchorMs);
    nextSprintId += boardSprints.length;
    sprints.push(...boardSprints);
    const projectSeed: ProjectSeed = {
      prng: root.fork(`issues:${project.key}`),
      project,
      board,
      closed: boardSprints.filter((s) => s.state === 'closed'),
      active: boardSprints.find((s) => s.state === 'active') as Sprint,
      future: boardSprints.find((s) => s.state === 'future') as Sprint,
      anchorMs,
      hasSla: !project.teamManaged,
      poId: loginUser('po').accountId,
      workers: TEAM_MEMBER_IDS.filter((id) => id !== loginUser('po').accountId),
    };
    const projectDrafts = [...plannedWork(projectSeed), ...closedSprintTickets(projectSeed), ...activeSprintTickets(projectSeed)];
    drafts.push(...projectDrafts);
    if (scaled) drafts.push(...scaledIssues(projectSeed, root.fork(`scale:${project.key}`), projectDrafts, scaled));
  }
  // TEAM's second board (second-board.ts): numbered after everything else, so nothing above changes.
  const team = PROJECTS.find((p) => p.id === SECOND_BOARD.projectId) as Project;
  const secondSprints = secondBoardSprints(nextSprintId, anchorMs);
  sprints.push(...secondSprints);
  const workers = TEAM_MEMBER_IDS.filter((id) => id !== loginUser('po').accountId);
  const numbered = numberIssues(drafts);
  const issues = [...numbered, ...appendIssues(numbered, secondBoardDrafts(root.fork('issues:TEAM:board-3'), team, secondSprints, workers, loginUser('po').accountId, anchorMs), team.key)];
  for (const project of PROJECTS.filter((p) => securitySchemeOf(p.id))) {
    const board = BOARDS.find((b) => b.projectId === project.id);
    const active = sprints.find((s) => s.boardId === board?.id && s.state === 'active');
    if (active) secureDemoIssues(issues, project, active, anchorMs);
  }
  const fields = scale ? { fields: scaledFieldCatalog(root.fork('fields'), scale.customFields) } : {};
  const by = moveFor(clock.anchorMs);
  return new SiteStore(
    { users: [...DEMO_USERS], projects: [...PROJECTS], boards: [...BOARDS, SECOND_BOARD], sprints: sprints.map((s) => moveSprint(s, by)), issues: issues.map((i) => moveIssue(i, by)), ...fields },
    clock,
  );
}

/** Ids and keys in creation order; worklog ids in order of logging; ranks by creation. */
function numberIssues(drafts: IssueDraft[]): SiteIssue[] {
  const ordered = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.createdMs - b.draft.createdMs || a.index - b.index);
  const perProject = new Map<string, number>();
  const issues = ordered.map(({ draft }, index): SiteIssue => {
    const project = PROJECTS.find((p) => p.id === draft.projectId) as Project;
    const number = (perProject.get(project.id) ?? 0) + 1;
    perProject.set(project.id, number);
    return { ...draft, id: String(10001 + index), key: `${project.key}-${number}`, rank: index + 1, worklogs: [] };
  });
  const allWorklogs = ordered.flatMap(({ draft }, index) => draft.worklogs.map((w) => ({ w, issue: issues[index] as SiteIssue })));
  allWorklogs.sort((a, b) => a.w.createdMs - b.w.createdMs || Number(a.issue.id) - Number(b.issue.id) || a.w.startedMs - b.w.startedMs);
  allWorklogs.forEach(({ w, issue }, index) => issue.worklogs.push({ ...w, id: String(100000 + index) }));
  for (const issue of issues) issue.worklogs.sort((a, b) => Number(a.id) - Number(b.id));
  return issues;
}
