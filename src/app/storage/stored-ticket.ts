/**
 * A Ticket as stored in the sprint issue cache (see sprint/sprint-issue-cache.ts): the domain's
 * Ticket, field for field, read back through a strict schema like every other stored record. The
 * type check below fails to compile if the domain's Ticket gains a field this schema does not store.
 */
import { z } from 'zod';
import type { Ticket } from '../../domain/ticket';
import { decisionSchema, suggestionSchema } from '../../jira/decision-property';

const cycle = { breached: z.boolean(), remainingMs: z.number().optional(), breachAtMs: z.number().optional() };

export const storedTicketSchema = z.object({
  id: z.string(),
  key: z.string(),
  summary: z.string().optional(),
  issueType: z.string(),
  statusCategory: z.enum(['new', 'indeterminate', 'done', 'unknown']),
  statusName: z.string().optional(),
  statusId: z.string().optional(),
  priorityName: z.string().optional(),
  severityValue: z.string().optional(),
  labels: z.array(z.string()),
  components: z.array(z.string()),
  createdMs: z.number().optional(),
  resolvedMs: z.number().optional(),
  storyPoints: z.number().optional(),
  worklogs: z.array(z.object({ id: z.string().optional(), updatedMs: z.number().optional(), startedMs: z.number(), seconds: z.number(), authorAccountId: z.string().optional() })).optional(),
  slaClocks: z.array(z.object({ name: z.string(), completedCycles: z.array(z.object(cycle)), ongoingCycle: z.object({ ...cycle, paused: z.boolean() }).optional() })),
  sprints: z.array(z.object({ id: z.number().int(), name: z.string(), state: z.enum(['future', 'active', 'closed']) })),
  assigneeAccountId: z.string().optional(),
  reporterAccountId: z.string().optional(),
  decision: decisionSchema.optional(),
  suggestion: suggestionSchema.optional(),
});

type Stored = z.infer<typeof storedTicketSchema>;
// Compile-time checks, both directions: a stored ticket is a Ticket, and the schema names every
// field of Ticket (a field added to the domain and forgotten here fails the build).
const storedIsTicket = (s: Stored): Ticket => s;
const everyFieldStored: Record<keyof Ticket, true> = Object.fromEntries(Object.keys(storedTicketSchema.shape).map((k) => [k, true])) as Record<keyof Stored, true>;
void storedIsTicket;
void everyFieldStored;

/** Only what the domain reads: drop `undefined` keys so the stored JSON stays small. */
export function toStoredTicket(ticket: Ticket): Stored {
  return storedTicketSchema.parse(ticket);
}

/**
 * What the rollup reads of a ticket that is not support work: enough to know it is not (its type and
 * labels), to count it in a points capacity and a lazy baseline (key, story points, creation,
 * decision) and its status; not its worklogs, summary, SLAs, sprints or people, which only support
 * tickets' numbers use (domain/allocation.ts: non-support tickets never change *used*).
 */
export function slimTicket(ticket: Stored): Stored {
  const { id, key, issueType, statusCategory, statusName, statusId, labels, components, createdMs, storyPoints, decision } = ticket;
  return toStoredTicket({ id, key, issueType, statusCategory, statusName, statusId, labels, components, createdMs, storyPoints, decision, slaClocks: [], sprints: [] });
}
