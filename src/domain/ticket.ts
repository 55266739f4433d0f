/**
 * Ticket: the app's view of a Jira issue, holding only what the policy and the allocation maths read.
 * Built from Jira JSON by the mappers in `src/jira/`; every field that Jira may omit is optional here,
 * so the domain states plainly what it does not know instead of inventing a value.
 */
import type { SlaClock } from './sla';
import type { SuggestedVerdict, TriageDecision } from './decision';

/** Jira's status categories ("new" = To Do, "indeterminate" = In Progress, "done" = Done). */
export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'unknown';

/** A sprint the ticket belongs (or belonged) to, as listed by the Sprint field. */
export interface SprintRef {
  readonly id: number;
  readonly name: string;
  readonly state: 'future' | 'active' | 'closed';
}

/** One worklog entry: who logged how much, and when the work started. */
export interface Worklog {
  /** Jira's worklog id, when read from Jira: a worklog event names it (sprint/ledger-journal.ts). */
  readonly id?: string;
  /** When Jira last updated it: a worklog event no newer than this is old news. */
  readonly updatedMs?: number;
  readonly startedMs: number;
  readonly seconds: number;
  readonly authorAccountId?: string;
}

export interface Ticket {
  readonly id: string;
  readonly key: string;
  readonly summary?: string;
  readonly issueType: string;
  readonly statusCategory: StatusCategory;
  /** The status's name as Jira shows it ("Waiting for customer"), for people to read. */
  readonly statusName?: string;
  /** The status's id, which the WIP setting names (names can be renamed; ids stay). */
  readonly statusId?: string;
  /** The priority's name as Jira shows it; normalised by the policy's value map. */
  readonly priorityName?: string;
  /** The Severity field's option value as Jira shows it. */
  readonly severityValue?: string;
  readonly labels: readonly string[];
  readonly components: readonly string[];
  readonly createdMs?: number;
  readonly resolvedMs?: number;
  readonly storyPoints?: number;
  /** Worklogs, when loaded (the search response embeds at most 20; see the Jira client). */
  readonly worklogs?: readonly Worklog[];
  readonly slaClocks: readonly SlaClock[];
  readonly sprints: readonly SprintRef[];
  readonly assigneeAccountId?: string;
  /** Who reported it (whom a "needs info" request asks). */
  readonly reporterAccountId?: string;
  /** The product owner's triage decision recorded on the issue, if any. */
  readonly decision?: TriageDecision;
  /** The verdict the issue trigger suggested, if any. */
  readonly suggestion?: SuggestedVerdict;
}
