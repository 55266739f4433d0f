/**
 * What `classify` makes of real-world-shaped inputs (test/fixtures/real-world, origins in SOURCES.md):
 * issues and search pages are read as issues; a webhook or Forge event is named and its issue handed
 * over with --unwrap; sprint and board pages, worklog lists, the field list and issue-less events are
 * named with what to pass instead. Every fixture of every kind has a row; a new one fails until it does.
 */
import { realWorldFixture, realWorldFixtures, REAL_WORLD_KINDS } from '../../test/fixtures/real-world/load';
import { NOW } from '../../test/builders/clocks';
import { classify } from './classify';
import { inputShape, shapeProblem } from './input-shape';

type Row =
  | { readonly issues: number }
  | { readonly wrapped: string; readonly key: string }
  | { readonly problem: string };

const FIELDS_PROBLEM = 'This is the field list (GET /rest/api/3/field), not issues: pass it with --fields FILE, and the issues as FILE.';
const WORKLOG_PROBLEM = 'This is a worklog list (GET /rest/api/3/issue/{issueIdOrKey}/worklog), not issues: pass the issue itself: its worklogs come embedded.';
const SPRINTS_PROBLEM = "This is a page of sprints (GET /rest/agile/1.0/board/{boardId}/sprint), not issues: pass the sprint's issues: a search response (POST /rest/api/3/search/jql with jql sprint = ID).";
const BOARDS_PROBLEM = 'This is a page of boards (GET /rest/agile/1.0/board), not issues: pass the issues of a sprint of the board: a search response (POST /rest/api/3/search/jql with jql sprint = ID).';
const eventWithout = (name: string) => `This is an event (${name}) without an issue, not issues: pass the issue it is about (GET /rest/api/3/issue/{issueIdOrKey}).`;

const EXPECTED: Record<string, Row> = {
  'agile/boards-kanban-with-location.json': { problem: BOARDS_PROBLEM },
  'agile/boards-scrum-bare.json': { problem: BOARDS_PROBLEM },
  'agile/sprints-active-and-future.json': { problem: SPRINTS_PROBLEM },
  'agile/sprints-closed-then-active.json': { problem: SPRINTS_PROBLEM },
  'events/forge-started-sprint.json': { problem: eventWithout('avi:jira-software:started:sprint') },
  'events/forge-updated-issue.json': { wrapped: 'a Forge product event (avi:jira:updated:issue)', key: 'SP-10' },
  'events/webhook-issue-assigned.json': { wrapped: 'a Jira webhook (jira:issue_updated)', key: 'HELP-121' },
  'events/webhook-worklog-created.json': { problem: eventWithout('worklog_created') },
  'fields/duplicated-bug-severity.json': { problem: FIELDS_PROBLEM },
  'fields/help-desk-bug-severity.json': { problem: FIELDS_PROBLEM },
  'fields/jsm-itsm-site.json': { problem: FIELDS_PROBLEM },
  'fields/localised-service-desk.json': { problem: FIELDS_PROBLEM },
  'fields/server-dc-site.json': { problem: FIELDS_PROBLEM },
  'issues/agile-sprint-issue.json': { issues: 1 },
  'issues/help-desk-bug-severity.json': { issues: 1 },
  'issues/jsm-get-issue-sla-error.json': { issues: 1 },
  'issues/localised-service-request.json': { issues: 1 },
  'issues/software-carried-over-sprints.json': { issues: 1 },
  'search/jql-empty-result.json': { issues: 0 },
  'search/jql-page-1-of-2.json': { issues: 2 },
  'search/jql-page-2-of-2.json': { issues: 1 },
  'search/legacy-offset-page.json': { issues: 1 },
  'server-dc/search-page-usernames-sprint-text.json': { issues: 1 },
  'worklogs/api2-page-text-comments.json': { problem: WORKLOG_PROBLEM },
  'worklogs/docs-example-page.json': { problem: WORKLOG_PROBLEM },
};

/** Every fixture but the raw SLA values (a field's value, never a whole input). */
const inputs = REAL_WORLD_KINDS.filter((kind) => kind !== 'sla').flatMap((kind) => realWorldFixtures(kind).map(([name, value]) => [`${kind}/${name}`, value] as const));

it('has one expectations row per input fixture', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(inputs.map(([file]) => file).sort());
});

it.each(inputs)('names what %s is', (file, value) => {
  const row = EXPECTED[file];
  const shape = inputShape(value);
  if (row && 'issues' in row) {
    expect(shape).toMatchObject({ kind: 'issues', issues: { length: row.issues } });
    return;
  }
  if (shape.kind === 'issues') throw new Error(`${file} was read as issues`);
  if (row && 'wrapped' in row) {
    expect(shape).toMatchObject({ kind: 'wrapped', what: row.wrapped, issue: { key: row.key } });
    expect(shapeProblem(shape)).toBe(`This is ${row.wrapped}: its issue is under .issue — pass that, or use --unwrap.`);
  } else {
    expect(shape.kind).toBe('other');
    expect(shapeProblem(shape)).toBe(row?.problem);
  }
});

it('classifies the issue a real webhook carries with --unwrap, reading Severity through the site\'s field list', () => {
  const text = (kind: 'events' | 'fields', name: string) => ({ name, text: JSON.stringify(realWorldFixture(kind, name)) });
  const output = classify({ issueFiles: [text('events', 'webhook-issue-assigned.json')], unwrap: true, fieldsFile: text('fields', 'help-desk-bug-severity.json'), nowMs: NOW });
  expect(output.problems).toEqual([]);
  expect(output.lines.map((line) => JSON.parse(line) as unknown)).toEqual([expect.objectContaining({ key: 'HELP-121', priority: 'P2', severity: 'S3', sla: 'none' })]);
});

/**
 * The issue's "done when": classify on a whole real export — the help-desk site's issues and search
 * pages, its field list and its priority scheme (Blocker / Critical / Major / Minor, as its data
 * dictionary lists it) — gives the verdicts the site's own words mean, and says every guess on a note.
 */
it('classifies a whole real export (issues, field list, priority scheme) in the site\'s own words, each guess noted', () => {
  const text = (kind: 'issues' | 'search' | 'fields', name: string) => ({ name, text: JSON.stringify(realWorldFixture(kind, name)) });
  const output = classify({
    issueFiles: [text('issues', 'help-desk-bug-severity.json'), text('search', 'jql-page-1-of-2.json'), text('search', 'jql-page-2-of-2.json')],
    fieldsFile: text('fields', 'help-desk-bug-severity.json'),
    prioritiesFile: { name: 'priorities.json', text: JSON.stringify(['Blocker', 'Critical', 'Major', 'Minor']) },
    nowMs: Date.UTC(2026, 2, 10),
  });
  expect(output.problems).toEqual([]);
  const verdicts = output.lines.map((line) => JSON.parse(line) as Record<string, unknown>).map(({ key, outcome, priority, severity, sla }) => ({ key, outcome, priority, severity, sla }));
  expect(verdicts).toEqual([
    // Critical is this scheme's second level: P2, not the built-in names' P1. Its breached SLA interrupts.
    { key: 'HELP-34438', outcome: 'interrupt', priority: 'P2', severity: 'S2', sla: 'breached' },
    { key: 'HELP-35102', outcome: 'interrupt', priority: 'P1', severity: 'S1', sla: 'breached' },
    { key: 'PAY-398', outcome: 'backlog', priority: 'P3', severity: 'unknown', sla: 'none' },
    { key: 'PAY-399', outcome: 'backlog', priority: 'P4', severity: 'unknown', sla: 'none' },
  ]);
  // The two guesses, and nothing else: a Severity left empty (PAY-398/399) is no guess.
  expect(output.warnings).toEqual([
    'Severity is read from Bug Severity (customfield_10629): the one field with options whose name contains "severity". Choose another in the settings if that is wrong.',
    "Priorities follow the site's order: Blocker → P1, Critical → P2, Major → P3, Minor → P4.",
  ]);
});
