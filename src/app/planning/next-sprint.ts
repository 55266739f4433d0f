/**
 * The dashboard's "Next sprint" block (issue 14, item 4): for the board's first future sprint, its
 * capacity by the same maths as a running sprint (allocation-input.ts → `supportBudget`), the
 * allocation to reserve (adopted for it, else recommended, else the project's), what that leaves
 * for sprint work and a suggested commitment (domain/sprint-plan.ts). No Jira request: the board's
 * sprints and the settings are already loaded, the history rows are the dashboard's own.
 *
 * Dates: Jira often has none for a sprint not started. Then the block assumes the sprint follows the
 * latest started one and lasts as long (14 days without any), and says so; the capacity of hours
 * follows from those days. In points the capacity is what the team commits at the start, unknown
 * before, so the block gives the velocity-based commitment and no capacity (sprint-plan.ts).
 *
 * For a team that does not estimate defects, the block adds the defect-count plan beside the velocity
 * one (next-sprint-defects.ts), from counts already stored: still no Jira request.
 */
import type { NextSprintView } from '../../contract/planning';
import { supportBudget } from '../../domain/allocation';
import type { HistoryRow } from '../../domain/history';
import type { Recommendation } from '../../domain/recommendation';
import { sprintPlan } from '../../domain/sprint-plan';
import type { Sprint } from '../../jira/client/agile-client';
import { capacityModelOf, type ProjectSettings } from '../settings/project-settings';
import { allocationInputFor } from '../sprint/allocation-input';
import { defectCountPlan, type NextSprintDefects } from './next-sprint-defects';
import { expectedSupport } from './next-sprint-track';
import { nextFutureSprint, sprintWindow, type ProjectContext } from '../sprint/project-context';

export { nextFutureSprint } from '../sprint/project-context';

const DAY_MS = 86_400_000;
const DEFAULT_LENGTH_MS = 14 * DAY_MS;

interface PlannedWindow {
  readonly startMs: number;
  readonly endMs: number;
  readonly assumed?: string;
}

/** Jira's planned dates when it has plausible ones; else after the latest started sprint, as long as it. */
export function plannedWindow(sprint: Sprint, sprints: readonly Sprint[], nowMs: number): PlannedWindow {
  const start = sprint.startDate ? Date.parse(sprint.startDate) : Number.NaN;
  const end = sprint.endDate ? Date.parse(sprint.endDate) : Number.NaN;
  if (Number.isFinite(start) && Number.isFinite(end) && end > start && end - start <= 60 * DAY_MS) return { startMs: start, endMs: end };
  const started = sprints
    .filter((s) => s.state !== 'future')
    .map((s) => ({ s, w: sprintWindow(s) }))
    .filter((x): x is { s: Sprint; w: { startMs: number; endMs: number } } => x.w !== undefined)
    .sort((a, b) => a.w.endMs - b.w.endMs);
  const latest = started[started.length - 1];
  if (!latest) {
    return { startMs: nowMs, endMs: nowMs + DEFAULT_LENGTH_MS, assumed: `Jira has no dates for ${sprint.name} yet: the numbers assume it starts today and lasts 14 days.` };
  }
  const length = latest.w.endMs - latest.w.startMs;
  const days = Math.round(length / DAY_MS);
  return {
    startMs: latest.w.endMs,
    endMs: latest.w.endMs + length,
    assumed: `Jira has no dates for ${sprint.name} yet: the numbers assume it follows ${latest.s.name} and lasts as long (${days} day${days === 1 ? '' : 's'}).`,
  };
}

/** What adopting would change: a recommendation other than the allocation this sprint gets now. */
export function adoptablePct(settings: ProjectSettings, sprintId: number, recommendedPct: number | null): number | null {
  const now = settings.sprintAllocations[String(sprintId)]?.pct ?? settings.allocationPct;
  return recommendedPct !== null && recommendedPct !== now ? recommendedPct : null;
}

/** `nextDefects`: the defects planned into the next sprint, as the active sprint's ledger counted them. */
export function nextSprintView(context: ProjectContext, rows: readonly HistoryRow[], recommendation: Pick<Recommendation, 'pct' | 'basis'>, nowMs: number, nextDefects?: NextSprintDefects): NextSprintView | null {
  const sprint = nextFutureSprint(context);
  if (!sprint) return null;
  const { settings } = context.loaded;
  const window = plannedWindow(sprint, context.sprints, nowMs);
  const track = settings.budgetMode === 'track';
  const adopted = settings.sprintAllocations[String(sprint.id)] ?? null;
  const model = capacityModelOf(settings);
  const capacity = model.kind === 'hours' ? supportBudget(allocationInputFor(settings, [], window, undefined, undefined, sprint.id)).capacity : null;
  // Track mode (next-sprint-track.ts): nothing reserved, recommended or adopted; the plan leaves room for the measured share.
  const expected = track ? expectedSupport(recommendation.basis, capacity, model.kind) : null;
  const recommendedPct = track ? null : recommendation.pct;
  const plannedPct = expected ? expected.pct : (adopted?.pct ?? recommendedPct ?? settings.allocationPct);
  const planInput = { unit: model.kind, capacity, allocationPct: plannedPct, support: track ? ('expected' as const) : ('reserved' as const) };
  const plan = sprintPlan({ ...planInput, history: rows });
  return {
    id: sprint.id,
    name: sprint.name,
    startDate: new Date(window.startMs).toISOString(),
    endDate: new Date(window.endMs).toISOString(),
    ...(window.assumed ? { datesAssumed: window.assumed } : {}),
    unit: model.kind,
    capacity,
    budgetMode: track ? 'track' : 'reserve',
    expectedSupport: expected,
    recommendedPct,
    currentPct: settings.allocationPct,
    adopted,
    plannedPct,
    capacityLeft: plan.capacityLeft,
    suggestedCommitment: plan.suggestedCommitment,
    method: plan.method,
    sentence: plan.sentence,
    adoptable: adoptablePct(settings, sprint.id, recommendedPct) !== null,
    defectCount: defectCountPlan(planInput, rows, sprint.id, nextDefects),
  };
}
