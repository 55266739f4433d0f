/**
 * Compute a sprint's rollup: the dashboard's numbers (capacity, budget, used by category, burn,
 * forecast, status, WIP, support contact) from the sprint's issues in Jira, the stored baseline and
 * the settings in force during the sprint (settings-in-force.ts), all through the pure domain.
 */
import { allocate } from '../../domain/allocation';
import { burnSeries } from '../../domain/burn';
import { supportContact } from '../../domain/rotation';
import { assessSprint } from '../../domain/sprint-status';
import type { Ticket } from '../../domain/ticket';
import { wipStatus } from '../../domain/wip';
import { closeWipTally, tallyWip } from '../../domain/wip-time';
import type { Sprint } from '../../jira/client/agile-client';
import { AppError } from '../app-error';
import { rotationOf } from '../settings/project-settings';
import { allocationInputFor } from './allocation-input';
import { fitRollup } from './rollup-size';
import type { InForce } from './settings-in-force';
import type { SprintBaselineRecord, SprintRollup } from '../storage/sprint-records';
import { sprintDatesProblem, sprintWindow, type ProjectContext } from './project-context';

/**
 * The rollup from the sprint's issues as already read (with worklogs in the window, for hours; see
 * sprint-sync.ts for how they are read), the settings and the baseline: pure, so the dashboard, the
 * panel's budget update and the hourly run all compute it the same way.
 */
export function rollupFromTickets(
  context: ProjectContext,
  sprint: Sprint,
  tickets: readonly Ticket[],
  now: number,
  baseline?: SprintBaselineRecord,
  basedOn?: number,
  inForce: InForce = { settings: context.loaded.settings },
  previous?: SprintRollup,
): SprintRollup {
  const window = sprintWindow(sprint);
  if (!window) throw new AppError('NOT_FOUND', sprintDatesProblem(sprint) ?? `Sprint ${sprint.name} has not started, so it has no support budget yet.`);
  const { settings, terms } = inForce;
  const input = allocationInputFor(settings, tickets, window, baseline, terms, sprint.id);
  const { classification } = input;
  const allocation = allocate(input);
  const assessment = assessSprint(allocation, window, input.calendar, now);
  const wip = wipStatus(tickets, classification, settings.wipLimit, settings.wipStatusIds);
  const contact = supportContact(rotationOf(settings), context.sprints.map((s) => s.id), sprint.id);
  const summaries = new Map(tickets.map((t) => [t.key, t.summary]));
  // WIP time carries over from the sprint's last rollup while its dates are the same; an active sprint adds this sample, a closed one its last stretch.
  const carried = previous && previous.sprintId === sprint.id && previous.startMs === window.startMs ? previous.wipTally : undefined;
  const wipTally = sprint.state === 'active' ? tallyWip(carried, { atMs: now, breached: wip.breached }, window) : closeWipTally(carried, window);
  return fitRollup({
    schemaVersion: 1,
    sprintId: sprint.id,
    sprintName: sprint.name,
    state: sprint.state,
    startMs: window.startMs,
    endMs: window.endMs,
    computedAt: now,
    ...(basedOn !== undefined ? { basedOn: Math.min(basedOn, now) } : {}),
    unit: allocation.unit,
    ...(settings.budgetMode === 'track' ? { budgetMode: 'track' as const } : {}),
    capacity: allocation.capacity,
    budget: allocation.budget,
    used: allocation.used,
    remaining: settings.budgetMode === 'track' ? 0 : allocation.remaining,
    // Without a buffer there is nothing to be over: no at-risk, no overflow protocol.
    status: settings.budgetMode === 'track' ? 'ok' : assessment.status,
    forecast: assessment.forecast,
    items: allocation.items.map((item) => ({ ...item, ...(summaries.get(item.key) ? { summary: summaries.get(item.key) as string } : {}) })),
    burn: burnSeries(input, now),
    wip: { inProgress: [...wip.inProgress], count: wip.count, limit: wip.limit, breached: wip.breached },
    supportContact: contact?.accountId ?? null,
    ...(wipTally ? { wipTally } : {}),
  });
}
