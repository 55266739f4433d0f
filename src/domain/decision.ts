/**
 * Triage decision: what the product owner applied to a ticket, recorded on the issue itself (as an
 * issue entity property) so it travels with the issue and is searchable in JQL.
 *
 * An outcome different from the policy's verdict is an *override*, and an override needs a reason:
 * the retrospective reads these to see where the policy and the team's judgement disagree.
 */
import type { Outcome } from './outcome';
import type { Verdict } from './policy';
import type { VerdictFacts } from './verdict-change';

/** The issue entity property that holds the decision (indexed for JQL in manifest.yml). */
export const DECISION_PROPERTY_KEY = 'interruptBudget';

export interface TriageDecision {
  readonly outcome: Outcome;
  readonly policyOutcome: Outcome;
  readonly policyVersion: number;
  readonly ruleId: string | null;
  readonly override: boolean;
  readonly reason?: string;
  /** The Atlassian account id of who decided (the property index reads it as a `user`). */
  readonly decidedBy: string;
  /**
   * ISO-8601 instant. Written as `YYYY-MM-DDTHH:mm:ssZ` (see indexedInstant); decisions recorded by
   * older releases carry milliseconds (`…:ss.SSSZ`) and are read as they are.
   */
  readonly decidedAt: string;
  /** The sprint the ticket was pulled into, for `interrupt`. */
  readonly sprintId?: number;
  /** The ticket's facts the verdict was made from, so a later verdict can say which changed (verdict-change.ts). */
  readonly facts?: VerdictFacts;
}

/**
 * What the issue trigger suggested when the ticket arrived or changed: the policy's verdict at that
 * moment, shown in the panel until the product owner decides.
 */
export interface SuggestedVerdict {
  readonly outcome: Outcome;
  readonly ruleId: string | null;
  readonly policyVersion: number;
  /** ISO-8601 instant. */
  readonly evaluatedAt: string;
  /** The ticket's facts the verdict was made from (verdict-change.ts); absent on older records. */
  readonly facts?: VerdictFacts;
}

export interface DecisionRequest {
  readonly outcome: Outcome;
  readonly verdict: Verdict;
  readonly policyVersion: number;
  readonly reason?: string;
  readonly decidedBy: string;
  readonly decidedAt: Date;
  readonly sprintId?: number;
  readonly facts?: VerdictFacts;
}

export type DecisionResult =
  | { readonly ok: true; readonly decision: TriageDecision }
  | { readonly ok: false; readonly error: string };

/**
 * An instant as the issue property index takes a `date` value: `[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]`,
 * in UTC with `Z`, whole seconds (milliseconds are not in the documented format, so they are dropped:
 * the instant is rounded down to its second).
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
 */
export function indexedInstant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Longest reason we keep: the whole decision must fit an issue property (32,768 characters). */
export const MAX_REASON_LENGTH = 2000;

/** What makes two recordings the same decision: what was decided, by which policy and rule, by whom, why, for which sprint. */
const DECISION_FIELDS = ['outcome', 'policyOutcome', 'policyVersion', 'ruleId', 'override', 'reason', 'decidedBy', 'sprintId'] as const;

/** The same decision, whenever it was recorded (`decidedAt` aside). */
export function sameDecision(a: TriageDecision | undefined, b: TriageDecision): boolean {
  return a !== undefined && DECISION_FIELDS.every((f) => a[f] === b[f]);
}

/**
 * The issue property mirrors the app's record of a decision: the same decision, with `decidedAt` as
 * the property writes it (to the second, for Jira's index), so a record with milliseconds matches.
 */
export function mirrorsDecision(property: TriageDecision | undefined, record: TriageDecision): boolean {
  return property !== undefined && sameDecision(property, record) && Math.floor(Date.parse(property.decidedAt) / 1000) === Math.floor(Date.parse(record.decidedAt) / 1000);
}

/**
 * Build the decision to record. Rejects an override without a reason (blank counts as none) and a
 * reason that is too long, before anything is written anywhere.
 */
export function decide(request: DecisionRequest): DecisionResult {
  const override = request.outcome !== request.verdict.outcome;
  const reason = request.reason?.trim() ?? '';
  if (override && reason === '') {
    return {
      ok: false,
      error: `The policy says "${request.verdict.outcome}"; to choose "${request.outcome}" instead, give a reason.`,
    };
  }
  if (reason.length > MAX_REASON_LENGTH) {
    return { ok: false, error: `Shorten the reason to at most ${MAX_REASON_LENGTH} characters.` };
  }
  const decision: TriageDecision = {
    outcome: request.outcome,
    policyOutcome: request.verdict.outcome,
    policyVersion: request.policyVersion,
    ruleId: request.verdict.ruleId,
    override,
    ...(reason === '' ? {} : { reason }),
    decidedBy: request.decidedBy,
    decidedAt: indexedInstant(request.decidedAt),
    ...(request.outcome === 'interrupt' && request.sprintId !== undefined ? { sprintId: request.sprintId } : {}),
    ...(request.facts ? { facts: request.facts } : {}),
  };
  return { ok: true, decision };
}
