/**
 * The active sprint's rollup for the issue panel.
 *
 * `panel.get` only ever reads the stored rollup (one KVS read, no Jira search), so opening a ticket
 * costs two round trips to Jira however big the sprint is; a rollup the freshness rule
 * (sprint/freshness.ts) calls stale is still shown, marked stale, and the panel then asks
 * `panel.budget`, which brings it up to date through the sprint issue cache (sprint-sync.ts).
 *
 * A decision usually precedes that update (applying one marks the rollup stale), and Jira's search
 * index can trail a write by a moment, so the update reconciles the panel's own issue: the budget
 * the PO sees right after applying includes the ticket they just pulled in.
 */
import type { Sprint } from '../../jira/client/agile-client';
import { JiraError } from '../../jira/errors';
import { AppError } from '../app-error';
import type { Ports } from '../../ports';
import { snapshotStaleness } from '../sprint/freshness';
import { sprintWindow, type ProjectContext } from '../sprint/project-context';
import { refreshRollup } from '../sprint/sprint-snapshot';
import { sprintRecords, type SprintRollup } from '../storage/sprint-records';

export interface ActiveRollup {
  readonly rollup: SprintRollup;
  readonly source: 'stored' | 'computed';
  /** Older than the freshness rule allows (or invalidated): shown as it is while it is updated. */
  readonly stale: boolean;
  readonly notes: readonly string[];
}

/** The stored rollup as it is (no Jira request), or notes saying why there is none. */
export async function storedActiveRollup(ports: Ports, project: ProjectContext, sprint: Sprint): Promise<ActiveRollup | { readonly notes: readonly string[] }> {
  const [stored, invalidation] = await Promise.all([
    sprintRecords.rollup.read(ports.store, project.projectKey, sprint.id),
    sprintRecords.invalidation.read(ports.store, project.projectKey, sprint.id),
  ]);
  if (!stored.value) return { notes: stored.problem ? [`${stored.problem} It is being recomputed from Jira.`] : [] };
  const stale = snapshotStaleness(stored.value, sprint, project.loaded.settings, ports.clock.now(), invalidation.value?.at) === 'stale';
  return { rollup: stored.value, source: 'stored', stale, notes: [] };
}

/** The rollup brought up to date (unless the stored one is still fresh), and stored. */
export async function updatedActiveRollup(ports: Ports, project: ProjectContext, sprint: Sprint, reconcileIssueIds: readonly number[]): Promise<ActiveRollup> {
  const { projectKey } = project;
  const window = sprintWindow(sprint);
  const [stored, baseline, invalidation] = await Promise.all([
    sprintRecords.rollup.read(ports.store, projectKey, sprint.id),
    sprintRecords.baseline.read(ports.store, projectKey, sprint.id),
    sprintRecords.invalidation.read(ports.store, projectKey, sprint.id),
  ]);
  if (stored.value && snapshotStaleness(stored.value, sprint, project.loaded.settings, ports.clock.now(), invalidation.value?.at) !== 'stale') {
    return { rollup: stored.value, source: 'stored', stale: false, notes: [] };
  }
  if (!window) throw new AppError('NOT_FOUND', `${sprint.name} has no start or end date, so it has no support budget. Set its dates on the board.`);
  const refreshed = await refreshRollup(ports, project, sprint, window, baseline.value, { reconcileIssueIds }, stored.value);
  // Mapping notes about the sprint's other tickets are the dashboard's business, not this ticket's.
  const notes = [
    ...(stored.problem ? [`${stored.problem} It was recomputed from Jira.`] : []),
    ...(baseline.problem ? [`${baseline.problem} The sprint is measured without a baseline until a new one is taken.`] : []),
  ];
  return { rollup: refreshed.rollup, source: 'computed', stale: false, notes };
}

/**
 * The same, but a Jira failure becomes a sentence for the budget area instead of an error for the
 * whole panel: the verdict matters more than the numbers next to it.
 */
export async function updatedActiveRollupOrProblem(ports: Ports, project: ProjectContext, sprint: Sprint, reconcileIssueIds: readonly number[]): Promise<ActiveRollup | { readonly problem: string }> {
  try {
    return await updatedActiveRollup(ports, project, sprint, reconcileIssueIds);
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    return { problem: `The budget of ${sprint.name} could not be brought up to date: ${error.userMessage}` };
  }
}
