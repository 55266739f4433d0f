/**
 * The issue mapper over issues shaped like real Jira Cloud answers (test/fixtures/real-world, origins
 * in SOURCES.md): single issues (`GET /rest/api/3/issue`, the Agile issue API), the issues of search
 * pages (`POST /rest/api/3/search/jql`, read through the client's page schema) and Server/Data Center
 * pages, each mapped with the catalog discovered from its site's field list. One expectations row per
 * issue: a new fixture, or a new issue in one, fails here until it has its row.
 */
import { realWorldFixture, realWorldFixtures, type RealWorldKind } from '../../test/fixtures/real-world/load';
import { assessSla, type SlaState } from '../domain/sla';
import { searchPageSchema } from './client/schemas';
import { discoverFields } from './field-catalog';
import { mapIssue } from './issue-mapper';

/** Per fixture file: the site's field list (in fields/) and the instant its SLA clocks are judged at. */
const SITES: Record<string, { readonly fields: string; readonly nowMs: number }> = {
  'issues/agile-sprint-issue.json': { fields: 'jsm-itsm-site.json', nowMs: Date.UTC(2026, 1, 20) },
  'issues/help-desk-bug-severity.json': { fields: 'help-desk-bug-severity.json', nowMs: Date.UTC(2026, 2, 10) },
  'issues/jsm-get-issue-sla-error.json': { fields: 'jsm-itsm-site.json', nowMs: Date.UTC(2026, 3, 16) },
  'issues/localised-service-request.json': { fields: 'localised-service-desk.json', nowMs: Date.UTC(2026, 6, 7, 10) },
  'issues/software-carried-over-sprints.json': { fields: 'help-desk-bug-severity.json', nowMs: Date.UTC(2026, 10, 20) },
  'search/jql-empty-result.json': { fields: 'help-desk-bug-severity.json', nowMs: Date.UTC(2026, 10, 30) },
  'search/jql-page-1-of-2.json': { fields: 'help-desk-bug-severity.json', nowMs: Date.UTC(2026, 10, 30, 8) },
  'search/jql-page-2-of-2.json': { fields: 'help-desk-bug-severity.json', nowMs: Date.UTC(2026, 10, 30, 8) },
  'search/legacy-offset-page.json': { fields: 'jsm-itsm-site.json', nowMs: Date.UTC(2026, 4, 1) },
  'server-dc/search-page-usernames-sprint-text.json': { fields: 'server-dc-site.json', nowMs: Date.UTC(2026, 1, 22) },
};

interface Expected {
  readonly issueType: string;
  readonly statusCategory: string;
  readonly priority?: string;
  readonly severity?: string;
  readonly sprintIds: readonly number[];
  readonly storyPoints?: number;
  readonly sla: SlaState;
  readonly labels: readonly string[];
  readonly assignee?: string;
  /** Embedded worklog entries read, when the issue carries its worklog field. */
  readonly worklogs?: number;
  readonly worklogsComplete: boolean;
  readonly notes: readonly string[];
}

const NO_SEVERITY = 'No Severity field is known for this site, so severity is unknown.';
const serverNote = (label: string, id: string, sign: string) =>
  `${label} (${id}) looks like Jira Server/Data Center data (${sign}); Interrupt Budget reads Jira Cloud, so it was treated as not set. Export the issue from a Jira Cloud site.`;

const EXPECTED: Record<string, Expected> = {
  // The Agile API's `sprint` system field and the Sprint custom field name the same sprint: counted once.
  'PLAT-5': { issueType: 'Story', statusCategory: 'new', priority: 'Medium', severity: 'Sev-3 Moderate', sprintIds: [4], storyPoints: 5, sla: 'none', labels: [], worklogs: 0, worklogsComplete: true, notes: [] },
  // An OLD_SLA_FORMAT first response breached long ago, beside a met resolution SLA whose ongoingCycle is null; radio-button Bug Severity.
  'HELP-34438': { issueType: 'Help', statusCategory: 'indeterminate', priority: 'Critical', severity: 'S2 - Major', sprintIds: [], sla: 'breached', labels: ['jira_escalated'], assignee: '5d7f3a2b9c8e1f0012ab34cd', worklogsComplete: true, notes: [] },
  // Every SLA field holds Jira's error object: no clocks, one note (the company-managed Story Points field has the estimate).
  'OPS-35': {
    issueType: 'Story', statusCategory: 'indeterminate', priority: 'Low', sprintIds: [], storyPoints: 1, sla: 'none', labels: ['archive', 'nightly-job'], assignee: '5b10ac8d82e05b22cc7d4ef5', worklogs: 0, worklogsComplete: true,
    notes: ['Jira sent an error instead of the SLA fields Time to resolution (customfield_10071), Time to first response (customfield_10072), Time to close after resolution (customfield_10073), Time to review normal change (customfield_10074) ("The service project you are trying to view does not exist."), so the issue has no SLA clock from them.'],
  },
  // Localised names throughout; the running resolution SLA (117 h left) is what decides; Schweregrad is not found by name.
  'HELP-4540': { issueType: 'Serviceanfrage', statusCategory: 'indeterminate', priority: 'High', sprintIds: [], sla: 'ok', labels: ['export'], worklogsComplete: true, notes: [NO_SEVERITY] },
  // Carried over: the closed sprint stays in the Sprint field beside the active one; 20 of 23 worklogs embedded.
  'PAY-412': { issueType: 'Bug', statusCategory: 'indeterminate', priority: 'High', sprintIds: [41, 42], storyPoints: 8, sla: 'none', labels: ['carry-over', 'retries'], assignee: '5c2e8f1a7b3d4e0012f9a6b8', worklogs: 20, worklogsComplete: false, notes: [] },
  // A running first-response SLA past its breach time, flagged breached by Jira.
  'HELP-35102': { issueType: 'Bug', statusCategory: 'indeterminate', priority: 'Blocker', severity: 'S1 - Critical', sprintIds: [], sla: 'breached', labels: [], assignee: '5e9a1c7d3b2f4a0068d4e1b2', worklogsComplete: true, notes: [] },
  'PAY-398': { issueType: 'Story', statusCategory: 'new', priority: 'Major', sprintIds: [42], storyPoints: 3, sla: 'none', labels: ['receipts'], worklogsComplete: true, notes: [] },
  'PAY-399': { issueType: 'Story', statusCategory: 'done', priority: 'Minor', sprintIds: [42], storyPoints: 2, sla: 'none', labels: [], assignee: '5c2e8f1a7b3d4e0012f9a6b8', worklogsComplete: true, notes: [] },
  // The removed offset search's page (startAt/total, renderedFields and transitions beside fields).
  'OPS-28': { issueType: 'Task', statusCategory: 'new', priority: 'Highest', sprintIds: [], sla: 'none', labels: [], worklogs: 0, worklogsComplete: true, notes: [] },
  // Server/Data Center: sprints as greenhopper text, people by user name — each said to look like Server data.
  'QA-36': {
    issueType: 'Defect', statusCategory: 'new', priority: 'Major', sprintIds: [], sla: 'none', labels: [], worklogsComplete: true,
    notes: [
      NO_SEVERITY,
      serverNote('Sprint', 'customfield_10005', 'its sprints are written as text'),
      serverNote('Assignee', 'assignee', 'it names a person by user name, without an account id'),
      serverNote('Reporter', 'reporter', 'it names a person by user name, without an account id'),
    ],
  },
};

/** Each fixture file with its issues: a single issue, or a page's issues as the client's schema reads them. */
const files: Array<{ file: string; issues: unknown[] }> = (['issues', 'search', 'server-dc'] as const satisfies readonly RealWorldKind[]).flatMap((kind) =>
  realWorldFixtures(kind).map(([name, value]) => ({ file: `${kind}/${name}`, issues: kind === 'issues' ? [value] : searchPageSchema.parse(value).issues })),
);
const keyOf = (raw: unknown): string => String((raw as { key?: unknown }).key);

it('has a site for every fixture file and one expectations row per issue in them', () => {
  expect(Object.keys(SITES).sort()).toEqual(files.map((f) => f.file).sort());
  expect(Object.keys(EXPECTED).sort()).toEqual(files.flatMap((f) => f.issues.map(keyOf)).sort());
});

describe.each(files.filter((f) => f.issues.length > 0))('$file', ({ file, issues }) => {
  const site = SITES[file];
  const catalog = discoverFields(realWorldFixture('fields', site?.fields ?? '')).catalog;
  it.each(issues.map((raw) => [keyOf(raw), raw] as const))('maps %s', (key, raw) => {
    const result = mapIssue(raw, catalog);
    if (!result.ok) throw new Error(result.error);
    const { ticket, notes, worklogsComplete } = result.issue;
    expect(ticket.key).toBe(key);
    expect({
      issueType: ticket.issueType,
      statusCategory: ticket.statusCategory,
      priority: ticket.priorityName,
      severity: ticket.severityValue,
      sprintIds: ticket.sprints.map((s) => s.id),
      storyPoints: ticket.storyPoints,
      sla: assessSla(ticket.slaClocks, { nowMs: site?.nowMs ?? 0 }).state,
      labels: ticket.labels,
      assignee: ticket.assigneeAccountId,
      worklogs: ticket.worklogs?.length,
      worklogsComplete,
      notes,
    }).toEqual(EXPECTED[key]);
  });
});
