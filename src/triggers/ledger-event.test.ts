/** What the ledger trigger records of each event, and what it refuses, with the sentence it logs. */
import { MemoryStore } from '../app/storage/memory-store';
import { projectRegistry } from '../app/storage/sprint-records';
import { ledgerJournal } from '../app/sprint/ledger-journal';
import type { Ports } from '../ports';
import { handleLedgerEvent } from './ledger-event';
import { issueChangeOf } from './ledger-event-schema';
import { issueEventSchema } from './issue-event-schema';

const T = Date.UTC(2026, 10, 23, 9);
const ports = (store: MemoryStore): Ports => ({ jira: {} as Ports['jira'], appJira: {} as Ports['appJira'], store, clock: { now: () => T } });
const worklog = { id: '100200', issueId: '10042', author: { accountId: 'a-1' }, started: '2026-11-23T08:00:00.000+0100', timeSpentSeconds: 1800, created: '2026-11-23T08:40:00.000+0000', updated: '2026-11-23T08:45:00.000+0000' };

describe('handleLedgerEvent', () => {
  it.each([
    ['avi:jira:created:worklog', false],
    ['avi:jira:updated:worklog', false],
    ['avi:jira:deleted:worklog', true],
  ])('%s: the worklog as it is, by Jira\'s times, with no call to Jira', async (eventType, deleted) => {
    const store = new MemoryStore();
    const outcome = await handleLedgerEvent({ eventType, worklog, atlassianId: 'a-1' }, ports(store));
    expect(outcome).toEqual({ status: 'recorded', change: { kind: 'worklog', issueId: '10042', worklogId: '100200', atMs: Date.parse('2026-11-23T08:45:00Z'), deleted, startedMs: Date.parse('2026-11-23T07:00:00Z'), seconds: 1800, authorAccountId: 'a-1' } });
    expect((await ledgerJournal.list(store)).entries).toHaveLength(1);
  });

  it('a worklog without an author keeps its time', async () => {
    const outcome = await handleLedgerEvent({ eventType: 'avi:jira:created:worklog', worklog: { ...worklog, author: null } }, ports(new MemoryStore()));
    expect(outcome).toMatchObject({ status: 'recorded', change: { seconds: 1800 } });
    expect(outcome.status === 'recorded' && 'authorAccountId' in outcome.change).toBe(false);
  });

  it('a deleted issue or a comment of a project that uses the app: deleted, touched; of another project: nothing', async () => {
    const store = new MemoryStore();
    await projectRegistry.register(store, 'SUP', T);
    const issue = { id: '10042', key: 'SUP-42', fields: { updated: '2026-11-23T08:59:00.000+0000' } };
    expect(await handleLedgerEvent({ eventType: 'avi:jira:deleted:issue', issue }, ports(store))).toMatchObject({ status: 'recorded', change: { kind: 'deleted', issueId: '10042' } });
    expect(await handleLedgerEvent({ eventType: 'avi:jira:commented:issue', issue, comment: { id: '1' } }, ports(store))).toMatchObject({ status: 'recorded', change: { kind: 'touched', atMs: Date.parse('2026-11-23T08:59:00Z') } });
    expect(await handleLedgerEvent({ eventType: 'avi:jira:deleted:issue', issue: { ...issue, key: 'OTHER-1' } }, ports(store))).toEqual({ status: 'ignored', reason: 'Project OTHER does not use Interrupt Budget.' });
  });

  it('refuses, with a sentence, what it cannot read, and records nothing', async () => {
    const store = new MemoryStore();
    for (const event of [null, { eventType: 'avi:jira:created:worklog', worklog: { ...worklog, started: 'soon' } }, { eventType: 'avi:jira:created:worklog', worklog: { id: '1' } }, { eventType: 'avi:jira:viewed:issue', issue: {} }]) {
      const outcome = await handleLedgerEvent(event, ports(store));
      expect(outcome).toEqual({ status: 'ignored', reason: expect.stringMatching(/^The payload is not a worklog, issue deleted or comment event the app can read/) });
    }
    expect((await ledgerJournal.list(store)).entries).toEqual([]);
  });
});

describe('issueChangeOf: what an issue event means for the ledger', () => {
  const event = (items: object[], eventType = 'avi:jira:updated:issue') =>
    issueEventSchema.parse({ eventType, issue: { id: '7', key: 'SUP-7', fields: { updated: '2026-11-23T09:00:00.000+0000' } }, changelog: { items } });
  it.each([
    ['created', [], 'avi:jira:created:issue', 'read'],
    ['the sprint', [{ field: 'Sprint', fieldId: 'customfield_10020', to: '13' }], undefined, 'read'],
    ['the status', [{ field: 'status', fieldId: 'status' }], undefined, 'read'],
    ['a custom field we cannot place', [{ field: 'Team', fieldId: 'customfield_12345' }], undefined, 'read'],
    ['the description', [{ field: 'description', fieldId: 'description' }], undefined, 'touched'],
    ['work logged: time tracking', [{ field: 'timespent', fieldId: 'timespent' }, { field: 'WorklogId', fieldId: 'worklogId', to: '1' }], undefined, 'touched (worklog)'],
  ])('%s → %s', (_what, items, eventType, expected) => {
    const change = issueChangeOf(event(items, eventType), 0);
    expect(change.kind === 'touched' && change.worklog ? 'touched (worklog)' : change.kind).toBe(expected);
    expect(change.atMs).toBe(T);
  });
});
