/**
 * The dashboard surface's contract (project page): resolver keys, payload schemas and result types.
 * The project always comes from the call context, never from a payload; instants are ISO-8601
 * strings and amounts are in the sprint's unit (`hours` or `points`).
 */
import { z } from 'zod';
import type { BurnPoint } from '../domain/burn';
import type { DefectCount } from '../domain/defects';
import type { DeliveryCost } from '../domain/delivery-cost';
import type { HistoryRow } from '../domain/history';
import type { MissingItem } from '../domain/missing-information';
import type { PeopleDirectory } from './people';
import type { NextSprintView } from './planning';

export const DASHBOARD_KEYS = { get: 'dashboard.get', recordOverflow: 'dashboard.recordOverflow' } as const;

export const OVERFLOW_CHOICES = ['swap-out', 'abort-sprint', 'accept-overrun'] as const;
export type OverflowChoice = (typeof OVERFLOW_CHOICES)[number];

const sprintId = z.number({ error: 'must be a sprint id (a number)' }).int('must be a whole number').positive('must be a sprint id');

/** `dashboard.get`: the active sprint by default, or a chosen one; `refresh` recomputes from Jira now. */
export const dashboardGetPayloadSchema = z.object({
  sprintId: sprintId.optional(),
  refresh: z.boolean({ error: 'must be true or false' }).optional(),
});
export type DashboardGetPayload = z.input<typeof dashboardGetPayloadSchema>;

/** `dashboard.recordOverflow`: the product owner's answer to a sprint over its support budget. */
export const recordOverflowPayloadSchema = z
  .object({
    sprintId,
    choice: z.enum(OVERFLOW_CHOICES, { error: 'must be swap-out, abort-sprint or accept-overrun' }),
    reason: z.string({ error: 'must be text' }).trim().max(2000, 'must be at most 2000 characters').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.choice === 'accept-overrun' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'say why the team accepts the overrun (a reason is required)' });
    }
  });
export type RecordOverflowPayload = z.input<typeof recordOverflowPayloadSchema>;

export type DashboardStatus = 'ok' | 'at-risk' | 'over';
export type DashboardUnit = 'hours' | 'points';

export interface DashboardUsed {
  readonly sanctioned: number;
  readonly planned: number;
  readonly untriaged: number;
  readonly total: number;
}

/** One support ticket's share of the budget. `estimated`: a default for an unestimated ticket. */
export interface DashboardBudgetItem {
  readonly key: string;
  readonly summary?: string;
  readonly amount: number;
  readonly estimated: boolean;
}

/** Listed issues this viewer may not see (issue-level security): how many, and what they count together. */
export interface RestrictedItems {
  readonly count: number;
  readonly amount: number;
}

/** One day of the burn chart: the domain's burn point as it is. */
export type DashboardBurnPoint = BurnPoint;

export interface OverflowDecisionView {
  readonly choice: OverflowChoice;
  readonly reason?: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** A ticket the product owner sent to the backlog during the sprint: "what we said no to". */
export interface DeferredTicketView {
  readonly key: string;
  readonly summary?: string;
  readonly reason?: string;
  readonly policyOutcome: 'interrupt' | 'backlog' | 'needs-info';
  /** The policy rule behind the policy's outcome, or null when its default applied. */
  readonly ruleId: string | null;
  readonly override: boolean;
  readonly decidedBy: string;
  readonly decidedAt: string;
  /**
   * `app`: as Interrupt Budget recorded it; `property`: only the issue property says so (decided
   * before the app kept its own record, or written outside the app); `changed`: the app's record,
   * while the issue property was changed outside the app since.
   */
  readonly source: 'app' | 'property' | 'changed';
}

/**
 * Issue 12, item 4: a ticket waiting for information (its decision is needs-info, it is not done),
 * whatever sprint it is in; listed with the active sprint only.
 */
export interface WaitingTicketView {
  readonly key: string;
  readonly summary?: string;
  /** Who was asked; null when Jira names no reporter. */
  readonly reporterAccountId: string | null;
  /** What was asked: as the app recorded the request (`app`), or what the ticket lacks now (`ticket`). */
  readonly asked: readonly MissingItem[];
  readonly askedSource: 'app' | 'ticket';
  /** Of what was asked, what the ticket has now. */
  readonly answered: readonly MissingItem[];
  readonly decidedBy: string;
  readonly decidedAt: string;
  /** How long it has waited, at this view (milliseconds since the decision). */
  readonly waitingMs: number;
}

export type DashboardDefects = DefectCount;

export interface DashboardSprint {
  readonly id: number;
  readonly name: string;
  readonly state: 'active' | 'closed';
  readonly startDate: string;
  readonly endDate: string;
  readonly unit: DashboardUnit;
  /**
   * `track`: the team keeps no support buffer (issue 14, item 5): `budget` is 0, `status` never over,
   * no overflow decision; support is shown as `sharePctOfCapacity` and its effect on delivery.
   */
  readonly budgetMode: 'reserve' | 'track';
  readonly capacity: number;
  readonly budget: number;
  readonly used: DashboardUsed;
  /** Used as a share of the capacity, one decimal; 0 for no capacity. */
  readonly sharePctOfCapacity: number;
  readonly remaining: number;
  /** Used as a share of the budget, whole percent (over 100 when over budget); 0 for a zero budget. */
  readonly usedPctOfBudget: number;
  readonly forecast: number;
  readonly status: DashboardStatus;
  readonly burn: readonly DashboardBurnPoint[];
  /** Sanctioned interrupts: triaged `interrupt` and pulled in mid-sprint. */
  readonly interrupts: readonly DashboardBudgetItem[];
  readonly plannedSupport: readonly DashboardBudgetItem[];
  /** Support tickets that entered mid-sprint without a decision: scope creep the policy never saw. */
  readonly untriaged: readonly DashboardBudgetItem[];
  readonly wip: { readonly inProgress: readonly string[]; readonly count: number; readonly limit: number; readonly breached: boolean };
  /** accountId of the sprint's support contact, or null when no rotation is set. */
  readonly supportContact: string | null;
  readonly overflow: OverflowDecisionView | null;
  /** True when the sprint is `over` and nobody has recorded an overflow decision yet. */
  readonly needsOverflowDecision: boolean;
  /**
   * Whether this viewer may record the overflow decision (Schedule Issues in the project): false when
   * there is nothing to decide; null while the active sprint is over its budget — not asked of Jira
   * up front (3 points on every view: issue 13's view budget), so the form shows and Jira's answer
   * when the decision is recorded decides (a refusal says which permission is missing).
   */
  readonly canRecordOverflow: boolean | null;
  readonly deferred: readonly DeferredTicketView[];
  /**
   * What the lists leave out because this viewer may not see those issues: counted, never named.
   * The totals (used, budget, burn, WIP count) are the team's and include them.
   */
  readonly restricted: {
    readonly interrupts: RestrictedItems;
    readonly plannedSupport: RestrictedItems;
    readonly untriaged: RestrictedItems;
    readonly deferred: number;
    readonly inProgress: number;
    /** Issue 12, item 4. */
    readonly waiting: number;
  };
  readonly defects: DashboardDefects;
  /** What the sprint was measured against; `lazy` when inferred after the start. */
  readonly baseline: { readonly takenAt: string; readonly lazy: boolean; readonly issueCount: number; readonly committedPoints: number } | null;
  readonly computedAt: string;
  /** `stored`: served from the stored rollup; `computed`: recomputed from Jira for this view. */
  readonly source: 'stored' | 'computed';
  /** Issue 12, item 4: "Waiting for information" (active sprint only; empty for a closed one), longest waiting first. */
  readonly waiting: readonly WaitingTicketView[];
  /** Set when these numbers are older than they should be, and why (the page says so); absent when they are as fresh as usual. */
  readonly staleBecause?: StaleBecause;
}

/**
 * Issue 13, item 2: the numbers are as of `asOf` because Jira's hourly quota for apps was reached —
 * it cut off the hourly rollup's update of this project, or refused this view's refresh. `resetsAt`:
 * when Jira said the quota resets, when it said and that is still ahead.
 */
export interface StaleBecause {
  readonly kind: 'quota';
  readonly asOf: string;
  readonly resetsAt?: string;
}

/** The domain's retrospective row, with its instants as ISO-8601 strings for the browser. */
export type DashboardHistoryRow = Omit<HistoryRow, 'startMs' | 'endMs'> & { readonly startDate: string; readonly endDate: string };

export interface DashboardView {
  readonly projectKey: string;
  readonly board: { readonly id: number; readonly name: string };
  /** How many Scrum boards the project has (issue 15, item 3): with more than one, the page says which one the budget follows. */
  readonly boardCount?: number;
  /** The active (or chosen) sprint; null when the board has no active sprint. */
  readonly sprint: DashboardSprint | null;
  /** Said when there is no sprint to show, e.g. "No sprint is active on SUP board…". */
  readonly message?: string;
  /** Sprints the dashboard can show (active and closed), newest first, for a sprint picker. */
  readonly sprints: ReadonlyArray<{ readonly id: number; readonly name: string; readonly state: 'active' | 'closed' }>;
  readonly history: {
    /** The last N closed sprints (N = the historySprints setting), oldest first. */
    readonly rows: readonly DashboardHistoryRow[];
    /** The allocation in force; null when the team reserves no buffer (budget mode "track"). */
    readonly currentAllocationPct: number | null;
    readonly recommendation: { readonly pct: number | null; readonly explanation: string };
    /** Issue 14, item 3: delivery in high- against low-support sprints, over the same rows (domain/delivery-cost.ts). */
    readonly deliveryCost: DeliveryCost;
  };
  /** Things to know: damaged records that were replaced, odd fields, missing configuration. */
  readonly notes: readonly string[];
  /**
   * Nobody has saved this project's settings: the numbers use the defaults (a team of `teamSize`
   * people × `focusHoursPerDay` hours, `allocationPct` %), which the page says instead of
   * presenting them as the team's (with the way to the settings page, which Jira opens to project
   * admins: no permission check is spent on it).
   */
  readonly defaults: { readonly teamSize: number; readonly focusHoursPerDay: number; readonly allocationPct: number } | null;
  /** Issue 12, item 1: names and avatars of everyone the view names (support contact, deciders). */
  readonly people: PeopleDirectory;
  /** Issue 14, item 4: the board's first future sprint planned (contract/planning.ts); null without one. */
  readonly nextSprint: NextSprintView | null;
}

export interface RecordOverflowResult {
  readonly sprintId: number;
  readonly decision: OverflowDecisionView;
}
