/**
 * The naive baseline the benchmark compares the app with: the same use-case code, but behind a Jira
 * port that does what a straightforward implementation does —
 * - searches without the embedded worklogs, then one worklog call per issue (N+1), through the same
 *   bounded pool of 4 the app uses (so the wall times compare like for like on politeness);
 * - no stored snapshots or history rows: every view recomputes every sprint, one at a time, each
 *   with its own search for the tickets around it.
 * Its points (Jira's hourly quota) are read from the simulator's log like the app's, per operation:
 * bench/cost.ts sets them beside ours per project-hour, per view and in the Forge bill.
 */
import { historyRows } from '../src/app/sprint/history-rows';
import { sprintWindow, type ProjectContext } from '../src/app/sprint/project-context';
import { rollupFromTickets } from '../src/app/sprint/sprint-rollup';
import { MemoryStore } from '../src/app/storage/memory-store';
import { DECISION_PROPERTY_KEY } from '../src/domain/decision';
import type { Ticket } from '../src/domain/ticket';
import type { Sprint } from '../src/jira/client/agile-client';
import { mapBounded } from '../src/jira/bounded-pool';
import { fieldsToRequest } from '../src/jira/field-catalog';
import { mapIssue } from '../src/jira/issue-mapper';
import { WORKLOG_CONCURRENCY, type JiraClient } from '../src/jira/jira-client';
import type { JiraPort, Ports } from '../src/ports';

/** The client with a search that fetches every issue's worklogs one call at a time. */
export function naiveJira(client: JiraClient): JiraPort {
  const port = Object.create(client) as JiraPort & { searchTickets: JiraPort['searchTickets']; searchTicketsParallel: JiraPort['searchTicketsParallel'] };
  port.searchTickets = async (query) => {
    const raw = await client.issues.search({
      jql: query.jql,
      fields: fieldsToRequest(query.catalog),
      properties: [DECISION_PROPERTY_KEY],
      ...(query.maxIssues !== undefined ? { maxIssues: query.maxIssues } : {}),
    });
    const notes: string[] = [];
    const tickets: Ticket[] = [];
    for (const issue of raw) {
      const mapped = mapIssue(issue, query.catalog);
      if (mapped.ok) tickets.push(mapped.issue.ticket);
      else notes.push(mapped.error);
    }
    if (!query.worklogs) return { tickets, notes };
    const window = query.worklogs.window;
    const withWorklogs = await mapBounded(tickets, WORKLOG_CONCURRENCY, async (t) => ({ ...t, worklogs: await client.issues.worklogs(t.key, window) }));
    return { tickets: withWorklogs, notes };
  };
  // A straightforward implementation pages one search after another.
  port.searchTicketsParallel = (query) => port.searchTickets(query);
  return port;
}

/** Naive rollup of one sprint: one search, then every issue's worklogs one by one; nothing kept. */
export async function naiveRollup(ports: Ports, context: ProjectContext, sprint: Sprint): Promise<number> {
  const window = sprintWindow(sprint);
  if (!window) throw new Error(`naiveRollup: sprint ${sprint.id} has no dates`);
  const { tickets } = await ports.jira.searchTickets({ jql: `sprint = ${sprint.id}`, catalog: context.catalog, worklogs: { window } });
  return rollupFromTickets(context, sprint, tickets, ports.clock.now()).items.length;
}

/** Naive history: each closed sprint recomputed on its own, one after another, nothing kept. */
export async function naiveHistory(ports: Ports, context: ProjectContext, sprints: readonly Sprint[]): Promise<number> {
  let rows = 0;
  for (const sprint of sprints) {
    const result = await historyRows({ ...ports, store: new MemoryStore() }, context, [sprint]);
    rows += result.rows.length;
  }
  return rows;
}
