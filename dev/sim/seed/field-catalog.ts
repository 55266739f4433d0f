/**
 * The scaled bench site's field list (`startSimulator({ scale })` only): the demo site's fields plus
 * the system fields a real site has and a few hundred custom fields, as a Jira site that has been in
 * use for years has them — selects, multi-selects, radio buttons, checkboxes, dates, numbers, people,
 * labels, text, URLs, cascading selects, Jira Software's and Jira Service Management's own types — so
 * that `GET /rest/api/3/field` returns (and costs, in points: one per field) what it does on a real
 * site. A few names recur with another type, as they do when teams add fields independently.
 *
 * Deterministic from the seed. It never adds a field that the app's field discovery would pick
 * (src/jira/field-catalog.ts: the story points, sprint and SLA types, names with "severity" or "story
 * points"), so the app discovers the same fields on the scaled site as on the demo one (number
 * fields it does look at, as on a real site); the demo site's own list is untouched.
 */
import type { Prng } from '../prng';
import { SITE_FIELDS, custom, system, type FieldDetails } from '../site/fields';

/** Custom fields added by default (the demo site's 7 come on top). */
export const SCALED_CUSTOM_FIELDS = 420;

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes';
const SD = 'com.atlassian.servicedesk';

interface Kind {
  readonly type: string;
  readonly custom: string;
  readonly items?: string;
  readonly nouns: readonly string[];
  /** Relative frequency on a real site. */
  readonly weight: number;
}

const KINDS: readonly Kind[] = [
  { type: 'option', custom: `${CF}:select`, weight: 18, nouns: ['Category', 'Tier', 'Region', 'Impact', 'Urgency', 'Channel', 'Risk Level', 'Phase', 'Source', 'Classification', 'Outcome', 'Segment'] },
  { type: 'array', items: 'option', custom: `${CF}:multiselect`, weight: 9, nouns: ['Platforms', 'Affected Services', 'Teams Involved', 'Markets', 'Browsers', 'Integrations'] },
  { type: 'option', custom: `${CF}:radiobuttons`, weight: 6, nouns: ['Approval', 'Billable', 'Confidentiality', 'Customer Facing', 'Reproducible'] },
  { type: 'array', items: 'option', custom: `${CF}:multicheckboxes`, weight: 6, nouns: ['Checklist', 'Flags', 'Sign-offs', 'Deliverables'] },
  { type: 'date', custom: `${CF}:datepicker`, weight: 9, nouns: ['Due Date', 'Go-live Date', 'Review Date', 'Target Start', 'Target End', 'Renewal Date'] },
  { type: 'datetime', custom: `${CF}:datetime`, weight: 5, nouns: ['Reported At', 'Signed Off At', 'Deployed At', 'Escalated At'] },
  { type: 'number', custom: `${CF}:float`, weight: 9, nouns: ['Budget', 'Headcount', 'Score', 'Revenue Impact', 'Hours Estimate', 'Ticket Count'] },
  { type: 'user', custom: `${CF}:userpicker`, weight: 8, nouns: ['Owner', 'Approver', 'Reviewer', 'Sponsor', 'Account Manager'] },
  { type: 'array', items: 'user', custom: `${CF}:multiuserpicker`, weight: 4, nouns: ['Stakeholders', 'Contacts', 'Reviewers'] },
  { type: 'array', items: 'string', custom: `${CF}:labels`, weight: 4, nouns: ['Keywords', 'Tags', 'Topics'] },
  { type: 'string', custom: `${CF}:textfield`, weight: 10, nouns: ['Reference', 'External ID', 'Customer Name', 'Contract Number', 'Build Number'] },
  { type: 'string', custom: `${CF}:textarea`, weight: 6, nouns: ['Notes', 'Acceptance Criteria', 'Workaround', 'Business Justification'] },
  { type: 'string', custom: `${CF}:url`, weight: 3, nouns: ['Runbook URL', 'Design Link', 'Dashboard URL'] },
  { type: 'option-with-child', custom: `${CF}:cascadingselect`, weight: 3, nouns: ['Location', 'Product / Module', 'Category / Subcategory'] },
  { type: 'group', custom: `${CF}:grouppicker`, weight: 2, nouns: ['Responsible Group', 'Support Group'] },
  { type: 'array', items: 'version', custom: `${CF}:multiversion`, weight: 2, nouns: ['Target Versions', 'Found In'] },
  { type: 'sd-customerrequesttype', custom: `${SD}:vp-origin`, weight: 1, nouns: ['Request Type'] },
  { type: 'array', items: 'sd-customerorganization', custom: `${SD}:sd-customer-organizations`, weight: 1, nouns: ['Organizations'] },
  { type: 'array', items: 'user', custom: `${SD}:sd-request-participants`, weight: 1, nouns: ['Request participants'] },
  { type: 'sd-feedback', custom: `${SD}:sd-request-feedback`, weight: 1, nouns: ['Satisfaction'] },
  { type: 'sd-approvals', custom: 'com.atlassian.servicedesk.approvals-plugin:sd-approvals', weight: 1, nouns: ['Approvals'] },
];

const AREAS = ['Customer', 'Release', 'Incident', 'Change', 'Vendor', 'Compliance', 'Marketing', 'Finance', 'Hardware', 'Security', 'Legal', 'Onboarding', 'QA', 'Design', 'Data', 'Partner', 'Field Ops', 'Billing', 'Mobile', 'Infra'];

/** The system fields of a real site that the demo site's list leaves out. */
const MORE_SYSTEM_FIELDS: readonly FieldDetails[] = [
  system('fixVersions', 'Fix versions', 'array', { items: 'version', clauseNames: ['fixVersion'] }),
  system('versions', 'Affects versions', 'array', { items: 'version', clauseNames: ['affectedVersion'] }),
  system('duedate', 'Due date', 'date', { clauseNames: ['due', 'duedate'] }),
  system('environment', 'Environment', 'string'),
  system('attachment', 'Attachment', 'array', { items: 'attachment', orderable: true, navigable: true, searchable: true, clauseNames: ['attachments'] }),
  system('issuelinks', 'Linked Issues', 'array', { items: 'issuelinks', clauseNames: ['issueLink'] }),
  system('subtasks', 'Sub-tasks', 'array', { items: 'issuelinks', orderable: false, clauseNames: ['subtasks'] }),
  system('parent', 'Parent', 'issuelink', { orderable: false, clauseNames: ['parent'] }),
  system('watches', 'Watchers', 'watches', { orderable: false, clauseNames: ['watchers'] }),
  system('votes', 'Votes', 'votes', { orderable: false, clauseNames: ['votes'] }),
  system('creator', 'Creator', 'user', { orderable: false, clauseNames: ['creator'] }),
  system('lastViewed', 'Last Viewed', 'datetime', { orderable: false, clauseNames: ['lastViewed'] }),
  system('progress', 'Progress', 'progress', { orderable: false, searchable: false, clauseNames: ['progress'] }),
  system('aggregateprogress', 'Σ Progress', 'progress', { orderable: false, searchable: false, clauseNames: [] }),
  system('workratio', 'Work Ratio', 'number', { orderable: false, clauseNames: ['workratio'] }),
  system('statuscategorychangedate', 'Status Category Changed', 'datetime', { orderable: false, clauseNames: ['statusCategoryChangedDate'] }),
];

/** Fields Jira Software adds to every site with a board. */
const SOFTWARE_FIELDS = [
  ['Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'],
  ['Flagged', 'array', `${CF}:multicheckboxes`, 'option'],
  ['Start date', 'date', 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker'],
  ['Development', 'any', 'com.atlassian.jira.plugins.jira-development-integration-plugin:devsummarycf'],
  ['Team', 'team', 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team'],
] as const;

const FIRST_ID = 10200;

/**
 * The scaled site's field list: the demo site's, the missing system fields, Jira Software's own, then
 * `count` generated custom fields (ids from customfield_10200, with the gaps deleted fields leave).
 */
export function scaledFieldCatalog(prng: Prng, count = SCALED_CUSTOM_FIELDS): FieldDetails[] {
  let nextId = FIRST_ID;
  const id = (): string => `customfield_${(nextId += prng.int(1, 3))}`;
  const fields: FieldDetails[] = [...SITE_FIELDS, ...MORE_SYSTEM_FIELDS];
  const taken = new Set(SITE_FIELDS.map((f) => f.name.toLowerCase()));
  for (const [name, type, customType, items] of SOFTWARE_FIELDS) {
    fields.push(custom(id(), name, type, customType, [], items));
    taken.add(name.toLowerCase());
  }
  const kinds = KINDS.map((k) => [k, k.weight] as const);
  const made: { name: string; kind: Kind }[] = [];
  for (let added = 0, attempts = 0; added < count && attempts < count * 50; attempts++) {
    const kind = prng.weighted(kinds);
    const noun = prng.pick(kind.nouns);
    // JSM's own fields carry their plain names; the rest are named for the team that added them.
    const name = kind.custom.startsWith(SD) && !taken.has(noun.toLowerCase()) ? noun : `${prng.pick(AREAS)} ${noun}`;
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    fields.push(custom(id(), name, kind.type, kind.custom, [`${name}[${typeLabel(kind)}]`], kind.items));
    made.push({ name, kind });
    added++;
  }
  // A few names that a second team reused for a field of another type (Jira allows it).
  for (let i = 0; i < 6 && made.length > 0; i++) {
    const { name, kind } = prng.pick(made);
    const other = prng.pick(KINDS.filter((k) => k.type !== kind.type && !k.custom.startsWith(SD)));
    fields.push(custom(id(), name, other.type, other.custom, [`${name}[${typeLabel(other)}]`], other.items));
  }
  return fields;
}

/** The bracketed type Jira adds to a custom field's clause name, e.g. `Budget[Number]`. */
function typeLabel(kind: Kind): string {
  const key = kind.custom.slice(kind.custom.lastIndexOf(':') + 1);
  const labels: Record<string, string> = { select: 'Dropdown', multiselect: 'Select List (multiple choices)', radiobuttons: 'Radio Buttons', multicheckboxes: 'Checkboxes', datepicker: 'Date', datetime: 'Time stamp', float: 'Number', userpicker: 'User Picker (single user)', multiuserpicker: 'User Picker (multiple users)', labels: 'Labels', textfield: 'Short text', textarea: 'Paragraph', url: 'URL Field', cascadingselect: 'Select List (cascading)', grouppicker: 'Group Picker (single group)', multiversion: 'Version Picker (multiple versions)' };
  return labels[key] ?? 'Other';
}
