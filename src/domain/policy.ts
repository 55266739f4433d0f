/**
 * The interrupt policy: data, not code. An ordered list of rules plus a default outcome.
 *
 * Evaluation invariants (property-tested):
 * - all conditions of a rule must hold for it to match (a rule with no conditions always matches);
 * - the first matching rule decides; later rules are never consulted;
 * - with no match, the default outcome applies and `ruleId` is `null`;
 * - every verdict carries one plain sentence per condition of the deciding rule, or one sentence
 *   explaining that the default applied.
 */
import type { Outcome } from './outcome';
import type { PriorityLevel } from './priority';
import type { Severity } from './severity';
import type { SlaAssessment, SlaState } from './sla';

export type Condition =
  | { readonly kind: 'priority-in'; readonly levels: readonly PriorityLevel[] }
  | { readonly kind: 'severity-in'; readonly levels: readonly Severity[] }
  | { readonly kind: 'sla-in'; readonly states: readonly SlaState[] }
  | { readonly kind: 'issue-type-in'; readonly types: readonly string[] }
  | { readonly kind: 'labels-any'; readonly labels: readonly string[] }
  | { readonly kind: 'components-any'; readonly components: readonly string[] }
  | { readonly kind: 'is-support'; readonly value: boolean };

export type ConditionKind = Condition['kind'];

export interface Rule {
  readonly id: string;
  readonly name: string;
  readonly conditions: readonly Condition[];
  readonly outcome: Outcome;
}

export interface Policy {
  readonly rules: readonly Rule[];
  readonly defaultOutcome: Outcome;
}

/** What the policy looks at: a ticket already normalised against the project's settings. */
export interface TriageFacts {
  readonly priority: PriorityLevel;
  readonly severity: Severity;
  readonly sla: SlaAssessment;
  readonly issueType: string;
  readonly labels: readonly string[];
  readonly components: readonly string[];
  readonly isSupport: boolean;
  /**
   * The site's own words when they map to no level (`priority` / `severity` is then unknown): the
   * reason names the value so an admin knows what to map ("Normal"), instead of "not recognised".
   */
  readonly unmapped?: { readonly priority?: string; readonly severity?: string };
}

export interface Verdict {
  readonly outcome: Outcome;
  /** The deciding rule, or null when the default outcome applied. */
  readonly ruleId: string | null;
  readonly ruleName: string | null;
  readonly reasons: readonly string[];
}

/** What new installs get: P1, Sev1 and SLA trouble may interrupt; unclassified needs the PO; the rest waits. */
export const DEFAULT_POLICY: Policy = {
  rules: [
    { id: 'p1', name: 'P1', conditions: [{ kind: 'priority-in', levels: ['P1'] }], outcome: 'interrupt' },
    { id: 'sev1', name: 'Sev1', conditions: [{ kind: 'severity-in', levels: ['S1'] }], outcome: 'interrupt' },
    { id: 'sla', name: 'SLA', conditions: [{ kind: 'sla-in', states: ['breached', 'at-risk'] }], outcome: 'interrupt' },
    {
      id: 'unclassified',
      name: 'Unclassified',
      conditions: [
        { kind: 'priority-in', levels: ['unknown'] },
        { kind: 'severity-in', levels: ['unknown'] },
      ],
      outcome: 'needs-info',
    },
  ],
  defaultOutcome: 'backlog',
};

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const anyOf = (have: readonly string[], wanted: readonly string[]): string[] =>
  have.filter((h) => wanted.some((w) => sameText(h, w)));

/** Does one condition hold for these facts? */
export function holds(condition: Condition, facts: TriageFacts): boolean {
  switch (condition.kind) {
    case 'priority-in':
      return condition.levels.includes(facts.priority);
    case 'severity-in':
      return condition.levels.includes(facts.severity);
    case 'sla-in':
      return condition.states.includes(facts.sla.state);
    case 'issue-type-in':
      return condition.types.some((t) => sameText(t, facts.issueType));
    case 'labels-any':
      return anyOf(facts.labels, condition.labels).length > 0;
    case 'components-any':
      return anyOf(facts.components, condition.components).length > 0;
    case 'is-support':
      return facts.isSupport === condition.value;
  }
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

function slaSentence(sla: SlaAssessment): string {
  const clock = sla.clockName ? `SLA "${sla.clockName}"` : 'The SLA';
  switch (sla.state) {
    case 'breached':
      return `${clock} is breached.`;
    case 'at-risk':
      return `${clock} is at risk: ${formatDuration(sla.remainingMs ?? 0)} left.`;
    case 'ok':
      return `${clock} is on track.`;
    case 'paused':
      return `${clock} is paused.`;
    case 'none':
      return 'The ticket has no SLA.';
  }
}

/** The sentence that explains why a condition that held, held. */
export function reasonFor(condition: Condition, facts: TriageFacts): string {
  switch (condition.kind) {
    case 'priority-in':
      if (facts.priority !== 'unknown') return `Priority is ${facts.priority}.`;
      return facts.unmapped?.priority !== undefined
        ? `Priority "${facts.unmapped.priority}" is not mapped to a level — map it in the settings.`
        : 'Priority is not set or not recognised.';
    case 'severity-in':
      if (facts.severity !== 'unknown') return `Severity is ${facts.severity}.`;
      return facts.unmapped?.severity !== undefined
        ? `Severity "${facts.unmapped.severity}" is not mapped to a level — map it in the settings.`
        : 'Severity is not set or not recognised.';
    case 'sla-in':
      return slaSentence(facts.sla);
    case 'issue-type-in':
      return `Issue type is ${facts.issueType}.`;
    case 'labels-any':
      return `Labelled ${anyOf(facts.labels, condition.labels).join(', ')}.`;
    case 'components-any':
      return `In component ${anyOf(facts.components, condition.components).join(', ')}.`;
    case 'is-support':
      return facts.isSupport ? 'It is a support ticket.' : 'It is not a support ticket.';
  }
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  interrupt: 'may interrupt the sprint',
  backlog: 'goes to the backlog for the next planning',
  'needs-info': 'needs the product owner to judge',
};

/** Evaluate the policy for one ticket. Pure and total: every input yields a verdict. */
export function evaluatePolicy(policy: Policy, facts: TriageFacts): Verdict {
  for (const rule of policy.rules) {
    if (rule.conditions.every((c) => holds(c, facts))) {
      const reasons =
        rule.conditions.length === 0
          ? [`Rule "${rule.name}" applies to every ticket.`]
          : rule.conditions.map((c) => reasonFor(c, facts));
      return { outcome: rule.outcome, ruleId: rule.id, ruleName: rule.name, reasons };
    }
  }
  return {
    outcome: policy.defaultOutcome,
    ruleId: null,
    ruleName: null,
    reasons: [`No rule matched (priority ${facts.priority}, severity ${facts.severity}, SLA ${facts.sla.state}), so the ticket ${OUTCOME_WORDS[policy.defaultOutcome]}.`],
  };
}
