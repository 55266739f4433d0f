/**
 * Issue entity properties: `GET` (`EntityProperty {key, value}`, 404 when absent) and `PUT` (any
 * non-empty JSON up to 32,768 characters; 201 when created, 200 when replaced; needs Edit Issues).
 * Setting a property does not touch the issue's `updated`, as in Jira.
 */
import { badRequest, notFound } from '../http/errors';
import { ok, type Handler } from '../http/context';
import { requirePermissions, visibleIssue } from './access';

export const MAX_PROPERTY_LENGTH = 32768;

/** 400 unless the key and value are ones Jira would store. */
export function checkPropertyValue(key: string, value: unknown): void {
  if (key === '') throw badRequest('The property key cannot be empty.');
  if (key.length > 255) throw badRequest('The property key cannot be longer than 255 characters.');
  if (value === undefined) throw badRequest('The property value cannot be empty.');
  if (JSON.stringify(value).length > MAX_PROPERTY_LENGTH) throw badRequest(`The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`);
}

export const getIssueProperty: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  const key = ctx.params.propertyKey ?? '';
  if (!(key in issue.properties)) throw notFound(`The property with key '${key}' does not exist.`);
  return ok({ key, value: issue.properties[key] });
};

export const setIssueProperty: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  requirePermissions(ctx, ['EDIT_ISSUES'], 'You do not have permission to edit issues in this project.');
  const key = ctx.params.propertyKey ?? '';
  checkPropertyValue(key, ctx.body);
  const created = !(key in issue.properties);
  ctx.store.write(issue, (i) => (i.properties[key] = structuredClone(ctx.body)), { touch: false });
  return { status: created ? 201 : 200 };
};
