/**
 * `GET /rest/api/3/field`: the system fields the app and JQL touch, plus exactly the custom fields of
 * test/fixtures/jira/fields.json (same ids, names and `schema.custom`), so field discovery sees the
 * same site in tests and in the simulator — including the decoy text field named "Story points".
 * `untranslatedName` is left out: Jira sends it, but the OpenAPI `FieldDetails` schema forbids it.
 */
export interface FieldDetails {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly custom: boolean;
  readonly orderable: boolean;
  readonly navigable: boolean;
  readonly searchable: boolean;
  readonly clauseNames: readonly string[];
  readonly schema?: { readonly type: string; readonly system?: string; readonly custom?: string; readonly customId?: number; readonly items?: string };
}

export function system(id: string, name: string, type: string, flags: { orderable?: boolean; navigable?: boolean; searchable?: boolean; items?: string; clauseNames?: string[] } = {}): FieldDetails {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: flags.orderable ?? true,
    navigable: flags.navigable ?? true,
    searchable: flags.searchable ?? true,
    clauseNames: flags.clauseNames ?? [id],
    schema: { type, system: id, ...(flags.items ? { items: flags.items } : {}) },
  };
}

export function custom(id: string, name: string, type: string, customType: string, extraClauseNames: string[], items?: string): FieldDetails {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name, ...extraClauseNames],
    schema: { type, custom: customType, customId, ...(items ? { items } : {}) },
  };
}

export const STORY_POINTS_FIELD = 'customfield_10026';
export const STORY_POINT_ESTIMATE_FIELD = 'customfield_10016';
export const SPRINT_FIELD = 'customfield_10020';
export const TIME_TO_RESOLUTION_FIELD = 'customfield_10031';
export const TIME_TO_FIRST_RESPONSE_FIELD = 'customfield_10032';
export const SEVERITY_FIELD = 'customfield_10081';
export const DECOY_STORY_POINTS_FIELD = 'customfield_10099';

export const SITE_FIELDS: readonly FieldDetails[] = [
  { id: 'issuekey', key: 'issuekey', name: 'Key', custom: false, orderable: false, navigable: true, searchable: false, clauseNames: ['id', 'issue', 'issuekey', 'key'] },
  system('summary', 'Summary', 'string'),
  system('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
  system('status', 'Status', 'status', { orderable: false }),
  system('statusCategory', 'Status Category', 'statusCategory', { orderable: false, navigable: false }),
  system('priority', 'Priority', 'priority'),
  system('labels', 'Labels', 'array', { items: 'string' }),
  system('components', 'Components', 'array', { items: 'component', clauseNames: ['component'] }),
  system('project', 'Project', 'project', { orderable: false }),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('created', 'Created', 'datetime', { orderable: false, clauseNames: ['created', 'createdDate'] }),
  system('updated', 'Updated', 'datetime', { orderable: false, clauseNames: ['updated', 'updatedDate'] }),
  system('resolution', 'Resolution', 'resolution'),
  system('resolutiondate', 'Resolved', 'datetime', { orderable: false, clauseNames: ['resolutiondate', 'resolved'] }),
  system('description', 'Description', 'string'),
  system('timespent', 'Time Spent', 'number', { orderable: false, searchable: false }),
  system('aggregatetimespent', 'Σ Time Spent', 'number', { orderable: false, searchable: false }),
  system('timeoriginalestimate', 'Original estimate', 'number', { orderable: false, clauseNames: ['originalEstimate', 'timeoriginalestimate'] }),
  system('timeestimate', 'Remaining Estimate', 'number', { orderable: false, clauseNames: ['remainingEstimate', 'timeestimate'] }),
  system('timetracking', 'Time tracking', 'timetracking', { navigable: false, searchable: false, clauseNames: [] }),
  system('worklog', 'Log Work', 'array', { navigable: false, items: 'worklog', clauseNames: [] }),
  system('comment', 'Comment', 'comments-page', { navigable: false, clauseNames: ['comment'] }),
  system('security', 'Security Level', 'securitylevel', { clauseNames: ['level'] }),
  custom(STORY_POINTS_FIELD, 'Story Points', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float', ['Story Points[Number]']),
  custom(STORY_POINT_ESTIMATE_FIELD, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points', []),
  custom(SPRINT_FIELD, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', [], 'json'),
  custom(TIME_TO_RESOLUTION_FIELD, 'Time to resolution', 'sd-servicelevelagreement', 'com.atlassian.servicedesk:sd-sla-field', []),
  custom(TIME_TO_FIRST_RESPONSE_FIELD, 'Time to first response', 'sd-servicelevelagreement', 'com.atlassian.servicedesk:sd-sla-field', []),
  custom(SEVERITY_FIELD, 'Severity', 'option', 'com.atlassian.jira.plugin.system.customfieldtypes:select', []),
  custom(DECOY_STORY_POINTS_FIELD, 'Story points', 'string', 'com.atlassian.jira.plugin.system.customfieldtypes:textfield', []),
];

export function fieldById(id: string): FieldDetails | undefined {
  return SITE_FIELDS.find((f) => f.id === id);
}
