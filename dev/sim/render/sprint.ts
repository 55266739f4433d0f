/**
 * Sprints in the two shapes Jira uses: `SprintBean` from the Agile API, and the value of the Sprint
 * custom field inside issues (`{id, name, state, boardId, goal, startDate, endDate, completeDate}`).
 */
import { agileTime } from '../jira-format';
import type { Sprint } from '../site/model';

function dates(sprint: Sprint): Record<string, string> {
  return {
    ...(sprint.startMs !== undefined ? { startDate: agileTime(sprint.startMs) } : {}),
    ...(sprint.endMs !== undefined ? { endDate: agileTime(sprint.endMs) } : {}),
    ...(sprint.completeMs !== undefined ? { completeDate: agileTime(sprint.completeMs) } : {}),
  };
}

export function sprintBean(base: string, sprint: Sprint): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${base}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...dates(sprint),
    createdDate: agileTime(sprint.createdMs),
    originBoardId: sprint.boardId,
    goal: sprint.goal,
  };
}

export function sprintFieldValue(sprint: Sprint): Record<string, unknown> {
  return { id: sprint.id, name: sprint.name, state: sprint.state, boardId: sprint.boardId, goal: sprint.goal, ...dates(sprint) };
}
