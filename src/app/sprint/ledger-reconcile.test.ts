/**
 * The ledger kept current by events (issue 13, item 3), end to end over real HTTP: the simulator
 * changes the site as people do and raises the Forge events of each change (dev/sim/events/); the
 * app's triggers record them (triggers/issue-event.ts, triggers/ledger-event.ts); a sync folds the
 * journal (ledger-reconcile.ts) or, when Jira's count says something is missing, reads what changed.
 *
 * The properties: whatever Forge does with the events — delivers some twice, late or in another
 * order, or loses them — the sprint's tickets after each sync are exactly those a full read gives at
 * that moment, whenever no other change of the same issue in the same hour got through (Jira's count
 * then sees more changed issues than the journal explains, and the sync reads what changed). With
 * any changes, once late events have arrived the next sync is exact again. What a change of the
 * same issue hides (a lost event, or one still on its way) is healed by that late event, or by the
 * daily full read for a lost one, shown last.
 */
import fc from 'fast-check';
import { startSimulator, type EventFaults, type Simulator } from '../../../dev/sim';
import type { SiteIssue } from '../../../dev/sim/site/model';
import { simTicket } from '../../../test/builders/sim-tickets';
import type { Ticket } from '../../domain/ticket';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import type { Sprint } from '../../jira/client/agile-client';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { handleIssueEvent } from '../../triggers/issue-event';
import { handleLedgerEvent } from '../../triggers/ledger-event';
import { MemoryStore } from '../storage/memory-store';
import { projectRegistry } from '../storage/sprint-records';
import { activeSprint, loadProjectContext, sprintWindow, type ProjectContext } from './project-context';
import { FULL_RESYNC_MS, syncSprintTickets } from './sprint-sync';
import { oneIdentity } from '../../../test/builders/one-identity';
import { cacheForm, cacheKey, keptWholeUnder, supportFilterOf } from './sprint-issue-cache';
import { defaultSettings } from '../settings/project-settings';

/** The cache keeps support tickets whole and the others slim (sprint-issue-cache.ts): a full read is compared in the same form. */
const keptWhole = keptWholeUnder(supportFilterOf(defaultSettings()));

const NOW = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;

/** The app over one simulator, acting as its own account (triggers and the hourly run do). */
class App {
  readonly store = new MemoryStore();
  context!: ProjectContext;
  sprint!: Sprint;
  window!: { startMs: number; endMs: number };
  private constructor(readonly sim: Simulator) {}

  static async start(sim: Simulator): Promise<App> {
    const app = new App(sim);
    app.context = await loadProjectContext(app.ports(), 'SUP');
    const sprint = activeSprint(app.context);
    const window = sprint && sprintWindow(sprint);
    if (!sprint || !window) throw new Error('no active sprint');
    [app.sprint, app.window] = [sprint, window];
    await projectRegistry.register(app.store, 'SUP', sim.clock.now());
    return app;
  }

  ports(store: MemoryStore = this.store): Ports {
    const login = this.sim.users.app;
    const client = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: this.sim.url, email: login.email, apiToken: login.token }) });
    return { ...oneIdentity(client), store, clock: { now: () => this.sim.clock.now() } };
  }

  /** Hand the due events to the app's triggers, as Forge would (the app's own left out: ignoreSelf). */
  async deliver(): Promise<number> {
    const events = this.sim.events.take({ ignoreSelf: this.sim.users.app.accountId });
    for (const { payload } of events) {
      if (payload.eventType === 'avi:jira:created:issue' || payload.eventType === 'avi:jira:updated:issue') await handleIssueEvent(payload, this.ports());
      else expect((await handleLedgerEvent(payload, this.ports())).status).toBe('recorded');
    }
    return events.length;
  }

  async sync() {
    this.sim.clearRequests();
    const result = await syncSprintTickets(this.ports(), this.context, this.sprint, this.window);
    return { result, requests: this.sim.requests().map((r) => r.operationId) };
  }

  async fullRead(): Promise<Ticket[]> {
    const result = await syncSprintTickets(this.ports(new MemoryStore()), this.context, this.sprint, this.window);
    expect(result.mode).toBe('full');
    return [...result.tickets];
  }

  members(): SiteIssue[] {
    return this.sim.store.issues.filter((i) => i.sprintIds.includes(this.sprint.id));
  }
}

/** By id, without what Jira computes at read time without moving `updated` (a running SLA's remaining time). */
const comparable = (tickets: readonly Ticket[]) =>
  [...tickets]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((t) => cacheForm(t, keptWhole))
    .map((t) => ({ ...t, slaClocks: t.slaClocks.map((c) => (c.ongoingCycle && !c.ongoingCycle.paused ? { ...c, ongoingCycle: { paused: false, breached: false } } : c)) }));

type ChangeKind = 'logWork' | 'editWork' | 'deleteWork' | 'label' | 'status' | 'leave' | 'join' | 'comment';
interface Change {
  readonly kind: ChangeKind;
  readonly pick: number;
}

/** One change as a person makes it: through REST where the app's client has the call, else the simulator's changes API. */
async function change(app: App, c: Change, issue: SiteIssue | undefined): Promise<void> {
  const { sim } = app;
  if (!issue) return;
  const admin = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.admin.email, apiToken: sim.users.admin.token }) });
  const worklog = issue.worklogs[c.pick % Math.max(1, issue.worklogs.length)];
  switch (c.kind) {
    case 'logWork':
      sim.changes.logWork(issue.key, { startedMs: sim.clock.now() - (30 + (c.pick % 200)) * MINUTE, seconds: 900 * (1 + (c.pick % 8)) });
      return;
    case 'editWork':
      if (worklog) sim.changes.editWorklog(issue.key, worklog.id, { seconds: worklog.seconds + 600 });
      return;
    case 'deleteWork':
      if (worklog) sim.changes.deleteWorklog(issue.key, worklog.id);
      return;
    case 'label':
      await admin.issues.updateLabels(issue.key, { add: [`seen-${c.pick}`] });
      return;
    case 'status': {
      const statuses = sim.store.projectOf(issue).statuses;
      const next = statuses[(statuses.findIndex((s) => s.id === issue.statusId) + 1) % statuses.length];
      if (next) sim.changes.setStatus(issue.key, next.name);
      return;
    }
    case 'leave':
      await admin.agile.moveToBacklog([issue.key]);
      return;
    case 'join':
      await admin.agile.moveToSprint(app.sprint.id, [issue.key]);
      return;
    case 'comment':
      await admin.issues.addComment(issue.key, { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Looking into it.' }] }] });
      return;
  }
}

/** The issue a change is made to: a sprint member, or (to join) a SUP issue outside the sprint. */
function target(app: App, c: Change, used: ReadonlySet<string>): SiteIssue | undefined {
  const pool = c.kind === 'join' ? app.sim.store.issues.filter((i) => i.key.startsWith('SUP-') && !i.sprintIds.includes(app.sprint.id)) : app.members();
  const free = pool.filter((i) => !used.has(i.id));
  return free[c.pick % Math.max(1, free.length)];
}

const changeArb = fc.record({ kind: fc.constantFrom<ChangeKind>('logWork', 'logWork', 'editWork', 'deleteWork', 'label', 'status', 'leave', 'join', 'comment'), pick: fc.nat(500) });
const stepArb = fc.record({ minutes: fc.integer({ min: 5, max: 90 }), changes: fc.array(changeArb, { maxLength: 5 }) });

/**
 * Steps of changes, each followed by delivery and a sync. `everySync`: each sync is compared with a
 * full read (each issue then changes at most once a step: a change the journal lacks is then always
 * one Jira's count shows). Always: once every delayed event has arrived, the next sync is.
 */
async function runSteps(steps: readonly { minutes: number; changes: readonly Change[] }[], faults: EventFaults, seed: number, options: { everySync: boolean }): Promise<void> {
  const sim = await startSimulator({ port: 0, now: NOW });
  try {
    const app = await App.start(sim);
    expect((await app.sync()).result.mode).toBe('full');
    sim.events.setFaults(faults, seed);
    for (const step of steps) {
      const used = new Set<string>();
      for (const c of step.changes) {
        const issue = target(app, c, options.everySync ? used : new Set());
        if (issue) used.add(issue.id);
        await change(app, c, issue);
        sim.clock.advance(MINUTE);
      }
      sim.clock.advance(step.minutes * MINUTE);
      await app.deliver();
      const synced = await app.sync();
      if (options.everySync) expect(comparable(synced.result.tickets)).toEqual(comparable(await app.fullRead()));
    }
    sim.clock.advance((faults.maxDelayMs ?? 0) + MINUTE);
    await app.deliver();
    expect(sim.events.waiting).toBe(0);
    const last = await app.sync();
    if (!faults.drop || options.everySync) expect(comparable(last.result.tickets)).toEqual(comparable(await app.fullRead()));
  } finally {
    await sim.close();
  }
}

describe('the ledger kept by events', () => {
  it('worklogs logged, edited and deleted reach the ledger through their events alone: the sync asks Jira only for its count', async () => {
    const sim = await startSimulator({ port: 0, now: NOW });
    try {
      const app = await App.start(sim);
      await app.sync();
      sim.clock.advance(60 * MINUTE);
      const [a, b] = app.members().filter((i) => i.worklogs.length > 0 && i.worklogs.length < 20);
      if (!a || !b) throw new Error('two sprint issues with worklogs expected');
      sim.changes.logWork(a.key, { startedMs: sim.clock.now() - 2 * 60 * MINUTE, seconds: 3600 });
      sim.changes.editWorklog(b.key, b.worklogs[0]?.id ?? '', { seconds: 7200 });
      sim.changes.deleteWorklog(a.key, a.worklogs[0]?.id ?? '');
      sim.clock.advance(10 * MINUTE);
      expect(await app.deliver()).toBe(3 + 3); // three worklog events, and the issue updates that come with them
      const synced = await app.sync();
      expect(synced.result).toMatchObject({ mode: 'events', read: 0 });
      expect(synced.requests).toEqual(['countIssues']);
      expect(comparable(synced.result.tickets)).toEqual(comparable(await app.fullRead()));
    } finally {
      await sim.close();
    }
  });

  it('work logged on issues that are not support changes no stored chunk and asks Jira nothing more, even when its worklog event is lost', async () => {
    const sim = await startSimulator({ port: 0, now: NOW });
    try {
      const app = await App.start(sim);
      await app.sync();
      sim.clock.advance(60 * MINUTE);
      const [a, b] = app.members().filter((i) => !keptWhole(simTicket(sim, i)));
      if (!a || !b) throw new Error('two sprint issues that are not support expected');
      const chunks = async () => (await app.store.list(`${cacheKey('SUP', app.sprint.id)}:`)).map((e) => e.value);
      const before = await chunks();
      sim.changes.logWork(a.key, { startedMs: sim.clock.now() - 2 * 60 * MINUTE, seconds: 3600 });
      sim.events.setFaults({ drop: 1 });
      sim.changes.logWork(b.key, { startedMs: sim.clock.now() - 60 * MINUTE, seconds: 1800 });
      sim.events.setFaults({});
      // b's issue update says time tracking changed; its worklog event never comes. Then b is commented on.
      await change(app, { kind: 'comment', pick: 0 }, b);
      sim.clock.advance(10 * MINUTE);
      await app.deliver();
      const synced = await app.sync();
      expect(synced.result).toMatchObject({ mode: 'events', read: 0 });
      expect(synced.requests).toEqual(['countIssues']);
      expect(await chunks()).toEqual(before);
      expect(comparable(synced.result.tickets)).toEqual(comparable(await app.fullRead()));
    } finally {
      await sim.close();
    }
  });

  it('an issue joining or leaving the sprint is read again by id, in the same round trip as the count', async () => {
    const sim = await startSimulator({ port: 0, now: NOW });
    try {
      const app = await App.start(sim);
      await app.sync();
      sim.clock.advance(60 * MINUTE);
      const leaving = app.members()[0] as SiteIssue;
      const joining = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.sprintIds.length === 0) as SiteIssue;
      await change(app, { kind: 'leave', pick: 0 }, leaving);
      await change(app, { kind: 'join', pick: 0 }, joining);
      await app.deliver();
      const synced = await app.sync();
      expect(synced.result.mode).toBe('events');
      expect([...synced.requests].sort()).toEqual(['countIssues', 'searchAndReconsileIssuesUsingJqlPost']);
      expect(synced.result.tickets.map((t) => t.id)).toContain(joining.id);
      expect(synced.result.tickets.map((t) => t.id)).not.toContain(leaving.id);
      expect(comparable(synced.result.tickets)).toEqual(comparable(await app.fullRead()));
    } finally {
      await sim.close();
    }
  });

  it('events delivered twice, late or out of order, any changes: once the late ones have arrived, the next sync gives what a full read gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 4 }), fc.nat(), async (steps, seed) => {
        await runSteps(steps, { duplicate: 0.3, delay: 0.5, maxDelayMs: 120 * MINUTE, reorder: true }, seed, { everySync: false });
      }),
      { numRuns: Number(process.env.LEDGER_RUNS ?? 12) },
    );
  }, 120_000);

  it('events lost, delivered twice, late or out of order, one change per issue an hour: after every sync the ledger is what a full read gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 4 }), fc.nat(), async (steps, seed) => {
        await runSteps(steps, { drop: 0.3, duplicate: 0.2, delay: 0.3, maxDelayMs: 120 * MINUTE, reorder: true }, seed, { everySync: true });
      }),
      { numRuns: Number(process.env.LEDGER_RUNS ?? 12) },
    );
  }, 120_000);

  it('a lost event hidden by another change of the same issue in the same hour is healed by the daily full read', async () => {
    const sim = await startSimulator({ port: 0, now: NOW });
    try {
      const app = await App.start(sim);
      await app.sync();
      sim.clock.advance(30 * MINUTE);
      // A support issue: the cache keeps no worklogs of the others (their work changes no number).
      const issue = app.members().find((i) => i.worklogs.length > 0 && i.worklogs.length < 20 && i.labels.includes('support')) as SiteIssue;
      sim.events.setFaults({ drop: 1 });
      sim.changes.logWork(issue.key, { startedMs: sim.clock.now() - 60 * MINUTE, seconds: 1800 }); // both its events lost
      sim.events.setFaults({});
      await change(app, { kind: 'comment', pick: 0 }, issue); // explains the issue's new `updated`
      await app.deliver();
      const hourly = await app.sync();
      expect(hourly.result.mode).toBe('events');
      expect(comparable(hourly.result.tickets)).not.toEqual(comparable(await app.fullRead()));
      sim.clock.advance(FULL_RESYNC_MS);
      const daily = await app.sync();
      expect(daily.result.mode).toBe('full');
      expect(comparable(daily.result.tickets)).toEqual(comparable(await app.fullRead()));
    } finally {
      await sim.close();
    }
  });
});
