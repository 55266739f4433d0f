/**
 * Why the stored numbers a view shows are older than usual, when it is Jira's hourly quota for apps
 * (issue 13, item 2): the view's own refresh was refused (sprint-snapshot.ts `quota`), or the hourly
 * rollup was cut off for the project after these numbers were computed (storage/rollup-progress.ts).
 * Shared by the project page and the gadget, so both say the same.
 */
import type { StaleBecause } from '../../contract/dashboard';
import type { RollupStatus } from '../storage/rollup-progress';

export interface ServedNumbers {
  readonly rollup: { readonly computedAt: number };
  /** `stored` when served as stored; numbers computed for this view are as fresh as they come. */
  readonly source: 'stored' | 'computed';
  /** Set when the quota refused this view's refresh (stored numbers served instead). */
  readonly quota?: { readonly asOf: number; readonly resetsAt?: number };
}

/** A reset time already past is left out: the next hourly run is then due, not the reset. */
export function staleBecause(served: ServedNumbers, status: RollupStatus | undefined, nowMs: number): StaleBecause | undefined {
  const cutOff = served.source === 'stored' && status?.quotaStoppedAt !== undefined && served.rollup.computedAt < status.quotaStoppedAt;
  const quota = served.quota ?? (cutOff ? { asOf: served.rollup.computedAt, resetsAt: status.resetsAt } : undefined);
  if (!quota) return undefined;
  const resetsAt = quota.resetsAt !== undefined && quota.resetsAt > nowMs ? { resetsAt: new Date(quota.resetsAt).toISOString() } : {};
  return { kind: 'quota', asOf: new Date(quota.asOf).toISOString(), ...resetsAt };
}
