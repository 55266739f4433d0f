/**
 * Work logged on the demo issues: by the assignee mostly, inside working hours, inside the window
 * the work happened in (a sprint, or from creation to resolution), never after the site's "now".
 */
import type { IssueDraft, ProjectSeed } from './drafts';
import { MINUTE, workingInstant } from './timeline';

const DURATIONS = [900, 1800, 2700, 3600, 5400, 7200, 10800, 14400];
const NOTES = ['Investigated logs', 'Reproduced locally', 'Pairing on the fix', 'Deployed hotfix', 'Customer call', 'Code review', 'Wrote regression test', ''];

export function logWork(seed: ProjectSeed, draft: IssueDraft, fromMs: number, toMs: number, count: number): void {
  const { prng } = seed;
  for (let i = 0; i < count; i++) {
    const seconds = prng.pick(DURATIONS);
    const latest = Math.min(toMs, seed.anchorMs - seconds * 1000 - MINUTE);
    if (latest <= fromMs) break;
    const startedMs = workingInstant(prng, fromMs, latest);
    const authorId = draft.assigneeId && prng.chance(0.8) ? draft.assigneeId : prng.pick(seed.workers);
    const createdMs = Math.min(seed.anchorMs, startedMs + seconds * 1000 + prng.int(1, 90) * MINUTE);
    const note = prng.pick(NOTES);
    draft.worklogs.push({ authorId, startedMs, createdMs, seconds, ...(note ? { comment: note } : {}) });
    draft.updatedMs = Math.max(draft.updatedMs, createdMs);
  }
  draft.worklogs.sort((a, b) => a.startedMs - b.startedMs);
}
