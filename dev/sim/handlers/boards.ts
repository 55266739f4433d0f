/**
 * Agile boards: `GET /rest/agile/1.0/board` (filters `projectKeyOrId`, `type`, `name`; offset paging),
 * `GET /rest/agile/1.0/board/{boardId}` (one board, 404 when gone or invisible) and `GET /rest/agile/1.0/board/{boardId}/configuration` (with `estimation`: the board's story-point
 * field). Boards of projects the user cannot browse are invisible.
 */
import { badRequest, notFound } from '../http/errors';
import { ok, type Handler, type RequestContext } from '../http/context';
import type { Board } from '../site/model';
import { canBrowse } from './access';
import { intParam, listParam, offsetPage } from './params';

export function visibleBoard(ctx: RequestContext): Board {
  const raw = ctx.params.boardId ?? '';
  if (!/^\d+$/.test(raw)) throw badRequest(`The board id '${raw}' is not a number.`);
  const board = ctx.store.board(Number(raw));
  if (!board || !canBrowse(ctx.user)) throw notFound('Board does not exist or you do not have permission to see it.');
  return board;
}

function boardBean(ctx: RequestContext, board: Board): Record<string, unknown> {
  const project = ctx.store.projects.find((p) => p.id === board.projectId);
  const display = project ? `${project.name} (${project.key})` : board.name;
  return {
    id: board.id,
    self: `${ctx.render.base}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: 'scrum',
    location: {
      projectId: Number(board.projectId),
      displayName: display,
      projectName: project?.name ?? '',
      projectKey: project?.key ?? '',
      projectTypeKey: 'software',
      avatarURI: `${ctx.render.base}/rest/api/2/universal_avatar/view/type/project/avatar/10400?size=small`,
      name: display,
    },
    isPrivate: false,
  };
}

export const getAllBoards: Handler = (ctx) => {
  const projectRef = ctx.query.get('projectKeyOrId');
  const project = projectRef === null ? undefined : ctx.store.project(projectRef);
  if (projectRef !== null && !project) throw badRequest(`No project could be found with key or id '${projectRef}'.`);
  const types = listParam(ctx, 'type');
  const name = ctx.query.get('name')?.toLowerCase();
  const boards = canBrowse(ctx.user)
    ? ctx.store.boards.filter((b) => (!project || b.projectId === project.id) && (!types || types.includes('scrum')) && (!name || b.name.toLowerCase().includes(name)))
    : [];
  const page = offsetPage(boards, intParam(ctx, 'startAt', 0), intParam(ctx, 'maxResults', 50));
  return ok({ ...page, values: page.values.map((b) => boardBean(ctx, b)) });
};

export const getBoard: Handler = (ctx) => ok(boardBean(ctx, visibleBoard(ctx)));

export const getConfiguration: Handler = (ctx) => {
  const board = visibleBoard(ctx);
  const project = ctx.store.projects.find((p) => p.id === board.projectId);
  const column = (name: string, category: string) => ({
    name,
    statuses: (project?.statuses ?? []).filter((s) => s.category === category).map((s) => ({ id: s.id, self: `${ctx.render.base}/rest/api/2/status/${s.id}` })),
  });
  return ok({
    id: board.id,
    name: board.name,
    type: 'scrum',
    self: `${ctx.render.base}/rest/agile/1.0/board/${board.id}/configuration`,
    location: { type: 'project', projectKeyOrId: board.projectId },
    filter: { id: board.filterId, self: `${ctx.render.base}/rest/api/2/filter/${board.filterId}` },
    columnConfig: { columns: [column('To Do', 'new'), column('In Progress', 'indeterminate'), column('Done', 'done')], constraintType: 'none' },
    estimation: { type: 'field', field: { fieldId: board.estimationField.id, displayName: board.estimationField.name } },
    ranking: { rankCustomFieldId: 10019 },
  });
};
