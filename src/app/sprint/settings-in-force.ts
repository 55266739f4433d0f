/**
 * The settings a sprint is measured with: those of its own time, not today's.
 *
 * Every save keeps its revision (storage/settings-repository.ts, `settings-at:`), so for a sprint
 * window the app knows what was in force when:
 * - what counts as support, the labels, the WIP limit, the defect types… — the revision in force at
 *   the window's end (for the active sprint, the current one): a closed sprint keeps the settings it
 *   closed with, whatever is saved later, so its history row is the same whenever it is computed;
 * - the allocation % and the capacity model — every revision in force during the window, as budget
 *   terms (domain/budget-terms.ts): a change in the middle of the sprint takes effect from its day,
 *   the budget line steps there and the days before are not rewritten.
 * Before the first save the defaults were in force, and sprints of that time are measured with them;
 * a project whose earliest known revision predates this record keeping uses that revision for the
 * time before it. A project that never saved uses the defaults throughout.
 */
import { termsInWindow, type BudgetTerms } from '../../domain/budget-terms';
import type { SprintWindow } from '../../domain/calendar';
import type { Ports } from '../../ports';
import { capacityModelOf, reservedPctOf, withSiteOrder, type ProjectSettings } from '../settings/project-settings';
import { loadSettingsTimeline, type SettingsTimeline } from '../storage/settings-repository';
import type { ProjectContext } from './project-context';

export interface InForce {
  readonly settings: ProjectSettings;
  /** Present when the window saw more than one revision's terms. */
  readonly terms?: readonly BudgetTerms[];
}

export async function settingsTimeline(ports: Ports, context: ProjectContext): Promise<SettingsTimeline> {
  const timeline = await loadSettingsTimeline(ports.store, context.projectKey, context.loaded);
  // Each revision's value maps follow the site's order as the current ones do (a revision that kept the built-in maps).
  return { ...timeline, entries: timeline.entries.map((e) => ({ ...e, settings: withSiteOrder(e.settings, context.siteOrder) })) };
}

/** The settings for one window, from the timeline (the current settings when nothing was kept). */
export function inForceFor(timeline: SettingsTimeline, current: ProjectSettings, window: SprintWindow): InForce {
  const { entries } = timeline;
  const [earliest] = entries;
  if (!earliest) return { settings: current };
  const atEnd = entries.filter((e) => e.fromMs <= window.endMs).pop() ?? earliest;
  const terms = termsInWindow(
    entries.map((e): BudgetTerms => ({ fromMs: e.fromMs, allocationPct: reservedPctOf(e.settings), model: capacityModelOf(e.settings) })),
    window,
  );
  return { settings: atEnd.settings, ...(terms.length > 1 ? { terms } : {}) };
}
