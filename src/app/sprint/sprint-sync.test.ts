/**
 * `syncSprintTickets` against the simulator over real HTTP, with the app's clock and the
 * simulator's clock moved together (`sim.clock.advance`), so the relative `updated >= -Mm` search
 * means what it means in Jira.
 *
 * The key property: after any changes in Jira — issues joining and leaving the sprint, moving to
 * another sprint, fields edited, work logged and deleted — an incremental sync gives exactly the
 * tickets a full read gives at the same moment. These changes raise no events here, so Jira's count
 * of changed issues is more than the ledger's journal explains and the sync reads what changed (the
 * journal's own path is ledger-reconcile.test.ts). Then the costs: an unchanged sprint is one count
 * and no chunk rewritten; a few changed issues are the count, two searches and their truncated
 * worklog lists, and only their chunks are rewritten. Then everything that must force a full read.
 *
 * One known difference is normalised away in the comparison (see `comparable`): a running SLA
 * cycle's remaining time and breached flag are computed by Jira at read time without moving the
 * issue's `updated`, so the cache keeps the value it read.
 */
import fc from 'fast-check';
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { SiteIssue } from '../../../dev/sim/site/model';
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import type { Ticket } from '../../domain/ticket';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import type { Sprint } from '../../jira/client/agile-client';
import { writeDecisionProperty } from '../../jira/decision-property';
import { JiraClient } from '../../jira/jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../jira/transport';
import type { Ports } from '../../ports';
import { MemoryStore } from '../storage/memory-store';
import { activeSprint, loadProjectContext, sprintWindow, type ProjectContext } from './project-context';
import { cacheKey, readSprintCache } from './sprint-issue-cache';
import { FULL_RESYNC_MS, OVERLAP_MS, syncSprintTickets, type SyncOptions } from './sprint-sync';
import { oneIdentity } from '../../../test/builders/one-identity';
import { cacheForm, keptWholeUnder, supportFilterOf } from './sprint-issue-cache';
import { defaultSettings } from '../settings/project-settings';

/** The cache keeps support tickets whole and the others slim (sprint-issue-cache.ts): a full read is compared in the same form. */
const keptWhole = keptWholeUnder(supportFilterOf(defaultSettings()));

const NOW = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;
const SEARCH = 'searchAndReconsileIssuesUsingJqlPost';
const COUNT = 'countIssues';
const EMBEDDED_WORKLOGS = 20;

/** The in-memory store, counting `set`s. */
class CountingStore extends MemoryStore {
  sets: string[] = [];
  listings: string[] = [];
  override async set(key: string, value: unknown): Promise<void> {
    this.sets.push(key);
    return super.set(key, value);
  }
  override async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    this.listings.push(prefix);
    return super.list(prefix);
  }
}

/** Lets a test act right after a response arrives, before the client reads it. */
class HookedTransport implements JiraTransport {
  afterResponse?: (request: JiraRequest, response: JiraResponse) => void;
  constructor(private readonly inner: JiraTransport) {}
  async send(request: JiraRequest): Promise<JiraResponse> {
    const response = await this.inner.send(request);
    this.afterResponse?.(request, response);
    return response;
  }
}

type SearchBody = { jql: string; fields: string[]; reconcileIssues?: number[] };
const bodyOf = (r: { body: unknown }) => r.body as SearchBody;
const isIdsOnly = (r: { body: unknown }) => JSON.stringify(bodyOf(r).fields) === JSON.stringify(['id']);

/**
 * The app over one simulator: a store, a clock in step with the simulator's (plus a constant skew),
 * and a fresh Jira client per sync, as each invocation has.
 */
class Rig {
  readonly store = new CountingStore();
  context!: ProjectContext;
  sprint!: Sprint;
  window!: { startMs: number; endMs: number };
  private constructor(readonly sim: Simulator, readonly skewMs: number) {}

  static async start(sim: Simulator, skewMs = 0): Promise<Rig> {
    const rig = new Rig(sim, skewMs);
    rig.context = await loadProjectContext(rig.ports(), 'SUP');
    const sprint = activeSprint(rig.context);
    const window = sprint && sprintWindow(sprint);
    if (!sprint || !window) throw new Error('no active sprint');
    rig.sprint = sprint;
    rig.window = window;
    return rig;
  }

  /** The app's clock: the simulator's, skewed. */
  now(): number {
    return this.sim.clock.now() + this.skewMs;
  }

  /** Time passes, for the app and for Jira alike. */
  advance(ms: number): void {
    this.sim.clock.advance(ms);
  }

  ports(store: MemoryStore = this.store, transport?: HookedTransport): Ports {
    const login = this.sim.users.po;
    const inner = transport ?? new BasicAuthTransport({ baseUrl: this.sim.url, email: login.email, apiToken: login.token });
    return { ...oneIdentity(JiraClient.create({ transport: inner })), store, clock: { now: () => this.now() } };
  }

  /** One sync as an invocation runs it, with what it sent to Jira and which chunks it wrote. */
  async sync(options: SyncOptions & { store?: MemoryStore; transport?: HookedTransport; context?: ProjectContext; window?: { startMs: number; endMs: number } } = {}) {
    const { store = this.store, transport, context = this.context, window = this.window, ...syncOptions } = options;
    this.sim.clearRequests();
    this.store.sets = [];
    const result = await syncSprintTickets(this.ports(store, transport), context, this.sprint, window, syncOptions);
    const requests = this.sim.requests();
    const searches = requests.filter((r) => r.operationId === SEARCH);
    return {
      result,
      requests,
      searches,
      worklogCalls: requests.filter((r) => r.operationId === 'getIssueWorklog').map((r) => r.path.split('/')[5]).sort(),
      chunkSets: this.store.sets.filter((k) => k !== cacheKey('SUP', this.sprint.id)),
      headSets: this.store.sets.filter((k) => k === cacheKey('SUP', this.sprint.id)).length,
    };
  }

  /** What a full read gives right now (a sync over an empty store). */
  async fullRead(): Promise<Ticket[]> {
    const { result } = await this.sync({ store: new MemoryStore() });
    expect(result.mode).toBe('full');
    return [...result.tickets];
  }

  members(): SiteIssue[] {
    return this.sim.store.issues.filter((i) => i.sprintIds.includes(this.sprint.id));
  }
}

/**
 * Tickets in a comparable form: by id, and without what Jira computes at read time without moving
 * `updated` (a running SLA cycle's remaining time and breached flag; the cache keeps what it read).
 */
function comparable(tickets: readonly Ticket[]): Ticket[] {
  return [...tickets]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((t) => cacheForm(t, keptWhole))
    .map((t) => ({
      ...t,
      slaClocks: t.slaClocks.map((c) => {
        if (!c.ongoingCycle || c.ongoingCycle.paused) return c;
        const { remainingMs: _r, breached: _b, ...ongoing } = c.ongoingCycle;
        return { ...c, ongoingCycle: ongoing as typeof c.ongoingCycle };
      }),
    }));
}

/**
 * A label edited straight in the simulator, with no event: Jira's count then exceeds what the
 * journal explains, so the sync reads what changed (the path these tests are about).
 */
function unexplainedChange(rig: Rig): void {
  const member = rig.members()[0];
  if (!member) throw new Error('no member');
  rig.sim.store.write(member, (i) => i.labels.push('edited-without-event'));
}

/** Delete an issue from the simulator as Jira deletes it (see search-parallel.test.ts). */
function deleteIssue(sim: Simulator, issue: SiteIssue): void {
  const indexes = sim.store as unknown as { issuesById: Map<string, SiteIssue>; issuesByKey: Map<string, SiteIssue> };
  sim.store.issues.splice(sim.store.issues.indexOf(issue), 1);
  indexes.issuesById.delete(issue.id);
  indexes.issuesByKey.delete(issue.key.toUpperCase());
  if (sim.store.issue(issue.id)) throw new Error('deleteIssue: the simulator store changed shape; update this helper');
}

// ---------------------------------------------------------------------------------------------
// Changes in Jira: through its REST API where it has one (moves, labels, assignee), straight in the
// simulator's store where the app's client has no write (worklogs, status); every one moves `updated`.

type ChangeKind = 'join' | 'leave' | 'toFuture' | 'label' | 'assign' | 'status' | 'logWork' | 'deleteWork' | 'labelOutside';
interface Change {
  readonly kind: ChangeKind;
  readonly pick: number;
}

let worklogSeq = 900_000;

async function apply(rig: Rig, change: Change): Promise<void> {
  const { sim } = rig;
  const admin = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.admin.email, apiToken: sim.users.admin.token }) });
  const sup = sim.store.issues.filter((i) => i.key.startsWith('SUP-'));
  const members = rig.members();
  const outside = sup.filter((i) => !i.sprintIds.includes(rig.sprint.id));
  const pickFrom = (list: SiteIssue[]) => list[change.pick % Math.max(1, list.length)];
  const future = sim.store.sprintsOfBoard(rig.context.board.id).find((s) => s.state === 'future');
  const member = pickFrom(members);
  switch (change.kind) {
    case 'join': {
      const issue = pickFrom(outside); // from the backlog, a closed sprint or the future sprint
      if (issue) await admin.agile.moveToSprint(rig.sprint.id, [issue.key]);
      return;
    }
    case 'leave':
      if (member) await admin.agile.moveToBacklog([member.key]);
      return;
    case 'toFuture':
      if (member && future) await admin.agile.moveToSprint(future.id, [member.key]);
      return;
    case 'label':
      if (member) await admin.issues.updateLabels(member.key, { add: [`changed-${change.pick}`] });
      return;
    case 'labelOutside': {
      const issue = pickFrom(outside);
      if (issue) await admin.issues.updateLabels(issue.key, { add: [`outside-${change.pick}`] });
      return;
    }
    case 'assign':
      if (member) await admin.issues.assign(member.key, member.assigneeId === sim.users.po.accountId ? null : sim.users.po.accountId);
      return;
    case 'status': {
      if (!member) return;
      const statuses = sim.store.projectOf(member).statuses;
      const next = statuses[(statuses.findIndex((s) => s.id === member.statusId) + 1) % statuses.length];
      if (next) sim.store.write(member, (i) => (i.statusId = next.id));
      return;
    }
    case 'logWork':
      if (member) {
        const startedMs = Math.max(rig.window.startMs, sim.clock.now() - 90 * MINUTE);
        sim.store.write(member, (i) => i.worklogs.push({ id: String(worklogSeq++), authorId: sim.users.dev.accountId, startedMs, createdMs: sim.clock.now(), seconds: 1800 + (change.pick % 7) * 600 }));
      }
      return;
    case 'deleteWork':
      if (member && member.worklogs.length > 0) sim.store.write(member, (i) => i.worklogs.splice(change.pick % i.worklogs.length, 1));
      return;
  }
}

// ---------------------------------------------------------------------------------------------

describe('incremental sync = full read (fast-check over change sequences)', () => {
  const change = fc.record({
    kind: fc.constantFrom<ChangeKind>('join', 'leave', 'toFuture', 'label', 'assign', 'status', 'logWork', 'deleteWork', 'labelOutside'),
    pick: fc.nat(400),
  });
  const step = fc.record({
    /** Minutes from the last sync to the changes (0: right after it). */
    before: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 240 })),
    changes: fc.array(fc.record({ change, gapMinutes: fc.nat(20) }), { maxLength: 6 }),
    /** Minutes from the last change to the sync (0: at the same instant). */
    after: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })),
  });

  it('after arbitrary changes in Jira, an update gives exactly the tickets a full read gives at the same moment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), fc.integer({ min: -90, max: 90 }), async (steps, skewMinutes) => {
        const sim = await startSimulator({ port: 0, now: NOW });
        try {
          const rig = await Rig.start(sim, skewMinutes * MINUTE);
          expect((await rig.sync()).result.mode).toBe('full');
          for (const s of steps) {
            rig.advance(s.before * MINUTE);
            for (const { change: c, gapMinutes } of s.changes) {
              await apply(rig, c);
              rig.advance(gapMinutes * MINUTE);
            }
            rig.advance(s.after * MINUTE);
            const updated = await rig.sync();
            // Nothing changed (or nothing the count sees) → the journal explains it; else read.
            expect(['events', 'update']).toContain(updated.result.mode);
            const full = await rig.fullRead();
            expect(comparable(updated.result.tickets)).toEqual(comparable(full));
            expect(full.map((t) => t.id).sort()).toEqual(rig.members().map((i) => i.id).sort());
            // And what was stored reads back as the same tickets.
            const cached = await readSprintCache(rig.store, 'SUP', rig.sprint.id);
            expect(comparable(cached.cached?.tickets ?? [])).toEqual(comparable(full));
          }
        } finally {
          await sim.close();
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe('sync on the demo site', () => {
  let sim: Simulator;
  let rig: Rig;

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, now: NOW });
    rig = await Rig.start(sim);
  });
  afterEach(() => sim.close());

  it('reads the sprint in full the first time, and stores it', async () => {
    const first = await rig.sync();
    expect(first.result.mode).toBe('full');
    expect(first.result.read).toBe(rig.members().length);
    expect(first.searches).toHaveLength(1); // fewer than a page: one request
    expect(bodyOf(first.searches[0]!).jql).toBe(`sprint = ${rig.sprint.id}`);
    expect(first.worklogCalls).toEqual(rig.members().filter((i) => i.worklogs.length > EMBEDDED_WORKLOGS).map((i) => i.key).sort());
    expect((await readSprintCache(rig.store, 'SUP', rig.sprint.id)).cached?.tickets).toHaveLength(rig.members().length);
  });

  it('reads KVS once on a first sync: with no cache there is nothing left over to list (a listing reads every value)', async () => {
    rig.store.listings = [];
    await rig.sync();
    expect(rig.store.listings).toEqual([cacheKey('SUP', rig.sprint.id)]);
  });

  it('an unchanged sprint costs one count (no search), rewrites no chunk, and gives the same tickets', async () => {
    const first = await rig.sync();
    rig.advance(80.5 * MINUTE); // nothing in the sprint was edited after the first sync's overlap
    const again = await rig.sync();
    expect(again.result).toMatchObject({ mode: 'events', read: 0 });
    expect(again.requests.map((r) => r.operationId)).toEqual([COUNT]);
    const minutes = 86; // ⌈80.5 + 5⌉: never shorter than the time since the last sync plus the overlap
    expect(minutes).toBe(Math.ceil((80.5 * MINUTE + OVERLAP_MS) / MINUTE));
    expect((again.requests[0]?.body as { jql: string }).jql).toBe(`(sprint = ${rig.sprint.id} OR project = SUP) AND updated >= -${minutes}m`);
    expect(again.searches).toEqual([]);
    expect(again.chunkSets).toEqual([]);
    expect(again.headSets).toBe(1);
    expect(comparable(again.result.tickets)).toEqual(comparable(first.result.tickets));
  });

  it('re-reading an issue that did not change (it was edited within the overlap) rewrites no chunk', async () => {
    await rig.sync();
    rig.advance(30 * MINUTE);
    const member = rig.members()[0]!;
    await JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.admin.email, apiToken: sim.users.admin.token }) }).issues.updateLabels(member.key, { add: ['edited'] });
    rig.advance(2 * MINUTE);
    const changed = await rig.sync();
    expect(changed.result.read).toBe(1);
    expect(changed.chunkSets).toHaveLength(1);
    // Edited 2 minutes before that sync: inside the next update's overlap, so it is read again, unchanged.
    rig.advance(10 * MINUTE);
    const again = await rig.sync();
    expect(again.result).toMatchObject({ mode: 'update', read: 1 });
    expect(again.chunkSets).toEqual([]);
    expect(again.headSets).toBe(1);
    expect(again.result.tickets.find((t) => t.id === member.id)?.labels).toContain('edited');
  });

  it('re-reads the invocation\'s own issues by id even when only their decision property changed', async () => {
    await rig.sync();
    rig.advance(90 * MINUTE);
    const issue = rig.members().find((i) => i.properties.interruptBudget === undefined);
    if (!issue) throw new Error('no undecided issue in the sprint');
    // The PO records a decision and nothing else (the ticket is already in the sprint, labelled):
    // an entity property write, which does not move `updated` in Jira.
    const decision = writeDecisionProperty({ outcome: 'interrupt', policyOutcome: 'interrupt', policyVersion: 1, ruleId: null, override: false, decidedBy: sim.users.po.accountId, decidedAt: new Date(sim.clock.now()).toISOString(), sprintId: rig.sprint.id }, undefined);
    await JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.po.email, apiToken: sim.users.po.token }) }).issues.setProperty(issue.key, DECISION_PROPERTY_KEY, decision);
    const updatedBefore = issue.updatedMs;
    expect(sim.store.issue(issue.key)?.updatedMs).toBe(updatedBefore);

    const synced = await rig.sync({ reconcileIssueIds: [Number(issue.id)] });
    expect(synced.result.mode).toBe('events');
    expect(synced.searches.map((r) => bodyOf(r).jql)).toEqual([`sprint = ${rig.sprint.id} AND id in (${issue.id})`]);
    const ticket = synced.result.tickets.find((t) => t.id === issue.id);
    expect(ticket?.decision?.outcome).toBe('interrupt');
    expect(comparable(synced.result.tickets)).toEqual(comparable(await rig.fullRead()));

  });

  it('fetches by id an issue that is in the membership but neither cached nor updated since (index lag)', async () => {
    await rig.sync();
    rig.advance(60 * MINUTE);
    // It joins the sprint without its `updated` moving, as a lagging index can make it look.
    const joining = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.sprintIds.length === 0 && i.worklogs.length > 0);
    if (!joining) throw new Error('no backlog issue');
    unexplainedChange(rig);
    sim.store.write(joining, (i) => i.sprintIds.push(rig.sprint.id), { touch: false });
    const synced = await rig.sync();
    expect(synced.result.mode).toBe('update');
    expect(synced.searches).toHaveLength(3);
    expect(bodyOf(synced.searches[2]!).jql).toBe(`sprint = ${rig.sprint.id} AND id in (${joining.id})`);
    expect(synced.result.tickets.map((t) => t.id)).toContain(joining.id);
    expect(comparable(synced.result.tickets)).toEqual(comparable(await rig.fullRead()));
  });

  it('fetches many such issues in pages of at most 100 ids, side by side', async () => {
    await rig.sync();
    rig.advance(60 * MINUTE);
    // From anywhere (both projects, the backlog, earlier sprints): `sprint = N` does not care.
    const joining = sim.store.issues.filter((i) => !i.sprintIds.includes(rig.sprint.id)).slice(0, 120);
    expect(joining).toHaveLength(120);
    unexplainedChange(rig);
    for (const issue of joining) sim.store.write(issue, (i) => i.sprintIds.push(rig.sprint.id), { touch: false });
    const synced = await rig.sync();
    expect(synced.result.mode).toBe('update');
    const byId = synced.searches.filter((r) => / AND id in \(/.test(bodyOf(r).jql));
    expect(byId.map((r) => bodyOf(r).jql.split(', ').length).sort((a, b) => b - a)).toEqual([100, 20]);
    expect(comparable(synced.result.tickets)).toEqual(comparable(await rig.fullRead()));
  });

  it('falls back to a full read when an issue to fetch by id was deleted in between', async () => {
    await rig.sync();
    rig.advance(60 * MINUTE);
    const joining = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.sprintIds.length === 0);
    if (!joining) throw new Error('no backlog issue');
    unexplainedChange(rig);
    sim.store.write(joining, (i) => i.sprintIds.push(rig.sprint.id), { touch: false });
    const login = sim.users.po;
    const transport = new HookedTransport(new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }));
    transport.afterResponse = (request) => {
      if (request.body !== undefined && isIdsOnly({ body: request.body }) && sim.store.issue(joining.id)) deleteIssue(sim, joining);
    };
    const synced = await rig.sync({ transport });
    expect(synced.result.mode).toBe('full');
    expect(synced.searches.some((r) => r.status === 400 && bodyOf(r).jql.endsWith(`id in (${joining.id})`))).toBe(true);
    expect(synced.result.tickets.map((t) => t.id).sort()).toEqual(rig.members().map((i) => i.id).sort());
  });

  it('catches, on the next sync, a write the search index had not shown yet (the overlap)', async () => {
    await rig.sync();
    rig.advance(30 * MINUTE);
    sim.faults.set({ searchLagMs: 300 });
    const member = rig.members()[0]!;
    sim.store.write(member, (i) => i.labels.push('late'));
    rig.advance(2 * MINUTE); // the index trails the write by about 2 minutes of Jira's time
    const early = await rig.sync(); // it does not show the write yet
    expect(early.result.tickets.find((t) => t.id === member.id)?.labels).not.toContain('late');
    await new Promise((resolve) => setTimeout(resolve, 350)); // the index catches up
    rig.advance(3 * 60 * MINUTE);
    const later = await rig.sync();
    expect(later.result.mode).toBe('update');
    expect(later.result.tickets.find((t) => t.id === member.id)?.labels).toContain('late');
    sim.faults.clear();
    expect(comparable(later.result.tickets)).toEqual(comparable(await rig.fullRead()));
  });

  describe('reads in full again', () => {
    beforeEach(async () => {
      expect((await rig.sync()).result.mode).toBe('full');
      rig.advance(30 * MINUTE);
    });

    it('when the fields asked for change (the signature)', async () => {
      // The board's estimation field changed: another story-point field is read.
      const context = { ...rig.context, catalog: { ...rig.context.catalog, storyPoints: [{ id: 'customfield_10016', name: 'Story point estimate' }] } };
      expect(rig.context.catalog.storyPoints.map((f) => f.id)).not.toEqual(['customfield_10016']);
      const synced = await rig.sync({ context });
      expect(synced.result.mode).toBe('full');
      // …and the next one updates what that full read stored.
      rig.advance(MINUTE);
      expect((await rig.sync({ context })).result.mode).toBe('events');
    });

    it('when the sprint\'s dates change (the worklog window)', async () => {
      const synced = await rig.sync({ window: { ...rig.window, endMs: rig.window.endMs + 24 * 60 * MINUTE } });
      expect(synced.result.mode).toBe('full');
    });

    it('when the cache is damaged, and says so', async () => {
      await rig.store.setRaw(`${cacheKey('SUP', rig.sprint.id)}:0000`, { schemaVersion: 1, generation: 1, tickets: [] });
      const synced = await rig.sync();
      expect(synced.result.mode).toBe('full');
      expect(synced.result.notes.some((n) => /incomplete|damaged/.test(n))).toBe(true);
      expect((await readSprintCache(rig.store, 'SUP', rig.sprint.id)).problem).toBeUndefined();
    });

    it('once the last full read is FULL_RESYNC_MS old, not before', async () => {
      rig.advance(FULL_RESYNC_MS - 30 * MINUTE - 2 * MINUTE);
      expect((await rig.sync()).result.mode).toBe('events');
      rig.advance(2 * MINUTE);
      expect((await rig.sync()).result.mode).toBe('full');
      rig.advance(MINUTE);
      expect((await rig.sync()).result.mode).toBe('events');
    });

    it('when the app\'s clock went back before the last sync', async () => {
      rig.advance(-32 * MINUTE); // 2 minutes before the last sync
      const synced = await rig.sync();
      expect(synced.result.mode).toBe('full');
      expect(synced.searches.map((r) => [bodyOf(r).jql, r.status])).toEqual([[`sprint = ${rig.sprint.id}`, 200]]);
    });
  });
});

describe('sync on a large sprint', () => {
  let sim: Simulator;
  let rig: Rig;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: NOW, scale: { activeSprintIssues: 1500, maxWorklogsPerSupportTicket: 60 } });
    rig = await Rig.start(sim);
  });
  afterAll(() => sim.close());

  it('ten issues changed without events cost the count, two searches and the truncated worklog lists of those ten, and rewrite only their chunks', async () => {
    const first = await rig.sync();
    expect(first.result.mode).toBe('full');
    const layout = (await readSprintCache(rig.store, 'SUP', rig.sprint.id)).cached?.layout ?? [];
    expect(layout.length).toBeGreaterThan(5);
    rig.advance(2 * 60 * MINUTE);
    await rig.sync(); // reads again the issues edited just before the first sync (the overlap)
    rig.advance(60 * MINUTE);

    const unchanged = await rig.sync();
    expect(unchanged.requests.map((r) => r.operationId)).toEqual([COUNT]);
    expect(unchanged.chunkSets).toEqual([]);

    rig.advance(30 * MINUTE);
    const members = rig.members();
    const busy = members.filter((i) => i.worklogs.length > EMBEDDED_WORKLOGS).slice(0, 3);
    const quiet = members.filter((i) => i.worklogs.length <= EMBEDDED_WORKLOGS).slice(0, 7);
    const changed = [...busy, ...quiet];
    expect(changed).toHaveLength(10);
    for (const issue of changed) {
      sim.store.write(issue, (i) => i.worklogs.push({ id: String(worklogSeq++), authorId: sim.users.dev.accountId, startedMs: sim.clock.now() - 60 * MINUTE, createdMs: sim.clock.now(), seconds: 3600 }));
      rig.advance(MINUTE);
    }
    const synced = await rig.sync();
    expect(synced.result).toMatchObject({ mode: 'update', read: 10 });
    expect(synced.searches).toHaveLength(2);
    expect(synced.worklogCalls).toEqual(busy.map((i) => i.key).sort());
    expect(synced.requests).toHaveLength(1 + 2 + busy.length);
    // Work logged on an issue that is not support changes nothing the cache keeps of it (sprint-issue-cache.ts): only the support issues' chunks are written.
    const support = changed.filter((i) => keptWhole(synced.result.tickets.find((t) => t.id === i.id) as Ticket));
    expect(support.length).toBeGreaterThan(0);
    expect(support.length).toBeLessThan(changed.length);
    const chunks = new Set(support.map((i) => Number(i.id) % layout.length));
    expect(synced.chunkSets.sort()).toEqual([...chunks].sort((a, b) => a - b).map((n) => `${cacheKey('SUP', rig.sprint.id)}:${String(n).padStart(4, '0')}`));
    expect(comparable(synced.result.tickets)).toEqual(comparable(await rig.fullRead()));
  }, 60_000); // a 1,500-issue sprint read twice over HTTP: seconds on a busy 2-core machine (costs are counted, not timed)
});
