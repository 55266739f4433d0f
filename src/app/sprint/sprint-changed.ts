/**
 * A sprint of a project's board was created, updated, completed or deleted in Jira
 * (`avi:jira-software:{created,updated,closed,deleted}:sprint`), or the board itself was updated or
 * deleted (`avi:jira-software:{updated,deleted}:board`): the project's stored board and
 * sprints (storage/board-sprints.ts) are out of date, so they are forgotten and the next view or run
 * reads them again — one read for the change instead of one per view all day (issue 13, items 3–4).
 * Nothing else is asked of Jira: the event names the sprint and its board, and the board is matched
 * to a project by what is stored (sprint-started.ts, projectOfBoard). Except when a sprint is
 * completed: its history row is recorded at once (freezeClosedSprint).
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira-software/
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { boardSprints } from '../storage/board-sprints';
import { projectOfBoard } from './sprint-started';
import { historyRows } from './history-rows';
import { loadProjectContext } from './project-context';
import { deleteSprintCache } from './sprint-issue-cache';

const numericId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);

export const SPRINT_CHANGE_EVENTS = ['avi:jira-software:created:sprint', 'avi:jira-software:updated:sprint', 'avi:jira-software:closed:sprint', 'avi:jira-software:deleted:sprint'] as const;
export const BOARD_CHANGE_EVENTS = ['avi:jira-software:updated:board', 'avi:jira-software:deleted:board'] as const;

/** What the app reads of a sprint event: the sprint's id and its board. */
export const sprintChangedEventSchema = z.object({ eventType: z.enum(SPRINT_CHANGE_EVENTS), sprint: z.object({ id: numericId, originBoardId: numericId.optional() }).loose() }).loose();
/** …and of a board event: the board (its `id` is a string in the docs' type reference). */
export const boardChangedEventSchema = z.object({ eventType: z.enum(BOARD_CHANGE_EVENTS), board: z.object({ id: numericId }).loose() }).loose();

/** The changed board and how to name the change, or the sentence why the event is not understood. */
function targetOf(event: unknown): { what: string; eventType: string; boardId: number | undefined; sprintId?: number } | { problem: string } {
  const board = boardChangedEventSchema.safeParse(event);
  if (board.success) return { what: `Board ${board.data.board.id}`, eventType: board.data.eventType, boardId: board.data.board.id };
  const sprint = sprintChangedEventSchema.safeParse(event);
  if (sprint.success) return { what: `Sprint ${sprint.data.sprint.id}`, eventType: sprint.data.eventType, boardId: sprint.data.sprint.originBoardId, sprintId: sprint.data.sprint.id };
  const issue = sprint.error.issues[0];
  return { problem: `The sprint event was not understood (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}).` };
}

export interface SprintChangeOutcome {
  readonly status: 'forgotten' | 'not-ours' | 'ignored';
  readonly projectKey?: string;
  /** A sprint completed in Jira whose history row this event recorded (it is final from now on). */
  readonly historyFrozen?: number;
  readonly message: string;
}

/**
 * A sprint completed in Jira: its history row (the retrospective's numbers) is computed and stored
 * now, once and for good (history-rows.ts), and its issue cache goes — rather than at the next hourly
 * run. Read as the app, after the stored sprints were forgotten, so the sprint is seen as Jira has it
 * now; a sprint Jira does not show as closed yet is left to the hourly run. The support rotation moves
 * on by itself: it follows the board's sprints, read again on next use.
 */
async function freezeClosedSprint(ports: Ports, projectKey: string, sprintId: number): Promise<boolean> {
  const context = await loadProjectContext(ports, projectKey);
  const sprint = context.sprints.find((s) => s.id === sprintId && s.state === 'closed');
  if (!sprint) return false;
  const history = await historyRows(ports, context, [sprint]);
  await Promise.all(history.computed.map((id) => deleteSprintCache(ports.store, projectKey, id)));
  return history.rows.some((row) => row.sprintId === sprintId);
}

export async function onSprintChangedCore(ports: Ports, event: unknown): Promise<SprintChangeOutcome> {
  const target = targetOf(event);
  if ('problem' in target) return { status: 'ignored', message: target.problem };
  const { what, eventType, boardId } = target;
  if (boardId === undefined) return { status: 'ignored', message: `${what}'s event names no board, so it cannot be matched to a project.` };
  // A deleted board cannot be read again: match it by what is stored only.
  const projectKey = await projectOfBoard(ports, boardId, { storedOnly: eventType === 'avi:jira-software:deleted:board' });
  if (!projectKey) return { status: 'not-ours', message: `${what} belongs to no project that uses Interrupt Budget.` };
  await boardSprints.forget(ports, projectKey);
  const message = `${what} was ${eventType.split(':')[2] ?? 'changed'}: project ${projectKey}'s board and sprints are read again on next use.`;
  if (eventType === 'avi:jira-software:closed:sprint' && target.sprintId !== undefined && (await freezeClosedSprint(ports, projectKey, target.sprintId))) {
    return { status: 'forgotten', projectKey, historyFrozen: target.sprintId, message: `${message} Its history row is recorded.` };
  }
  return { status: 'forgotten', projectKey, message };
}
