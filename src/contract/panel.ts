/**
 * The issue panel's contract (`panel.*`): what the product owner sees on a ticket, and what applying
 * a triage decision did. The issue always comes from the Jira context, never from the payload:
 * payload schemas drop unknown keys, so a payload naming another issue (or another accountId) is
 * never even read.
 */
import { z } from 'zod';
import { MAX_REASON_LENGTH, type SuggestedVerdict, type TriageDecision } from '../domain/decision';
import { MAX_REQUEST_LENGTH, type MissingItem } from '../domain/missing-information';
import { OUTCOMES, type Outcome } from '../domain/outcome';
import { stripHidden } from '../domain/plain-text';
import type { PriorityLevel } from '../domain/priority';
import type { Severity } from '../domain/severity';
import type { SlaState } from '../domain/sla';
import type { StatusCategory } from '../domain/ticket';
import type { VerdictChange } from '../domain/verdict-change';
import type { PanelFollowUps } from './follow-ups';
import type { PeopleDirectory } from './people';

export const PANEL_KEYS = {
  get: 'panel.get',
  budget: 'panel.budget',
  applyDecision: 'panel.applyDecision',
  // Issue 14, item 2: an interrupt's follow-ups (contract/follow-ups.ts).
  setFollowUps: 'panel.setFollowUps',
  createCorrectiveAction: 'panel.createCorrectiveAction',
} as const;

/** `panel.get` takes nothing. */
export const panelGetPayloadSchema = z.object({});
export type PanelGetPayload = z.infer<typeof panelGetPayloadSchema>;

/** `panel.budget` takes nothing: the sprint is the project's active one, the ticket the context's. */
export const panelBudgetPayloadSchema = z.object({});
export type PanelBudgetPayload = z.infer<typeof panelBudgetPayloadSchema>;

/**
 * An override reason is prose the product owner types (or pastes) for others to read, in the panel,
 * the dashboard and the comment: its hidden characters (zero-width, bidirectional controls that
 * reverse the text after them, other controls: domain/plain-text.ts) are stripped, not refused —
 * nothing a reader needs is lost, and a PO should not be stopped by a character they cannot see.
 * Line breaks stay (the field is a text area). Labels and names, which must match Jira, are refused
 * instead (app/settings/project-settings.ts).
 */
const reasonText = z
  .string()
  .transform((reason) => stripHidden(reason, { lineBreaks: true }))
  .pipe(z.string().trim().max(MAX_REASON_LENGTH, `shorten the reason to at most ${MAX_REASON_LENGTH} characters`));

/** A request to the reporter: prose, like a reason, but longer (it is a whole comment). */
const requestText = z
  .string()
  .transform((request) => stripHidden(request, { lineBreaks: true }))
  .pipe(z.string().trim().min(1, 'write what to ask the reporter, or leave the comment off').max(MAX_REQUEST_LENGTH, `shorten the request to at most ${MAX_REQUEST_LENGTH} characters`));

/** `panel.applyDecision`: the outcome, a reason (required for an override), and the two optional steps. */
export const applyDecisionPayloadSchema = z.object({
  outcome: z.enum(OUTCOMES, { error: 'choose interrupt, backlog or needs-info' }),
  reason: reasonText.optional(),
  /** Assign to the sprint's support contact; default: the project's setting. */
  assign: z.boolean().optional(),
  /** Post a comment with the verdict and its reasons; default: the project's setting. */
  comment: z.boolean().optional(),
  /**
   * The decision the panel showed when the user chose (its `decidedAt` and `outcome`), or null when
   * it showed none. Apply answers CONFLICT when the recorded decision is no longer this one (someone
   * decided in between). Optional for older clients; the panel always sends it.
   */
  basedOn: z.object({ decidedAt: z.string().min(1).max(64), outcome: z.enum(OUTCOMES) }).nullable().optional(),
  // Issue 12, item 4 (needs info as a flow): for needs-info, the request to the reporter as the
  // product owner edited it (default: the panel's draft), posted when `comment` is on; and whether to
  // add the needs-info label (default: the project's setting).
  request: requestText.optional(),
  label: z.boolean().optional(),
});
export type ApplyDecisionPayload = z.infer<typeof applyDecisionPayloadSchema>;

export type DecisionStepName = 'move-to-sprint' | 'move-to-backlog' | 'labels' | 'assign' | 'comment' | 'record';

/** One step a decision would take: `do` it, `skip` it (already so, or not allowed), or `blocked` (cannot be done). */
export interface PlannedStep {
  readonly step: DecisionStepName;
  readonly action: 'do' | 'skip' | 'blocked';
  readonly message: string;
}

/** What applying one outcome would do right now, with the project's default options. */
export interface OutcomePreview {
  readonly outcome: Outcome;
  readonly targetSprint: { readonly id: number; readonly name: string } | null;
  readonly moveToBacklog: boolean;
  readonly labels: { readonly add: readonly string[]; readonly remove: readonly string[] };
  /** Who the ticket would be assigned to (the support contact), when assigning is on. */
  readonly assignTo: string | null;
  readonly comment: boolean;
  readonly steps: readonly PlannedStep[];
}

export interface PanelBudget {
  readonly sprintId: number;
  readonly sprintName: string;
  readonly unit: 'hours' | 'points';
  /** `track`: no support buffer is reserved (issue 14, item 5): budget 0, nothing left or over, support shown as a share of capacity. */
  readonly budgetMode: 'reserve' | 'track';
  readonly budget: number;
  readonly used: number;
  /** The sprint's capacity in its unit, for "used as a share of capacity". */
  readonly capacity: number;
  readonly remaining: number;
  readonly status: 'ok' | 'at-risk' | 'over';
  /** The ticket is already in the sprint and counted in `used`. */
  readonly counted: boolean;
  /** What the ticket would add to `used` if pulled in now (null: it would not count). */
  readonly ticketCost: { readonly amount: number; readonly estimated: boolean } | null;
  /** `remaining` after pulling this ticket in, when it would count against the budget. */
  readonly remainingAfter: number | null;
  readonly explanation: string;
  readonly computedAt: number;
  /** Read from storage, or brought up to date from Jira just now (by `panel.budget`) and stored. */
  readonly source: 'stored' | 'computed';
  /**
   * The stored numbers are older than the freshness rule allows (or a decision or a settings change
   * invalidated them): shown as they are, marked "as of", while `panel.budget` updates them.
   */
  readonly stale: boolean;
}

/**
 * The support WIP as counts: which tickets are in progress is the dashboard's list, filtered per
 * viewer there; the panel names only its own ticket.
 */
export interface PanelWip {
  readonly count: number;
  readonly limit: number;
  /** Pulling this ticket into progress would take support WIP over the limit. */
  readonly wouldExceed: boolean;
  readonly message: string;
}

export interface PanelPermissions {
  readonly canApply: boolean;
  /** Why not, as a sentence that says what to do; null when the user can apply. */
  readonly reason: string | null;
  readonly canComment: boolean;
  /** Null: not asked up front (2 points); Jira answers it when applying assigns the ticket. */
  readonly canAssign: boolean | null;
  /**
   * Issue 12, item 2: the user administers the project, so the panel links to the settings page
   * (to widen the support filter); others are told to ask a project admin. Display only.
   */
  readonly canAdministerProject: boolean;
}

/**
 * Whether the interrupt policy has anything to say here (domain/triage-scope.ts): not for a ticket
 * outside the support filter, not for a done one. When it does not apply the panel shows the reason
 * instead of a verdict and offers nothing to apply (the server refuses it too).
 */
export type PanelScope = { readonly applies: true } | { readonly applies: false; readonly why: 'not-support' | 'done'; readonly reason: string };

export interface PanelView {
  readonly ticket: {
    readonly key: string;
    readonly id: string;
    readonly summary: string | null;
    readonly issueType: string;
    readonly statusCategory: StatusCategory;
    /** The status's name as Jira shows it; null when Jira gave none. */
    readonly status: string | null;
    readonly isSupport: boolean;
    readonly labels: readonly string[];
    readonly assigneeAccountId: string | null;
    readonly inActiveSprint: boolean;
  };
  readonly scope: PanelScope;
  readonly priority: { readonly level: PriorityLevel; readonly name: string | null };
  readonly severity: { readonly level: Severity; readonly value: string | null };
  readonly sla: { readonly state: SlaState; readonly clockName: string | null; readonly remainingMs: number | null };
  readonly verdict: {
    readonly outcome: Outcome;
    readonly ruleId: string | null;
    readonly ruleName: string | null;
    readonly reasons: readonly string[];
    readonly policyVersion: number;
  };
  /** The product owner's recorded decision, if any. */
  readonly decision: TriageDecision | null;
  /** The issue trigger's suggestion, shown while there is no decision. */
  readonly suggestion: SuggestedVerdict | null;
  readonly activeSprint: { readonly id: number; readonly name: string } | null;
  readonly budget: PanelBudget | null;
  readonly wip: PanelWip | null;
  /**
   * `panel.get` never searches Jira (it stays within two round trips however big the sprint is):
   * when the active sprint has no stored budget yet, or a stale one, this is true and the panel asks
   * `panel.budget` for an up-to-date one after showing the verdict.
   */
  readonly budgetNeedsUpdate: boolean;
  readonly supportContact: { readonly accountId: string; readonly source: 'rotation' | 'override' } | null;
  readonly defaults: { readonly assign: boolean; readonly comment: boolean };
  readonly previews: Readonly<Record<Outcome, OutcomePreview>>;
  readonly permissions: PanelPermissions;
  /** Things worth knowing (a damaged record, an unknown field…), as sentences. */
  readonly notes: readonly string[];
  /** Issue 12, item 1: names and avatars of everyone the view names (decider, support contact, assignee). */
  readonly people: PeopleDirectory;
  // Issue 12, item 5 (versions): say WHICH changed, not "the policy has changed since" for a clock.
  /**
   * How today's verdict differs from the recorded one — the verdict the decision was made against,
   * else the trigger's suggestion — and why: a newer policy version, the ticket's facts, or both.
   */
  readonly verdictChange: VerdictChange;
  /** Issue 12, item 4: what a needs-info decision would ask, and what the last one asked. */
  readonly infoRequest: PanelInfoRequest;
  /**
   * Issue 14, item 2: the follow-ups checklist, for a resolved interrupt only (null otherwise); who
   * saved it last is in `people`.
   */
  readonly followUps: PanelFollowUps | null;
}

/**
 * Needs info as a flow (issue 12, item 4). `missing` and `draft` are for asking now: what the policy
 * cannot decide without today, and the comment drafted from it (editable in the panel). `asked` and
 * `answered` are for a ticket whose decision is needs-info: what was asked then (null when the app
 * did not record it: decided before it kept that), and which of it the ticket has since (the field
 * is set now), so the panel can say the information arrived and what the policy now says.
 */
export interface PanelInfoRequest {
  readonly missing: readonly MissingItem[];
  readonly draft: string;
  /** Whom the comment mentions; null when Jira names no reporter. */
  readonly reporterAccountId: string | null;
  readonly label: string;
  readonly addLabelByDefault: boolean;
  readonly asked: readonly MissingItem[] | null;
  readonly answered: readonly MissingItem[];
}

/** `panel.budget`: the active sprint's budget and WIP for this ticket, brought up to date. */
export interface PanelBudgetView {
  readonly budget: PanelBudget | null;
  readonly wip: PanelWip | null;
  /** Why there is no budget (no active sprint, Jira unreachable…), or other things worth knowing. */
  readonly notes: readonly string[];
}

export interface StepResult {
  readonly step: DecisionStepName;
  readonly status: 'done' | 'skipped' | 'failed';
  readonly message: string;
}

export interface ApplyDecisionResult {
  readonly decision: TriageDecision;
  /** Every step in order, each with what happened. */
  readonly steps: readonly StepResult[];
  /** No step failed. */
  readonly complete: boolean;
  /** One sentence: all done, or what failed and that applying again finishes it. */
  readonly message: string;
}
