/**
 * Which Scrum board carries a project's budget (issue 15, item 3): the one chosen in settings
 * (`boardId`) while it still exists and is a Scrum board of the project, else the first board Jira
 * lists — and then a sentence saying so, because an admin chose otherwise and the numbers now follow
 * another board's sprints. Read as the app (the caller proved the user sees the project).
 */
import type { Board } from '../../jira/client/agile-client';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';

export interface ChosenBoard {
  readonly board: Board | null;
  /** Set when the chosen board could not be used: the fallback, in a sentence. */
  readonly note?: string;
}

/** Whether a board is a Scrum board located in the project (a board Jira answered for that id). */
export const isScrumBoardOf = (board: Board, projectKey: string): boolean =>
  board.type === 'scrum' && (board.location?.projectKey === undefined || board.location.projectKey === projectKey);

/** The chosen board, or undefined when Jira has none by that id (gone, or not visible to the app). */
async function boardById(ports: Ports, boardId: number): Promise<Board | undefined> {
  try {
    return await ports.appJira.agile.board(boardId);
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'NotFound') return undefined;
    throw error;
  }
}

export const fallbackNote = (projectKey: string, chosen: string, first: Board | null): string =>
  `The board chosen in settings, ${chosen}, no longer exists or is not a Scrum board of ${projectKey}; ` +
  (first ? `the budget follows ${first.name}. Choose a board in settings.` : 'the project has no other Scrum board. Choose a board in settings.');

export async function chooseBoard(ports: Ports, projectKey: string, chosenId: number | null): Promise<ChosenBoard> {
  if (chosenId === null) return { board: await ports.appJira.agile.boardForProject(projectKey) };
  const chosen = await boardById(ports, chosenId);
  if (chosen && isScrumBoardOf(chosen, projectKey)) return { board: chosen };
  const first = await ports.appJira.agile.boardForProject(projectKey);
  return { board: first, note: fallbackNote(projectKey, chosen ? chosen.name : `board ${chosenId}`, first) };
}
