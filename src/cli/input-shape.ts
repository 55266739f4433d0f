/**
 * What a JSON input to `classify` is, when it is not issues: the things people export next to issues
 * and pass by mistake (a webhook, a Forge product event, a sprint page, a worklog list, the field
 * list, a board page). Each gets a sentence naming what it looks like and what to pass instead, because "it has no
 * id and key" does not tell anyone that the issue they want sits one level down.
 */

export type InputShape =
  | { readonly kind: 'issues'; readonly issues: readonly unknown[] }
  /** A wrapper holding one issue under `.issue`: classified with --unwrap, otherwise explained. */
  | { readonly kind: 'wrapped'; readonly what: string; readonly issue: unknown }
  | { readonly kind: 'other'; readonly what: string; readonly instead: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isSprint = (v: unknown): boolean => isObject(v) && typeof v['id'] === 'number' && typeof v['name'] === 'string' && ['future', 'active', 'closed'].includes(String(v['state']));
/** A board as `GET /rest/agile/1.0/board` lists it (`type` is scrum, kanban or simple). */
const isBoard = (v: unknown): boolean => isObject(v) && typeof v['id'] === 'number' && typeof v['name'] === 'string' && ['scrum', 'kanban', 'simple'].includes(String(v['type']));
const isWorklog = (v: unknown): boolean => isObject(v) && 'timeSpentSeconds' in v && 'started' in v;
const isField = (v: unknown): boolean => isObject(v) && typeof v['id'] === 'string' && typeof v['name'] === 'string' && ('schema' in v || 'clauseNames' in v || 'custom' in v) && !('fields' in v);

/** Classify a parsed input by its shape; arrays and search pages hold issues unless every entry says otherwise. */
export function inputShape(value: unknown): InputShape {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isField)) return { kind: 'other', what: 'the field list (GET /rest/api/3/field)', instead: 'pass it with --fields FILE, and the issues as FILE' };
    if (value.length > 0 && value.every(isSprint)) return { kind: 'other', what: 'a list of sprints', instead: 'pass issues: a search response (POST /rest/api/3/search/jql), an issue or an array of issues' };
    return { kind: 'issues', issues: value };
  }
  if (!isObject(value)) return { kind: 'issues', issues: [value] };
  if (Array.isArray(value['issues'])) return { kind: 'issues', issues: value['issues'] };
  if (isObject(value['issue'])) {
    if (typeof value['webhookEvent'] === 'string') return { kind: 'wrapped', what: `a Jira webhook (${value['webhookEvent']})`, issue: value['issue'] };
    if (typeof value['eventType'] === 'string') return { kind: 'wrapped', what: `a Forge product event (${value['eventType']})`, issue: value['issue'] };
    return { kind: 'wrapped', what: 'an object that holds an issue', issue: value['issue'] };
  }
  if (Array.isArray(value['values']) && value['values'].length > 0 && value['values'].every(isSprint)) {
    return { kind: 'other', what: 'a page of sprints (GET /rest/agile/1.0/board/{boardId}/sprint)', instead: "pass the sprint's issues: a search response (POST /rest/api/3/search/jql with jql sprint = ID)" };
  }
  if (Array.isArray(value['values']) && value['values'].length > 0 && value['values'].every(isBoard)) {
    return { kind: 'other', what: 'a page of boards (GET /rest/agile/1.0/board)', instead: "pass the issues of a sprint of the board: a search response (POST /rest/api/3/search/jql with jql sprint = ID)" };
  }
  if (Array.isArray(value['worklogs']) && (value['worklogs'].length === 0 || value['worklogs'].every(isWorklog))) {
    return { kind: 'other', what: 'a worklog list (GET /rest/api/3/issue/{issueIdOrKey}/worklog)', instead: 'pass the issue itself: its worklogs come embedded' };
  }
  if (typeof value['webhookEvent'] === 'string' || typeof value['eventType'] === 'string') {
    const name = String(value['webhookEvent'] ?? value['eventType']);
    return { kind: 'other', what: `an event (${name}) without an issue`, instead: 'pass the issue it is about (GET /rest/api/3/issue/{issueIdOrKey})' };
  }
  return { kind: 'issues', issues: [value] };
}

/** The sentence for an input that is not issues. */
export function shapeProblem(shape: Exclude<InputShape, { kind: 'issues' }>): string {
  if (shape.kind === 'wrapped') return `This is ${shape.what}: its issue is under .issue — pass that, or use --unwrap.`;
  return `This is ${shape.what}, not issues: ${shape.instead}.`;
}
