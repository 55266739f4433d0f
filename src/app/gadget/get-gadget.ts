/**
 * The dashboard gadget's use case (`gadget.get`): one project's active sprint at a glance — used of
 * budget, status, forecast, untriaged count, support contact — read from the stored rollup, the same
 * numbers the project page shows. A dashboard shows many gadgets to many people at once, so a view
 * never searches Jira: it costs one request as the viewer (may they browse the project: 3 points) and
 * storage reads (the board and its sprints: storage/board-sprints.ts). The hourly rollup keeps the
 * stored numbers fresh; the gadget registers the project for it, so a project first seen through a
 * gadget is measured within the hour. When Jira's hourly quota kept that rollup from updating the
 * project, the gadget says so, as the project page does (dashboard/stale-because.ts).
 *
 * Who sees what: Jira is asked as the viewer first whether they may browse the project; a "no" ends
 * the call before anything stored is read. The gadget shows totals only — the team's, as on the project page — and names no issue,
 * so it needs no per-issue check.
 */
import { peopleDirectory } from '../people/people-directory';
import type { GadgetSprint, GadgetView } from '../../contract/gadget';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { proveProjectAccess } from '../access/project-access';
import { boardSprints } from '../storage/board-sprints';
import { staleBecause } from '../dashboard/stale-because';
import { rollupProgress } from '../storage/rollup-progress';
import { projectRegistry, sprintRecords, type SprintRollup } from '../storage/sprint-records';

import { ratioPct } from '../../domain/history';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The stored rollup as the gadget shows it: totals and a count, no issue named. */
export function gadgetSprint(rollup: SprintRollup): GadgetSprint {
  return {
    id: rollup.sprintId,
    name: rollup.sprintName,
    endDate: iso(rollup.endMs),
    unit: rollup.unit,
    budgetMode: rollup.budgetMode ?? 'reserve',
    capacity: rollup.capacity,
    sharePctOfCapacity: ratioPct(rollup.used.total, rollup.capacity),
    budget: rollup.budget,
    used: rollup.used.total,
    usedPctOfBudget: rollup.budget > 0 ? Math.round((rollup.used.total / rollup.budget) * 100) : 0,
    remaining: rollup.remaining,
    forecast: Math.round(rollup.forecast * 100) / 100,
    status: rollup.status,
    untriagedCount: rollup.items.filter((item) => item.category === 'untriaged').length,
    untriagedCountIsLowerBound: (rollup.itemsOmitted ?? 0) > 0,
    supportContact: rollup.supportContact,
    computedAt: iso(rollup.computedAt),
  };
}

export async function getGadget(ports: Ports, projectKey: string): Promise<GadgetView> {
  // As the viewer, first: proves they may browse the project before anything stored about it is read.
  await proveProjectAccess(ports, projectKey, `Project ${projectKey} is not visible to you. Edit this gadget to choose another project, or ask for access to this one.`);
  const { board, sprints } = await boardSprints.load(ports, projectKey);
  if (!board) {
    throw new AppError('NOT_FOUND', `Project ${projectKey} has no Scrum board. Edit this gadget to choose another project, or create a Scrum board for this one.`);
  }
  const active = sprints.find((s) => s.state === 'active');
  const boardView = { id: board.id, name: board.name };
  if (!active) {
    return { projectKey, board: boardView, sprint: null, message: `No sprint is active on ${board.name}. Start a sprint in Jira to track its support budget.`, people: {} };
  }
  const [stored, , status] = await Promise.all([
    sprintRecords.rollup.read(ports.store, projectKey, active.id),
    projectRegistry.register(ports.store, projectKey, ports.clock.now()),
    rollupProgress.status(ports.store, projectKey),
  ]);
  if (!stored.value) {
    return {
      projectKey,
      board: boardView,
      sprint: null,
      message: `${active.name} has not been measured yet. Open the project page to measure it now; from then on it is kept up to date every hour.`,
      people: {},
    };
  }
  const stale = staleBecause({ rollup: stored.value, source: 'stored' }, status, ports.clock.now());
  const sprint = { ...gadgetSprint(stored.value), ...(stale ? { staleBecause: stale } : {}) };
  // The contact by name (one /user/bulk at most, none while remembered: app/people/people-directory.ts).
  const { people } = await peopleDirectory(ports, [sprint.supportContact]);
  return { projectKey, board: boardView, sprint, people };
}
