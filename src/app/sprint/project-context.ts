/**
 * What every sprint-level use case needs to know about a project before it can compute anything:
 * its settings, its scrum board, the board's sprints (oldest first) and the site's field catalog with
 * the board's estimation field. Loaded in two round trips (one more on the day's first read of the
 * board, which comes before the rest): first Jira's answer that the user may browse the project
 * (which proves access before anything stored about it is read; skipped for the app itself, in
 * triggers and scheduled jobs), then the rest at once — the board and its sprints, the
 * field list and the estimation field from storage when read recently (storage/board-sprints.ts,
 * field-list.ts, board-estimation.ts), so a view costs Jira a handful of points (issue 13, item 4).
 */
import { checkSprintDates } from '../../domain/sprint-window';
import { AppError } from '../app-error';
import { proveProjectAccess } from '../access/project-access';
import { boardEstimationField } from '../storage/board-estimation';
import { boardSprints } from '../storage/board-sprints';
import { withSiteOrder } from '../settings/project-settings';
import { fieldSource } from '../storage/field-list';
import { loadSettings, type LoadedSettings } from '../storage/settings-repository';
import { siteOrderSource } from '../storage/site-order';
import type { SiteOrder } from '../../domain/site-order';
import type { Board, Sprint } from '../../jira/client/agile-client';
import type { FieldCatalog } from '../../jira/field-catalog';
import type { Ports } from '../../ports';

export interface ProjectContext {
  readonly projectKey: string;
  /** The settings, their value maps following the site's order while they are the built-in ones (withSiteOrder). */
  readonly loaded: LoadedSettings;
  /** The project's priorities and Severity options in the site's order (storage/site-order.ts). */
  readonly siteOrder: SiteOrder;
  readonly board: Board;
  /** How many Scrum boards the project has: with more than one, the views say which one the budget follows. */
  readonly boardCount?: number;
  /** Every sprint of the board, oldest first (closed, active, future). */
  readonly sprints: readonly Sprint[];
  readonly catalog: FieldCatalog;
  /** Things an admin should know (duplicate Severity fields, a damaged settings record…). */
  readonly notes: readonly string[];
  /** When loading began (before the settings were read): a rollup computed from this context is based on no later moment. */
  readonly loadedAt?: number;
}

const startOf = (s: Sprint): number => (s.startDate ? Date.parse(s.startDate) : Number.MAX_SAFE_INTEGER);

/** The board's sprints in start order, oldest first (not started yet last): the rotation's turn order. */
export const inStartOrder = (sprints: readonly Sprint[]): Sprint[] => [...sprints].sort((a, b) => startOf(a) - startOf(b) || a.id - b.id);

export async function loadProjectContext(ports: Ports, projectKey: string): Promise<ProjectContext> {
  const loadedAt = ports.clock.now();
  await proveProjectAccess(ports, projectKey);
  // The board first (stored, else as the app; the one chosen in settings): a project without a Scrum board costs nothing more.
  const settings = loadSettings(ports.store, projectKey);
  const load = boardSprints.start(ports, projectKey, settings.then((l) => l.settings.boardId ?? null));
  const board = await load.board;
  if (!board) throw new AppError('NOT_FOUND', `Project ${projectKey} has no Scrum board. Interrupt Budget works with Scrum boards: create one for the project.`);
  const fields = fieldSource(ports, projectKey);
  const order = siteOrderSource(ports, projectKey);
  const settingsAndEstimation = settings.then(async (loaded) => ({
    loaded,
    estimationFieldId: loaded.settings.storyPointsFieldId ? loaded.settings.storyPointsFieldId : await boardEstimationField(ports, projectKey, board.id),
  }));
  const [{ loaded, estimationFieldId }, { sprints, note, boardCount }] = await Promise.all([
    settingsAndEstimation,
    load.all,
    fields.load(), // the field list (stored for a day; else from Jira in this round trip): the call below reuses it
    order.load(), // the site's order (stored for a day; else the project's issue types from Jira)
  ]);
  const discovery = await fields.discover({
    ...(estimationFieldId ? { storyPointsFieldId: estimationFieldId } : {}),
    ...(loaded.settings.severityFieldId ? { severityFieldId: loaded.settings.severityFieldId } : {}),
  });
  const siteOrder = await order.order(loaded.settings.supportFilter.issueTypes, discovery.catalog.severity?.id);
  const ordered = inStartOrder(sprints);
  return {
    projectKey,
    loaded: { ...loaded, settings: withSiteOrder(loaded.settings, siteOrder) },
    siteOrder,
    board,
    boardCount,
    sprints: ordered,
    catalog: discovery.catalog,
    notes: [...(note ? [note] : []), ...(loaded.problem ? [loaded.problem] : []), ...discovery.notes],
    loadedAt,
  };
}

/**
 * The sprint window: start → complete date (closed) or planned end (active); undefined when the
 * sprint has not started or its dates are implausible (see {@link sprintDatesProblem} for the sentence).
 */
export function sprintWindow(sprint: Sprint): { startMs: number; endMs: number } | undefined {
  const checked = checkSprintDates(sprint);
  return checked.kind === 'window' ? { ...checked.window } : undefined;
}

/** The sentence for a sprint whose dates are implausible, if they are. */
export function sprintDatesProblem(sprint: Sprint): string | undefined {
  const checked = checkSprintDates(sprint);
  return checked.kind === 'implausible' ? checked.problem : undefined;
}

export function activeSprint(context: ProjectContext): Sprint | undefined {
  return context.sprints.find((s) => s.state === 'active');
}

/** The first future sprint of the board, or undefined: the one the dashboard plans. */
export function nextFutureSprint(context: Pick<ProjectContext, 'sprints'>): Sprint | undefined {
  return context.sprints.find((s) => s.state === 'future');
}
