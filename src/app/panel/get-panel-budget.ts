/**
 * `panel.budget`: the active sprint's budget and WIP for the ticket in context, brought up to date.
 * The panel calls it after `panel.get` said `budgetNeedsUpdate` (no stored rollup, or a stale one),
 * so the verdict shows at once and the gauges follow.
 *
 * Cost: the panel's two round trips (the ticket, the user's permissions on it, the board, its
 * sprints and its estimation field: the same access checks as `panel.get`), then the sprint's update through its issue cache —
 * one more round trip of two requests when the cache is there (membership and changed issues), a
 * full parallel read of the sprint when it is not.
 */
import type { PanelBudgetView } from '../../contract/panel';
import type { Ports } from '../../ports';
import { loadTriageContext, projectContextOf, type TriageTarget } from '../decision/triage-context';
import { updatedActiveRollupOrProblem } from './active-rollup';
import { panelBudget, panelWip } from './panel-budget';

export async function getPanelBudget(ports: Ports, target: TriageTarget): Promise<PanelBudgetView> {
  const context = await loadTriageContext(ports, target, { sprintCatalog: true });
  const { settings } = context.loaded;
  const { ticket } = context.issue;
  const active = context.activeSprint;
  const project = projectContextOf(context);
  if (!active || !project) {
    const why = project ? 'The board has no active sprint, so there is no support budget to show. Start a sprint to see it.' : `Project ${context.projectKey} has no Scrum board, so there is no sprint budget to show.`;
    return { budget: null, wip: null, notes: [why] };
  }
  const updated = await updatedActiveRollupOrProblem(ports, project, active, [Number(ticket.id)].filter(Number.isFinite));
  if ('problem' in updated) return { budget: null, wip: null, notes: [updated.problem] };
  return { budget: panelBudget(updated, ticket, settings), wip: panelWip(updated.rollup, ticket, settings), notes: [...updated.notes] };
}
