/**
 * `IssueBean`: an issue with the selected fields, the requested entity properties, and the
 * expansions Jira offers. The simulator keeps no history or workflow, so `changelog` is an empty
 * page and `transitions` an empty list; `renderedFields` renders dates for people.
 */
import { SITE_FIELDS } from '../site/fields';
import { friendlyTime } from '../jira-format';
import type { SiteIssue } from '../site/model';
import type { RenderContext } from './context';
import { ABSENT, fieldValue } from './field-values';
import type { FieldSelection } from './field-selection';

export const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export interface IssueView {
  readonly selection: FieldSelection;
  /** Property keys to include; `*all` for every one. */
  readonly properties: readonly string[];
  readonly expand: ReadonlySet<string>;
  /** Search results carry `names` and `schema` once for the page, not per issue. */
  readonly inSearch: boolean;
}

export function fieldNames(fieldIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(fieldIds.map((id) => [id, SITE_FIELDS.find((f) => f.id === id)?.name ?? id]));
}

export function fieldSchemas(fieldIds: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fieldIds.flatMap((id) => {
    const schema = SITE_FIELDS.find((f) => f.id === id)?.schema;
    return schema ? [[id, schema]] : [];
  }));
}

function selectedProperties(issue: SiteIssue, keys: readonly string[]): Record<string, unknown> {
  const wanted = keys.includes('*all') ? Object.keys(issue.properties) : keys.filter((k) => !k.startsWith('-'));
  const excluded = new Set(keys.filter((k) => k.startsWith('-')).map((k) => k.slice(1)));
  return Object.fromEntries(wanted.filter((k) => k in issue.properties && !excluded.has(k)).map((k) => [k, issue.properties[k]]));
}

function rendered(value: unknown, fieldId: string): unknown {
  if (typeof value === 'string' && ['created', 'updated', 'resolutiondate'].includes(fieldId)) return friendlyTime(Date.parse(value));
  if (typeof value === 'string' || value === null) return value;
  return null;
}

export function renderIssue(issue: SiteIssue, ctx: RenderContext, view: IssueView): Record<string, unknown> {
  if (view.selection.idsOnly && !view.selection.keyRequested && view.properties.length === 0 && view.expand.size === 0) return { id: issue.id };
  const project = ctx.store.projectOf(issue);
  const fields = Object.fromEntries(view.selection.fieldIds.map((id) => [id, fieldValue(id, issue, ctx, project)] as const).filter(([, value]) => value !== ABSENT));
  const { expand } = view;
  return {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${ctx.base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    ...(expand.has('renderedFields') ? { renderedFields: Object.fromEntries(Object.entries(fields).map(([id, v]) => [id, rendered(v, id)])) } : {}),
    ...(expand.has('names') && !view.inSearch ? { names: fieldNames(view.selection.fieldIds) } : {}),
    ...(expand.has('schema') && !view.inSearch ? { schema: fieldSchemas(view.selection.fieldIds) } : {}),
    ...(expand.has('transitions') ? { transitions: [] } : {}),
    ...(expand.has('operations') ? { operations: { linkGroups: [] } } : {}),
    ...(expand.has('editmeta') ? { editmeta: { fields: {} } } : {}),
    ...(expand.has('changelog') ? { changelog: { startAt: 0, maxResults: 0, total: 0, histories: [] } } : {}),
    ...(expand.has('versionedRepresentations') ? { versionedRepresentations: Object.fromEntries(Object.entries(fields).map(([id, v]) => [id, { '1': v }])) } : {}),
    fields,
    ...(view.properties.length > 0 ? { properties: selectedProperties(issue, view.properties) } : {}),
  };
}
