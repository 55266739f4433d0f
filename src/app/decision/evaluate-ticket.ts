/**
 * The policy's verdict on one ticket under a project's settings: the one place the panel, "apply
 * decision" and the issue trigger turn a ticket into facts and ask the policy in force, so all three
 * always agree on what the policy says.
 */
import { evaluatePolicy, type TriageFacts, type Verdict } from '../../domain/policy';
import type { PolicyVersion } from '../../domain/policy-version';
import type { Ticket } from '../../domain/ticket';
import { triageFacts } from '../../domain/triage-facts';
import type { VerdictFacts } from '../../domain/verdict-change';
import { classificationOf, type ProjectSettings } from '../settings/project-settings';

export interface Evaluation {
  readonly facts: TriageFacts;
  readonly verdict: Verdict;
  /** The policy version the verdict follows. */
  readonly policyVersion: number;
  /** What a record of this verdict keeps, so a later verdict can say which changed (domain/verdict-change.ts). */
  readonly recordedFacts: VerdictFacts;
}

export function evaluateTicket(ticket: Ticket, settings: ProjectSettings, policy: PolicyVersion, nowMs: number): Evaluation {
  const facts = triageFacts(ticket, classificationOf(settings), nowMs);
  const recordedFacts: VerdictFacts = { priority: facts.priority, severity: facts.severity, sla: facts.sla.state };
  return { facts, verdict: evaluatePolicy(policy.policy, facts), policyVersion: policy.version, recordedFacts };
}
