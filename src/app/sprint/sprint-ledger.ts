/**
 * Computing the sprint ledger (see ledger-record.ts) and the "around the sprint" search it and the
 * history rows share: tickets the product owner deferred since a date, and defects created or
 * resolved since it. One search serves any number of sprints after that date; the domain then
 * places each ticket in its sprint window exactly.
 */
import { parseISO } from 'date-fns';
import { inWindow, type SprintWindow } from '../../domain/calendar';
import { netNewDefects } from '../../domain/defects';
import type { Ticket } from '../../domain/ticket';
import { JiraError } from '../../jira/errors';
import { allocationCatalog } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import type { ProjectContext } from './project-context';
import { jqlDayBefore, jqlList } from './jql-text';
import type { DeferredTicket, SprintLedger } from './ledger-record';

const DECISION = 'issue.property[interruptBudget]';

/**
 * Deferred and defect tickets of the project since `fromMs` (widened by a day; callers filter
 * exactly). Jira refuses the whole query when a configured defect type does not exist on the site,
 * so on that refusal the search is repeated without the type restriction and the domain filters.
 */
export async function ticketsAround(ports: Ports, context: ProjectContext, fromMs: number): Promise<{ tickets: Ticket[]; notes: string[] }> {
  const since = jqlDayBefore(fromMs);
  const deferred = `(${DECISION}.outcome = "backlog" AND ${DECISION}.decidedAt >= ${since})`;
  const changed = `(created >= ${since} OR resolved >= ${since})`;
  const types = jqlList(context.loaded.settings.defectTypes);
  const search = (defects: string) => ports.jira.searchTickets({ jql: `project = ${context.projectKey} AND (${deferred}${defects})`, catalog: allocationCatalog(context.catalog) });
  if (!types) return search('');
  try {
    return await search(` OR (issuetype in ${types} AND ${changed})`);
  } catch (error) {
    if (!(error instanceof JiraError) || error.kind !== 'BadRequest') throw error;
    const result = await search(` OR ${changed}`);
    return { ...result, notes: [...result.notes, 'Some configured defect types do not exist in Jira; check the defect types in the settings.'] };
  }
}

const decidedMs = (t: Ticket): number => (t.decision ? parseISO(t.decision.decidedAt).getTime() : NaN);

/** Tickets decided `backlog` inside the window, oldest decision first, with the PO's reasons. */
export function deferredIn(tickets: readonly Ticket[], window: SprintWindow): DeferredTicket[] {
  const byKey = new Map<string, Ticket>();
  for (const t of tickets) {
    if (t.decision?.outcome === 'backlog' && inWindow(decidedMs(t), window) && !byKey.has(t.key)) byKey.set(t.key, t);
  }
  return [...byKey.values()]
    .sort((a, b) => decidedMs(a) - decidedMs(b))
    .map((t): DeferredTicket => {
      const d = t.decision as NonNullable<Ticket['decision']>;
      return {
        key: t.key,
        ...(t.summary ? { summary: t.summary } : {}),
        ...(d.reason ? { reason: d.reason } : {}),
        policyOutcome: d.policyOutcome,
        override: d.override,
        ruleId: d.ruleId,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
      };
    });
}

/** The ledger of one sprint from the tickets around it. */
export function ledgerFromTickets(context: ProjectContext, sprintId: number, window: SprintWindow, tickets: readonly Ticket[], computedAt: number): SprintLedger {
  return {
    schemaVersion: 1,
    sprintId,
    computedAt,
    deferred: deferredIn(tickets, window),
    defects: netNewDefects(tickets, window, { defectTypes: context.loaded.settings.defectTypes }),
  };
}
