/**
 * `PUT /rest/api/3/issue/{issueIdOrKey}` (`IssueUpdateDetails`): `fields` sets values, `update`
 * applies operations (labels add/remove/set), `properties` sets entity properties. Everything is
 * checked before anything changes; problems come back per field as Jira's `errors` map. Needs Edit
 * Issues (and Assign Issues to change the assignee). 204, or 200 with the issue for `returnIssue`.
 */
import { JiraHttpError, badRequest, fieldErrors } from '../http/errors';
import { noContent, ok, type Handler, type RequestContext } from '../http/context';
import { SEVERITY_OPTIONS } from '../site/catalog';
import { SEVERITY_FIELD } from '../site/fields';
import type { SiteIssue } from '../site/model';
import { requirePermissions, visibleIssue } from './access';
import { ASSIGN_DENIED, resolveAssignee } from './assignee';
import { issueAsRead } from './issue-read';
import { checkPropertyValue } from './properties';

type Change = (issue: SiteIssue) => void;
type Operation = 'set' | 'add' | 'remove';

class FieldProblem extends Error {}

const cannotSet = (field: string) => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;

function label(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new FieldProblem('Labels must be non-empty strings.');
  if (/\s/.test(value)) throw new FieldProblem(`The label '${value}' contains spaces which is invalid.`);
  if (value.length > 255) throw new FieldProblem('The label must not exceed 255 characters.');
  return value;
}

/** How to apply one operation to one field, or a FieldProblem / cannot-set for the errors map. */
function plan(ctx: RequestContext, issue: SiteIssue, field: string, operation: Operation, value: unknown): Change {
  const estimationField = ctx.store.boardOfProject(issue.projectId)?.estimationField.id;
  if (field === 'labels') {
    if (operation === 'add') return ((l) => (i: SiteIssue) => void (i.labels.includes(l) || i.labels.push(l)))(label(value));
    if (operation === 'remove') return ((l) => (i: SiteIssue) => void (i.labels = i.labels.filter((x) => x !== l)))(label(value));
    if (!Array.isArray(value)) throw new FieldProblem('Labels must be a list of strings.');
    const labels = [...new Set(value.map(label))];
    return (i) => void (i.labels = labels);
  }
  if (operation !== 'set') throw new FieldProblem(`The operation '${operation}' is not supported for the field '${field}'.`);
  if (field === 'assignee') {
    requirePermissions(ctx, ['ASSIGN_ISSUES'], ASSIGN_DENIED);
    const accountId = value === null ? null : typeof value === 'object' && !Array.isArray(value) ? (value as { accountId?: unknown }).accountId ?? null : value;
    const assignee = resolveAssignee(ctx, accountId);
    return (i) => void (i.assigneeId = assignee);
  }
  if (field === 'summary') {
    if (typeof value !== 'string' || value.trim() === '') throw new FieldProblem('You must specify a summary of the issue.');
    if (value.length > 255) throw new FieldProblem('Summary must be less than 255 characters.');
    return (i) => void (i.summary = value);
  }
  if (field === 'priority') {
    const wanted = (value ?? {}) as { id?: unknown; name?: unknown };
    const priority = ctx.store.priorities.find((p) => p.id === wanted.id || p.name === wanted.name);
    if (!priority) throw new FieldProblem('Specify the priority by id or name, e.g. {"name": "High"}.');
    return (i) => void (i.priorityId = priority.id);
  }
  if (field === estimationField) {
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) throw new FieldProblem('Operation value must be a number.');
    return (i) => void (i.points = value as number | null);
  }
  if (field === SEVERITY_FIELD) {
    if (value === null) return (i) => void (i.severityId = null);
    const wanted = value as { id?: unknown; value?: unknown };
    const option = SEVERITY_OPTIONS.find((o) => o.id === wanted.id || o.value === wanted.value);
    if (!option) throw new FieldProblem(`Option value '${String(wanted.value ?? wanted.id)}' is not valid`);
    return (i) => void (i.severityId = option.id);
  }
  throw new FieldProblem(cannotSet(field));
}

function readOperations(raw: unknown): [Operation, unknown][] {
  if (!Array.isArray(raw)) throw new FieldProblem('Field operations must be a list such as [{"add": "value"}].');
  return raw.map((entry) => {
    const op = entry !== null && typeof entry === 'object' ? Object.entries(entry as Record<string, unknown>)[0] : undefined;
    if (!op || !['set', 'add', 'remove'].includes(op[0])) throw new FieldProblem('Each operation must be one of add, remove or set.');
    return [op[0] as Operation, op[1]];
  });
}

export const editIssue: Handler = (ctx) => {
  const issue = visibleIssue(ctx);
  requirePermissions(ctx, ['EDIT_ISSUES'], 'You do not have permission to edit issues in this project.');
  const body = ctx.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body is missing or is not a JSON object.');
  const { fields, update, properties, transition } = body as Record<string, unknown>;
  if (transition !== undefined) throw badRequest('The simulator does not run workflows: transitions are not supported.');
  const changes: Change[] = [];
  const errors: Record<string, string> = {};
  const attempt = (field: string, build: () => Change[]) => {
    try {
      changes.push(...build());
    } catch (error) {
      if (error instanceof FieldProblem) errors[field] = error.message;
      else if (error instanceof JiraHttpError && error.status === 400) Object.assign(errors, error.body.errors);
      else throw error;
    }
  };
  const fieldsRecord = (fields ?? {}) as Record<string, unknown>;
  const updateRecord = (update ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(fieldsRecord)) attempt(field, () => [plan(ctx, issue, field, 'set', value)]);
  for (const [field, raw] of Object.entries(updateRecord)) {
    if (field in fieldsRecord) errors[field] = `Field '${field}' cannot be set in both 'fields' and 'update'.`;
    else attempt(field, () => readOperations(raw).map(([op, value]) => plan(ctx, issue, field, op, value)));
  }
  const propertyList = properties === undefined ? [] : Array.isArray(properties) ? properties : null;
  if (propertyList === null) throw badRequest('properties must be a list of {key, value}.');
  for (const entry of propertyList as { key?: unknown; value?: unknown }[]) {
    const key = typeof entry?.key === 'string' ? entry.key : '';
    checkPropertyValue(key, entry?.value);
    changes.push((i) => void (i.properties[key] = structuredClone(entry.value)));
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);

  const before = JSON.stringify(issue);
  const trial = structuredClone(issue);
  changes.forEach((change) => change(trial));
  if (JSON.stringify(trial) !== before) ctx.store.write(issue, (i) => changes.forEach((change) => change(i)));
  return ctx.query.get('returnIssue') === 'true' ? ok(issueAsRead(ctx, issue)) : noContent();
};
