/**
 * Retrospective rows of closed sprints: computed once, when first needed, and stored for good — a
 * closed sprint's numbers do not change, so viewing the history never searches Jira for a sprint
 * whose row is stored. The rows still missing are computed together, in two searches whatever
 * their number: the issues of all those sprints (`sprint in (…)`), and the tickets around them
 * (deferred decisions and defects since the oldest one's start). A damaged row is reported and
 * recomputed.
 *
 * A row is computed as the app (the same whoever looked first) and measured with the settings in
 * force during that sprint (settings-in-force.ts), so it is the same whenever it is computed, and a
 * later settings change does not rewrite what past sprints reserved.
 */
import { allocate } from '../../domain/allocation';
import { historyRow } from '../../domain/history';
import { noCapacityProblem } from '../../domain/sprint-window';
import type { Ticket } from '../../domain/ticket';
import type { Sprint } from '../../jira/client/agile-client';
import { allocationCatalog } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import { allocationInputFor } from './allocation-input';
import { sprintRecords, type SprintBaselineRecord, type StoredHistoryRow } from '../storage/sprint-records';
import { sprintDatesProblem, sprintWindow, type ProjectContext } from './project-context';
import { inForceFor, settingsTimeline, type InForce } from './settings-in-force';
import { ticketsAround } from './sprint-ledger';

export interface HistoryResult {
  /** One row per closed sprint asked for (those with a window), in the order asked. */
  readonly rows: readonly StoredHistoryRow[];
  /** Sprints whose row was computed (and stored) by this call. */
  readonly computed: readonly number[];
  readonly notes: readonly string[];
}

type Dated = { sprint: Sprint; window: { startMs: number; endMs: number } };

/** The sprints' issues, by sprint: one search when the site has a Sprint field to split by. */
async function issuesBySprint(ports: Ports, context: ProjectContext, missing: readonly Dated[]): Promise<{ bySprint: Map<number, Ticket[]>; notes: string[] }> {
  const hours = context.loaded.settings.capacity.model === 'hours';
  const span = { startMs: Math.min(...missing.map((m) => m.window.startMs)), endMs: Math.max(...missing.map((m) => m.window.endMs)) };
  const search = (jql: string) => ports.appJira.searchTicketsParallel({ jql, catalog: allocationCatalog(context.catalog), ...(hours ? { worklogs: { window: span } } : {}) });
  const bySprint = new Map<number, Ticket[]>();
  if (context.catalog.sprint) {
    const { tickets, notes } = await search(`sprint in (${missing.map((m) => m.sprint.id).join(', ')})`);
    for (const { sprint } of missing) bySprint.set(sprint.id, tickets.filter((t) => t.sprints.some((s) => s.id === sprint.id)));
    return { bySprint, notes };
  }
  const results = await Promise.all(missing.map(({ sprint }) => search(`sprint = ${sprint.id}`)));
  missing.forEach(({ sprint }, i) => bySprint.set(sprint.id, results[i]?.tickets ?? []));
  return { bySprint, notes: results.flatMap((r) => r.notes) };
}

function rowFor(inForce: InForce, { sprint, window }: Dated, tickets: readonly Ticket[], around: readonly Ticket[], baseline?: SprintBaselineRecord): StoredHistoryRow {
  const { settings, terms } = inForce;
  const input = allocationInputFor(settings, tickets, window, baseline, terms, sprint.id);
  const { classification } = input;
  const allocation = allocate(input);
  const row = historyRow({
    sprint: { sprintId: sprint.id, name: sprint.name, ...window, capacity: allocation.capacity, budget: allocation.budget, used: allocation.used.total, unit: allocation.unit },
    sprintTickets: tickets,
    deferredTickets: around,
    defectTickets: around,
    classification,
    defectRules: { defectTypes: settings.defectTypes },
  });
  return { schemaVersion: 1, ...row, followUpKinds: [...settings.followUpKinds] };
}

/** The history rows of these closed sprints: stored ones as stored, missing ones computed and stored. */
export async function historyRows(ports: Ports, context: ProjectContext, sprints: readonly Sprint[]): Promise<HistoryResult> {
  const dated = sprints.flatMap((sprint): Dated[] => {
    const window = sprintWindow(sprint);
    return sprint.state === 'closed' && window ? [{ sprint, window }] : [];
  });
  // A closed sprint with implausible dates has no row (nothing computed from them would mean anything): say so.
  const dateNotes = sprints.flatMap((sprint) => {
    const problem = sprint.state === 'closed' ? sprintDatesProblem(sprint) : undefined;
    return problem ? [`${problem} Its history row is left out until then.`] : [];
  });
  const stored = await Promise.all(dated.map(({ sprint }) => sprintRecords.history.read(ports.store, context.projectKey, sprint.id)));
  const notes = [...dateNotes, ...stored.flatMap((r) => (r.problem ? [`${r.problem} It was recomputed from Jira.`] : []))];
  const missing = dated.filter((_, i) => !stored[i]?.value);
  const computed = new Map<number, StoredHistoryRow>();
  if (missing.length > 0) {
    const [issues, around, baselines, timeline] = await Promise.all([
      issuesBySprint(ports, context, missing),
      ticketsAround(ports, context, Math.min(...missing.map((m) => m.window.startMs))),
      Promise.all(missing.map(({ sprint }) => sprintRecords.baseline.read(ports.store, context.projectKey, sprint.id))),
      settingsTimeline(ports, context),
    ]);
    notes.push(...issues.notes, ...around.notes, ...timeline.notes);
    for (const [i, m] of missing.entries()) {
      const row = rowFor(inForceFor(timeline, context.loaded.settings, m.window), m, issues.bySprint.get(m.sprint.id) ?? [], around.tickets, baselines[i]?.value);
      computed.set(m.sprint.id, await sprintRecords.history.write(ports.store, context.projectKey, row));
    }
  }
  const rows = dated.map(({ sprint }, i) => stored[i]?.value ?? (computed.get(sprint.id) as StoredHistoryRow));
  // A row without capacity stays in the table, but its 0% share is no measurement: the recommendation skips it (domain/recommendation.ts).
  const capacityNotes = rows.filter((r) => !(r.capacity > 0)).map((r) => noCapacityProblem(r.name, r.unit));
  return { rows, computed: [...computed.keys()], notes: [...notes, ...capacityNotes] };
}
