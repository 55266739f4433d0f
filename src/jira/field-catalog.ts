/**
 * Field discovery: which custom fields of this Jira site hold story points, sprints, SLAs and the
 * Severity, read from `GET /rest/api/3/field`.
 *
 * Ids such as `customfield_10016` differ from site to site, and display names are localised and
 * renamable, so we match on `schema.custom` (the field type) wherever Jira gives us one. Severity has
 * no standard type: unless the admin configured its id, it is the one field named "Severity" or,
 * failing that, the one field with options whose name contains "severity" ("Bug Severity", a radio
 * field valued S1…). Where several qualify, none is picked: a guess between two fields would
 * classify every ticket by the wrong one, so discovery names them and an admin chooses.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
 */
import { z } from 'zod';

export const STORY_POINTS_TYPE = 'com.pyxis.greenhopper.jira:jsw-story-points';
export const FLOAT_TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:float';
export const SPRINT_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
export const SLA_TYPE = 'com.atlassian.servicedesk:sd-sla-field';

const fieldSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.object({ type: z.string().optional(), items: z.string().optional(), custom: z.string().optional() }).loose().optional(),
}).loose();
export type JiraField = z.infer<typeof fieldSchema>;

export interface FieldRef {
  readonly id: string;
  readonly name: string;
}

export interface FieldCatalog {
  /** Candidate story-point fields, most trusted first; an issue's points come from the first one it has. */
  readonly storyPoints: readonly FieldRef[];
  readonly sprint?: FieldRef;
  readonly slas: readonly FieldRef[];
  readonly severity?: FieldRef;
}

export interface DiscoveryOptions {
  /** The board's estimation field (board configuration) or an admin's choice: tried first. */
  readonly storyPointsFieldId?: string;
  /** An admin's explicit choice of Severity field. */
  readonly severityFieldId?: string;
}

export interface Discovery {
  readonly catalog: FieldCatalog;
  /** Things an admin should know, e.g. two fields named Severity. */
  readonly notes: readonly string[];
}

/** An empty catalog: what we know without a field list. Issues then map without points, SLAs or Severity. */
export const EMPTY_CATALOG: FieldCatalog = { storyPoints: [], slas: [] };

const ref = (f: JiraField): FieldRef => ({ id: f.id, name: f.name });
const byName = (name: string) => (f: JiraField) => f.name.trim().toLowerCase() === name;
/** A field whose values are options (select, radio buttons, multi-select, cascading select). */
const hasOptions = (f: JiraField): boolean => f.schema?.type === 'option' || f.schema?.type === 'option-with-child' || (f.schema?.type === 'array' && f.schema.items === 'option');
/**
 * A field with options whose name mentions severity, in any case ("Bug Severity", "severity (customer)"),
 * other than one named exactly Severity (found by name) or one of a type discovery reads for something else.
 */
const severityLike = (f: JiraField): boolean =>
  hasOptions(f) && f.name.toLowerCase().includes('severity') && !byName('severity')(f) && !isDiscoveryType(f.schema?.custom);
/** What a stored copy keeps of a field that qualifies as severityLike (its type need not be kept). */
export const SEVERITY_LIKE_MARK = 'options';

/** The field types discovery matches on (`schema.custom`); no other type is ever read. */
export const DISCOVERY_TYPES = [STORY_POINTS_TYPE, FLOAT_TYPE, SPRINT_TYPE, SLA_TYPE] as const;
export type DiscoveryType = (typeof DISCOVERY_TYPES)[number];
const isDiscoveryType = (type: string | undefined): type is DiscoveryType => (DISCOVERY_TYPES as readonly (string | undefined)[]).includes(type);

/**
 * What discovery reads of one field: its id, its name and its `schema.custom` when that is a type
 * discovery matches on. Discovering from these gives exactly what discovering from the full entries
 * gives (what a stored copy of the field list keeps).
 */
export function discoveryView(field: JiraField): { readonly id: string; readonly name: string; readonly type?: DiscoveryType | typeof SEVERITY_LIKE_MARK } {
  const type = field.schema?.custom;
  if (isDiscoveryType(type)) return { id: field.id, name: field.name, type };
  return { id: field.id, name: field.name, ...(severityLike(field) ? { type: SEVERITY_LIKE_MARK } : {}) };
}

/** The field a discovery view stands for, as much of it as discovery reads. */
export function fromDiscoveryView(view: ReturnType<typeof discoveryView>): JiraField {
  if (view.type === SEVERITY_LIKE_MARK) return { id: view.id, name: view.name, schema: { type: 'option' } };
  return { id: view.id, name: view.name, ...(view.type ? { schema: { custom: view.type } } : {}) };
}

/**
 * Whether discovery can pick this field whatever the options: a type it matches on, or a name it
 * looks for (Severity). Other fields matter only when an option names them by id.
 */
export function discoverable(field: JiraField): boolean {
  return isDiscoveryType(field.schema?.custom) || byName('severity')(field) || severityLike(field);
}

/** The field ids the options name: discovery looks these up by id in the list. */
export function configuredFieldIds(options: DiscoveryOptions): string[] {
  return [options.storyPointsFieldId, options.severityFieldId].filter((id): id is string => id !== undefined && id !== '');
}

/** The field-shaped entries of `GET /rest/api/3/field`; anything else is skipped, never fatal. */
export function parseFieldList(fieldList: readonly unknown[]): JiraField[] {
  return fieldList.flatMap((raw) => {
    const parsed = fieldSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Discover field ids from the field list. Entries that are not field-shaped are skipped, never fatal.
 * Throws nothing; a list that is not an array yields the empty catalog and a note.
 */
export function discoverFields(fieldList: unknown, options: DiscoveryOptions = {}): Discovery {
  const notes: string[] = [];
  if (!Array.isArray(fieldList)) {
    return { catalog: EMPTY_CATALOG, notes: ['The field list is not a JSON array, so no custom fields were recognised.'] };
  }
  const fields = parseFieldList(fieldList);
  const typed = (type: string) => fields.filter((f) => f.schema?.custom === type);

  const storyPoints: FieldRef[] = [];
  const pushPoints = (f: JiraField | undefined): void => {
    if (f && !storyPoints.some((p) => p.id === f.id)) storyPoints.push(ref(f));
  };
  if (options.storyPointsFieldId) {
    const chosen = fields.find((f) => f.id === options.storyPointsFieldId);
    pushPoints(chosen ?? { id: options.storyPointsFieldId, name: options.storyPointsFieldId });
  }
  typed(STORY_POINTS_TYPE).forEach(pushPoints);
  typed(FLOAT_TYPE).filter(byName('story points')).forEach(pushPoints);

  const [sprint] = typed(SPRINT_TYPE);
  const slas = typed(SLA_TYPE).map(ref);

  let severity: FieldRef | undefined;
  if (options.severityFieldId) {
    const chosen = fields.find((f) => f.id === options.severityFieldId);
    if (!chosen) notes.push(`The configured Severity field ${options.severityFieldId} is not in the field list; choose it again in the settings.`);
    severity = chosen ? ref(chosen) : { id: options.severityFieldId, name: 'Severity' };
  } else {
    const named = fields.filter(byName('severity'));
    const like = named.length === 0 ? fields.filter(severityLike) : [];
    const list = (fs: JiraField[]) => fs.map((f) => `${f.name.trim()} (${f.id})`).join(', ');
    if (named.length === 1 && named[0]) severity = ref(named[0]);
    else if (named.length > 1) {
      notes.push(`${named.length} fields are named Severity — ${list(named)} — so none was used and severity is unknown. Choose one in the settings (or with --severity-field).`);
    } else if (like.length === 1 && like[0]) {
      severity = ref(like[0]);
      notes.push(`Severity is read from ${list(like)}: the one field with options whose name contains "severity". Choose another in the settings if that is wrong.`);
    } else if (like.length > 1) {
      notes.push(`${like.length} fields with options have "severity" in their name — ${list(like)} — so none was used and severity is unknown. Choose one in the settings (or with --severity-field).`);
    }
  }

  return {
    catalog: {
      storyPoints,
      slas,
      ...(sprint ? { sprint: ref(sprint) } : {}),
      ...(severity ? { severity } : {}),
    },
    notes,
  };
}

/** The field ids to request in a search so that mapping has everything it needs, and nothing more. */
/**
 * The catalog for reads that feed the allocation maths (a sprint's issues, closed sprints' history,
 * the ledger): none of them reads SLA clocks, and Jira Service Management's SLA values (every cycle
 * of every metric) are the bulkiest fields of an issue, so those reads leave them out.
 */
export function allocationCatalog(catalog: FieldCatalog): FieldCatalog {
  return { ...catalog, slas: [] };
}

export function fieldsToRequest(catalog: FieldCatalog): string[] {
  const ids = [
    'summary', 'issuetype', 'status', 'priority', 'labels', 'components', 'created', 'resolutiondate', 'assignee', 'reporter',
    ...catalog.storyPoints.map((f) => f.id),
    ...(catalog.sprint ? [catalog.sprint.id] : []),
    ...catalog.slas.map((f) => f.id),
    ...(catalog.severity ? [catalog.severity.id] : []),
  ];
  return [...new Set(ids)];
}
