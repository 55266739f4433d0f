/**
 * Jira issue JSON → domain Ticket, for issues from `GET /rest/api/3/issue/{key}`,
 * `POST /rest/api/3/search/jql` and the Agile issue lists.
 *
 * Jira fields are read one by one through small schemas. A missing, null or oddly shaped field never
 * throws: it maps to absent (so the policy sees `unknown`) and a note says which field and why, so an
 * admin can tell a misconfigured site from an unclassified ticket.
 */
import { z } from 'zod';
import { parseISO, isValid } from 'date-fns';
import type { SprintRef, StatusCategory, Ticket, Worklog } from '../domain/ticket';
import type { SlaClock } from '../domain/sla';
import { DECISION_PROPERTY_KEY } from '../domain/decision';
import { readDecisionProperty } from './decision-property';
import type { FieldCatalog } from './field-catalog';
import { mapSlaValue, slaValueError } from './sla-value';
import { serverDataCenterNote, serverDataCenterSign } from './server-data';
import { readWorklogEntries, worklogNotes } from './worklog-entries';

const issueSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  key: z.string().min(1),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
}).loose();

const named = z.object({ name: z.string() }).loose();
const status = z.object({ id: z.string().optional(), name: z.string().optional(), statusCategory: z.object({ key: z.string() }).loose() }).loose();
const sprintSchema = z.object({ id: z.number(), name: z.string(), state: z.enum(['future', 'active', 'closed']) }).loose();
/** The page's frame only: its entries are read one by one (`worklog-entries.ts`). */
const worklogPage = z.object({
  total: z.number().optional(),
  maxResults: z.number().optional(),
  worklogs: z.array(z.unknown()),
}).loose();
/** Select (`{value}`), multi-select (`[{value}]`), cascading (`{value, child}`), text or number. */
const severityValue = z.union([
  z.object({ value: z.string() }).loose(),
  z.array(z.object({ value: z.string() }).loose()),
  z.string(),
  z.number(),
]);

export interface MappedIssue {
  readonly ticket: Ticket;
  readonly notes: readonly string[];
  /** False when the embedded worklog list is truncated (the search embeds at most 20): fetch the rest. */
  readonly worklogsComplete: boolean;
}

export type MapIssueResult = { readonly ok: true; readonly issue: MappedIssue } | { readonly ok: false; readonly error: string };

/** The one note that is about the site, not the issue: callers may report it once for a whole batch. */
export const NO_SEVERITY_FIELD = 'No Severity field is known for this site, so severity is unknown.';

const STATUS_CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** Parse a Jira timestamp ("2026-11-18T09:12:44.120+0000") to epoch ms. */
export function jiraTimeMs(value: string): number | undefined {
  const date = parseISO(value);
  return isValid(date) ? date.getTime() : undefined;
}

/** What an issue-like value lacks: only what is actually missing is named. */
function missingIdentity(raw: unknown): string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `it is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}, not an object with an id and a key`;
  const value = raw as Record<string, unknown>;
  const id = z.union([z.string().min(1), z.number()]).safeParse(value['id']);
  const key = z.string().min(1).safeParse(value['key']);
  if (id.success && !key.success) return `it has an id (${String(id.data)}) but no key`;
  if (key.success && !id.success) return `it has a key (${key.data}) but no id`;
  return 'it has no id and no key';
}

/** Map one issue. Fails only when the value is not an issue at all (no id or key). */
export function mapIssue(raw: unknown, catalog: FieldCatalog): MapIssueResult {
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `The value is not a Jira issue: ${missingIdentity(raw)}.` };
  const { id, key } = parsed.data;
  const fields = parsed.data.fields ?? {};
  const notes: string[] = [];

  /**
   * Read a field through a schema; null/absent is silent, a wrong shape is noted — as Server/Data
   * Center data when it looks like it (`serverLike`), since that note says what to do instead.
   */
  function read<T>(fieldId: string, label: string, schema: z.ZodType<T>, serverLike?: 'sprint' | 'person'): T | undefined {
    const value = fields[fieldId];
    if (value === null || value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const sign = serverLike ? serverDataCenterSign(serverLike, value) : undefined;
    notes.push(sign ? serverDataCenterNote(label, fieldId, sign) : `${label} (${fieldId}) has an unexpected shape and was treated as not set.`);
    return undefined;
  }
  function time(fieldId: string, label: string): number | undefined {
    const text = read(fieldId, label, z.string());
    if (text === undefined) return undefined;
    const ms = jiraTimeMs(text);
    if (ms === undefined) notes.push(`${label} (${fieldId}) is not a valid date and was treated as not set.`);
    return ms;
  }

  const issueType = read('issuetype', 'Issue type', named)?.name;
  if (issueType === undefined) notes.push('The issue type is missing, so support filters by type cannot match.');
  const statusField = read('status', 'Status', status);
  const categoryKey = statusField?.statusCategory.key;
  const statusCategory = STATUS_CATEGORIES.find((c) => c === categoryKey) ?? 'unknown';

  let severity: string | undefined;
  if (catalog.severity) {
    const value = read(catalog.severity.id, catalog.severity.name, severityValue);
    if (Array.isArray(value)) {
      severity = value[0]?.value;
      if (value.length > 1) notes.push(`${catalog.severity.name} has several values; the first (${severity}) was used.`);
    } else if (typeof value === 'object') severity = value.value;
    else if (value !== undefined) severity = String(value);
  } else {
    notes.push(NO_SEVERITY_FIELD);
  }

  let storyPoints: number | undefined;
  for (const field of catalog.storyPoints) {
    storyPoints = read(field.id, field.name, z.number().finite().nonnegative());
    if (storyPoints !== undefined) break;
  }

  const sprints: SprintRef[] = [];
  const addSprints = (list: readonly z.infer<typeof sprintSchema>[]): void => {
    for (const s of list) if (!sprints.some((x) => x.id === s.id)) sprints.push({ id: s.id, name: s.name, state: s.state });
  };
  if (catalog.sprint) addSprints(read(catalog.sprint.id, 'Sprint', z.array(sprintSchema), 'sprint') ?? []);
  // Agile issue lists return the current sprint and the closed ones as separate system fields.
  const agileSprint = read('sprint', 'Sprint', sprintSchema);
  if (agileSprint) addSprints([agileSprint]);
  addSprints(read('closedSprints', 'Closed sprints', z.array(sprintSchema)) ?? []);

  const slaClocks: SlaClock[] = [];
  const erroredSlas: string[] = [];
  let slaError: string | undefined;
  for (const field of catalog.slas) {
    const value = fields[field.id];
    const error = slaValueError(value);
    if (error !== undefined) {
      erroredSlas.push(`${field.name} (${field.id})`);
      slaError ??= error;
      continue;
    }
    const clock = mapSlaValue(value, field.name);
    if (clock) slaClocks.push(clock);
    else if (value !== null && value !== undefined) notes.push(`SLA field ${field.name} (${field.id}) has an unexpected shape and was ignored.`);
  }
  // One note for all of them: Jira errs on every SLA field at once (e.g. its service project is gone).
  if (erroredSlas.length > 0) {
    const one = erroredSlas.length === 1;
    notes.push(`Jira sent an error instead of the SLA ${one ? 'field' : 'fields'} ${erroredSlas.join(', ')} ("${slaError ?? ''}"), so the issue has no SLA clock from ${one ? 'it' : 'them'}.`);
  }

  const page = read('worklog', 'Worklog', worklogPage);
  let worklogs: Worklog[] | undefined;
  if (page) {
    const entries = readWorklogEntries(page.worklogs);
    worklogs = [...entries.worklogs];
    notes.push(...worklogNotes(entries));
  }
  const worklogsComplete = page === undefined || page.total === undefined || page.total <= page.worklogs.length;

  const property = readDecisionProperty(parsed.data.properties?.[DECISION_PROPERTY_KEY]);
  if (property.problem) notes.push(property.problem);

  const optional = {
    summary: read('summary', 'Summary', z.string()),
    statusName: statusField?.name,
    statusId: statusField?.id,
    priorityName: read('priority', 'Priority', named)?.name,
    severityValue: severity,
    createdMs: time('created', 'Created'),
    resolvedMs: time('resolutiondate', 'Resolved'),
    storyPoints,
    worklogs,
    assigneeAccountId: read('assignee', 'Assignee', z.object({ accountId: z.string() }).loose(), 'person')?.accountId,
    reporterAccountId: read('reporter', 'Reporter', z.object({ accountId: z.string() }).loose(), 'person')?.accountId,
    decision: property.decision,
    suggestion: property.suggestion,
  };
  const ticket: Ticket = {
    id,
    key,
    issueType: issueType ?? 'unknown',
    statusCategory,
    labels: read('labels', 'Labels', z.array(z.string())) ?? [],
    components: (read('components', 'Components', z.array(named)) ?? []).map((c) => c.name),
    slaClocks,
    sprints,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<Ticket>),
  };
  return { ok: true, issue: { ticket, notes, worklogsComplete } };
}
