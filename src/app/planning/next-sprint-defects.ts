/**
 * The defect-count plan of the dashboard's Next sprint block (seed 004; domain/sprint-plan.ts), for a
 * team that does not estimate defects. No Jira request: last sprint's planned defects are in its
 * frozen history row, the next sprint's in the active sprint's ledger (found by the ledger's own
 * search, sprint-ledger.ts).
 *
 * Shown only when the data says the team is one the method is for (domain/planned-defects.ts
 * `doesNotEstimateDefects`: at least 2 planned defects over the history rows that recorded them and
 * the next sprint's plan, none of them estimated), and when both counts are known: last sprint's row
 * recorded its planned defects, and a ledger computed with the next sprint counted its defects. Else
 * null, and the block gives the velocity plan alone.
 */
import type { NextSprintDefectCount } from '../../contract/planning';
import type { HistoryRow } from '../../domain/history';
import { doesNotEstimateDefects, type PlannedDefects } from '../../domain/planned-defects';
import { sprintPlan, type SprintPlanInput } from '../../domain/sprint-plan';

export interface NextSprintDefects {
  readonly sprintId: number;
  readonly defects: PlannedDefects;
}

export function defectCountPlan(base: Omit<SprintPlanInput, 'defects' | 'history'>, rows: readonly HistoryRow[], sprintId: number, next: NextSprintDefects | undefined): NextSprintDefectCount | null {
  const last = rows[rows.length - 1];
  if (!last?.plannedDefects || !next || next.sprintId !== sprintId) return null;
  if (!doesNotEstimateDefects([...rows.map((r) => r.plannedDefects), next.defects])) return null;
  const defects = { lastSprint: last.plannedDefects.count, thisSprint: next.defects.count };
  // The method starts from last sprint's completed points: the plan reads the history's last row.
  // Without the capacity: the block says what is left already, and only a points capacity would cap
  // the plan — one the block never knows before the sprint starts (next-sprint.ts).
  const plan = sprintPlan({ ...base, capacity: null, history: [last], defects });
  return { lastSprintDefects: defects.lastSprint, thisSprintDefects: defects.thisSprint, suggestedCommitment: plan.suggestedCommitment, sentence: plan.sentence };
}
