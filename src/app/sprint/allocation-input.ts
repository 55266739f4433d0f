/**
 * The domain's allocation input for a sprint, from the project's settings: one place maps settings
 * (capacity model, calendar, allocation, classification) and the baseline to what `allocate` reads,
 * so the live rollup and the retrospective rows can never count differently.
 */
import type { AllocationInput } from '../../domain/allocation';
import type { BudgetTerms } from '../../domain/budget-terms';
import type { SprintWindow } from '../../domain/calendar';
import type { Ticket } from '../../domain/ticket';
import { calendarOf, capacityModelOf, classificationOf, reservedPctOf, type ProjectSettings } from '../settings/project-settings';
import type { SprintBaselineRecord } from '../storage/sprint-records';

/** `terms`: the allocation and capacity in force during the window when they changed in it (sprint/settings-in-force.ts). */
export function allocationInputFor(settings: ProjectSettings, tickets: readonly Ticket[], window: SprintWindow, baseline?: SprintBaselineRecord, terms?: readonly BudgetTerms[]): AllocationInput {
  return {
    sprintTickets: tickets,
    window,
    calendar: calendarOf(settings),
    model: capacityModelOf(settings),
    allocationPct: reservedPctOf(settings),
    classification: classificationOf(settings),
    ...(baseline ? { baseline: { issueKeys: baseline.issueKeys, committedPoints: baseline.committedPoints } } : {}),
    // No buffer in force (issue 14, item 5): nothing was reserved at any time of the sprint, whatever earlier saves said.
    ...(terms ? { terms: settings.budgetMode === 'track' ? terms.map((t) => ({ ...t, allocationPct: 0 })) : terms } : {}),
  };
}
