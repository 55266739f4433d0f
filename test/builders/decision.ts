/**
 * Test-data builder for triage decisions: a plain decision that followed the policy, with only what
 * a test cares about overridden.
 */
import type { TriageDecision } from '../../src/domain/decision';

export function aDecision(overrides: Partial<TriageDecision> = {}): TriageDecision {
  return {
    outcome: 'interrupt',
    policyOutcome: overrides.outcome ?? 'interrupt',
    policyVersion: 1,
    ruleId: null,
    override: false,
    decidedBy: 'po-account',
    decidedAt: '2026-03-03T10:00:00.000Z',
    ...overrides,
  };
}
