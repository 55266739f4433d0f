/**
 * One ledger for everyone, shown per viewer (issue 11, F1 and F2), on the demo site's issue-level
 * security: some SUP support tickets of the active sprint, and one deferred ticket, carry the "Staff
 * only" level, which po and admin may see and dev may not (dev/sim/README.md).
 *
 * - F1: dev's dashboard — served from storage or refreshed — never names those tickets (key,
 *   summary, reason); it counts them ("2 restricted issues · 5.25 h") and its totals are the team's.
 * - F2: the stored numbers are the app's, whoever looked first: admin's dashboard is the same after a
 *   dev filled the store as after an admin did, and so are the history rows.
 * - The per-viewer check costs one request at most per view, and none on a project without
 *   secured issues (asked once a day).
 */
import { SUP_ISSUE_TYPES } from '../../../dev/sim/site/catalog';
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { ticketFromSite } from '../../../test/builders/sim-tickets';
import type { DashboardView } from '../../contract/dashboard';
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import { DEFAULT_SUPPORT_FILTER } from '../../domain/support-filter';
import { triageScope } from '../../domain/triage-scope';
import { readDecisionProperty, writeDecisionProperty } from '../../jira/decision-property';
import { keys } from '../storage/keys';

const NOW = Date.UTC(2026, 10, 23, 9);
const ACTIVE = 13;
const BULK = 'getBulkPermissions';
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const get = (as: 'po' | 'dev' | 'admin', payload: unknown = {}, project = 'SUP') => h.call<DashboardView>(as, 'dashboard.get', payload, { project });
const emptyStore = async () => {
  for (const key of h.store.keys()) await h.store.delete(key);
};
const secured = () => h.sim.store.securedIssues();
const securedKeys = () => secured().map((i) => i.key);
/** The numbers of a view that must not depend on the viewer. */
const totals = (view: DashboardView) => {
  const s = view.sprint;
  return s && { capacity: s.capacity, budget: s.budget, used: s.used, remaining: s.remaining, status: s.status, burn: s.burn, wipCount: s.wip.count, defects: s.defects };
};

describe('the demo site has secured tickets', () => {
  it('in the active sprint (at least two, with worklogs) and among the deferred ones', () => {
    const inSprint = secured().filter((i) => i.sprintIds.includes(ACTIVE));
    expect(inSprint.length).toBeGreaterThanOrEqual(2);
    expect(inSprint.every((i) => i.worklogs.length > 0)).toBe(true);
  });
});

describe('F1: what dev may not see is counted, never named', () => {
  let admin: DashboardView;
  let dev: DashboardView;
  beforeAll(async () => {
    await emptyStore();
    admin = dataOf(await get('admin'));
    dev = dataOf(await get('dev'));
  });

  it('admin sees every secured ticket of the sprint listed', () => {
    const listed = [...(admin.sprint?.interrupts ?? []), ...(admin.sprint?.plannedSupport ?? []), ...(admin.sprint?.untriaged ?? [])].map((i) => i.key);
    for (const key of securedKeys().filter((k) => secured().find((i) => i.key === k)?.sprintIds.includes(ACTIVE))) expect(listed).toContain(key);
    expect(admin.sprint?.restricted).toEqual({ interrupts: { count: 0, amount: 0 }, plannedSupport: { count: 0, amount: 0 }, untriaged: { count: 0, amount: 0 }, deferred: 0, inProgress: 0, waiting: 0 });
  });

  it.each([
    ['served from storage', {}],
    ['refreshed', { refresh: true }],
  ])('dev, %s, gets no key, summary or reason of a secured ticket', async (_how, payload) => {
    const view = dataOf(await get('dev', payload));
    const text = JSON.stringify(view); // every place a view could name an issue: lists, reasons, notes
    for (const issue of secured()) {
      expect(text).not.toContain(`"${issue.key}"`);
      expect(text).not.toContain(issue.summary);
    }
  });

  it('dev gets the same totals as admin, and what is hidden counted with its amount', () => {
    expect(totals(dev)).toEqual(totals(admin));
    const a = admin.sprint;
    const d = dev.sprint;
    if (!a || !d) throw new Error('no sprint');
    for (const [list, part] of [['interrupts', 'interrupts'], ['plannedSupport', 'plannedSupport'], ['untriaged', 'untriaged']] as const) {
      const hidden = a[list].filter((i) => securedKeys().includes(i.key));
      expect(d[list].map((i) => i.key)).toEqual(a[list].filter((i) => !securedKeys().includes(i.key)).map((i) => i.key));
      expect(d.restricted[part]).toEqual({ count: hidden.length, amount: hidden.reduce((s, i) => s + Math.round(i.amount * 100), 0) / 100 });
    }
    const hiddenCount = d.restricted.interrupts.count + d.restricted.plannedSupport.count + d.restricted.untriaged.count;
    expect(hiddenCount).toBeGreaterThanOrEqual(2);
  });

  it('the secured deferred ticket is left out of "What we said no to" for dev and counted', () => {
    const securedDeferred = admin.sprint?.deferred.filter((t) => securedKeys().includes(t.key)) ?? [];
    expect(securedDeferred.length).toBeGreaterThanOrEqual(1);
    expect(dev.sprint?.deferred.map((t) => t.key)).toEqual(admin.sprint?.deferred.filter((t) => !securedKeys().includes(t.key)).map((t) => t.key));
    expect(dev.sprint?.restricted.deferred).toBe(securedDeferred.length);
  });

  it('asks Jira about the secured issues it lists only: the others are visible to everyone who may browse the project (issue 13, item 4)', async () => {
    h.sim.clearRequests();
    const view = dataOf(await get('admin'));
    const s = view.sprint;
    const listed = new Set([...(s?.interrupts ?? []), ...(s?.untriaged ?? []), ...(s?.deferred ?? []), ...(s?.waiting ?? [])].map((t) => t.key));
    const checks = h.sim.requests().filter((r) => r.operationId === BULK);
    expect(checks).toHaveLength(1);
    const asked = (checks[0]?.body as { projectPermissions: { issues: number[] }[] }).projectPermissions.flatMap((p) => p.issues).map(String).sort();
    const securedIds = new Set(secured().map((i) => String(i.id)));
    const securedListed = secured().filter((i) => listed.has(i.key)).map((i) => String(i.id));
    expect(securedListed.length).toBeGreaterThanOrEqual(2);
    expect(asked).toEqual(expect.arrayContaining(securedListed)); // every secured issue it lists…
    expect(asked.every((id) => securedIds.has(id))).toBe(true); // …and no issue without a level
    expect(listed.size).toBeGreaterThan(asked.length);
  });

  it('costs one permission check per view where the project has secured issues, and none for a viewer-free list', async () => {
    h.sim.clearRequests();
    await get('dev');
    expect(h.sim.requests().filter((r) => r.operationId === BULK)).toHaveLength(1);
    h.sim.clearRequests();
    await get('po');
    expect(h.sim.requests().filter((r) => r.operationId === BULK)).toHaveLength(1);
  });
});

describe('a project without secured issues needs no per-issue check', () => {
  it('asks Jira once a day whether it has any, and then checks nobody per issue', async () => {
    h.sim.clearRequests();
    dataOf(await get('dev', {}, 'TEAM'));
    const securityQuestions = () => h.sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost' && /level is not EMPTY/i.test((r.body as { jql: string }).jql));
    expect(securityQuestions()).toHaveLength(1);
    expect(h.sim.requests().filter((r) => r.operationId === BULK)).toHaveLength(0);
    expect(await h.store.get(keys.issueSecurity('TEAM'))).toMatchObject({ secured: [] });
    h.sim.clearRequests();
    dataOf(await get('dev', {}, 'TEAM'));
    expect(securityQuestions()).toHaveLength(0);
    expect(h.sim.requests().filter((r) => r.operationId === BULK)).toHaveLength(0);
  });
});

describe('F2: the numbers do not depend on who looked first', () => {
  const fill = async (first: 'dev' | 'admin') => {
    await emptyStore();
    dataOf(await get(first));
    return dataOf(await get('admin'));
  };

  it("admin's dashboard is the same after dev filled the store as after admin did", async () => {
    const afterAdmin = await fill('admin');
    const afterDev = await fill('dev');
    expect(totals(afterDev)).toEqual(totals(afterAdmin));
    expect(afterDev.sprint?.interrupts).toEqual(afterAdmin.sprint?.interrupts);
    expect(afterDev.sprint?.deferred).toEqual(afterAdmin.sprint?.deferred);
  });

  it('history rows are identical however the store was filled', async () => {
    // Secure, for this test, a support ticket that used time in the last closed sprint: dev's own search would miss it.
    const lastClosed = h.sim.store.sprintsOfBoard(1).filter((s) => s.state === 'closed').sort((a, b) => (b.startMs ?? 0) - (a.startMs ?? 0))[0];
    const supportTypes = new Set(SUP_ISSUE_TYPES.filter((t) => ['Bug', 'Incident', 'Support request'].includes(t.name)).map((t) => t.id));
    const ticket = h.sim.store.issues.find((i) => i.key.startsWith('SUP-') && lastClosed && i.sprintIds.includes(lastClosed.id) && i.worklogs.length > 0 && supportTypes.has(i.typeId));
    if (!ticket) throw new Error('a support ticket with work logged in the last closed sprint expected');
    ticket.securityLevelId = '10100';
    try {
      await historyAlike();
    } finally {
      ticket.securityLevelId = null;
    }
  });

  const historyAlike = async () => {
    const afterAdmin = await fill('admin');
    const afterDev = await fill('dev');
    expect(afterDev.history.rows).toEqual(afterAdmin.history.rows);
    expect(afterDev.history.recommendation).toEqual(afterAdmin.history.recommendation);
    await emptyStore();
    const devFirst = dataOf(await get('dev'));
    expect(devFirst.history.rows).toEqual(afterAdmin.history.rows);
  };
});

describe('"What we said no to" trusts the app\'s own record of each decision (F6)', () => {
  it('says where each deferral comes from, and shows the recorded one where the property was changed', async () => {
    await emptyStore();
    const seeded = dataOf(await get('admin')).sprint?.deferred ?? [];
    // The demo site's decisions were written to the property only: nothing recorded them in app storage.
    expect(seeded.length).toBeGreaterThanOrEqual(1);
    expect(seeded.every((d) => d.source === 'property')).toBe(true);
    const [edited] = seeded;
    if (!edited) throw new Error('a deferral expected');
    const decisionOf = (key: string) => {
      const { decision } = readDecisionProperty(h.sim.store.issue(key)?.properties[DECISION_PROPERTY_KEY]);
      if (!decision) throw new Error(`no decision on ${key}`);
      return decision;
    };
    const entry = (key: string, decision: object) => ({ schemaVersion: 1, seq: 1, issueKey: key, decision, commentId: null, recordedAt: NOW });
    // A second deferral, decided through the app: the property as apply writes it, and the app's record of it.
    const kept = h.sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.securityLevelId === null && i.properties[DECISION_PROPERTY_KEY] === undefined);
    if (!kept) throw new Error('an undecided SUP issue expected');
    const decision = { ...decisionOf(edited.key), decidedAt: new Date(NOW - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), decidedBy: h.sim.users.po.accountId };
    await h.portsAs('po').jira.issues.setProperty(kept.key, DECISION_PROPERTY_KEY, writeDecisionProperty(decision, undefined));
    await h.store.set(keys.decisionLatest(kept.key), entry(kept.key, decision));
    // The app recorded another person's decision on `edited`; the property now names someone else (edited outside the app).
    const recordedBy = h.sim.users.po.accountId;
    await h.store.set(keys.decisionLatest(edited.key), entry(edited.key, { ...decisionOf(edited.key), decidedBy: recordedBy, reason: 'Recorded by the app' }));
    const after = dataOf(await get('admin', { refresh: true })).sprint?.deferred ?? [];
    expect(after.find((d) => d.key === kept.key)).toMatchObject({ source: 'app', decidedBy: recordedBy });
    expect(after.find((d) => d.key === edited.key)).toMatchObject({ source: 'changed', decidedBy: recordedBy, reason: 'Recorded by the app' });
  });

  it('a deferral applied from the panel reads as recorded by the app', async () => {
    const ticket = h.sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.securityLevelId === null && i.properties[DECISION_PROPERTY_KEY] === undefined && triageScope(ticketFromSite(h.sim, i.key), DEFAULT_SUPPORT_FILTER).applies);
    if (!ticket) throw new Error('an undecided incident expected');
    dataOf(await h.call('po', 'panel.applyDecision', { outcome: 'backlog', reason: 'The customer found a workaround.', comment: false }, { issueKey: ticket.key }));
    const deferred = dataOf(await get('admin', { refresh: true })).sprint?.deferred ?? [];
    expect(deferred.find((d) => d.key === ticket.key)).toMatchObject({ source: 'app', decidedBy: h.sim.users.po.accountId });
  });
});
