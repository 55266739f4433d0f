/**
 * The policy's verdict on one ticket under a project's settings: the one place the panel, "apply
 * decision" and the issue trigger turn a ticket into facts and ask the policy in force, so all three
 * always agree on what the policy says.
 */
import { evaluatePolicy, type TriageFacts, type Verdict } from '../../domain/policy';
import type { PolicyVersion } from '../../domain/policy-version';
import type { Ticket } from '../../domain/ticket';
import { triageFacts } from '../../domain/triage-facts';
import { classificationOf, type ProjectSettings } from '../settings/project-settings';

export interface Evaluation {
  readonly facts: TriageFacts;
  readonly verdict: Verdict;
  /** The policy version the verdict follows. */
  readonly policyVersion: number;
}

export function evaluateTicket(ticket: Ticket, settings: ProjectSettings, policy: PolicyVersion, nowMs: number): Evaluation {
  const facts = triageFacts(ticket, classificationOf(settings), nowMs);
  return { facts, verdict: evaluatePolicy(policy.policy, facts), policyVersion: policy.version };
}
