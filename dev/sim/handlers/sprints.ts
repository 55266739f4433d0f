/**
 * Sprints: `GET /rest/agile/1.0/board/{boardId}/sprint` (`state` comma list; closed, then active,
 * then future, as Jira orders them; offset paging, default 50) and `GET /rest/agile/1.0/sprint/{sprintId}`.
 */
import { badRequest, notFound } from '../http/errors';
import { ok, type Handler, type RequestContext } from '../http/context';
import { sprintBean } from '../render/sprint';
import type { Sprint, SprintState } from '../site/model';
import { canBrowse } from './access';
import { visibleBoard } from './boards';
import { intParam, listParam, offsetPage } from './params';

const STATE_ORDER: readonly SprintState[] = ['closed', 'active', 'future'];

export function visibleSprint(ctx: RequestContext): Sprint {
  const raw = ctx.params.sprintId ?? '';
  if (!/^\d+$/.test(raw)) throw badRequest(`The sprint id '${raw}' is not a number.`);
  const sprint = ctx.store.sprint(Number(raw));
  if (!sprint || !canBrowse(ctx.user)) throw notFound('Sprint does not exist or you do not have permission to see it.');
  return sprint;
}

export const getAllSprints: Handler = (ctx) => {
  const board = visibleBoard(ctx);
  const states = listParam(ctx, 'state') ?? [...STATE_ORDER];
  const invalid = states.find((s) => !STATE_ORDER.includes(s as SprintState));
  if (invalid) throw badRequest(`The sprint state '${invalid}' is not valid: use future, active or closed.`);
  const sprints = ctx.store
    .sprintsOfBoard(board.id)
    .filter((s) => states.includes(s.state))
    .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.id - b.id);
  const page = offsetPage(sprints, intParam(ctx, 'startAt', 0), intParam(ctx, 'maxResults', 50));
  return ok({ ...page, values: page.values.map((s) => sprintBean(ctx.render.base, s)) });
};

export const getSprint: Handler = (ctx) => ok(sprintBean(ctx.render.base, visibleSprint(ctx)));
