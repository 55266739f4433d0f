/**
 * The `interruptBudget` issue property on demo tickets: the trigger's suggestion and, where the
 * product owner triaged, the decision — shaped as src/jira/decision-property.ts reads it — plus the
 * label the app adds when it applies a decision.
 */
import type { IssueDraft, ProjectSeed } from './drafts';
import { SEVERITY_OPTIONS } from '../site/catalog';
import { OVERRIDE_REASONS } from './summaries';
import { MINUTE } from './timeline';

export const DECISION_PROPERTY = 'interruptBudget';
type Outcome = 'interrupt' | 'backlog' | 'needs-info';

/** What the default policy says: P1 → interrupt, Sev 1 → interrupt, nothing known → needs-info. */
export function policyVerdict(draft: IssueDraft): { outcome: Outcome; ruleId: string | null } {
  const sev1 = SEVERITY_OPTIONS[0]?.id;
  if (draft.priorityId === '1') return { outcome: 'interrupt', ruleId: 'p1' };
  if (draft.severityId !== null && draft.severityId === sev1) return { outcome: 'interrupt', ruleId: 'sev1' };
  if (draft.priorityId === null && draft.severityId === null) return { outcome: 'needs-info', ruleId: 'unclassified' };
  return { outcome: 'backlog', ruleId: null };
}

function suggestion(draft: IssueDraft, policyVersion: number) {
  const verdict = policyVerdict(draft);
  return { outcome: verdict.outcome, ruleId: verdict.ruleId, policyVersion, evaluatedAt: new Date(draft.createdMs + MINUTE).toISOString() };
}

/** Only the trigger has looked at the ticket. */
export function suggest(draft: IssueDraft): void {
  draft.properties[DECISION_PROPERTY] = { suggestion: suggestion(draft, 2) };
}

/** The product owner (or `decidedBy`) applied `outcome` at `atMs` (an override when it differs from the policy). */
export function decide(seed: ProjectSeed, draft: IssueDraft, outcome: 'interrupt' | 'backlog', atMs: number, sprintId?: number, decidedBy: string = seed.poId): void {
  const verdict = policyVerdict(draft);
  const override = verdict.outcome !== outcome;
  draft.properties[DECISION_PROPERTY] = {
    outcome,
    policyOutcome: verdict.outcome,
    policyVersion: 2,
    ruleId: verdict.ruleId,
    override,
    ...(override ? { reason: seed.prng.pick(OVERRIDE_REASONS) } : {}),
    decidedBy,
    decidedAt: new Date(atMs).toISOString(),
    ...(sprintId !== undefined ? { sprintId } : {}),
    suggestion: suggestion(draft, 2),
  };
  const label = outcome === 'interrupt' ? 'interrupt' : 'deferred';
  if (!draft.labels.includes(label)) draft.labels.push(label);
  draft.updatedMs = Math.max(draft.updatedMs, atMs);
}
