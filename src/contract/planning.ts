/**
 * Planning the next sprint (issue 14, item 4), on the dashboard: the block's view, and the keys an
 * admin uses to adopt the recommended allocation for that sprint. The project comes from the call
 * context, never from a payload; instants are ISO-8601 strings.
 */
import { z } from 'zod';

export const PLANNING_KEYS = {
  /** Whether this viewer may adopt an allocation (Administer Projects, asked of Jira): asked only when there is one to adopt. */
  canAdopt: 'dashboard.canAdopt',
  adoptAllocation: 'dashboard.adoptAllocation',
} as const;

const sprintId = z.number({ error: 'must be a sprint id (a number)' }).int('must be a whole number').positive('must be a sprint id');

export const canAdoptPayloadSchema = z.object({});
export type CanAdoptPayload = z.input<typeof canAdoptPayloadSchema>;
export interface CanAdoptResult {
  readonly canAdopt: boolean;
  /** Why not, when it is not about who the viewer is (a project in budget mode "track" reserves nothing). */
  readonly reason?: string;
}

/** `dashboard.adoptAllocation`: reserve `pct` % for support in the future sprint `sprintId`. */
export const adoptAllocationPayloadSchema = z.object({
  sprintId,
  pct: z.number({ error: 'must be a percentage (a number)' }).int('must be a whole percentage').min(0, 'must be 0% or more').max(100, 'must be 100% or less'),
});
export type AdoptAllocationPayload = z.input<typeof adoptAllocationPayloadSchema>;

/** An allocation adopted for one sprint: who adopted it and when (a settings change of its own). */
export interface AdoptedAllocationView {
  readonly pct: number;
  readonly adoptedBy: string;
  readonly adoptedAt: string;
}

export interface NextSprintView {
  readonly id: number;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
  /** Set when Jira has no dates for the sprint yet and the ones shown are assumed: says which. */
  readonly datesAssumed?: string;
  readonly unit: 'hours' | 'points';
  /** The sprint's capacity in `unit`, by the same capacity maths as a running sprint; null in points (known when the team commits). */
  readonly capacity: number | null;
  /** The project's budget mode: in `track` nothing is reserved, nothing is recommended or adopted, and `expectedSupport` says what support is expected to take. */
  readonly budgetMode: 'reserve' | 'track';
  /**
   * Track mode: the share of capacity support took in a typical closed sprint (the median, whole
   * percent), what it comes to in `unit` (null when the capacity is), on how many sprints, in a
   * sentence; null in reserve mode.
   */
  readonly expectedSupport: { readonly pct: number; readonly amount: number | null; readonly sprints: number; readonly sentence: string } | null;
  /** The recommended allocation (null without history, and in track mode), the project's, and the one adopted for this sprint. */
  readonly recommendedPct: number | null;
  readonly currentPct: number;
  readonly adopted: AdoptedAllocationView | null;
  /** What the numbers below reserve: the adopted allocation, else the recommended one, else the project's; in track mode the expected support share (nothing reserved). */
  readonly plannedPct: number;
  /** Capacity minus the support reserve (track mode: minus the expected support), in `unit`; null when the capacity is. */
  readonly capacityLeft: number | null;
  /** Story points to commit to; null when the history cannot suggest any. */
  readonly suggestedCommitment: { readonly low: number; readonly high: number } | null;
  readonly method: 'velocity' | 'defect-count';
  readonly sentence: string;
  /** True when adopting would change this sprint's allocation (a recommendation other than what is planned). */
  readonly adoptable: boolean;
  /**
   * The defect-count method (seed 004: last sprint's points, adjusted by the defects planned then
   * and now), for a team that does not estimate defects; null when the data does not say so or a
   * count is not known (src/app/planning/next-sprint-defects.ts).
   */
  readonly defectCount: NextSprintDefectCount | null;
}

export interface NextSprintDefectCount {
  /** Defects planned into the last closed sprint, and into this one so far. */
  readonly lastSprintDefects: number;
  readonly thisSprintDefects: number;
  /** Story points to commit to by this method; null when last sprint completed none. */
  readonly suggestedCommitment: { readonly low: number; readonly high: number } | null;
  /** The numbers it used, in a sentence. */
  readonly sentence: string;
}

export interface AdoptAllocationResult {
  readonly sprintId: number;
  readonly adopted: AdoptedAllocationView;
}
