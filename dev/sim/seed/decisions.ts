/**
 * The `interruptBudget` issue property on demo tickets: the trigger's suggestion and, where the
 * product owner triaged, the decision — shaped as src/jira/decision-property.ts reads it — plus the
 * label the app adds when it applies a decision.
 */
import type { IssueDraft, ProjectSeed } from './drafts';
import { SEVERITY_OPTIONS } from '../site/catalog';
import { OVERRIDE_REASONS } from './summaries';
import { hasSlaType } from './support-tickets';
import { MINUTE } from './timeline';

export const DECISION_PROPERTY = 'interruptBudget';
type Outcome = 'interrupt' | 'backlog' | 'needs-info';

/**
 * The policy the demo's suggestions and decisions followed: the built-in default (policyVerdict
 * below mirrors it), which the app numbers version 0 (DEFAULT_POLICY_VERSION in
 * src/app/storage/policy-versions.ts). So every seeded record names a version that exists, and an
 * admin's first save makes version 1: one sequence, no "version 2" that was never saved.
 */
export const SEEDED_POLICY_VERSION = 0;

/**
 * The facts the verdict was made from, as the app records them (domain/verdict-change.ts): the
 * priority and Severity as set at arrival, and the SLA as it stood then — just started, on track.
 */
function factsAtArrival(seed: ProjectSeed, draft: IssueDraft) {
  const severity = SEVERITY_OPTIONS.findIndex((o) => o.id === draft.severityId);
  return {
    priority: draft.priorityId === null ? 'unknown' : `P${draft.priorityId}`,
    severity: severity < 0 ? 'unknown' : `S${severity + 1}`,
    sla: hasSlaType(seed, draft) ? 'ok' : 'none',
  };
}

/** What the default policy says: P1 → interrupt, Sev 1 → interrupt, nothing known → needs-info. */
export function policyVerdict(draft: IssueDraft): { outcome: Outcome; ruleId: string | null } {
  const sev1 = SEVERITY_OPTIONS[0]?.id;
  if (draft.priorityId === '1') return { outcome: 'interrupt', ruleId: 'p1' };
  if (draft.severityId !== null && draft.severityId === sev1) return { outcome: 'interrupt', ruleId: 'sev1' };
  if (draft.priorityId === null && draft.severityId === null) return { outcome: 'needs-info', ruleId: 'unclassified' };
  return { outcome: 'backlog', ruleId: null };
}

function suggestion(seed: ProjectSeed, draft: IssueDraft) {
  const verdict = policyVerdict(draft);
  return { outcome: verdict.outcome, ruleId: verdict.ruleId, policyVersion: SEEDED_POLICY_VERSION, evaluatedAt: new Date(draft.createdMs + MINUTE).toISOString(), facts: factsAtArrival(seed, draft) };
}

/** Only the trigger has looked at the ticket. */
export function suggest(seed: ProjectSeed, draft: IssueDraft): void {
  draft.properties[DECISION_PROPERTY] = { suggestion: suggestion(seed, draft) };
}

/** The product owner (or `decidedBy`) applied `outcome` at `atMs` (an override when it differs from the policy). */
export function decide(seed: ProjectSeed, draft: IssueDraft, outcome: 'interrupt' | 'backlog', atMs: number, sprintId?: number, decidedBy: string = seed.poId): void {
  const verdict = policyVerdict(draft);
  const override = verdict.outcome !== outcome;
  draft.properties[DECISION_PROPERTY] = {
    outcome,
    policyOutcome: verdict.outcome,
    policyVersion: SEEDED_POLICY_VERSION,
    ruleId: verdict.ruleId,
    override,
    ...(override ? { reason: seed.prng.pick(OVERRIDE_REASONS) } : {}),
    decidedBy,
    decidedAt: new Date(atMs).toISOString(),
    ...(sprintId !== undefined ? { sprintId } : {}),
    facts: factsAtArrival(seed, draft),
    suggestion: suggestion(seed, draft),
  };
  const label = outcome === 'interrupt' ? 'interrupt' : 'deferred';
  if (!draft.labels.includes(label)) draft.labels.push(label);
  draft.updatedMs = Math.max(draft.updatedMs, atMs);
}

/**
 * The product owner asked the reporter for more information (issue 12, item 4), the needs-info
 * label on. `clearFields`: priority and severity are cleared first, so the policy itself says
 * needs-info and the reporter is asked for both; otherwise the fields stay (the sprint's numbers are
 * those without the question) and the decision is an override asking for the impact. The app's own
 * record of the request is not seeded (app storage is not the site's): the dashboard then shows
 * what the ticket lacks now.
 */
export function askForInfo(seed: ProjectSeed, draft: IssueDraft, atMs: number, options: { clearFields: boolean }): void {
  if (options.clearFields) {
    draft.priorityId = null;
    draft.severityId = null;
  }
  const verdict = policyVerdict(draft);
  const override = verdict.outcome !== 'needs-info';
  draft.properties[DECISION_PROPERTY] = {
    outcome: 'needs-info',
    policyOutcome: verdict.outcome,
    policyVersion: SEEDED_POLICY_VERSION,
    ruleId: verdict.ruleId,
    override,
    ...(override ? { reason: 'Which customers are affected, and can they work around it?' } : {}),
    decidedBy: seed.poId,
    decidedAt: new Date(atMs).toISOString(),
    facts: factsAtArrival(seed, draft),
    suggestion: suggestion(seed, draft),
  };
  if (!draft.labels.includes('needs-info')) draft.labels.push('needs-info');
  draft.updatedMs = Math.max(draft.updatedMs, atMs);
}
