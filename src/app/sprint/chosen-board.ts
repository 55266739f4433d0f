/**
 * Which Scrum board carries a project's budget (issue 15, item 3): the one chosen in settings
 * (`boardId`) while Jira still lists it among the project's Scrum boards, else the first board (the
 * one located in the project when several show it) — and then a sentence saying so, because an admin
 * chose otherwise and the numbers now follow another board's sprints. One request, the project's board
 * list, as before boards could be chosen (it also tells the dashboard how many there are); the chosen
 * board is asked for by id only when it is missing from the list, to name it in that sentence. Read as
 * the app (the caller proved the user sees the project).
 */
import type { Board } from '../../jira/client/agile-client';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';

export interface ChosenBoard {
  readonly board: Board | null;
  /** How many Scrum boards the project has. */
  readonly boardCount: number;
  /** Set when the chosen board could not be used: the fallback, in a sentence. */
  readonly note?: string;
}

/** The chosen board's name, when Jira still has a board by that id (moved to another project, or no longer Scrum). */
async function nameOf(ports: Ports, boardId: number): Promise<string | undefined> {
  try {
    return (await ports.appJira.agile.board(boardId)).name;
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'NotFound') return undefined;
    throw error;
  }
}

/** The board followed when none is chosen: the first located in the project (Jira may list another's first), else the first. */
export const defaultBoard = (boards: readonly Board[], projectKey: string): Board | null => boards.find((b) => b.location?.projectKey === projectKey) ?? boards[0] ?? null;

export const fallbackNote = (projectKey: string, chosen: string, first: Board | null): string =>
  `The board chosen in settings, ${chosen}, no longer exists or is not a Scrum board of ${projectKey}; ` +
  (first ? `the budget follows ${first.name}. Choose a board in settings.` : 'the project has no other Scrum board. Choose a board in settings.');

/** `listed`: the project's board list when the caller asked for it already. */
export async function chooseBoard(ports: Ports, projectKey: string, chosenId: number | null, listed?: readonly Board[]): Promise<ChosenBoard> {
  const boards = listed ?? (await ports.appJira.agile.projectScrumBoards(projectKey));
  const first = defaultBoard(boards, projectKey);
  if (chosenId === null) return { board: first, boardCount: boards.length };
  const chosen = boards.find((b) => b.id === chosenId);
  if (chosen) return { board: chosen, boardCount: boards.length };
  const name = await nameOf(ports, chosenId);
  return { board: first, boardCount: boards.length, note: fallbackNote(projectKey, name ?? `board ${chosenId}`, first) };
}
