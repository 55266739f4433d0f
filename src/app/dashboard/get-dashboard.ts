/**
 * The dashboard use case (`dashboard.get`): the active sprint (or a chosen one) with its budget,
 * burn, status and what interrupted or was deferred; the last N closed sprints with the
 * recommended allocation. Everything comes from stored snapshots when they are fresh (see
 * sprint/freshness.ts), so a view normally makes no Jira search; only what is missing or stale is
 * recomputed, and stored for the next view. Opening the dashboard also registers the project, so
 * the hourly rollup keeps it fresh from then on.
 *
 * Who sees what: the board is read as the viewer first (loadProjectContext), which proves they may
 * see the project; the snapshots and history are then the app's (computed as the app, the same for
 * everyone); the issues they name are shown only as far as the viewer may see them (access/
 * viewer-filter.ts), the rest counted.
 *
 * When Jira's hourly quota for apps is spent, the view still answers with the stored numbers and says
 * since when (`staleBecause`): the refresh a stale rollup asks for falls back to what is stored
 * (sprint-snapshot.ts `storedOnQuota`), and stored numbers from before a quota stop that cut the
 * hourly rollup of this project off say so too (storage/rollup-progress.ts).
 */
import type { DashboardGetPayload, DashboardView } from '../../contract/dashboard';
import { deliveryCost } from '../../domain/delivery-cost';
import { historyTable } from '../../domain/history';
import { recommendAllocation } from '../../domain/recommendation';
import type { Sprint } from '../../jira/client/agile-client';
import type { Ports } from '../../ports';
import { viewerFilter, viewerNotes } from '../access/viewer-filter';
import { AppError } from '../app-error';
import { historyRows } from '../sprint/history-rows';
import { activeSprint, loadProjectContext, sprintDatesProblem, type ProjectContext } from '../sprint/project-context';
import { sprintSnapshot } from '../sprint/sprint-snapshot';
import { rollupProgress } from '../storage/rollup-progress';
import { projectRegistry, sprintRecords } from '../storage/sprint-records';
import { historyRowView, listedIssues, sprintView } from './dashboard-view';
import { staleBecause } from './stale-because';
import { boundedNotes } from './notes';
import { peopleDirectory } from '../people/people-directory';
import { nextSprintView } from '../planning/next-sprint';

/** The sprint the payload names, which must be one of the project's board's sprints. */
export function chosenSprint(context: ProjectContext, sprintId: number | undefined): Sprint | undefined {
  if (sprintId === undefined) return activeSprint(context);
  const sprint = context.sprints.find((s) => s.id === sprintId);
  if (!sprint) throw new AppError('NOT_FOUND', `Sprint ${sprintId} is not a sprint of ${context.board.name}. Choose one of the board's sprints.`);
  return sprint;
}

/** Said when the sprint had more support items than one stored record holds (see sprint/rollup-size.ts). */
function omittedNote(snapshot: { readonly rollup: { readonly itemsOmitted?: number } } | undefined): string[] {
  const omitted = snapshot?.rollup.itemsOmitted;
  return omitted ? [`${omitted} of this sprint's smaller support items are not listed (too many to store); the totals include them.`] : [];
}

export async function getDashboard(ports: Ports, projectKey: string, payload: DashboardGetPayload = {}): Promise<DashboardView> {
  const context = await loadProjectContext(ports, projectKey);
  const { settings } = context.loaded;
  const chosen = chosenSprint(context, payload.sprintId);
  // A sprint whose dates cannot be a sprint's gets its sentence instead of a card; the history still shows.
  const datesProblem = chosen ? sprintDatesProblem(chosen) : undefined;
  const sprint = datesProblem ? undefined : chosen;
  const lastClosed = context.sprints.filter((s) => s.state === 'closed').slice(-settings.historySprints);
  const [snapshot, history, overflow, , rollupStatus] = await Promise.all([
    sprint ? sprintSnapshot(ports, context, sprint, { force: payload.refresh === true, storedOnQuota: true }) : undefined,
    historyRows(ports, context, lastClosed),
    sprint ? sprintRecords.overflow.read(ports.store, projectKey, sprint.id) : Promise.resolve({ value: undefined, problem: undefined }),
    projectRegistry.register(ports.store, projectKey, ports.clock.now()),
    sprint?.state === 'active' ? rollupProgress.status(ports.store, projectKey) : undefined,
  ]);
  const listed = snapshot ? listedIssues(snapshot) : [];
  const overflowAsked = snapshot?.rollup.status === 'over' && snapshot.rollup.state === 'active';
  // Nobody has saved settings (a damaged record says so in its own note instead: someone did set it up).
  const unconfigured = context.loaded.isDefault && context.loaded.problem === undefined;
  const filter = await viewerFilter(ports, projectKey, listed);
  // Only an active sprint over its budget asks for a decision. Whether this viewer may record it is
  // Jira's answer when they do (record-overflow.ts), not asked on every view (3 points).
  const canRecordOverflow = overflowAsked ? null : false;
  const rows = historyTable(history.rows, settings.historySprints);
  // Without a buffer nothing is reserved: the recommendation says what to reserve, not "down from" a share that is not in force.
  const current = settings.budgetMode === 'track' ? null : settings.allocationPct;
  const recommendation = recommendAllocation({ rows, ...(current === null ? {} : { currentAllocationPct: current }) });
  const overflowNote = overflow.problem ? [`${overflow.problem} Record the overflow decision again.`] : [];
  const stale = snapshot ? staleBecause(snapshot, rollupStatus, ports.clock.now()) : undefined;
  const sprintShown = snapshot ? { ...sprintView(snapshot, overflow.value, filter, canRecordOverflow, ports.clock.now()), ...(stale ? { staleBecause: stale } : {}) } : null;
  const nextSprint = nextSprintView(context, rows, recommendation, ports.clock.now(), snapshot?.ledger.nextSprint);
  // Only the people the viewer is shown (deferred tickets they may not see are counted, not named).
  const { people } = await peopleDirectory(ports, [...(sprintShown ? [sprintShown.supportContact, sprintShown.overflow?.decidedBy, ...sprintShown.deferred.map((d) => d.decidedBy), ...sprintShown.waiting.map((w) => w.reporterAccountId)] : []), nextSprint?.adopted?.adoptedBy]);
  return {
    projectKey,
    board: { id: context.board.id, name: context.board.name },
    ...(context.boardCount === undefined ? {} : { boardCount: context.boardCount }),
    sprint: sprintShown,
    ...(datesProblem ? { message: datesProblem } : sprint ? {} : { message: `No sprint is active on ${context.board.name}. Start a sprint in Jira to track its support budget; the history of closed sprints is below.` }),
    sprints: context.sprints
      .filter((s): s is Sprint & { state: 'active' | 'closed' } => s.state !== 'future')
      .map((s) => ({ id: s.id, name: s.name, state: s.state }))
      .reverse(),
    history: {
      rows: rows.map(historyRowView),
      currentAllocationPct: current,
      recommendation: { pct: recommendation.pct, explanation: recommendation.explanation },
      deliveryCost: deliveryCost(rows),
    },
    defaults: unconfigured ? { teamSize: settings.capacity.teamSize, focusHoursPerDay: settings.capacity.focusHoursPerDay, allocationPct: settings.allocationPct } : null,
    notes: boundedNotes(viewerNotes([...context.notes, ...(snapshot?.notes ?? []), ...omittedNote(snapshot), ...history.notes, ...overflowNote], filter, listed)),
    people,
    nextSprint,
  };
}
