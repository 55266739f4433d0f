/**
 * The active sprint's rollup for the panel: the stored one while the dashboard's freshness rule
 * (sprint/freshness.ts) says it is fresh, so opening a ticket normally costs no search; otherwise
 * computed now with `computeSprintRollup` and stored for the next view.
 *
 * A recompute usually follows a decision (applying one drops the stored rollup), and Jira's search
 * index can trail a write by a moment, so the search reconciles the panel's own issue: the budget the
 * PO sees right after applying includes the ticket they just pulled in.
 */
import type { Sprint } from '../../jira/client/agile-client';
import { JiraError } from '../../jira/errors';
import type { JiraPort, Ports } from '../../ports';
import { snapshotStaleness } from '../sprint/freshness';
import type { ProjectContext } from '../sprint/project-context';
import { computeSprintRollup } from '../sprint/sprint-rollup';
import { sprintRecords, type SprintRollup } from '../storage/sprint-records';

export interface ActiveRollup {
  readonly rollup: SprintRollup;
  readonly source: 'stored' | 'computed';
  readonly notes: readonly string[];
}

/** The same Jira port, whose searches also reconcile these issues (by id, at most 50). */
export function reconciling(jira: JiraPort, issueIds: readonly number[]): JiraPort {
  const view = Object.create(jira) as JiraPort & { searchTickets: JiraPort['searchTickets'] };
  view.searchTickets = (query) => jira.searchTickets({ ...query, reconcileIssueIds: [...new Set([...(query.reconcileIssueIds ?? []), ...issueIds])].slice(0, 50) });
  return view;
}

export async function activeRollup(ports: Ports, project: ProjectContext, sprint: Sprint, reconcileIssueIds: readonly number[]): Promise<ActiveRollup> {
  const { projectKey } = project;
  const [stored, baseline] = await Promise.all([
    sprintRecords.rollup.read(ports.store, projectKey, sprint.id),
    sprintRecords.baseline.read(ports.store, projectKey, sprint.id),
  ]);
  if (stored.value && snapshotStaleness(stored.value, sprint, project.loaded.settings, ports.clock.now()) !== 'stale') {
    return { rollup: stored.value, source: 'stored', notes: [] };
  }
  const computed = await computeSprintRollup({ ...ports, jira: reconciling(ports.jira, reconcileIssueIds) }, project, sprint, baseline.value);
  const rollup = await sprintRecords.rollup.write(ports.store, projectKey, computed.rollup);
  // Mapping notes about the sprint's other tickets are the dashboard's business, not this ticket's.
  const notes = [
    ...(stored.problem ? [`${stored.problem} It was recomputed from Jira.`] : []),
    ...(baseline.problem ? [`${baseline.problem} The sprint is measured without a baseline until a new one is taken.`] : []),
  ];
  return { rollup, source: 'computed', notes };
}

/**
 * The same, but a Jira failure leaves the panel without its budget gauges (and says why) instead of
 * without everything: the verdict matters more than the numbers next to it.
 */
export async function activeRollupOrProblem(ports: Ports, project: ProjectContext, sprint: Sprint, reconcileIssueIds: readonly number[]): Promise<ActiveRollup | { readonly problem: string }> {
  try {
    return await activeRollup(ports, project, sprint, reconcileIssueIds);
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    return { problem: `The budget of ${sprint.name} could not be loaded: ${error.userMessage}` };
  }
}
