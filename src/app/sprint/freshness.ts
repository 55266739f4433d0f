/**
 * When a stored sprint snapshot (rollup and ledger) may be shown as it is, and when it must be
 * recomputed from Jira.
 *
 * - A snapshot computed after the sprint closed is final: a closed sprint's numbers do not change,
 *   and a later settings change (say, a new allocation) must not rewrite what that sprint reserved.
 * - An active sprint's snapshot is fresh for {@link SNAPSHOT_MAX_AGE_MS} (70 minutes): the hourly
 *   rollup rewrites it every hour, so a dashboard opened at any time finds one fresh snapshot, with
 *   ten minutes' slack for a late or slow run — and views never search Jira in between.
 * - Anything that invalidates the numbers makes it stale at once: the sprint changed state or dates
 *   since (started, closed, re-planned), or an admin saved the settings, or a decision marked the
 *   sprint invalidated (it moved a ticket in or out), at or after the moment the snapshot's inputs
 *   were read (`basedOn`) — not when it was written, so a computation that began before the change
 *   and finished after it is stale too. A snapshot stamped in the future (a clock gone wrong) is not
 *   trusted either.
 */
import type { Sprint } from '../../jira/client/agile-client';
import type { ProjectSettings } from '../settings/project-settings';
import type { SprintRollup } from '../storage/sprint-records';
import { sprintWindow } from './project-context';

export const SNAPSHOT_MAX_AGE_MS = 70 * 60_000;

export type Staleness = 'fresh' | 'final' | 'stale';

export function snapshotStaleness(
  rollup: Pick<SprintRollup, 'state' | 'startMs' | 'endMs' | 'computedAt' | 'basedOn' | 'invalidatedAt'>,
  sprint: Sprint,
  settings: Pick<ProjectSettings, 'updatedAt'>,
  nowMs: number,
  /** When a decision last made the sprint's numbers out of date (its invalidation record), if ever. */
  invalidatedAtMs?: number,
): Staleness {
  const window = sprintWindow(sprint);
  if (!window || rollup.state !== sprint.state || rollup.startMs !== window.startMs || rollup.endMs !== window.endMs) return 'stale';
  if (sprint.state === 'closed') return 'final';
  if (rollup.invalidatedAt !== undefined) return 'stale';
  const basedOn = Math.min(rollup.basedOn ?? rollup.computedAt, rollup.computedAt);
  if (invalidatedAtMs !== undefined && invalidatedAtMs >= basedOn) return 'stale';
  const settingsSavedMs = settings.updatedAt ? Date.parse(settings.updatedAt) : NaN;
  if (Number.isFinite(settingsSavedMs) && settingsSavedMs >= basedOn) return 'stale';
  const age = nowMs - rollup.computedAt;
  return age >= 0 && age < SNAPSHOT_MAX_AGE_MS ? 'fresh' : 'stale';
}
