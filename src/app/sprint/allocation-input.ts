/**
 * The domain's allocation input for a sprint, from the project's settings: one place maps settings
 * (capacity model, calendar, allocation, classification) and the baseline to what `allocate` reads,
 * so the live rollup and the retrospective rows can never count differently.
 */
import type { AllocationInput } from '../../domain/allocation';
import type { BudgetTerms } from '../../domain/budget-terms';
import type { SprintWindow } from '../../domain/calendar';
import type { Ticket } from '../../domain/ticket';
import { allocationPctFor, calendarOf, capacityModelOf, classificationOf, type ProjectSettings } from '../settings/project-settings';
import type { SprintBaselineRecord } from '../storage/sprint-records';

/**
 * `terms`: the allocation and capacity in force during the window when they changed in it (sprint/settings-in-force.ts).
 * `sprintId`: the sprint measured; an allocation adopted for it (issue 14, item 4) holds for its whole window, whatever the
 * project's allocation was or becomes (the capacity model still steps with the terms).
 */
export function allocationInputFor(settings: ProjectSettings, tickets: readonly Ticket[], window: SprintWindow, baseline?: SprintBaselineRecord, terms?: readonly BudgetTerms[], sprintId?: number): AllocationInput {
  // No buffer in force (issue 14, item 5): nothing is reserved at any time of the sprint, whatever was adopted or saved before.
  const track = settings.budgetMode === 'track';
  const adopted = track ? 0 : sprintId === undefined ? undefined : settings.sprintAllocations[String(sprintId)]?.pct;
  const allocationPct = track ? 0 : allocationPctFor(settings, sprintId);
  const stepped = terms && adopted !== undefined ? terms.map((t) => ({ ...t, allocationPct: adopted })) : terms;
  return {
    sprintTickets: tickets,
    window,
    calendar: calendarOf(settings),
    model: capacityModelOf(settings),
    allocationPct,
    classification: classificationOf(settings),
    ...(baseline ? { baseline: { issueKeys: baseline.issueKeys, committedPoints: baseline.committedPoints } } : {}),
    ...(stepped ? { terms: stepped } : {}),
  };
}
