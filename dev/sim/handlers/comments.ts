/**
 * Comments: `GET …/comment` (`PageOfComments`, `orderBy` created/-created) and `POST …/comment`
 * (body in Atlassian Document Format, as API v3 requires; needs Add Comments; 201 with the Comment).
 */
import { badRequest, fieldErrors } from '../http/errors';
import { ok, type Handler } from '../http/context';
import { commentBean } from '../render/comment';
import { requirePermissions, visibleIssue } from './access';
import { intParam } from './params';

function isAdfDocument(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const doc = body as { type?: unknown; version?: unknown; content?: unknown };
  return doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content);
}

export const getComments: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  const orderBy = ctx.query.get('orderBy');
  if (orderBy !== null && !['created', '-created', '+created'].includes(orderBy)) throw badRequest(`The orderBy value '${orderBy}' is not supported; use created or -created.`);
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.max(0, intParam(ctx, 'maxResults', 100));
  const ordered = orderBy === '-created' ? [...issue.comments].reverse() : issue.comments;
  return ok({
    startAt,
    maxResults,
    total: ordered.length,
    comments: ordered.slice(startAt, startAt + maxResults).map((c) => commentBean(ctx.render, issue, c)),
  });
};

export const addComment: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  requirePermissions(ctx, ['ADD_COMMENTS'], 'You do not have permission to comment on this issue.');
  const body = ctx.body as { body?: unknown; visibility?: unknown } | undefined;
  if (body === undefined || body === null || typeof body !== 'object') throw badRequest('The request body is missing.');
  if (typeof body.body === 'string') throw fieldErrors({ comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' });
  if (!isAdfDocument(body.body)) throw fieldErrors({ comment: 'Comment body is not valid!' });
  if (issue.comments.length >= 5000) return { status: 413, body: { errorMessages: ['The issue has reached the limit of 5000 comments.'], errors: {} } };
  const comment = {
    id: ctx.store.nextCommentId(),
    authorId: ctx.user.accountId,
    body: structuredClone(body.body),
    createdMs: ctx.store.clock.now(),
    ...(body.visibility !== undefined ? { visibility: structuredClone(body.visibility) } : {}),
  };
  ctx.store.write(issue, (i) => i.comments.push(comment));
  return ok(commentBean(ctx.render, issue, comment), 201);
};
