/**
 * The retrospective's contract (issue 14, item 1): one closed sprint as the team looks back on it,
 * on the project page. The project comes from the call context; instants are ISO-8601 strings;
 * amounts are in the sprint's unit. People are account ids, named through `people`.
 */
import { z } from 'zod';
import type { FollowUpKind, FollowUpShare } from '../domain/follow-ups';
import type { NeedsInfoEnding, RetroComparison } from '../domain/retrospective';
import type { Outcome } from '../domain/outcome';
import type { DashboardHistoryRow } from './dashboard';
import type { PeopleDirectory } from './people';

export const RETROSPECTIVE_KEYS = { get: 'retrospective.get' } as const;

export const retrospectiveGetPayloadSchema = z.object({
  sprintId: z.number({ error: 'must be a sprint id (a number)' }).int('must be a whole number').positive('must be a sprint id'),
});
export type RetrospectiveGetPayload = z.input<typeof retrospectiveGetPayloadSchema>;

/** One triage decision, as the app recorded it. */
export interface RetroStepView {
  readonly outcome: Outcome;
  readonly policyOutcome: Outcome;
  readonly override: boolean;
  readonly ruleId: string | null;
  readonly reason?: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface RetroInterruptView {
  readonly key: string;
  readonly summary?: string;
  readonly amount: number;
  readonly estimated: boolean;
  /** The decision that let it in; null when no decision is recorded (it came in another way). */
  readonly decision: RetroStepView | null;
  readonly earlier: readonly RetroStepView[];
  /** Let in before this sprint (an earlier sprint's interrupt carried over): its time still counts here. */
  readonly carriedOver: boolean;
}

export interface RetroOverrideView {
  readonly key: string;
  readonly summary?: string;
  readonly step: RetroStepView;
  readonly earlier: readonly RetroStepView[];
}

export interface RetroNeedsInfoView {
  readonly key: string;
  readonly summary?: string;
  readonly asked: RetroStepView;
  readonly ending: NeedsInfoEnding;
  readonly endedAt?: string;
  readonly endedBy?: string;
}

export interface RetroDeferralView {
  readonly key: string;
  readonly summary?: string;
  readonly step: RetroStepView;
}

export interface RetroItemView {
  readonly key: string;
  readonly summary?: string;
  readonly amount: number;
  readonly estimated: boolean;
}

/** One sprint's follow-up shares, for the table over time. */
export interface RetroFollowUpSprintView {
  readonly sprintId: number;
  readonly name: string;
  readonly shares: readonly FollowUpShare[];
}

/** An interrupt of the sprint with follow-ups still open: what is missing, in the kinds' order. */
export interface RetroOpenFollowUpView {
  readonly key: string;
  readonly summary?: string;
  readonly missing: readonly FollowUpKind[];
  /**
   * False when the issue is not resolved in Jira yet (the panel asks for follow-ups once it is): still
   * counted, as the sprint's interrupt, and marked so nobody looks for a checklist that is not there.
   */
  readonly resolved: boolean;
}

/**
 * Whether the team learnt from its interrupts (issue 14, item 2): the follow-ups done per kind.
 * Every interrupt the sprint's frozen rollup counted is counted, whoever looks; only the open list is
 * filtered per viewer.
 */
export interface RetroFollowUpsView {
  /**
   * The follow-ups the team used in this sprint (the `followUpKinds` in force, frozen with the
   * sprint's history row; for a row stored before they were kept, today's setting). The earlier
   * sprints of `overTime` are counted with the same ones, so the table compares like with like.
   * Empty: the team used none.
   */
  readonly kinds: readonly FollowUpKind[];
  /** This sprint's share per kind; `total` 0 when the sprint had no interrupt. */
  readonly shares: readonly FollowUpShare[];
  /** The earlier sprints the comparison covers (oldest first), then this sprint: each from its frozen rollup's interrupts. */
  readonly overTime: readonly RetroFollowUpSprintView[];
  /** This sprint's interrupts with a follow-up not done, as far as the viewer may see them. */
  readonly open: readonly RetroOpenFollowUpView[];
  /** Interrupts with open follow-ups that the viewer may not see: counted, never named. */
  readonly openRestricted: number;
}

export interface RetrospectiveView {
  readonly projectKey: string;
  readonly sprint: { readonly id: number; readonly name: string; readonly startDate: string; readonly endDate: string };
  /** The sprint's frozen history row: allocated, spent, share, interrupts, velocity, defects. */
  readonly row: DashboardHistoryRow;
  readonly overBudgetBy: number;
  readonly supportContact: string | null;
  /** Time over the WIP limit as the hourly checks measured it (hours of the calendar); null when never measured. */
  readonly wipTime: { readonly limit: number; readonly overHours: number; readonly measuredHours: number } | null;
  readonly interrupts: readonly RetroInterruptView[];
  readonly overrides: readonly RetroOverrideView[];
  readonly needsInfo: readonly RetroNeedsInfoView[];
  readonly deferrals: readonly RetroDeferralView[];
  readonly untriaged: readonly RetroItemView[];
  readonly followUps: RetroFollowUpsView;
  /** The domain's comparison as it is (no instants in it). */
  readonly comparison: RetroComparison;
  /** What the lists leave out because this viewer may not see those issues: counted, never named. */
  readonly restricted: number;
  readonly notes: readonly string[];
  readonly people: PeopleDirectory;
  readonly computedAt: string;
}
