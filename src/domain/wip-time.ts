/**
 * Time over the WIP limit (issue 14, item 1: "time spent over the WIP limit"), from the samples the
 * rollup takes whenever it is recomputed — every hour by the scheduled run, and on views in between.
 * Between two samples the WIP count is not known, so a stretch counts as over the limit when both ends
 * were over it, half when one was, and not at all when neither was; a stretch longer than
 * `WIP_SAMPLE_GAP_MS` (the runs were stopped, Jira's quota was spent) is not measured at all, and the
 * tally says how much of the sprint it measured instead of guessing.
 *
 * Invariants: 0 ≤ overMs ≤ measuredMs ≤ the sprint window's length; samples outside the window are
 * moved to its edge; a sample no newer than the last one changes nothing (two views at once).
 */
import type { SprintWindow } from './calendar';

/** The longest stretch between two samples that is still measured. */
export const WIP_SAMPLE_GAP_MS = 3 * 3_600_000;

export interface WipTally {
  /** How long the sprint was over its WIP limit, as far as measured. */
  readonly overMs: number;
  /** How much of the sprint the samples cover. */
  readonly measuredMs: number;
  readonly lastAtMs: number;
  readonly lastBreached: boolean;
}

export interface WipSample {
  readonly atMs: number;
  readonly breached: boolean;
}

/** The tally with one more sample; the first sample starts it. */
export function tallyWip(previous: WipTally | undefined, sample: WipSample, window: SprintWindow): WipTally {
  const at = Math.min(Math.max(sample.atMs, window.startMs), window.endMs);
  if (!previous) return { overMs: 0, measuredMs: 0, lastAtMs: at, lastBreached: sample.breached };
  const from = Math.min(Math.max(previous.lastAtMs, window.startMs), window.endMs);
  if (at <= from) return previous;
  const gap = at - from;
  if (gap > WIP_SAMPLE_GAP_MS) return { ...previous, lastAtMs: at, lastBreached: sample.breached };
  const credit = previous.lastBreached && sample.breached ? gap : previous.lastBreached || sample.breached ? gap / 2 : 0;
  return { overMs: previous.overMs + credit, measuredMs: previous.measuredMs + gap, lastAtMs: at, lastBreached: sample.breached };
}

/** The tally of a sprint that has ended: the stretch from the last sample to the end, as that sample left it. */
export function closeWipTally(previous: WipTally | undefined, window: SprintWindow): WipTally | undefined {
  return previous ? tallyWip(previous, { atMs: window.endMs, breached: previous.lastBreached }, window) : undefined;
}
