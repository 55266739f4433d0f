/**
 * The board choice of a settings save (issue 15, item 3): a newly chosen board must be one of the
 * project's Scrum boards, asked of Jira as the admin saving (a board they cannot see is not one they may
 * choose). An unchanged choice is not asked again, so a board deleted since does not block saving the
 * rest: the views say it is gone and follow the first board (sprint/chosen-board.ts).
 */
import type { Ports } from '../../ports';
import { AppError } from '../app-error';

/** Whether the save changes the board; throws a VALIDATION error, in a sentence, for a board not of the project. */
export async function checkBoardChoice(ports: Ports, projectKey: string, before: number | null | undefined, after: number | null | undefined): Promise<boolean> {
  if ((before ?? null) === (after ?? null)) return false;
  if (after === null || after === undefined) return true;
  const boards = await ports.jira.agile.projectScrumBoards(projectKey);
  if (!boards.some((b) => b.id === after)) {
    const message = `Board ${after} is not a Scrum board of ${projectKey}: choose one of the project's Scrum boards, or reload the page to see the current list.`;
    throw new AppError('VALIDATION', message, { 'settings.boardId': message });
  }
  return true;
}
