import fc from 'fast-check';
import { jiraFixture } from '../../test/fixtures/jira/load';
import { discoverFields, EMPTY_CATALOG } from './field-catalog';
import { jiraTimeMs, mapIssue, type MappedIssue } from './issue-mapper';

const catalog = discoverFields(jiraFixture('fields.json')).catalog;
const issues = jiraFixture<unknown[]>('issues.json');

function mapped(raw: unknown, c = catalog): MappedIssue {
  const result = mapIssue(raw, c);
  if (!result.ok) throw new Error(result.error);
  return result.issue;
}

describe('mapIssue on a search/jql issue with every field', () => {
  const { ticket, notes, worklogsComplete } = mapped(issues[0]);

  it('maps identity, type, status and classification fields', () => {
    expect(ticket).toMatchObject({
      id: '10457',
      key: 'SUP-231',
      summary: 'Checkout returns 500 for EU customers',
      issueType: 'Bug',
      statusCategory: 'indeterminate',
      priorityName: 'High',
      severityValue: 'Sev 2',
      labels: ['customer-reported', 'eu'],
      components: ['Payments'],
      createdMs: Date.UTC(2026, 10, 18, 9, 12, 44, 120),
      storyPoints: 3,
      assigneeAccountId: '5b10a2844c20165700ede21g',
    });
    expect(ticket.resolvedMs).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it('maps sprint membership, SLA clocks and embedded worklogs', () => {
    expect(ticket.sprints).toEqual([{ id: 42, name: 'PLAT Sprint 42', state: 'active' }]);
    expect(ticket.slaClocks).toEqual([
      { name: 'Time to resolution', completedCycles: [], ongoingCycle: { breached: false, paused: false, remainingMs: 25200000, breachAtMs: 1795540364120 } },
    ]);
    expect(ticket.worklogs).toEqual([
      { id: '100028', startedMs: Date.UTC(2026, 10, 18, 9, 30), seconds: 5400, authorAccountId: '5b10a2844c20165700ede21g' },
      { id: '100031', startedMs: Date.UTC(2026, 10, 19, 14, 0), seconds: 2700, authorAccountId: '712020:8c1e' },
    ]);
    expect(worklogsComplete).toBe(true);
  });

  it('reads the recorded decision and the suggestion from the issue property', () => {
    expect(ticket.decision).toMatchObject({ outcome: 'interrupt', override: true, reason: 'Largest EU customer blocked', sprintId: 42 });
    expect(ticket.suggestion).toEqual({ outcome: 'backlog', ruleId: null, policyVersion: 2, evaluatedAt: '2026-11-18T09:13:00.000Z' });
  });
});

describe('mapIssue on sparse and odd issues', () => {
  it('leaves unset fields absent instead of inventing values', () => {
    const { ticket, notes } = mapped(issues[3]);
    expect(ticket).toEqual({
      id: '10460',
      key: 'SUP-234',
      summary: 'Typo on pricing page',
      issueType: 'Bug',
      statusCategory: 'new',
      statusName: 'Open',
      labels: [],
      components: [],
      slaClocks: [],
      sprints: [],
      createdMs: Date.UTC(2026, 10, 22, 8),
    });
    expect(notes).toEqual([]);
  });

  it('maps an OLD-format breached SLA and a paused one', () => {
    expect(mapped(issues[2]).ticket.slaClocks).toEqual([{ name: 'First Reply Time', completedCycles: [{ breached: true, remainingMs: -13129216 }] }]);
    expect(mapped(issues[4]).ticket.slaClocks[0]?.ongoingCycle).toMatchObject({ paused: true });
  });

  it('notes fields with an unexpected shape and carries on', () => {
    const raw = {
      id: 1,
      key: 'SUP-9',
      fields: {
        issuetype: 'Bug',
        status: { statusCategory: { key: 'weird' } },
        priority: 7,
        labels: 'support',
        created: 'last tuesday',
        customfield_10016: 'three',
        customfield_10031: 'eight hours',
        customfield_10081: { id: '1' },
      },
    };
    const { ticket, notes } = mapped(raw);
    expect(ticket).toMatchObject({ id: '1', key: 'SUP-9', issueType: 'unknown', statusCategory: 'unknown', labels: [] });
    expect(ticket.priorityName).toBeUndefined();
    expect(ticket.storyPoints).toBeUndefined();
    expect(ticket.createdMs).toBeUndefined();
    expect(notes).toEqual(
      expect.arrayContaining([
        'Issue type (issuetype) has an unexpected shape and was treated as not set.',
        'The issue type is missing, so support filters by type cannot match.',
        'Priority (priority) has an unexpected shape and was treated as not set.',
        'Labels (labels) has an unexpected shape and was treated as not set.',
        'Created (created) is not a valid date and was treated as not set.',
        'Story point estimate (customfield_10016) has an unexpected shape and was treated as not set.',
        'SLA field Time to resolution (customfield_10031) has an unexpected shape and was ignored.',
        'Severity (customfield_10081) has an unexpected shape and was treated as not set.',
      ]),
    );
  });

  it('maps an SLA field that holds Jira\'s error instead of a value to no clock, with one note naming the fields', () => {
    // Jira Cloud answers `{errorMessage, i18nErrorMessage}` in SLA fields it cannot compute (test/fixtures/real-world/SOURCES.md).
    const error = { errorMessage: 'The service project you are trying to view does not exist.', i18nErrorMessage: { i18nKey: 'sd.jsm.agent.servicedesk.error.servicedesk.missing', parameters: [] } };
    const { ticket, notes } = mapped({ id: '4', key: 'OPS-4', fields: { issuetype: { name: 'Task' }, customfield_10031: error, customfield_10032: error } });
    expect(ticket.slaClocks).toEqual([]);
    expect(notes).toEqual([
      'Jira sent an error instead of the SLA fields Time to resolution (customfield_10031), Time to first response (customfield_10032) ("The service project you are trying to view does not exist."), so the issue has no SLA clock from them.',
    ]);
  });

  it('takes company-managed points when the team-managed field is empty', () => {
    const raw = { id: '2', key: 'TEAM-1', fields: { issuetype: { name: 'Story' }, customfield_10016: null, customfield_10026: 5 } };
    expect(mapped(raw).ticket.storyPoints).toBe(5);
  });

  it.each([
    ['a multi-select', [{ value: 'Sev 1' }, { value: 'Sev 3' }], 'Sev 1', 1],
    ['a cascading select', { value: 'Critical', child: { value: 'Checkout' } }, 'Critical', 0],
    ['a text field', 'S2', 'S2', 0],
    ['a number field', 3, '3', 0],
  ])('reads Severity from %s', (_label, value, expected, noteCount) => {
    const { ticket, notes } = mapped({ id: '3', key: 'SUP-3', fields: { issuetype: { name: 'Bug' }, customfield_10081: value } });
    expect(ticket.severityValue).toBe(expected);
    expect(notes).toHaveLength(noteCount);
  });

  it('says severity is unknown when the site has no Severity field', () => {
    const { ticket, notes } = mapped(issues[1], EMPTY_CATALOG);
    expect(ticket.severityValue).toBeUndefined();
    expect(notes).toContain('No Severity field is known for this site, so severity is unknown.');
  });

  it('merges the Agile sprint and closedSprints fields without duplicates', () => {
    const raw = {
      id: '4',
      key: 'PLAT-881',
      fields: {
        issuetype: { name: 'Story' },
        customfield_10020: [{ id: 42, name: 'S42', state: 'active' }],
        sprint: { id: 42, name: 'S42', state: 'active', originBoardId: 7 },
        closedSprints: [{ id: 41, name: 'S41', state: 'closed' }],
      },
    };
    expect(mapped(raw).ticket.sprints).toEqual([
      { id: 42, name: 'S42', state: 'active' },
      { id: 41, name: 'S41', state: 'closed' },
    ]);
  });

  it('flags a truncated embedded worklog list so the client fetches the rest', () => {
    const raw = { id: '5', key: 'SUP-5', fields: { issuetype: { name: 'Bug' }, worklog: { startAt: 0, maxResults: 20, total: 27, worklogs: [{ started: '2026-11-18T09:30:00.000+0000', timeSpentSeconds: 60 }, { started: 'bad', timeSpentSeconds: 60 }] } } };
    const { ticket, worklogsComplete } = mapped(raw);
    expect(worklogsComplete).toBe(false);
    expect(ticket.worklogs).toEqual([{ startedMs: Date.UTC(2026, 10, 18, 9, 30), seconds: 60 }]);
  });

  it('notes a malformed decision property and treats the issue as undecided', () => {
    const { ticket, notes } = mapped({ id: '6', key: 'SUP-6', fields: { issuetype: { name: 'Bug' } }, properties: { interruptBudget: { outcome: 'yes' } } });
    expect(ticket.decision).toBeUndefined();
    expect(notes).toContain('The recorded triage decision is incomplete or malformed; it was ignored.');
  });

  it('maps an issue without fields (search returns only ids by default)', () => {
    expect(mapped({ id: '7', key: 'SUP-7' }).ticket).toMatchObject({ id: '7', key: 'SUP-7', issueType: 'unknown', statusCategory: 'unknown' });
  });

  it.each([
    [null, 'it is null, not an object with an id and a key'],
    ['SUP-1', 'it is a string, not an object with an id and a key'],
    [[], 'it is a list, not an object with an id and a key'],
    [{ key: 'SUP-1' }, 'it has a key (SUP-1) but no id'],
    [{ id: '1' }, 'it has an id (1) but no key'],
    [{ id: '', key: 'SUP-1' }, 'it has a key (SUP-1) but no id'],
    [{ summary: 'x' }, 'it has no id and no key'],
  ])('rejects %j, which is not an issue, naming only what is missing', (raw, why) => {
    expect(mapIssue(raw, catalog)).toEqual({ ok: false, error: `The value is not a Jira issue: ${why}.` });
  });

  it('never throws, whatever the fields hold', () => {
    const field = fc.oneof(fc.anything(), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('issuetype', 'status', 'priority', 'labels', 'components', 'created', 'worklog', 'customfield_10016', 'customfield_10020', 'customfield_10031', 'customfield_10081', 'sprint', 'assignee'), field), (fields) => {
        expect(() => mapIssue({ id: '1', key: 'X-1', fields }, catalog)).not.toThrow();
      }),
    );
  });
});

describe('partial data keeps what it can (issue 16, item 4)', () => {
  const started = '2026-11-18T09:30:00.000+0000';
  const at = Date.UTC(2026, 10, 18, 9, 30);

  it('keeps the time of a worklog without an author (null, missing or without accountId), the author unknown', () => {
    const worklogs = [
      { started, timeSpentSeconds: 600, author: { accountId: 'a-1', displayName: 'Ann' } },
      { started, timeSpentSeconds: 900, author: null },
      { started, timeSpentSeconds: 300 },
      { started, timeSpentSeconds: 120, author: { displayName: 'Anonymous' } },
    ];
    const { ticket, notes } = mapped({ id: '7', key: 'SUP-7', fields: { issuetype: { name: 'Bug' }, worklog: { startAt: 0, maxResults: 20, total: 4, worklogs } } });
    expect(ticket.worklogs).toEqual([
      { startedMs: at, seconds: 600, authorAccountId: 'a-1' },
      { startedMs: at, seconds: 900 },
      { startedMs: at, seconds: 300 },
      { startedMs: at, seconds: 120 },
    ]);
    expect(notes).toContain('3 worklogs have no readable author: the time is counted, the author shown as unknown.');
    expect(notes.join(' ')).not.toContain('Worklog (worklog) has an unexpected shape');
  });

  it('leaves out only the entry that cannot be placed in time, and says so', () => {
    const worklogs = [{ started, timeSpentSeconds: 600, author: { accountId: 'a-1' } }, { started: 'yesterday', timeSpentSeconds: 60 }, { timeSpentSeconds: 60 }, 'junk'];
    const { ticket, notes } = mapped({ id: '8', key: 'SUP-8', fields: { worklog: { total: 4, worklogs } } });
    expect(ticket.worklogs).toEqual([{ startedMs: at, seconds: 600, authorAccountId: 'a-1' }]);
    expect(notes).toContain('3 worklogs have no valid start time or duration and were left out.');
  });

  it('says a Server/Data Center sprint field (text form) looks like Server data, not "unexpected shape"', () => {
    const sprintField = 'customfield_10020';
    const raw = {
      id: '9',
      key: 'SUP-9',
      fields: { [sprintField]: ['com.atlassian.greenhopper.service.sprint.Sprint@6d1e3f[id=3,rapidViewId=1,state=ACTIVE,name=Sprint 3,startDate=2026-11-16T09:00:00.000Z]'] },
    };
    const { ticket, notes } = mapped(raw);
    expect(ticket.sprints).toEqual([]);
    expect(notes).toContain(
      `Sprint (${sprintField}) looks like Jira Server/Data Center data (its sprints are written as text); Interrupt Budget reads Jira Cloud, so it was treated as not set. Export the issue from a Jira Cloud site.`,
    );
  });

  it('says an assignee named by user name without an account id looks like Server data', () => {
    const { ticket, notes } = mapped({ id: '10', key: 'SUP-10', fields: { assignee: { name: 'jsmith', key: 'JIRAUSER10100', displayName: 'J Smith' } } });
    expect(ticket.assigneeAccountId).toBeUndefined();
    expect(notes).toContain(
      'Assignee (assignee) looks like Jira Server/Data Center data (it names a person by user name, without an account id); Interrupt Budget reads Jira Cloud, so it was treated as not set. Export the issue from a Jira Cloud site.',
    );
  });

  it('still calls a Cloud-shaped but wrong value an unexpected shape', () => {
    const { notes } = mapped({ id: '11', key: 'SUP-11', fields: { assignee: { displayName: 'Nobody' }, customfield_10020: [42] } });
    expect(notes).toEqual(expect.arrayContaining(['Assignee (assignee) has an unexpected shape and was treated as not set.', 'Sprint (customfield_10020) has an unexpected shape and was treated as not set.']));
  });
});

describe('jiraTimeMs', () => {
  it.each([
    ['2026-11-18T09:12:44.120+0000', Date.UTC(2026, 10, 18, 9, 12, 44, 120)],
    ['2015-04-11T15:22:00.000+10:00', Date.UTC(2015, 3, 11, 5, 22)],
    ['2026-11-10T08:00:00.000Z', Date.UTC(2026, 10, 10, 8)],
    ['nonsense', undefined],
  ])('%s → %s', (text, ms) => {
    expect(jiraTimeMs(text)).toBe(ms);
  });
});
