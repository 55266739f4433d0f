/**
 * The hourly rollup (scheduled trigger, acting as the app): for every project that uses the app,
 * recompute and store the active sprint(s) — rollup, burn series point of the day, ledger — take a
 * missing baseline lazily, and finalize the history rows of newly closed sprints (each once: a
 * stored row is never recomputed, so later runs only pay for the active sprints).
 *
 * Projects run one after another, which keeps the app gentle on Jira's rate limits; a project that
 * fails is reported and the run goes on with the next. The run stops starting new projects when
 * less than {@link PROJECT_RESERVE_MS} is left before the deadline, so it ends on its own terms
 * instead of being cut off by the platform mid-write. Each hour starts at a different project of the
 * registry (by the hour's number), so a project skipped one hour is reached early in another.
 *
 * An active sprint is brought up to date through its issue cache (sprint-sync.ts), so an hour in
 * which little changed costs a few requests however big the sprint; the cache of a sprint is
 * deleted once the sprint is seen closed and its history row is stored.
 */
import { AppError } from '../app-error';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { projectRegistry } from '../storage/sprint-records';
import { historyRows } from './history-rows';
import { issueSecurity } from '../storage/issue-security';
import { loadProjectContext } from './project-context';
import { deleteSprintCache } from './sprint-issue-cache';
import { sprintSnapshot } from './sprint-snapshot';

/** Time one project may need, at most: stop starting projects when less than this is left. */
export const PROJECT_RESERVE_MS = 60_000;

export interface ProjectRollupReport {
  readonly projectKey: string;
  readonly activeSprints: readonly number[];
  readonly lazyBaselines: readonly number[];
  readonly historyFinalized: readonly number[];
  readonly problem?: string;
  /** Jira's hourly points quota for apps was spent while this project ran (issue 13, item 2). */
  readonly quotaSpent?: true;
}

export interface RollupReport {
  readonly projects: readonly ProjectRollupReport[];
  /** Projects not reached: before the deadline, or after the quota was spent. */
  readonly skipped: readonly string[];
  /** Why the run stopped starting projects, when it stopped early for Jira's hourly quota. */
  readonly stoppedBy?: 'quota';
}

function problemOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof JiraError) return error.userMessage;
  console.error('Interrupt Budget: unexpected error in the hourly rollup', error);
  return 'Something unexpected went wrong; the next hourly run tries again.';
}

export async function rollUpProject(ports: Ports, projectKey: string): Promise<ProjectRollupReport> {
  try {
    const context = await loadProjectContext(ports, projectKey);
    const active = context.sprints.filter((s) => s.state === 'active');
    const lastClosed = context.sprints.filter((s) => s.state === 'closed').slice(-context.loaded.settings.historySprints);
    const snapshots = [];
    for (const sprint of active) snapshots.push(await sprintSnapshot(ports, context, sprint, { force: true }));
    // With the history, the daily question whether the project has secured issues: asked here so no view has to (access/viewer-filter.ts).
    const [history] = await Promise.all([historyRows(ports, context, lastClosed), issueSecurity.projectUsesIt(ports, projectKey)]);
    await Promise.all([...history.computed].map((sprintId) => deleteSprintCache(ports.store, projectKey, sprintId)));
    return {
      projectKey,
      activeSprints: active.map((s) => s.id),
      lazyBaselines: snapshots.filter((s) => s.lazyBaselineTaken).map((s) => s.rollup.sprintId),
      historyFinalized: [...history.computed],
    };
  } catch (error) {
    const quota = error instanceof JiraError && error.quota !== undefined;
    return { projectKey, activeSprints: [], lazyBaselines: [], historyFinalized: [], problem: problemOf(error), ...(quota ? { quotaSpent: true as const } : {}) };
  }
}

/** Registry order, rotated by the hour: a different project goes first each hour. */
export function runOrder(projects: readonly string[], nowMs: number): string[] {
  const start = projects.length === 0 ? 0 : Math.floor(nowMs / 3_600_000) % projects.length;
  return [...projects.slice(start), ...projects.slice(0, start)];
}

/**
 * Roll up every registered project, until `deadlineMs` leaves too little time for another, or Jira's
 * hourly quota for apps is spent: then every further request would be refused until the window
 * resets, so the run stops, each project keeps its stored numbers, and the next hour's run (starting
 * elsewhere in the registry: runOrder) goes on.
 */
export async function rollUpAll(ports: Ports, deadlineMs: number): Promise<RollupReport> {
  const projects = runOrder(await projectRegistry.list(ports.store), ports.clock.now());
  const reports: ProjectRollupReport[] = [];
  const skipped: string[] = [];
  let quotaSpent = false;
  for (const projectKey of projects) {
    if (quotaSpent || deadlineMs - ports.clock.now() < PROJECT_RESERVE_MS) skipped.push(projectKey);
    else {
      const report = await rollUpProject(ports, projectKey);
      reports.push(report);
      quotaSpent = report.quotaSpent === true;
    }
  }
  return { projects: reports, skipped, ...(quotaSpent ? { stoppedBy: 'quota' as const } : {}) };
}
