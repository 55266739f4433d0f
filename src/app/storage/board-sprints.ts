/**
 * The project's Scrum board and the board's sprints (closed, active, future), read as the app and
 * remembered, so a view does not pay for them: the sprint list alone is one point per sprint in
 * Jira's points model (a board two years old has 50+), and every panel, dashboard, gadget and
 * hourly run needs it (issue 13, item 4).
 *
 * Kept until the first of:
 * - a day has passed (the daily check heals anything an event could miss);
 * - a sprint event of the board (created, started, updated, closed, deleted: triggers/sprint-events.ts)
 *   forgets it, so a sprint started or completed in Jira shows at once, not tomorrow;
 * - the stored list is implausible for now: a future sprint whose planned start is past (Jira starts
 *   sprints only when someone does, so this usually means a missed event) — read again.
 *
 * Read as the app, so what is stored does not depend on who looked first; it is only ever used after
 * the caller proved the user sees the project (project-context.ts, triage-context.ts). Key
 * `board-sprints:<project>`; a project without a Scrum board stores `board: null` for the day too.
 *
 * The board is the one chosen in settings (issue 15, item 3; sprint/chosen-board.ts): the record keeps
 * which choice it was read for (`chosenBoardId`) and is usable only for that choice, so a record of
 * another board is read again; when the chosen board could not be used, the fallback's sentence is
 * kept with it (`note`) for the day as well.
 */
import { z } from 'zod';
import { boardSchema, sprintSchema } from '../../jira/client/schemas';
import type { Board, Sprint } from '../../jira/client/agile-client';
import type { Ports } from '../../ports';
import { chooseBoard, type ChosenBoard } from '../sprint/chosen-board';
import { keys } from './keys';
import { loadSettings } from './settings-repository';
import { readRecord, writeRecord } from './stored-record';

export const BOARD_SPRINTS_MAX_AGE_MS = 24 * 60 * 60_000;

const schema = z.object({
  schemaVersion: z.literal(1),
  readAt: z.number(),
  board: boardSchema.nullable(),
  sprints: z.array(sprintSchema),
  // Absent in records from before the board could be chosen: read for "no choice".
  chosenBoardId: z.number().nullable().optional(),
  note: z.string().optional(),
  boardCount: z.number().optional(),
});
type BoardSprintsRecord = z.infer<typeof schema>;

export interface BoardSprints {
  readonly board: Board | null;
  /** Every sprint of the board as Jira lists them (callers order them). */
  readonly sprints: readonly Sprint[];
  /** Set when the board chosen in settings could not be used: which board the budget follows instead. */
  readonly note?: string;
  /** How many Scrum boards the project has (1 for records from before it was kept). */
  readonly boardCount: number;
}

/** A future sprint whose planned start has passed by more than a day: the list is probably out of date. */
const overdue = (sprints: readonly Sprint[], now: number): boolean =>
  sprints.some((s) => s.state === 'future' && s.startDate !== undefined && Date.parse(s.startDate) + BOARD_SPRINTS_MAX_AGE_MS < now);

/** Fresh enough whatever the choice (a day old at most, from no later than now, no overdue future sprint). */
function fresh(record: BoardSprintsRecord | undefined, now: number): record is BoardSprintsRecord {
  return record !== undefined && record.readAt <= now && now - record.readAt < BOARD_SPRINTS_MAX_AGE_MS && !overdue(record.sprints, now);
}

/** The board alone as soon as it is known (so what needs only the board need not wait for the sprints), and both. */
export interface BoardSprintsLoad {
  readonly board: Promise<Board | null>;
  readonly all: Promise<BoardSprints>;
}

/** The board chosen in the project's settings (null: the first board), read from the stored settings. */
const chosenInSettings = (ports: Ports, projectKey: string): Promise<number | null> => loadSettings(ports.store, projectKey).then((loaded) => loaded.settings.boardId ?? null);

export const boardSprints = {
  /**
   * The board and its sprints: from storage when usable, else from Jira as the app (then stored).
   * `chosen` is the settings' board choice when the caller has the settings already; else they are read.
   */
  start(ports: Ports, projectKey: string, chosen: Promise<number | null> = chosenInSettings(ports, projectKey)): BoardSprintsLoad {
    const now = ports.clock.now();
    const fresher = readRecord(ports.store, keys.boardSprints(projectKey), schema).then(({ value }) => (fresh(value, now) ? value : undefined));
    // Without a fresh record the project's board list is needed whatever the choice: asked at once,
    // beside the settings read, so the choice costs the view no round trip of its own.
    const listed = fresher.then((value) => (value ? undefined : ports.appJira.agile.projectScrumBoards(projectKey)));
    listed.catch(() => undefined); // seen through `picked` when it is used
    const stored = Promise.all([fresher, chosen]).then(([value, choice]) => ({ choice, value: value && (value.chosenBoardId ?? null) === choice ? value : undefined }));
    const picked = stored.then(async ({ choice, value }): Promise<ChosenBoard> =>
      value
        ? { board: value.board, boardCount: value.boardCount ?? (value.board ? 1 : 0), ...(value.note ? { note: value.note } : {}) }
        : chooseBoard(ports, projectKey, choice, await listed),
    );
    const board = picked.then((p) => p.board);
    const all = Promise.all([stored, picked]).then(async ([{ choice, value }, { board: read, boardCount, note }]): Promise<BoardSprints> => {
      const withNote = note ? { note } : {};
      if (value) return { board: value.board, sprints: value.sprints, boardCount, ...withNote };
      const sprints = read ? await ports.appJira.agile.sprints(read.id, ['closed', 'active', 'future']) : [];
      await writeRecord(ports.store, keys.boardSprints(projectKey), schema, { schemaVersion: 1, readAt: now, board: read, sprints, chosenBoardId: choice, boardCount, ...withNote });
      return { board: read, sprints, boardCount, ...withNote };
    });
    // A caller that stops at the board (none: the project cannot be used) never awaits `all`: its
    // failure is the board's, already seen, so it must not surface as an unhandled rejection.
    all.catch(() => undefined);
    board.catch(() => undefined); // and a caller that awaits only `all` sees the board's failure there
    return { board, all };
  },
  load(ports: Ports, projectKey: string): Promise<BoardSprints> {
    return boardSprints.start(ports, projectKey).all;
  },
  /** The board id stored for the project, without asking Jira (the sprint events match boards to projects by it). */
  async storedBoardId(ports: Pick<Ports, 'store'>, projectKey: string): Promise<number | undefined> {
    const { value } = await readRecord(ports.store, keys.boardSprints(projectKey), schema);
    return value?.board?.id;
  },
  /** Something about the board's sprints changed in Jira: the next reader asks again. */
  async forget(ports: Pick<Ports, 'store'>, projectKey: string): Promise<void> {
    await ports.store.delete(keys.boardSprints(projectKey));
  },
};
