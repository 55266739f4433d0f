/**
 * Why today's verdict differs from the one recorded (the trigger's suggestion, or the verdict a
 * decision was made against). A product owner reading "the policy has changed since" when only the
 * SLA clock ran out would go looking for a policy edit that never happened, so the record keeps the
 * facts the verdict was made from and this says WHICH changed: the policy (a newer version), the
 * ticket (its priority, severity or SLA), or both. Pure: no clock, no I/O.
 */
import type { Outcome } from './outcome';
import type { PriorityLevel } from './priority';
import type { Severity } from './severity';
import type { SlaState } from './sla';

/** The facts a verdict was made from that change over a ticket's life, kept with the record. */
export interface VerdictFacts {
  readonly priority: PriorityLevel;
  readonly severity: Severity;
  readonly sla: SlaState;
}

/** A verdict as recorded, or as the policy gives it today. */
export interface VerdictAt {
  readonly outcome: Outcome;
  readonly policyVersion: number;
  /** Absent on records written before the facts were kept. */
  readonly facts?: VerdictFacts;
}

export type FactChange =
  | { readonly fact: 'priority'; readonly from: PriorityLevel; readonly to: PriorityLevel }
  | { readonly fact: 'severity'; readonly from: Severity; readonly to: Severity }
  | { readonly fact: 'sla'; readonly from: SlaState; readonly to: SlaState };

export type VerdictChange =
  | { readonly changed: false }
  | {
      readonly changed: true;
      /** The policy version moved (from the recorded one to the one in force); null when it is the same. */
      readonly policy: { readonly from: number; readonly to: number } | null;
      /**
       * What changed on the ticket: the facts that differ, or `unknown` when the record kept no facts
       * (then, with the same policy version, it can only have been the ticket — but not which fact).
       */
      readonly ticket: readonly FactChange[] | 'unknown';
    };

/** The facts that differ between the recorded ones and today's, in a fixed order (priority, severity, SLA). */
export function factChanges(recorded: VerdictFacts, now: VerdictFacts): FactChange[] {
  const changes: FactChange[] = [];
  if (recorded.priority !== now.priority) changes.push({ fact: 'priority', from: recorded.priority, to: now.priority });
  if (recorded.severity !== now.severity) changes.push({ fact: 'severity', from: recorded.severity, to: now.severity });
  if (recorded.sla !== now.sla) changes.push({ fact: 'sla', from: recorded.sla, to: now.sla });
  return changes;
}

/**
 * What changed between the recorded verdict and today's. Nothing when the outcome is the same (a
 * changed fact that does not change the verdict is not worth a sentence).
 */
export function verdictChange(recorded: VerdictAt, now: VerdictAt & { readonly facts: VerdictFacts }): VerdictChange {
  if (recorded.outcome === now.outcome) return { changed: false };
  const policy = recorded.policyVersion !== now.policyVersion ? { from: recorded.policyVersion, to: now.policyVersion } : null;
  const ticket = recorded.facts ? factChanges(recorded.facts, now.facts) : policy ? [] : 'unknown';
  return { changed: true, policy, ticket };
}

const SLA_WORD: Record<SlaState, string> = { breached: 'breached', 'at-risk': 'at risk', ok: 'on track', paused: 'paused', none: 'no SLA' };
const level = (value: string): string => (value === 'unknown' ? 'not set' : value);

/** One changed fact as a clause after "since": "its SLA breached", "its priority went from P3 to P1". */
export function factChangeText(change: FactChange): string {
  switch (change.fact) {
    case 'priority':
      return change.from === 'unknown' ? `its priority was set to ${change.to}` : `its priority went from ${change.from} to ${level(change.to)}`;
    case 'severity':
      return change.from === 'unknown' ? `its severity was set to ${change.to}` : `its severity went from ${change.from} to ${level(change.to)}`;
    case 'sla':
      if (change.to === 'breached') return 'its SLA breached';
      if (change.to === 'none') return 'it no longer has an SLA';
      if (change.from === 'none') return `it got an SLA, now ${SLA_WORD[change.to]}`;
      return `its SLA went from ${SLA_WORD[change.from]} to ${SLA_WORD[change.to]}`;
  }
}

/** "a", "a and b", "a, b and c". */
function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The change as the start of a sentence, for the panel to finish with today's outcome ("…: the
 * policy now says interrupt now."): "Its SLA breached since", "The policy changed since (version 1 →
 * version 2)", "The ticket changed since". Null when nothing changed.
 */
export function verdictChangeText(change: VerdictChange): string | null {
  if (!change.changed) return null;
  const facts = change.ticket === 'unknown' ? [] : change.ticket.map(factChangeText);
  // Facts kept but none of them moved (its labels or type did, say): still the ticket, unless the policy did.
  const ticketPart = facts.length > 0 ? listOf(facts) : change.ticket === 'unknown' || !change.policy ? 'the ticket changed' : null;
  const policyPart = change.policy ? `the policy changed (version ${change.policy.from} → version ${change.policy.to})` : null;
  const text = `${listOf([ticketPart, policyPart].filter((p): p is string => p !== null))} since`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
