/**
 * The triggers' event schemas over events shaped like real ones (test/fixtures/real-world/events,
 * origins in SOURCES.md): a Forge issue event is read and its changelog judged, a Forge sprint event
 * gives its sprint and board, and a Jira webhook — which is not what Forge delivers — is refused by
 * both. One row per fixture; a new fixture fails here until it has one.
 */
import { realWorldFixtures } from '../../test/fixtures/real-world/load';
import { sprintStartedEventSchema } from '../app/sprint/sprint-started';
import { isRelevantChange, issueEventSchema } from './issue-event-schema';

type Row =
  | { readonly issue: { readonly id: string; readonly key: string; readonly project: string }; readonly relevant: readonly boolean[] }
  | { readonly sprint: { readonly id: number; readonly originBoardId: number } }
  | { readonly neither: true };

const EXPECTED: Record<string, Row> = {
  'forge-started-sprint.json': { sprint: { id: 37, originBoardId: 1 } },
  // A priority change: the verdict may change, so the trigger looks at the issue.
  'forge-updated-issue.json': { issue: { id: '10073', key: 'SP-10', project: 'SP' }, relevant: [true] },
  'webhook-issue-assigned.json': { neither: true },
  'webhook-worklog-created.json': { neither: true },
};

const events = realWorldFixtures('events');

it('has one expectations row per event fixture', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(events.map(([name]) => name));
});

it.each(events)('reads %s as its trigger would', (name, event) => {
  const row = EXPECTED[name];
  const issueEvent = issueEventSchema.safeParse(event);
  const sprintEvent = sprintStartedEventSchema.safeParse(event);
  if (row && 'issue' in row) {
    if (!issueEvent.success) throw new Error(issueEvent.error.message);
    expect({ id: issueEvent.data.issue.id, key: issueEvent.data.issue.key, project: issueEvent.data.issue.fields?.project?.key }).toEqual(row.issue);
    expect((issueEvent.data.changelog?.items ?? []).map((item) => isRelevantChange(item, { appLabels: [], severityFieldId: null }))).toEqual(row.relevant);
  } else if (row && 'sprint' in row) {
    expect(issueEvent.success).toBe(false);
    expect(sprintEvent.success && { id: sprintEvent.data.sprint.id, originBoardId: sprintEvent.data.sprint.originBoardId }).toEqual(row.sprint);
  } else {
    expect(issueEvent.success).toBe(false);
    expect(sprintEvent.success).toBe(false);
  }
});
