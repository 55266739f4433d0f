/**
 * JSM SLA values for the demo support tickets: "Time to resolution" and "Time to first response",
 * with goals by priority and every state the app must read — running, at risk, paused, breached
 * (negative remaining time), completed on time or late — and some in the old display format.
 */
import type { IssueDraft, ProjectSeed } from './drafts';
import type { SlaCycle, SlaValue } from '../site/model';
import { TIME_TO_FIRST_RESPONSE_FIELD, TIME_TO_RESOLUTION_FIELD } from '../site/fields';
import { HOUR, MINUTE } from './timeline';

const RESOLUTION_GOAL_HOURS: Record<string, number> = { '1': 4, '2': 8, '3': 24, '4': 48, '5': 80 };
const FIRST_RESPONSE_GOAL_MINUTES: Record<string, number> = { '1': 30, '2': 60, '3': 120, '4': 240, '5': 480 };

export type OngoingState = 'ok' | 'at-risk' | 'paused' | 'breached';

function completedCycle(seed: ProjectSeed, startMs: number, goalMs: number, breached: boolean): SlaCycle {
  const factor = breached ? 1.1 + seed.prng.next() * 1.5 : 0.1 + seed.prng.next() * 0.8;
  const elapsedMs = Math.round((goalMs * factor) / MINUTE) * MINUTE;
  const stopMs = startMs + elapsedMs;
  return { startMs, goalMs, elapsedMs, measuredAtMs: stopMs, stopMs };
}

function ongoingCycle(seed: ProjectSeed, startMs: number, goalMs: number, state: OngoingState): SlaCycle {
  const { prng, anchorMs } = seed;
  const wall = Math.max(MINUTE, anchorMs - startMs);
  let elapsedMs: number;
  if (state === 'breached') elapsedMs = goalMs + prng.int(60, 30 * 60) * MINUTE;
  else if (state === 'at-risk') elapsedMs = Math.max(0, goalMs - prng.int(20, 180) * MINUTE);
  else if (state === 'paused') elapsedMs = Math.round(goalMs * (0.2 + prng.next() * 0.6));
  else elapsedMs = Math.min(wall, Math.round(goalMs * (0.05 + prng.next() * 0.4)));
  elapsedMs = Math.round(elapsedMs / MINUTE) * MINUTE;
  return { startMs, goalMs, elapsedMs, measuredAtMs: anchorMs, ...(state === 'paused' ? { paused: true } : { paused: false }) };
}

/**
 * Give a support ticket its SLA values. Resolved tickets get completed cycles (some late); open ones
 * a running "Time to resolution" in the given state; first response is usually already met.
 */
export function attachSlas(seed: ProjectSeed, draft: IssueDraft, open: OngoingState | undefined): void {
  const { prng } = seed;
  const priority = draft.priorityId ?? '3';
  const resolutionGoal = (RESOLUTION_GOAL_HOURS[priority] ?? 24) * HOUR;
  const responseGoal = (FIRST_RESPONSE_GOAL_MINUTES[priority] ?? 120) * MINUTE;
  const format = () => (prng.chance(0.1) ? 'OLD_SLA_FORMAT' : 'NEW_SLA_FORMAT') as SlaValue['format'];

  const resolution: SlaValue =
    open === undefined
      ? { fieldId: TIME_TO_RESOLUTION_FIELD, slaId: '2', name: 'Time to resolution', format: format(), completed: [completedCycle(seed, draft.createdMs, resolutionGoal, prng.chance(0.2))] }
      : { fieldId: TIME_TO_RESOLUTION_FIELD, slaId: '2', name: 'Time to resolution', format: format(), completed: [], ongoing: ongoingCycle(seed, draft.createdMs, resolutionGoal, open) };

  const respondedYet = open === undefined || seed.anchorMs - draft.createdMs > responseGoal || prng.chance(0.7);
  const response: SlaValue = respondedYet
    ? { fieldId: TIME_TO_FIRST_RESPONSE_FIELD, slaId: '1', name: 'Time to first response', format: format(), completed: [completedCycle(seed, draft.createdMs, responseGoal, prng.chance(0.15))] }
    : { fieldId: TIME_TO_FIRST_RESPONSE_FIELD, slaId: '1', name: 'Time to first response', format: 'NEW_SLA_FORMAT', completed: [], ongoing: ongoingCycle(seed, draft.createdMs, responseGoal, 'ok') };

  draft.slas = [resolution, response];
}
