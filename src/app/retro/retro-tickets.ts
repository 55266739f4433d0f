/**
 * The tickets a retrospective lists, with their decision trails (issue 14, item 1): every ticket of
 * the project whose decision property was written around the sprint, plus the sprint's interrupts
 * by key (an interrupt decided before the sprint was pulled in at its start). One search as the app
 * (complete, the same whoever looks), then each ticket's trail from the app's own audit
 * (storage/decision-audit.ts: one KVS listing per ticket) — the issue property, which anyone who
 * can edit the issue may rewrite, stands in only where the audit has nothing (decisions from before
 * the app kept it).
 *
 * Not stored: the trail's later steps and the ticket's status say how a needs-info request ended,
 * which keeps changing after the sprint. A retrospective is opened a few times a sprint; this costs
 * one search (1 point + 1 per ticket) and one listing per ticket each time.
 *
 * Known limit: the property holds the latest decision only, so a ticket decided in the sprint and
 * again more than a day after it is found only through the interrupts (the audit then has both).
 */
import { parseISO } from 'date-fns';
import type { TriageDecision } from '../../domain/decision';
import type { DecisionStep, RetroTicket } from '../../domain/retrospective';
import type { Ticket } from '../../domain/ticket';
import { allocationCatalog } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import { decisionHistory } from '../storage/decision-audit';
import type { ProjectContext } from '../sprint/project-context';
import { jqlDayBefore } from '../sprint/jql-text';

const DECISION = 'issue.property[interruptBudget]';
const DAY_MS = 86_400_000;
/** Jira issue keys as the stored rollup names them; anything else never reaches the JQL. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;
/** JQL `in` lists stay well inside Jira's query length: more interrupts than this are found by their decisions only. */
const MAX_KEYS = 200;

export interface RetroTicketWithId extends RetroTicket {
  readonly id: string;
}

export function stepOf(decision: TriageDecision): DecisionStep {
  return {
    outcome: decision.outcome,
    policyOutcome: decision.policyOutcome,
    override: decision.override,
    ruleId: decision.ruleId,
    ...(decision.reason ? { reason: decision.reason } : {}),
    decidedBy: decision.decidedBy,
    decidedAtMs: parseISO(decision.decidedAt).getTime(),
  };
}

/** The JQL for a sprint window: decisions written from the day before it to the day after it, or the interrupts by key. */
export function retroJql(projectKey: string, window: { startMs: number; endMs: number }, interruptKeys: readonly string[]): string {
  const decided = `(${DECISION}.decidedAt >= ${jqlDayBefore(window.startMs)} AND ${DECISION}.decidedAt <= ${jqlDayBefore(window.endMs + 2 * DAY_MS)})`;
  const keys = [...new Set(interruptKeys.filter((k) => ISSUE_KEY.test(k)))].slice(0, MAX_KEYS);
  return `project = ${projectKey} AND (${decided}${keys.length > 0 ? ` OR issuekey in (${keys.join(', ')})` : ''})`;
}

async function trailOf(ports: Ports, ticket: Ticket): Promise<DecisionStep[]> {
  const audit = await decisionHistory(ports.store, ticket.key);
  if (audit.length > 0) return audit.map((entry) => stepOf(entry.decision));
  return ticket.decision ? [stepOf(ticket.decision)] : [];
}

export async function retroTickets(ports: Ports, context: ProjectContext, window: { startMs: number; endMs: number }, interruptKeys: readonly string[]): Promise<{ tickets: RetroTicketWithId[]; notes: string[] }> {
  const found = await ports.appJira.searchTicketsParallel({ jql: retroJql(context.projectKey, window, interruptKeys), catalog: allocationCatalog(context.catalog) });
  const tickets = await Promise.all(
    found.tickets.map(async (t): Promise<RetroTicketWithId> => ({
      id: t.id,
      key: t.key,
      ...(t.summary ? { summary: t.summary } : {}),
      statusCategory: t.statusCategory,
      ...(t.resolvedMs !== undefined ? { resolvedMs: t.resolvedMs } : {}),
      trail: await trailOf(ports, t),
    })),
  );
  return { tickets, notes: found.notes };
}
