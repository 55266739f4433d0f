/**
 * The sprint-started event (`avi:jira-software:started:sprint`, acting as the app): snapshot the
 * sprint's baseline — the issues and story points committed at the start — for a project that uses
 * the app. The event names the sprint and its board, not a project, so the board is matched against
 * the boards of the registered projects; sprints of other boards are none of the app's business.
 *
 * The event's sprint is validated (its shape is Jira's, not ours) and then read back from Jira, so a
 * late delivery sees the sprint as it is. A baseline taken at the start is never overwritten by a
 * redelivered event; a lazy one (taken by the hourly rollup because this event came late) is.
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira-software/
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { boardSprints } from '../storage/board-sprints';
import { projectRegistry, sprintRecords } from '../storage/sprint-records';
import { loadProjectContext } from './project-context';
import { snapshotBaseline } from './sprint-baseline';

const numericId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);

/** What the app reads of the event: `{ eventType, sprint: { id, originBoardId?, … }, atlassianId? }`. */
export const sprintStartedEventSchema = z
  .object({
    eventType: z.string().optional(),
    sprint: z.object({ id: numericId, originBoardId: numericId.optional(), name: z.string().optional(), state: z.string().optional() }).loose(),
    atlassianId: z.string().optional(),
  })
  .loose();

export interface BaselineOutcome {
  readonly status: 'taken' | 'kept' | 'not-ours' | 'ignored';
  readonly projectKey?: string;
  readonly sprintId?: number;
  readonly message: string;
}

/**
 * The registered project whose scrum board is `boardId`, if any: by the board each project has stored
 * (storage/board-sprints.ts), so an event costs Jira nothing for projects already seen; a project
 * with nothing stored yet has its board read (as the app) and stored.
 */
export async function projectOfBoard(ports: Ports, boardId: number, options: { storedOnly?: boolean } = {}): Promise<string | undefined> {
  const projects = await projectRegistry.list(ports.store);
  const stored = await Promise.all(projects.map((key) => boardSprints.storedBoardId(ports, key)));
  const known = projects.find((_, i) => stored[i] === boardId);
  if (known || options.storedOnly) return known;
  const unknown = projects.filter((_, i) => stored[i] === undefined);
  const boards = await Promise.all(unknown.map(async (key) => (await boardSprints.load(ports, key)).board));
  return unknown.find((_, i) => boards[i]?.id === boardId);
}

export async function onSprintStartedCore(ports: Ports, event: unknown): Promise<BaselineOutcome> {
  const parsed = sprintStartedEventSchema.safeParse(event);
  if (!parsed.success) return { status: 'ignored', message: `The sprint event was not understood (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message ?? 'invalid'}).` };
  const sprintId = parsed.data.sprint.id;
  const sprint = await ports.jira.agile.sprint(sprintId);
  if (sprint.state !== 'active') return { status: 'ignored', sprintId, message: `Sprint ${sprintId} is ${sprint.state} now, so there is no start to snapshot.` };
  const boardId = sprint.originBoardId ?? parsed.data.sprint.originBoardId;
  const projectKey = boardId === undefined ? undefined : await projectOfBoard(ports, boardId);
  if (!projectKey) return { status: 'not-ours', sprintId, message: `Sprint ${sprintId} belongs to a board of no project that uses Interrupt Budget.` };

  await boardSprints.forget(ports, projectKey); // the sprint is active now: the stored list says otherwise
  const existing = await sprintRecords.baseline.read(ports.store, projectKey, sprintId);
  if (existing.value && !existing.value.lazy) return { status: 'kept', projectKey, sprintId, message: `Sprint ${sprintId} already has its start baseline.` };
  const context = await loadProjectContext(ports, projectKey);
  const baseline = await snapshotBaseline(ports, context, sprint, false);
  return { status: 'taken', projectKey, sprintId, message: `Baseline of sprint ${sprintId} taken: ${baseline.issueKeys.length} issues, ${baseline.committedPoints} points.` };
}
