/**
 * The sprint baseline: what the team committed to when the sprint started (issue keys and story
 * points). The allocation maths needs it to tell planned support from interrupts, and the points
 * model measures capacity against it, so scope added later cannot inflate the budget.
 *
 * Taken by the sprint-started trigger from the sprint's issues at that moment. When the trigger was
 * missed (the app was installed mid-sprint, the event was lost), the hourly rollup takes it lazily
 * and marks it `lazy`: the sprint's current issues that look planned by the domain's own inference
 * (created before the start and not pulled in by an interrupt decision), so a lazy baseline never
 * changes how a ticket is categorised, it only pins the committed points down.
 */
import { categorize } from '../../domain/allocation';
import type { Ticket } from '../../domain/ticket';
import type { Sprint } from '../../jira/client/agile-client';
import type { Ports } from '../../ports';
import { syncSprintTickets } from './sprint-sync';
import { AppError } from '../app-error';
import { sprintRecords, type SprintBaselineRecord } from '../storage/sprint-records';
import { sprintDatesProblem, sprintWindow, type ProjectContext } from './project-context';

const points = (tickets: readonly Ticket[]): number =>
  tickets.reduce((sum, t) => sum + Math.round((Number.isFinite(t.storyPoints) ? (t.storyPoints as number) : 0) * 100), 0) / 100;

/** The baseline from the sprint's issues: all of them at the start, the inferred planned ones when lazy. */
export function baselineFromTickets(sprint: Sprint, tickets: readonly Ticket[], takenAt: number, lazy: boolean): SprintBaselineRecord {
  const window = sprintWindow(sprint);
  const committed = lazy && window ? tickets.filter((t) => categorize(t, window) === 'planned') : [...tickets];
  const issueKeys = [...new Set(committed.map((t) => t.key))];
  return { schemaVersion: 1, sprintId: sprint.id, takenAt, lazy, issueKeys, committedPoints: points(committed) };
}

/**
 * Read the sprint's issues and store its baseline. Returns what was stored. The read goes through
 * the sprint issue cache (sprint-sync.ts), so the sprint's first read also seeds the cache: the first
 * hourly run after the start is then an update, not a second full read.
 */
export async function snapshotBaseline(ports: Ports, context: ProjectContext, sprint: Sprint, lazy: boolean): Promise<SprintBaselineRecord> {
  const window = sprintWindow(sprint);
  if (!window) throw new AppError('NOT_FOUND', sprintDatesProblem(sprint) ?? `Sprint ${sprint.name} has not started, so it has no baseline yet.`);
  const { tickets } = await syncSprintTickets(ports, context, sprint, window);
  const baseline = baselineFromTickets(sprint, tickets, ports.clock.now(), lazy);
  return sprintRecords.baseline.write(ports.store, context.projectKey, baseline);
}
