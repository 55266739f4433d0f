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
import { mirrorsDecision } from '../../domain/decision';
import type { Ports } from '../../ports';
import { readLatestDecision } from '../storage/decision-audit';
import type { ProjectContext } from './project-context';
import { jqlDayBefore, jqlList } from './jql-text';
import type { DeferredTicket, SprintLedger } from './ledger-record';

const DECISION = 'issue.property[interruptBudget]';

/**
 * Where a deferral shown in "What we said no to" comes from: the app's own record of the decision
 * (`app`), the issue property alone — a decision from before the app kept its record, or one written
 * outside the app (`property`) — or the app's record where the property now says something else
 * (`changed`: the property was edited outside the app; the app's record is what is shown).
 */
export type DeferralSource = 'app' | 'property' | 'changed';

export interface TicketsAround {
  readonly tickets: Ticket[];
  readonly notes: string[];
  /** For each ticket found by its `backlog` decision: where the decision shown comes from. */
  readonly sources: ReadonlyMap<string, DeferralSource>;
}

/**
 * The tickets' decisions as the app recorded them (storage/decision-audit.ts), not as the issue
 * property says: anyone who can edit an issue can rewrite the property. One KVS read per ticket the
 * search found by a `backlog` decision.
 */
async function trustedDecisions(ports: Ports, tickets: readonly Ticket[]): Promise<{ tickets: Ticket[]; sources: Map<string, DeferralSource> }> {
  const sources = new Map<string, DeferralSource>();
  const trusted = await Promise.all(
    tickets.map(async (t): Promise<Ticket> => {
      if (t.decision?.outcome !== 'backlog') return t;
      const { entry } = await readLatestDecision(ports.store, t.key);
      if (!entry) {
        sources.set(t.key, 'property');
        return t;
      }
      sources.set(t.key, mirrorsDecision(t.decision, entry.decision) ? 'app' : 'changed');
      return { ...t, decision: entry.decision };
    }),
  );
  return { tickets: trusted, sources };
}

/**
 * Deferred and defect tickets of the project since `fromMs` (widened by a day; callers filter
 * exactly). Jira refuses the whole query when a configured defect type does not exist on the site,
 * so on that refusal the search is repeated without the type restriction and the domain filters.
 * Their decisions are the app's own record where it has one (see trustedDecisions).
 */
export async function ticketsAround(ports: Ports, context: ProjectContext, fromMs: number): Promise<TicketsAround> {
  const found = await searchAround(ports, context, fromMs);
  const { tickets, sources } = await trustedDecisions(ports, found.tickets);
  return { tickets, notes: found.notes, sources };
}

async function searchAround(ports: Ports, context: ProjectContext, fromMs: number): Promise<{ tickets: Ticket[]; notes: string[] }> {
  const since = jqlDayBefore(fromMs);
  const deferred = `(${DECISION}.outcome = "backlog" AND ${DECISION}.decidedAt >= ${since})`;
  const changed = `(created >= ${since} OR resolved >= ${since})`;
  const types = jqlList(context.loaded.settings.defectTypes);
  const search = (defects: string) => ports.appJira.searchTickets({ jql: `project = ${context.projectKey} AND (${deferred}${defects})`, catalog: allocationCatalog(context.catalog) });
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
export function deferredIn(tickets: readonly Ticket[], window: SprintWindow, sources: ReadonlyMap<string, DeferralSource> = new Map()): DeferredTicket[] {
  const byKey = new Map<string, Ticket>();
  for (const t of tickets) {
    if (t.decision?.outcome === 'backlog' && inWindow(decidedMs(t), window) && !byKey.has(t.key)) byKey.set(t.key, t);
  }
  return [...byKey.values()]
    .sort((a, b) => decidedMs(a) - decidedMs(b))
    .map((t): DeferredTicket => {
      const d = t.decision as NonNullable<Ticket['decision']>;
      return {
        id: t.id,
        key: t.key,
        ...(t.summary ? { summary: t.summary } : {}),
        ...(d.reason ? { reason: d.reason } : {}),
        policyOutcome: d.policyOutcome,
        override: d.override,
        ruleId: d.ruleId,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        source: sources.get(t.key) ?? 'property',
      };
    });
}

/** The ledger of one sprint from the tickets around it. */
export function ledgerFromTickets(context: ProjectContext, sprintId: number, window: SprintWindow, around: Pick<TicketsAround, 'tickets' | 'sources'>, computedAt: number): SprintLedger {
  const { tickets } = around;
  return {
    schemaVersion: 1,
    sprintId,
    computedAt,
    deferred: deferredIn(tickets, window, around.sources),
    defects: netNewDefects(tickets, window, { defectTypes: context.loaded.settings.defectTypes }),
  };
}
