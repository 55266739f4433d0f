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
 * A run that Jira's hourly quota for apps stops records where (storage/rollup-progress.ts): the next
 * run starts with the projects it did not reach, then the one it was cut off in, then the rest; each
 * project's status says when it was last rolled up and when the quota cut it off, for the views.
 *
 * An active sprint is brought up to date through its issue cache (sprint-sync.ts), so an hour in
 * which little changed costs a few requests however big the sprint; the cache of a sprint is
 * deleted once the sprint is seen closed and its history row is stored.
 */
import { ledgerJournal } from './ledger-journal';
import { AppError } from '../app-error';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { rollupProgress, type RollupStop } from '../storage/rollup-progress';
import { projectRegistry, sprintRecords } from '../storage/sprint-records';
import { peopleDirectory } from '../people/people-directory';
import { historyRows } from './history-rows';
import { issueSecurity } from '../storage/issue-security';
import { loadProjectContext, nextFutureSprint, type ProjectContext } from './project-context';
import { deleteSprintCache } from './sprint-issue-cache';
import { sprintSnapshot, type SprintSnapshot } from './sprint-snapshot';

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
  /** With `quotaSpent`: when Jira said the quota resets, when it said (its Retry-After, from the refusal's moment). */
  readonly quotaResetsAt?: number;
}

export interface RollupReport {
  readonly projects: readonly ProjectRollupReport[];
  /** Projects not reached: before the deadline, or after the quota was spent. */
  readonly skipped: readonly string[];
  /** Why the run stopped starting projects, when it stopped early for Jira's hourly quota. */
  readonly stoppedBy?: 'quota';
  /** Journal records deleted: folded an hour ago (only after a run that reached every project), a day old, or damaged. */
  readonly journalPruned?: number;
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
    for (const sprint of active) snapshots.push(await sprintSnapshot(ports, context, sprint, { force: true, keepUnchangedLedger: true }));
    // With the history, the daily question whether the project has secured issues, and the names the
    // dashboard will show: asked here so no view has to (access/viewer-filter.ts, people/people-directory.ts).
    const [history] = await Promise.all([
      historyRows(ports, context, lastClosed),
      issueSecurity.projectUsesIt(ports, projectKey),
      // Names are a saving for the views: only Jira's spent quota (which stops the run) may fail the project.
      renewShownPeople(ports, context, snapshots).catch((error: unknown) => {
        if (error instanceof JiraError && error.quota !== undefined) throw error;
      }),
    ]);
    await Promise.all([...history.computed].map((sprintId) => deleteSprintCache(ports.store, projectKey, sprintId)));
    return {
      projectKey,
      activeSprints: active.map((s) => s.id),
      lazyBaselines: snapshots.filter((s) => s.lazyBaselineTaken).map((s) => s.rollup.sprintId),
      historyFinalized: [...history.computed],
    };
  } catch (error) {
    const quota = error instanceof JiraError && error.quota !== undefined;
    const resetsAt = quota && error.retryAfterMs !== undefined ? ports.clock.now() + error.retryAfterMs : undefined;
    return {
      projectKey,
      activeSprints: [],
      lazyBaselines: [],
      historyFinalized: [],
      problem: problemOf(error),
      ...(quota ? { quotaSpent: true as const } : {}),
      ...(resetsAt !== undefined ? { quotaResetsAt: resetsAt } : {}),
    };
  }
}

/** Renew the people's names a little before their records expire: the hourly run comes round first. */
export const PEOPLE_RENEW_WITHIN_MS = 2 * 60 * 60_000;

/**
 * The people the project's dashboard shows (the support contact, who recorded the overflow, who
 * deferred or asked for information, who adopted an allocation), remembered before they expire, so a
 * dashboard view finds their names stored. A lookup Jira refuses is left to the view, as before.
 */
async function renewShownPeople(ports: Ports, context: ProjectContext, snapshots: readonly SprintSnapshot[]): Promise<void> {
  const overflows = await Promise.all(snapshots.map((s) => sprintRecords.overflow.read(ports.store, context.projectKey, s.rollup.sprintId)));
  const ids = [
    ...snapshots.flatMap((s) => [s.rollup.supportContact, ...s.ledger.deferred.map((d) => d.decidedBy), ...s.ledger.waiting.map((w) => w.reporterAccountId)]),
    ...overflows.map((o) => o.value?.decidedBy),
    context.loaded.settings.sprintAllocations[String(nextFutureSprint(context)?.id)]?.adoptedBy,
  ];
  await peopleDirectory(ports, ids, { renewWithinMs: PEOPLE_RENEW_WITHIN_MS });
}

/** Registry order, rotated by the hour: a different project goes first each hour. */
export function runOrder(projects: readonly string[], nowMs: number): string[] {
  const start = projects.length === 0 ? 0 : Math.floor(nowMs / 3_600_000) % projects.length;
  return [...projects.slice(start), ...projects.slice(0, start)];
}

/**
 * The run's order: after a run the quota stopped, the projects it did not reach first, then the one
 * it was cut off in (each still registered), then the rest in the hour's order — so a spent quota
 * delays a project by an hour, not until the rotation comes round to it.
 */
export function resumeOrder(projects: readonly string[], stop: RollupStop | undefined, nowMs: number): string[] {
  const first = stop ? [...new Set([...stop.notReached, ...(stop.cutOff !== undefined ? [stop.cutOff] : [])])].filter((p) => projects.includes(p)) : [];
  return [...first, ...runOrder(projects, nowMs).filter((p) => !first.includes(p))];
}

/**
 * Roll up every registered project, until `deadlineMs` leaves too little time for another, or Jira's
 * hourly quota for apps is spent: then every further request would be refused until the window
 * resets, so the run stops, each project keeps its stored numbers, and the next hour's run (starting
 * elsewhere in the registry: runOrder) goes on.
 */
export async function rollUpAll(ports: Ports, deadlineMs: number): Promise<RollupReport> {
  const [registry, stop] = await Promise.all([projectRegistry.list(ports.store), rollupProgress.stop(ports.store)]);
  const projects = resumeOrder(registry, stop, ports.clock.now());
  const reports: ProjectRollupReport[] = [];
  const skipped: string[] = [];
  let cutOff: ProjectRollupReport | undefined;
  for (const projectKey of projects) {
    if (cutOff || deadlineMs - ports.clock.now() < PROJECT_RESERVE_MS) skipped.push(projectKey);
    else {
      const report = await rollUpProject(ports, projectKey);
      reports.push(report);
      if (report.quotaSpent) cutOff = report;
      else if (!report.problem) await rollupProgress.rolledUp(ports.store, projectKey, ports.clock.now());
    }
  }
  if (cutOff) await recordQuotaStop(ports, cutOff, skipped);
  // Any other end (done, or out of time: the hour's rotation covers that) leaves nothing to resume.
  else if (stop) await rollupProgress.clearStop(ports.store);
  // When every project's sprint has folded the journal's changes, those an hour old go; whatever the
  // run reached, records a day old go (the daily full read has covered them), so the journal stays small
  // on a site whose runs never reach every project (ledger-journal.ts).
  const journalPruned = await pruneJournal(ports, !cutOff && skipped.length === 0 && reports.every((r) => !r.problem));
  return { projects: reports, skipped, journalPruned, ...(cutOff ? { stoppedBy: 'quota' as const } : {}) };
}

async function pruneJournal(ports: Ports, everyProjectFolded: boolean): Promise<number> {
  const { entries, damaged } = await ledgerJournal.list(ports.store);
  return ledgerJournal.prune(ports.store, entries, new Set(everyProjectFolded ? entries.map((e) => e.key) : []), ports.clock.now(), damaged);
}

/** Where the quota stopped the run, for the next run, and on each project it kept from its update, for the views. */
async function recordQuotaStop(ports: Ports, cutOff: ProjectRollupReport, notReached: readonly string[]): Promise<void> {
  const at = ports.clock.now();
  const resetsAt = cutOff.quotaResetsAt;
  await rollupProgress.recordStop(ports.store, { at, why: 'quota', ...(resetsAt !== undefined ? { resetsAt } : {}), cutOff: cutOff.projectKey, notReached: [...notReached] });
  await Promise.all([cutOff.projectKey, ...notReached].map((projectKey) => rollupProgress.quotaStopped(ports.store, projectKey, at, resetsAt)));
}
