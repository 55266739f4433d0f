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
import { answeredSince, missingInformation, type MissingItem } from '../../domain/missing-information';
import { triageFacts } from '../../domain/triage-facts';
import { readLatestDecision } from '../storage/decision-audit';
import { classificationOf } from '../settings/project-settings';
import { defectsPlannedInto } from '../../domain/planned-defects';
import { nextFutureSprint, type ProjectContext } from './project-context';
import { jqlDayBefore, jqlList } from './jql-text';
import type { DeferredTicket, SprintLedger, WaitingTicket } from './ledger-record';

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
  /** For each needs-info ticket the app recorded the request of: what it asked for. */
  readonly asked: ReadonlyMap<string, readonly MissingItem[]>;
}

/** The outcomes whose tickets the ledger lists, so their decisions are read from the app's record. */
const LISTED = new Set(['backlog', 'needs-info']);

/**
 * The tickets' decisions as the app recorded them (storage/decision-audit.ts), not as the issue
 * property says: anyone who can edit an issue can rewrite the property. One KVS read per ticket the
 * search found by a `backlog` decision.
 */
async function trustedDecisions(ports: Ports, tickets: readonly Ticket[]): Promise<{ tickets: Ticket[]; sources: Map<string, DeferralSource>; asked: Map<string, readonly MissingItem[]> }> {
  const sources = new Map<string, DeferralSource>();
  const asked = new Map<string, readonly MissingItem[]>();
  const trusted = await Promise.all(
    tickets.map(async (t): Promise<Ticket> => {
      if (!t.decision || !LISTED.has(t.decision.outcome)) return t;
      const { entry } = await readLatestDecision(ports.store, t.key);
      if (!entry) {
        sources.set(t.key, 'property');
        return t;
      }
      sources.set(t.key, mirrorsDecision(t.decision, entry.decision) ? 'app' : 'changed');
      if (entry.decision.outcome === 'needs-info' && entry.asked) asked.set(t.key, entry.asked);
      return { ...t, decision: entry.decision };
    }),
  );
  return { tickets: trusted, sources, asked };
}

/**
 * Deferred and defect tickets of the project since `fromMs` (widened by a day; callers filter
 * exactly), and the open defects planned into the board's next sprint (the dashboard's defect-count
 * plan: in the same search, so it costs no request of its own). Jira refuses the whole query when a configured defect type does not exist on the site,
 * so on that refusal the search is repeated without the type restriction and the domain filters.
 * Their decisions are the app's own record where it has one (see trustedDecisions).
 */
export async function ticketsAround(ports: Ports, context: ProjectContext, fromMs: number): Promise<TicketsAround> {
  const found = await searchAround(ports, context, fromMs);
  const { tickets, sources, asked } = await trustedDecisions(ports, found.tickets);
  return { tickets, notes: found.notes, sources, asked };
}

async function searchAround(ports: Ports, context: ProjectContext, fromMs: number): Promise<{ tickets: Ticket[]; notes: string[] }> {
  const since = jqlDayBefore(fromMs);
  const deferred = `(${DECISION}.outcome = "backlog" AND ${DECISION}.decidedAt >= ${since})`;
  // Issue 12, item 4: every open ticket waiting for information, whenever it was asked (the same search: no extra request).
  const waiting = `(${DECISION}.outcome = "needs-info" AND statusCategory != Done)`;
  const changed = `(created >= ${since} OR resolved >= ${since})`;
  const next = nextFutureSprint(context);
  const planned = next && context.catalog.sprint ? `(sprint = ${next.id} AND statusCategory != Done)` : undefined;
  const types = jqlList(context.loaded.settings.defectTypes);
  const search = (defects: string) => ports.appJira.searchTickets({ jql: `project = ${context.projectKey} AND (${deferred} OR ${waiting}${defects})`, catalog: allocationCatalog(context.catalog) });
  if (!types) return search('');
  const either = planned ? `(${changed} OR ${planned})` : changed;
  try {
    return await search(` OR (issuetype in ${types} AND ${either})`);
  } catch (error) {
    if (!(error instanceof JiraError) || error.kind !== 'BadRequest') throw error;
    const result = await search(` OR ${either}`);
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

/**
 * Open tickets whose decision (the app's record where it has one) is needs-info, longest waiting
 * first, with what was asked — the app's record of the request, else what the ticket lacks now —
 * and which of it the ticket has since.
 */
export function waitingIn(context: ProjectContext, tickets: readonly Ticket[], asked: ReadonlyMap<string, readonly MissingItem[]>, nowMs: number): WaitingTicket[] {
  const classification = classificationOf(context.loaded.settings);
  const byKey = new Map<string, Ticket>();
  for (const t of tickets) if (t.decision?.outcome === 'needs-info' && t.statusCategory !== 'done' && !byKey.has(t.key)) byKey.set(t.key, t);
  return [...byKey.values()]
    .sort((a, b) => decidedMs(a) - decidedMs(b))
    .map((t): WaitingTicket => {
      const d = t.decision as NonNullable<Ticket['decision']>;
      const facts = triageFacts(t, classification, nowMs);
      const recorded = asked.get(t.key);
      const items = recorded ?? missingInformation(facts);
      return {
        id: t.id,
        key: t.key,
        ...(t.summary ? { summary: t.summary } : {}),
        reporterAccountId: t.reporterAccountId ?? null,
        asked: [...items],
        askedSource: recorded ? 'app' : 'ticket',
        answered: answeredSince(items, facts),
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
      };
    });
}

/** The ledger of one sprint from the tickets around it; the waiting list only for an active sprint (it is about now). */
export function ledgerFromTickets(
  context: ProjectContext,
  sprintId: number,
  window: SprintWindow,
  around: Pick<TicketsAround, 'tickets' | 'sources'> & Partial<Pick<TicketsAround, 'asked'>>,
  computedAt: number,
  active = false,
): SprintLedger {
  const { tickets } = around;
  const rules = { defectTypes: context.loaded.settings.defectTypes };
  const next = active && context.catalog.sprint ? nextFutureSprint(context) : undefined;
  return {
    schemaVersion: 1,
    sprintId,
    computedAt,
    deferred: deferredIn(tickets, window, around.sources),
    defects: netNewDefects(tickets, window, rules),
    waiting: active ? waitingIn(context, tickets, around.asked ?? new Map(), computedAt) : [],
    ...(next ? { nextSprint: { sprintId: next.id, defects: defectsPlannedInto(tickets, next.id, rules) } } : {}),
  };
}
