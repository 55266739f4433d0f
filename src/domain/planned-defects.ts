/**
 * Defects planned into a sprint, for the defect-count method of planning (seed 004: "last sprint 60
 * points with 4 defects planned; this sprint 2 → plan 65–70"; sprint-plan.ts) — and whether the team
 * is one that method is for: a team that does not estimate its defects.
 *
 * - Planned: a ticket of a defect type (defects.ts `isDefect`) in the sprint that was there to be
 *   planned: created before the sprint started and not pulled in mid-sprint by an interrupt
 *   decision (interrupts are what the support reserve is for, not the plan). For a sprint not
 *   started, every defect of it not done yet.
 * - Estimated: the planned defects carrying story points (a finite number above 0).
 *
 * How the dashboard decides a team does not estimate defects ({@link doesNotEstimateDefects}): over
 * the closed sprints that recorded their planned defects, and the next sprint's plan, at least
 * {@link MIN_DEFECTS_SEEN} defects were planned and not one of them carried an estimate. One defect
 * is too few to tell a habit from an accident, and a single estimated defect means the team's
 * points already count defect work — then velocity alone is the honest method.
 */
import { isDefect, type DefectRules } from './defects';
import type { Ticket } from './ticket';

export const MIN_DEFECTS_SEEN = 2;

export interface PlannedDefects {
  /** Distinct defect tickets planned into the sprint. */
  readonly count: number;
  /** Of them, those with story points. */
  readonly estimated: number;
}

const estimated = (t: Ticket): boolean => Number.isFinite(t.storyPoints) && (t.storyPoints as number) > 0;

function counted(tickets: readonly Ticket[]): PlannedDefects {
  const seen = new Set<string>();
  const distinct = tickets.filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
  return { count: distinct.length, estimated: distinct.filter(estimated).length };
}

/** The defects planned into a started sprint (`sprintTickets`: its issues): created before `startMs`, not an interrupt of it. */
export function plannedDefectsOf(sprintTickets: readonly Ticket[], sprint: { readonly sprintId: number; readonly startMs: number }, rules: DefectRules): PlannedDefects {
  return counted(
    sprintTickets.filter(
      (t) =>
        isDefect(t, rules) &&
        t.createdMs !== undefined &&
        t.createdMs < sprint.startMs &&
        !(t.decision?.outcome === 'interrupt' && (t.decision.sprintId === undefined || t.decision.sprintId === sprint.sprintId)),
    ),
  );
}

/** The defects planned so far into a sprint not started: every defect of it not done yet. */
export function defectsPlannedInto(tickets: readonly Ticket[], sprintId: number, rules: DefectRules): PlannedDefects {
  return counted(tickets.filter((t) => isDefect(t, rules) && t.statusCategory !== 'done' && t.sprints.some((s) => s.id === sprintId)));
}

/** Whether the planned defects seen say the team does not estimate defects (see the header). */
export function doesNotEstimateDefects(seen: readonly (PlannedDefects | undefined)[]): boolean {
  const known = seen.filter((p): p is PlannedDefects => p !== undefined);
  const count = known.reduce((n, p) => n + p.count, 0);
  return count >= MIN_DEFECTS_SEEN && known.every((p) => p.estimated === 0);
}
