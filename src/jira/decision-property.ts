/**
 * The `interruptBudget` issue property: the product owner's decision at the top level (so the
 * `jira:entityProperty` index can expose `outcome`, `decidedAt`… to JQL) and the trigger's
 * suggestion under `suggestion`. Read back through a schema: anyone who can edit the issue can edit
 * its properties, so the value is untrusted input.
 */
import { z } from 'zod';
import { OUTCOMES } from '../domain/outcome';
import type { SuggestedVerdict, TriageDecision } from '../domain/decision';

const isoInstant = z.iso.datetime({ offset: true });

export const decisionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  policyOutcome: z.enum(OUTCOMES),
  policyVersion: z.number().int().nonnegative(),
  ruleId: z.string().nullable(),
  override: z.boolean(),
  reason: z.string().max(2000).optional(),
  decidedBy: z.string().min(1),
  decidedAt: isoInstant,
  sprintId: z.number().int().optional(),
});

export const suggestionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  ruleId: z.string().nullable(),
  policyVersion: z.number().int().nonnegative(),
  evaluatedAt: isoInstant,
});

export interface DecisionProperty {
  readonly decision?: TriageDecision;
  readonly suggestion?: SuggestedVerdict;
  /** Set when the stored value could not be read; the panel treats the issue as undecided. */
  readonly problem?: string;
}

/** Read the property value (absent → empty). Never throws. */
export function readDecisionProperty(value: unknown): DecisionProperty {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { problem: 'The recorded triage decision is not an object; it was ignored.' };
  }
  const record = value as Record<string, unknown>;
  const result: { decision?: TriageDecision; suggestion?: SuggestedVerdict; problem?: string } = {};
  if ('outcome' in record) {
    const decision = decisionSchema.safeParse(record);
    if (decision.success) result.decision = decision.data;
    else result.problem = 'The recorded triage decision is incomplete or malformed; it was ignored.';
  }
  if (record.suggestion !== undefined) {
    const suggestion = suggestionSchema.safeParse(record.suggestion);
    if (suggestion.success) result.suggestion = suggestion.data;
  }
  return result;
}

/** The property value to write: the decision at the top level, keeping the existing suggestion. */
export function writeDecisionProperty(decision: TriageDecision | undefined, suggestion: SuggestedVerdict | undefined): Record<string, unknown> {
  return { ...(decision ?? {}), ...(suggestion ? { suggestion } : {}) };
}
