/**
 * A board's sprint history: 12 closed two-week sprints back to back, the active one (started a few
 * working days before the site's "now"), and one future sprint without dates — what a team that has
 * run Scrum for half a year has on its board.
 */
import type { Prng } from '../prng';
import type { Board, Project, Sprint } from '../site/model';
import { DAY, HOUR, MINUTE, workingDaysBefore } from './timeline';

export const CLOSED_SPRINTS = 12;
const SPRINT_LENGTH = 14 * DAY;

const GOALS = [
  'Payments hardening', 'Faster checkout', 'Self-service refunds', 'Reliable notifications', 'Reporting revamp',
  'Onboarding polish', 'Account security', 'API stability', 'Mobile crash rate below 0.5%', 'Invoice accuracy',
  'Search relevance', 'Partner webhooks', 'Cost reduction', 'Accessibility fixes',
];

export function buildSprints(prng: Prng, project: Project, board: Board, firstId: number, anchorMs: number): Sprint[] {
  const activeStart = workingDaysBefore(anchorMs, prng.int(2, 5));
  const sprints: Sprint[] = [];
  for (let i = 0; i < CLOSED_SPRINTS; i++) {
    const startMs = activeStart - (CLOSED_SPRINTS - i) * SPRINT_LENGTH;
    const endMs = startMs + SPRINT_LENGTH;
    sprints.push({
      id: firstId + i,
      boardId: board.id,
      name: `${project.key} Sprint ${i + 1}`,
      state: 'closed',
      goal: GOALS[i % GOALS.length] ?? '',
      startMs,
      endMs,
      completeMs: endMs - prng.int(5, 240) * MINUTE,
      createdMs: startMs - prng.int(1, 4) * DAY - prng.int(0, 6) * HOUR,
    });
  }
  sprints.push({
    id: firstId + CLOSED_SPRINTS,
    boardId: board.id,
    name: `${project.key} Sprint ${CLOSED_SPRINTS + 1}`,
    state: 'active',
    goal: GOALS[CLOSED_SPRINTS % GOALS.length] ?? '',
    startMs: activeStart,
    endMs: activeStart + SPRINT_LENGTH,
    createdMs: activeStart - prng.int(1, 4) * DAY,
  });
  sprints.push({
    id: firstId + CLOSED_SPRINTS + 1,
    boardId: board.id,
    name: `${project.key} Sprint ${CLOSED_SPRINTS + 2}`,
    state: 'future',
    goal: '',
    createdMs: Math.min(anchorMs, activeStart + DAY),
  });
  return sprints;
}
