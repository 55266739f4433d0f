/**
 * A sprint of a project's board was created, updated, completed or deleted in Jira
 * (`avi:jira-software:{created,updated,closed,deleted}:sprint`), or the board itself was updated or
 * deleted (`avi:jira-software:{updated,deleted}:board`): the project's stored board and
 * sprints (storage/board-sprints.ts) are out of date, so they are forgotten and the next view or run
 * reads them again — one read for the change instead of one per view all day (issue 13, items 3–4).
 * Nothing else is asked of Jira: the event names the sprint and its board, and the board is matched
 * to a project by what is stored (sprint-started.ts, projectOfBoard).
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira-software/
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { boardSprints } from '../storage/board-sprints';
import { projectOfBoard } from './sprint-started';

const numericId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);

export const SPRINT_CHANGE_EVENTS = ['avi:jira-software:created:sprint', 'avi:jira-software:updated:sprint', 'avi:jira-software:closed:sprint', 'avi:jira-software:deleted:sprint'] as const;
export const BOARD_CHANGE_EVENTS = ['avi:jira-software:updated:board', 'avi:jira-software:deleted:board'] as const;

/** What the app reads of a sprint event: the sprint's id and its board. */
export const sprintChangedEventSchema = z.object({ eventType: z.enum(SPRINT_CHANGE_EVENTS), sprint: z.object({ id: numericId, originBoardId: numericId.optional() }).loose() }).loose();
/** …and of a board event: the board (its `id` is a string in the docs' type reference). */
export const boardChangedEventSchema = z.object({ eventType: z.enum(BOARD_CHANGE_EVENTS), board: z.object({ id: numericId }).loose() }).loose();

/** The changed board and how to name the change, or the sentence why the event is not understood. */
function targetOf(event: unknown): { what: string; eventType: string; boardId: number | undefined } | { problem: string } {
  const board = boardChangedEventSchema.safeParse(event);
  if (board.success) return { what: `Board ${board.data.board.id}`, eventType: board.data.eventType, boardId: board.data.board.id };
  const sprint = sprintChangedEventSchema.safeParse(event);
  if (sprint.success) return { what: `Sprint ${sprint.data.sprint.id}`, eventType: sprint.data.eventType, boardId: sprint.data.sprint.originBoardId };
  const issue = sprint.error.issues[0];
  return { problem: `The sprint event was not understood (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}).` };
}

export interface SprintChangeOutcome {
  readonly status: 'forgotten' | 'not-ours' | 'ignored';
  readonly projectKey?: string;
  readonly message: string;
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
  return { status: 'forgotten', projectKey, message: `${what} was ${eventType.split(':')[2] ?? 'changed'}: project ${projectKey}'s board and sprints are read again on next use.` };
}
