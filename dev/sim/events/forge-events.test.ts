/**
 * The simulator's events have the shapes Forge documents, and the app reads each of them:
 * - issue events against the type reference of
 *   https://developer.atlassian.com/platform/forge/events-reference/jira/ (issue `id`, `key` and
 *   exactly the documented `fields`; `atlassianId`; `associatedUsers`; changelog items);
 * - the worklog of a worklog event as Jira's `Worklog` (the OpenAPI spec's getWorklog answer);
 * - the app's own parsers (the triggers') accept every event the site raised.
 * And every change raises its events: who caused it (for ignoreSelf), and the faults.
 */
import { z } from 'zod';
import { validateResponse } from '../../../test/contract/openapi';
import { handleLedgerEvent } from '../../../src/triggers/ledger-event';
import { issueEventSchema } from '../../../src/triggers/issue-event-schema';
import { issueDeletedEventSchema, worklogEventSchema } from '../../../src/triggers/ledger-event-schema';
import { MemoryStore } from '../../../src/app/storage/memory-store';
import { JiraClient } from '../../../src/jira/jira-client';
import { BasicAuthTransport } from '../../../src/jira/basic-auth-transport';
import { startSimulator, type Simulator } from '../index';

const NOW = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;

const user = z.object({ accountId: z.string().min(1) }).strict();
/** The documented `Issue` of an issue event: these fields and no others. */
const documentedIssue = z.object({
  id: z.string().regex(/^\d+$/),
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
  fields: z
    .object({
      summary: z.string().optional(),
      issuetype: z.unknown().optional(),
      creator: z.unknown().optional(),
      created: z.string().optional(),
      project: z.unknown().optional(),
      reporter: user.optional(),
      assignee: user.nullable().optional(),
      updated: z.string().optional(),
      status: z.unknown().optional(),
    })
    .strict(),
});
const changelogItem = z.object({ field: z.string(), fieldtype: z.string(), fieldId: z.string(), from: z.string().nullable(), fromString: z.string().nullable(), to: z.string().nullable(), toString: z.string().nullable() }).strict();
const issueEvent = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue', 'avi:jira:commented:issue']),
  issue: documentedIssue,
  atlassianId: z.string().optional(),
  associatedUsers: z.array(user).optional(),
  changelog: z.object({ id: z.string(), items: z.array(changelogItem).min(1) }).optional(),
  comment: z.unknown().optional(),
}).strict();

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterEach(() => sim.close());

const admin = () => JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.admin.email, apiToken: sim.users.admin.token }) });
const asApp = () => JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.app.email, apiToken: sim.users.app.token }) });

/** A change of every kind the site makes, through REST where there is a call, else sim.changes. */
async function everyKindOfChange(): Promise<void> {
  const issue = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.worklogs.length > 1 && i.sprintIds.length > 0);
  const backlog = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.sprintIds.length === 0);
  if (!issue || !backlog) throw new Error('the seed has these');
  const active = sim.store.sprintsOfBoard(1).find((s) => s.state === 'active');
  await admin().issues.updateLabels(issue.key, { add: ['customer-x'] });
  await admin().issues.assign(issue.key, sim.users.po.accountId);
  await admin().agile.moveToSprint(active?.id ?? 0, [backlog.key]);
  await admin().issues.addComment(issue.key, { type: 'doc', version: 1, content: [] });
  sim.changes.logWork(issue.key, { startedMs: NOW - 60 * MINUTE, seconds: 1800 });
  sim.changes.editWorklog(issue.key, issue.worklogs[0]?.id ?? '', { seconds: 600 });
  sim.changes.deleteWorklog(issue.key, issue.worklogs[1]?.id ?? '');
  sim.changes.setStatus(issue.key, 'Resolved');
  sim.changes.deleteIssue(backlog.key);
}

describe('the events the simulated site raises', () => {
  it('have the shapes Forge documents, and the app reads every one', async () => {
    await everyKindOfChange();
    const events = sim.events.take();
    const types = new Set(events.map((e) => e.payload.eventType));
    expect([...types].sort()).toEqual(['avi:jira:commented:issue', 'avi:jira:created:worklog', 'avi:jira:deleted:issue', 'avi:jira:deleted:worklog', 'avi:jira:updated:issue', 'avi:jira:updated:worklog']);
    for (const { payload } of events) {
      if (payload.eventType.endsWith(':worklog')) {
        const check = validateResponse('getWorklog', 200, payload['worklog']);
        expect(check.errors).toEqual([]);
        expect(worklogEventSchema.safeParse(payload).success).toBe(true);
      } else {
        expect(issueEvent.safeParse(payload).error?.issues ?? []).toEqual([]);
        const parsed = payload.eventType === 'avi:jira:updated:issue' ? issueEventSchema.safeParse(payload) : issueDeletedEventSchema.safeParse(payload);
        expect(parsed.success).toBe(true);
      }
    }
  });

  it('a worklog change comes with the issue update Jira makes with it: timespent and WorklogId items', async () => {
    const issue = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.worklogs.length > 0) as (typeof sim.store.issues)[number];
    const id = sim.changes.logWork(issue.key, { startedMs: NOW - 30 * MINUTE, seconds: 900 });
    const [update, worklog] = sim.events.take().map((e) => e.payload) as unknown as [Record<string, unknown>, Record<string, unknown>];
    expect(update).toMatchObject({ eventType: 'avi:jira:updated:issue', issue: { id: issue.id, key: issue.key } });
    expect((update['changelog'] as { items: { field: string; to: string | null }[] }).items.map((i) => [i.field, i.field === 'WorklogId' ? i.to : 'total'])).toEqual([['timespent', 'total'], ['WorklogId', id]]);
    expect(worklog).toMatchObject({ eventType: 'avi:jira:created:worklog', worklog: { id, issueId: issue.id, timeSpentSeconds: 900 } });
    const store = new MemoryStore();
    const outcome = await handleLedgerEvent(worklog, { jira: asApp(), appJira: asApp(), store, clock: { now: () => NOW } });
    expect(outcome).toMatchObject({ status: 'recorded', change: { kind: 'worklog', worklogId: id, seconds: 900, deleted: false } });
  });

  it('name who caused them, so the app’s own changes can be left out (ignoreSelf)', async () => {
    const issue = sim.store.issues.find((i) => i.key.startsWith('SUP-')) as (typeof sim.store.issues)[number];
    await asApp().issues.updateLabels(issue.key, { add: ['interrupt'] });
    await admin().issues.updateLabels(issue.key, { add: ['customer-y'] });
    const all = sim.events.raised.map((e) => e.causedBy);
    expect(all).toEqual([sim.users.app.accountId, sim.users.admin.accountId]);
    const delivered = sim.events.take({ ignoreSelf: sim.users.app.accountId });
    expect(delivered.map((e) => e.payload['atlassianId'])).toEqual([sim.users.admin.accountId]);
  });

  it('with faults: lost, twice, late (by the site’s clock), shuffled — repeatably for a seed', async () => {
    const run = async (seed: number) => {
      sim.events.clear();
      sim.events.setFaults({ drop: 0.3, duplicate: 0.3, delay: 0.5, maxDelayMs: 20 * MINUTE, reorder: true }, seed);
      const issue = sim.store.issues.find((i) => i.key.startsWith('SUP-')) as (typeof sim.store.issues)[number];
      for (let i = 0; i < 30; i++) sim.changes.logWork(issue.key, { startedMs: NOW - 60 * MINUTE, seconds: 60 * (i + 1) });
      const now = sim.events.take().map((e) => (e.payload['worklog'] as { timeSpentSeconds?: number } | undefined)?.timeSpentSeconds ?? 'issue');
      sim.clock.advance(20 * MINUTE);
      const later = sim.events.take();
      sim.clock.advance(-20 * MINUTE);
      return { now, later: later.length, raised: sim.events.raised.length };
    };
    const first = await run(7);
    expect(first.raised).toBe(60); // 30 worklogs, each with its issue update
    expect(first.now.length + first.later).not.toBe(60); // some lost, some twice
    expect(first.later).toBeGreaterThan(0); // some late
    const seconds = first.now.filter((s): s is number => typeof s === 'number');
    expect(seconds).not.toEqual([...seconds].sort((a, b) => a - b)); // out of order
    sim.events.setFaults({});
    expect(await run(7)).toEqual(first);
  });
});
