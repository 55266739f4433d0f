/**
 * `panel.get` through the resolver handler, as Forge calls it, against the simulator over HTTP.
 * Expected verdicts and budget numbers are worked out here from the simulator's store with the
 * domain functions, never read back from the app.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { PanelBudgetView, PanelView } from '../../contract/panel';
import { allocate } from '../../domain/allocation';
import { DEFAULT_WORK_CALENDAR } from '../../domain/calendar';
import { DEFAULT_HOURS_MODEL, DEFAULT_UNESTIMATED_POINTS } from '../../domain/capacity';
import { DEFAULT_POLICY, evaluatePolicy } from '../../domain/policy';
import { DEFAULT_CLASSIFICATION, triageFacts } from '../../domain/triage-facts';
import { wipStatus, wouldExceed } from '../../domain/wip';
import { MemoryStore } from '../storage/memory-store';
import { keys } from '../storage/keys';
import { sprintRecords } from '../storage/sprint-records';
import { deleteSprintCache } from '../sprint/sprint-issue-cache';
import { storeSettings } from '../storage/settings-repository';
import { storePolicyVersion } from '../storage/policy-versions';
import { defaultSettings } from '../settings/project-settings';
import { NOW, recordingClock } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { ticketFromSite } from '../../../test/builders/sim-tickets';
import { SLA_BREACHED_SUMMARY } from '../../../dev/sim/seed/active-tickets';

let sim: Simulator;
let store: MemoryStore;
let panel: ResolverHarness;
const get = (key: string, role: 'po' | 'dev' | 'outsider' = 'po', payload: unknown = {}) => panel.call(role, 'panel.get', payload, { issueKey: key });
/** What the panel UI ends up showing: `panel.get`, then `panel.budget` when it says the budget needs an update. */
async function shown(key: string, harness: ResolverHarness = panel): Promise<PanelView> {
  const view = dataOf<PanelView>(await harness.call('po', 'panel.get', {}, { issueKey: key }));
  if (!view.budgetNeedsUpdate) return view;
  const update = dataOf<PanelBudgetView>(await harness.call('po', 'panel.budget', {}, { issueKey: key }));
  return { ...view, budget: update.budget, wip: update.wip, notes: [...view.notes, ...update.notes], budgetNeedsUpdate: false };
}
const expectedVerdict = (key: string) => evaluatePolicy(DEFAULT_POLICY, triageFacts(ticketFromSite(sim, key), DEFAULT_CLASSIFICATION, NOW));

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
  panel = resolverHarness(sim, { store });
  // An unclassified ticket (no priority, no severity, no SLA): the seed has none open, so make one.
  const unclassified = sim.store.issue('SUP-224');
  if (!unclassified) throw new Error('SUP-224 missing from the seed');
  sim.store.write(unclassified, (i) => {
    i.priorityId = null;
    i.severityId = null;
  });
});
afterAll(() => sim.close());

/** The active SUP sprint's numbers with default settings, from the store and the domain. */
function expectedSprint() {
  const active = sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active');
  if (!active?.startMs || !active.endMs) throw new Error('no active sprint');
  const tickets = sim.store.issues.filter((i) => i.sprintIds.includes(active.id)).map((i) => ticketFromSite(sim, i.key));
  const allocation = allocate({
    sprintTickets: tickets,
    window: { startMs: active.startMs, endMs: active.endMs },
    calendar: DEFAULT_WORK_CALENDAR,
    model: DEFAULT_HOURS_MODEL,
    allocationPct: 20,
    classification: DEFAULT_CLASSIFICATION,
  });
  return { active, tickets, allocation, wip: wipStatus(tickets, DEFAULT_CLASSIFICATION, 1) };
}

describe('panel.get', () => {
  it.each([
    ['SUP-246', 'interrupt', 'p1'], // Highest priority
    ['SUP-237', 'interrupt', 'sev1'], // Sev 1, medium priority
    ['SUP-247', 'interrupt', 'sla'], // SLA breached, neither P1 nor Sev 1
    ['SUP-224', 'needs-info', 'unclassified'], // no priority, no severity
    ['SUP-250', 'backlog', null], // nothing matches: the default
  ])('%s: the policy says %s (rule %s), with the reasons the domain gives', async (key, outcome, ruleId) => {
    const expected = expectedVerdict(key);
    expect([expected.outcome, expected.ruleId]).toEqual([outcome, ruleId]);
    const view = dataOf<PanelView>(await get(key));
    expect(view.ticket).toMatchObject({ key, id: sim.store.issue(key)?.id, isSupport: true });
    expect(view.verdict).toEqual({ outcome, ruleId, ruleName: expected.ruleName, reasons: expected.reasons, policyVersion: 0 });
    const facts = triageFacts(ticketFromSite(sim, key), DEFAULT_CLASSIFICATION, NOW);
    expect(view.priority.level).toBe(facts.priority);
    expect(view.severity.level).toBe(facts.severity);
    expect(view.sla).toEqual({ state: facts.sla.state, clockName: facts.sla.clockName ?? null, remainingMs: facts.sla.remainingMs ?? null });
  });

  it('shows the budget of the active sprint and what would remain after pulling a fresh ticket in', async () => {
    const { active, allocation, wip } = expectedSprint();
    const view = await shown('SUP-246');
    expect(view.activeSprint).toEqual({ id: active.id, name: active.name });
    expect(view.budget).toMatchObject({ sprintId: active.id, unit: 'hours', budget: allocation.budget, used: allocation.used.total, remaining: allocation.remaining, counted: false });
    // A fresh ticket has no time logged in the sprint yet: it costs 0 h so far.
    expect(view.budget?.ticketCost).toEqual({ amount: 0, estimated: false });
    expect(view.budget?.remainingAfter).toBe(allocation.remaining);
    expect(view.wip).toMatchObject({ count: wip.count, limit: 1, wouldExceed: wouldExceed(wip, ticketFromSite(sim, 'SUP-246'), DEFAULT_CLASSIFICATION) });
    // Which tickets are in progress is the dashboard's (viewer-filtered) list: the panel names none.
    expect(view.wip).not.toHaveProperty('inProgress');
    expect(view.wip?.wouldExceed).toBe(wip.count >= 1);
  });

  it('counts a ticket already in the sprint once, with its logged hours', async () => {
    const { allocation } = expectedSprint();
    const item = allocation.items.find((i) => i.key === 'SUP-237');
    const view = await shown('SUP-237');
    expect(view.ticket.inActiveSprint).toBe(true);
    expect(view.budget).toMatchObject({ counted: true, ticketCost: null, remainingAfter: null });
    expect(view.budget?.explanation).toContain(`counts ${Math.round((item?.amount ?? NaN) * 10) / 10} h`);
  });

  it('says the ticket changed, not the policy, when only its SLA breached since the suggestion (issue 12, item 5)', async () => {
    const seeded = sim.store.issues.find((i) => i.summary === SLA_BREACHED_SUMMARY && i.key.startsWith('SUP-'));
    if (!seeded) throw new Error('the seed has no SLA-breached-since ticket');
    const view = dataOf<PanelView>(await get(seeded.key));
    expect(view.suggestion).toMatchObject({ outcome: 'backlog', policyVersion: 0, facts: { priority: 'P3', severity: 'S3', sla: 'ok' } });
    expect([view.verdict.outcome, view.verdict.ruleId, view.verdict.policyVersion, view.sla.state]).toEqual(['interrupt', 'sla', 0, 'breached']);
    expect(view.verdictChange).toEqual({ changed: true, policy: null, ticket: [{ fact: 'sla', from: 'ok', to: 'breached' }] });
  });

  it('every seeded suggestion and decision names a policy version that exists: the built-in version 0', () => {
    const versions = sim.store.issues.flatMap((i) => {
      const property = i.properties.interruptBudget as { policyVersion?: number; suggestion?: { policyVersion?: number } } | undefined;
      return property ? [property.policyVersion, property.suggestion?.policyVersion].filter((v) => v !== undefined) : [];
    });
    expect(versions.length).toBeGreaterThan(10);
    expect(new Set(versions)).toEqual(new Set([0]));
  });

  it('shows a recorded decision (and not the suggestion) with who, when, override and reason', async () => {
    const recorded = sim.store.issue('SUP-252')?.properties.interruptBudget as Record<string, unknown>;
    const view = dataOf<PanelView>(await get('SUP-252'));
    expect(view.decision).toMatchObject({ outcome: 'backlog', policyOutcome: 'interrupt', override: true, reason: recorded.reason, decidedBy: recorded.decidedBy, decidedAt: recorded.decidedAt, policyVersion: 0 });
    expect(view.suggestion).toBeNull();
    expect(view.verdict.outcome).toBe('interrupt');
  });

  it('shows the trigger\'s suggestion while there is no decision', async () => {
    const seeded = (sim.store.issue('SUP-250')?.properties.interruptBudget as { suggestion: unknown }).suggestion;
    const view = dataOf<PanelView>(await get('SUP-250'));
    expect(view.decision).toBeNull();
    expect(view.suggestion).toEqual(seeded);
  });

  it('previews what each outcome would do, with the default settings', async () => {
    const { active } = expectedSprint();
    const view = dataOf<PanelView>(await get('SUP-246'));
    expect(view.previews.interrupt).toMatchObject({ targetSprint: { id: active.id, name: active.name }, labels: { add: ['interrupt'], remove: [] }, comment: true, assignTo: null });
    expect(view.previews.interrupt.steps.map((s) => [s.step, s.action])).toEqual([['move-to-sprint', 'do'], ['labels', 'do'], ['comment', 'do'], ['record', 'do']]);
    expect(view.previews.backlog.steps.map((s) => [s.step, s.action])).toEqual([['move-to-backlog', 'skip'], ['labels', 'do'], ['comment', 'do'], ['record', 'do']]);
    expect(view.previews['needs-info'].steps.map((s) => s.step)).toEqual(['labels', 'comment', 'record']);
    expect(view.permissions).toEqual({ canApply: true, reason: null, canComment: true, canAssign: null, canAdministerProject: false });
  });

  it('on a ticket the policy does not apply to, says whether the viewer administers the project (the link to widen the filter is theirs); elsewhere it does not ask', async () => {
    const story = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.typeId === '10001' && !i.labels.includes('support')); // a Story
    if (!story) throw new Error('the demo site has SUP stories');
    const administers = () => sim.requests().filter((r) => r.operationId === 'getMyPermissions' && r.query.permissions === 'ADMINISTER_PROJECTS');
    sim.clearRequests();
    const asAdmin = dataOf<PanelView>(await panel.call('admin', 'panel.get', {}, { issueKey: story.key }));
    const asDev = dataOf<PanelView>(await panel.call('dev', 'panel.get', {}, { issueKey: story.key }));
    expect([asAdmin.scope.applies, asAdmin.permissions.canAdministerProject, asDev.permissions.canAdministerProject]).toEqual([false, true, false]);
    expect(administers()).toHaveLength(2);
    sim.clearRequests();
    const inScope = dataOf<PanelView>(await panel.call('admin', 'panel.get', {}, { issueKey: 'SUP-246' }));
    expect([inScope.scope.applies, inScope.permissions.canAdministerProject]).toEqual([true, false]);
    expect(administers()).toEqual([]); // 2 points saved on every view of a ticket the policy applies to
  });

  // The field list, the board and its sprints are stored (src/app/storage/field-list.ts, board-sprints.ts) by
  // the first view: later views send 2 requests where they sent 5 (board, permissions, sprints, the issue, GET /rest/api/3/field).
  it('serves the stored rollup while fresh: 2 round trips, 2 requests (the field list, the board and its sprints stored)', async () => {
    await shown('SUP-246'); // make sure a fresh rollup is stored
    const before = panel.meters.length;
    const view = dataOf<PanelView>(await get('SUP-250'));
    const meter = panel.meters[before];
    expect(view.budget).toMatchObject({ source: 'stored', stale: false });
    expect(view.budgetNeedsUpdate).toBe(false);
    // Only the issue: this viewer's permissions on it are remembered from the view just before (storage/issue-permissions.ts).
    expect({ roundTrips: meter?.roundTrips, requests: meter?.requests }).toEqual({ roundTrips: 1, requests: 1 });
  });

  it('never searches Jira, even without a stored rollup: no budget yet, and it says an update is needed', async () => {
    const { active } = expectedSprint();
    await store.delete(keys.rollup('SUP', active.id));
    await deleteSprintCache(store, 'SUP', active.id);
    sim.clearRequests();
    const before = panel.meters.length;
    const view = dataOf<PanelView>(await get('SUP-247'));
    const meter = panel.meters[before];
    expect([view.budget, view.wip, view.budgetNeedsUpdate]).toEqual([null, null, true]);
    expect(view.verdict.outcome).toBe('interrupt');
    expect({ roundTrips: meter?.roundTrips, requests: meter?.requests }).toEqual({ roundTrips: 1, requests: 1 }); // the permissions remembered, as above
    expect(sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost')).toHaveLength(0);
  });

  it('panel.budget then reads the sprint (in full: nothing is cached), reconciling the panel\'s issue, and stores the rollup', async () => {
    const { active, allocation, tickets } = expectedSprint();
    // The search embeds at most 20 worklogs; longer lists are completed afterwards (one request each, in parallel).
    const truncated = sim.store.issues.filter((i) => i.sprintIds.includes(active.id) && i.worklogs.length > 20).length;
    expect(tickets.length).toBeLessThan(100); // one page: the full read is one search
    sim.clearRequests();
    const before = panel.meters.length;
    const update = dataOf<PanelBudgetView>(await panel.call('po', 'panel.budget', {}, { issueKey: 'SUP-247' }));
    const meter = panel.meters[before];
    expect(update.budget).toMatchObject({ source: 'computed', stale: false, remaining: allocation.remaining });
    // The panel's two round trips (the permissions, then the ticket; the board and its sprints, the board's
    // estimation field, for reading the sprint with the hourly run's fields, and the field list are remembered from the first view), then the sprint.
    // (The permissions are remembered from panel.get: storage/issue-permissions.ts.)
    expect({ roundTrips: meter?.roundTrips, requests: meter?.requests }).toEqual({ roundTrips: 2 + (truncated > 0 ? 1 : 0), requests: 2 + truncated });
    const search = sim.requests().find((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost');
    expect((search?.body as { reconcileIssues?: number[] }).reconcileIssues).toEqual([Number(sim.store.issue('SUP-247')?.id)]);
    expect((await sprintRecords.rollup.read(store, 'SUP', active.id)).value).toMatchObject({ sprintId: active.id, computedAt: NOW });
    const after = dataOf<PanelView>(await get('SUP-247'));
    expect(after.budgetNeedsUpdate).toBe(false);
  });

  it('a stale stored rollup is shown, marked stale; the update then costs a count and one search by id, however big the sprint', async () => {
    const { active, allocation } = expectedSprint();
    const stored = (await sprintRecords.rollup.read(store, 'SUP', active.id)).value;
    await store.set(keys.rollup('SUP', active.id), { ...stored, invalidatedAt: NOW }); // as an older release stored it: unpacked
    const view = dataOf<PanelView>(await get('SUP-247'));
    expect(view.budget).toMatchObject({ source: 'stored', stale: true, remaining: allocation.remaining });
    expect(view.budgetNeedsUpdate).toBe(true);
    sim.clearRequests();
    const before = panel.meters.length;
    const update = dataOf<PanelBudgetView>(await panel.call('po', 'panel.budget', {}, { issueKey: 'SUP-247' }));
    const meter = panel.meters[before];
    expect(update.budget).toMatchObject({ source: 'computed', stale: false, remaining: allocation.remaining });
    const searches = sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost').map((r) => (r.body as { jql: string }).jql);
    // Nothing moved on the app's clock since the last sync: Jira's count covers just the 5-minute
    // overlap and finds nothing the journal cannot explain; the panel's own issue is read by id
    // whatever its `updated` (a decision is an entity property, which does not move it).
    const own = sim.store.issue('SUP-247')?.id;
    const counts = sim.requests().filter((r) => r.operationId === 'countIssues').map((r) => (r.body as { jql: string }).jql);
    expect(counts).toEqual([`(sprint = ${active.id} OR project = SUP) AND updated >= -5m`]);
    expect(searches).toEqual([`sprint = ${active.id} AND id in (${own})`]);
    expect({ roundTrips: meter?.roundTrips, requests: meter?.requests }).toEqual({ roundTrips: 2, requests: 3 }); // the permissions remembered; 6 before the board and sprints were stored, 7 before the field list was
  });
});

describe('panel.get when things are not simple', () => {
  it('a ticket that is not support work does not count against the budget or the WIP limit', async () => {
    const story = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.sprintIds.length === 0 && sim.store.projectOf(i).issueTypes.find((t) => t.id === i.typeId)?.name === 'Story' && !i.labels.includes('support'));
    if (!story) throw new Error('no story outside a sprint in the seed');
    const view = dataOf<PanelView>(await get(story.key));
    expect(view.ticket.isSupport).toBe(false);
    expect(view.budget).toMatchObject({ counted: false, ticketCost: null, remainingAfter: null, explanation: 'This ticket is not a support ticket, so it does not count against the support budget.' });
    expect(view.wip).toMatchObject({ wouldExceed: false, message: 'This is not a support ticket, so the support WIP limit does not apply.' });
  });

  it('when Jira refuses the search for the budget, the panel still shows the verdict and the update says why', async () => {
    const { active } = expectedSprint();
    await store.delete(keys.rollup('SUP', active.id));
    await deleteSprintCache(store, 'SUP', active.id);
    const patient = resolverHarness(sim, { store, httpClock: recordingClock });
    sim.faults.set({ rateLimit: { operationId: 'searchAndReconsileIssuesUsingJqlPost', headers: 'retry-after', retryAfterSeconds: 1 } });
    const view = dataOf<PanelView>(await patient.call('po', 'panel.get', {}, { issueKey: 'SUP-246' }));
    const update = dataOf<PanelBudgetView>(await patient.call('po', 'panel.budget', {}, { issueKey: 'SUP-246' }));
    sim.faults.clear();
    expect(view.verdict.outcome).toBe('interrupt');
    expect([view.budget, view.wip, view.budgetNeedsUpdate]).toEqual([null, null, true]);
    expect([update.budget, update.wip]).toEqual([null, null]);
    expect(update.notes).toEqual([`The budget of ${active.name} could not be brought up to date: Jira is busy and asked the app to slow down. Try again in 1 second.`]);
  });
});

describe('panel.get with the points model', () => {
  it('costs an unestimated ticket the default for its severity, and reads the board\'s estimation field in the same round trip', async () => {
    const pointsStore = new MemoryStore();
    await storeSettings(pointsStore, 'SUP', { ...defaultSettings(), capacity: { ...defaultSettings().capacity, model: 'points' } });
    const points = resolverHarness(sim, { store: pointsStore });
    sim.clearRequests();
    const { active, tickets } = expectedSprint();
    const model = { kind: 'points' as const, unestimatedPoints: DEFAULT_UNESTIMATED_POINTS };
    const allocation = allocate({ sprintTickets: tickets, window: { startMs: active.startMs ?? 0, endMs: active.endMs ?? 0 }, calendar: DEFAULT_WORK_CALENDAR, model, allocationPct: 20, classification: DEFAULT_CLASSIFICATION });
    const fresh = ticketFromSite(sim, 'SUP-246');
    const cost = fresh.storyPoints ?? DEFAULT_UNESTIMATED_POINTS.S1;
    const view = await shown('SUP-246', points);
    expect(view.budget).toMatchObject({ unit: 'points', budget: allocation.budget, remaining: allocation.remaining, ticketCost: { amount: cost, estimated: fresh.storyPoints === undefined } });
    expect(view.budget?.remainingAfter).toBeCloseTo(allocation.remaining - cost, 2);
    // panel.get: fields+permissions, then the issue and the board (as the app: nothing stored yet), then
    // the board's sprints and configuration side by side, and (a new store: the project's first view of
    // the day) the site order's create screen; then panel.budget the permissions, the issue, and the
    // sprint's search (and long worklog lists).
    const truncated = tickets.some((t) => (sim.store.issue(t.key)?.worklogs.length ?? 0) > 20);
    // (3 when the board's answer comes before the issue's, so its sprints ride with the site order's round trip.)
    expect(points.meters[0]?.roundTrips).toBeGreaterThanOrEqual(3);
    expect(points.meters[0]?.roundTrips).toBeLessThanOrEqual(4);
    expect(points.meters[1]?.roundTrips).toBe(truncated ? 3 : 2); // the permissions remembered from panel.get
    // Asked once (by panel.get, for the points model), then remembered for a day (storage/board-estimation.ts).
    expect(sim.requests().filter((r) => r.operationId === 'getConfiguration')).toHaveLength(1);
  });
});

describe('panel.get after an admin saved a new policy (issue 12, item 5)', () => {
  it('says the policy changed, from the seeded version 0 to the saved version 1, for a suggestion made under the default', async () => {
    const savedStore = new MemoryStore();
    // The first save: the default policy without its SLA rule, as version 1 (what settings.save writes).
    const policy = { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.filter((r) => r.id !== 'sla') };
    await storePolicyVersion(savedStore, 'SUP', { version: 1, policy, createdBy: sim.users.admin.accountId, createdAt: new Date(NOW).toISOString() });
    await storeSettings(savedStore, 'SUP', { ...defaultSettings(), policyVersion: 1 });
    const saved = resolverHarness(sim, { store: savedStore });
    // A ticket the default suggested interrupt for (its P1): under version 1 that has not changed…
    const p1 = dataOf<PanelView>(await saved.call('po', 'panel.get', {}, { issueKey: 'SUP-246' }));
    expect(p1.verdict.policyVersion).toBe(1);
    // …the SLA-breached one (suggested backlog under version 0, now breached): version 1 has no SLA
    // rule, so it says backlog again: no change to report, though the policy and the SLA both moved.
    const seeded = sim.store.issues.find((i) => i.summary === SLA_BREACHED_SUMMARY && i.key.startsWith('SUP-'));
    if (!seeded) throw new Error('the seed has no SLA-breached-since ticket');
    const same = dataOf<PanelView>(await saved.call('po', 'panel.get', {}, { issueKey: seeded.key }));
    expect([same.verdict.outcome, same.verdictChange]).toEqual(['backlog', { changed: false }]);
    // A P1 ticket whose recorded suggestion was backlog under version 0 (as a stale seeded one can be):
    const stale = sim.store.issues.find((i) => i.key === 'SUP-246');
    if (!stale) throw new Error('SUP-246 missing from the seed');
    const property = { suggestion: { outcome: 'backlog', ruleId: null, policyVersion: 0, evaluatedAt: new Date(NOW - 3_600_000).toISOString() } };
    sim.store.write(stale, (i) => {
      i.properties.interruptBudget = property;
    });
    const changed = dataOf<PanelView>(await saved.call('po', 'panel.get', {}, { issueKey: 'SUP-246' }));
    // No facts on that record: the policy version moved, so it is the policy that is named.
    expect(changed.verdictChange).toEqual({ changed: true, policy: { from: 0, to: 1 }, ticket: [] });
  });
});
