/**
 * `retrospective.get` through the resolver handler, against the simulator's seeded SUP project: a
 * closed sprint's frozen row, its interrupts with who let each in and why, overrides, deferrals and
 * needs-info requests from the app's audit (the issue property where the audit has nothing), what a
 * viewer may not see counted and never named, the follow-ups (shares this sprint and over the
 * compared sprints, the open list) from the stored records, and the refusals as sentences.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { SEARCH } from '../../../test/builders/sim-requests';
import { projectTickets, simWindow } from '../../../test/builders/sim-tickets';
import { STAFF_ONLY } from '../../../dev/sim/site/security';
import type { DashboardView } from '../../contract/dashboard';
import type { RetrospectiveView } from '../../contract/retrospective';
import { DECISION_PROPERTY_KEY, type TriageDecision } from '../../domain/decision';
import type { FollowUps } from '../../domain/follow-ups';
import { recordDecision } from '../storage/decision-audit';
import { followUpRecords } from '../storage/follow-ups';
import { keys as storageKeys } from '../storage/keys';
import { storeSettings } from '../storage/settings-repository';
import { sprintRecords } from '../storage/sprint-records';
import { defaultSettings } from '../settings/project-settings';

const NOW = Date.UTC(2026, 10, 23, 9);
const CLOSED = 12;
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const retro = (as: 'po' | 'dev' | 'admin', sprintId = CLOSED) => h.call<RetrospectiveView>(as, 'retrospective.get', { sprintId });
/**
 * Run `test` with `key` in the Staff only security level (dev is not a member). The app asks for the
 * project's secured issues as the app once a day, so that answer is forgotten before and after.
 */
async function whileSecured(key: string, test: (issue: NonNullable<ReturnType<typeof h.sim.store.issue>>) => Promise<void>): Promise<void> {
  const issue = h.sim.store.issue(key);
  if (!issue) throw new Error(`no ${key}`);
  const forgetSecured = async () => {
    for (const k of h.store.keys()) if (k.startsWith('issue-security:')) await h.store.delete(k);
  };
  const before = issue.securityLevelId;
  issue.securityLevelId = STAFF_ONLY.id;
  try {
    await forgetSecured();
    await test(issue);
  } finally {
    issue.securityLevelId = before;
    await forgetSecured();
  }
}
const inWindow = (iso: string, w: { startMs: number; endMs: number }) => Date.parse(iso) >= w.startMs && Date.parse(iso) < w.endMs;

describe('retrospective.get on a closed sprint of the demo project', () => {
  let view: RetrospectiveView;
  let dashboard: DashboardView;
  beforeAll(async () => {
    dashboard = dataOf(await h.call<DashboardView>('po', 'dashboard.get', { sprintId: CLOSED }));
    view = dataOf(await retro('po'));
  });

  it('shows the sprint\'s frozen history row: the same numbers as the dashboard\'s history', async () => {
    const full = dataOf(await h.call<DashboardView>('po', 'dashboard.get', {}));
    expect(view.row).toEqual(full.history.rows.find((r) => r.sprintId === CLOSED));
    expect(view.sprint).toMatchObject({ id: CLOSED, name: 'SUP Sprint 12' });
    expect(view.overBudgetBy).toBe(Math.max(0, Math.round((view.row.used - view.row.budget) * 100) / 100));
  });

  it('lists the interrupts the closed rollup counted, each with the decision that let it in (who, why, override)', () => {
    expect(view.interrupts.map((i) => i.key).sort()).toEqual(dashboard.sprint?.interrupts.map((i) => i.key).sort());
    const window = simWindow(h.sim, CLOSED);
    for (const i of view.interrupts) {
      const property = projectTickets(h.sim, 'SUP').find((t) => t.key === i.key)?.decision as TriageDecision;
      expect(i.decision).toMatchObject({ outcome: 'interrupt', decidedBy: property.decidedBy, override: property.override, ...(property.reason ? { reason: property.reason } : {}) });
      expect(i.carriedOver).toBe(Date.parse(property.decidedAt) < window.startMs);
    }
    expect(view.interrupts.some((i) => i.carriedOver)).toBe(true); // SUP-221, let in during Sprint 11
    expect(view.people[view.interrupts[0]?.decision?.decidedBy ?? '']?.displayName).toBeTruthy();
  });

  it('lists every override and deferral decided in the sprint, with the product owner\'s reasons', () => {
    const window = simWindow(h.sim, CLOSED);
    const decided = projectTickets(h.sim, 'SUP').filter((t) => t.decision && inWindow(t.decision.decidedAt, window));
    expect(view.overrides.map((o) => [o.key, o.step.reason])).toEqual(expect.arrayContaining(decided.filter((t) => t.decision?.override).map((t) => [t.key, t.decision?.reason])));
    expect(view.overrides.length).toBe(decided.filter((t) => t.decision?.override).length);
    expect(view.deferrals.map((d) => d.key).sort()).toEqual(decided.filter((t) => t.decision?.outcome === 'backlog').map((t) => t.key).sort());
    expect(view.comparison.sprints).toBe(3);
    expect(view.comparison.sentence).toMatch(/^Support took [\d.]+ % of capacity, against [\d.]+ % on average over the 3 sprints before; \d+ interrupts? against [\d.]+\.$/);
  });

  it('reads the app\'s audit over the issue property: the earlier needs-info request, and how it ended', async () => {
    const window = simWindow(h.sim, CLOSED);
    const [target] = view.interrupts.filter((i) => !i.carriedOver);
    const key = target?.key as string;
    const at = (ms: number) => new Date(ms).toISOString();
    const base = { policyOutcome: 'needs-info' as const, policyVersion: 0, ruleId: 'unclassified', decidedBy: h.sim.users.po.accountId };
    const asked = await recordDecision(h.store, key, undefined, { decision: { ...base, outcome: 'needs-info', override: false, decidedAt: at(window.startMs + 3_600_000) }, commentId: null, recordedAt: window.startMs + 3_600_000, sameAsLatest: false, asked: ['severity'] });
    await recordDecision(h.store, key, asked, { decision: { ...base, outcome: 'interrupt', override: true, reason: 'Audit says so', decidedAt: at(window.startMs + 7_200_000) }, commentId: null, recordedAt: window.startMs + 7_200_000, sameAsLatest: false });
    const again = dataOf(await retro('po'));
    const shown = again.interrupts.find((i) => i.key === key);
    expect(shown?.decision).toMatchObject({ outcome: 'interrupt', reason: 'Audit says so', override: true });
    expect(shown?.earlier).toEqual([expect.objectContaining({ outcome: 'needs-info', decidedAt: at(window.startMs + 3_600_000) })]);
    expect(again.needsInfo).toEqual(expect.arrayContaining([expect.objectContaining({ key, ending: 'interrupted', endedAt: at(window.startMs + 7_200_000) })]));
    expect(again.overrides.find((o) => o.key === key)?.earlier.map((s) => s.outcome)).toEqual(['needs-info']);
  });

  it('costs one search as the app once the sprint\'s records are stored', async () => {
    h.sim.clearRequests();
    dataOf(await retro('po'));
    expect(h.count(SEARCH)).toBe(1);
  });
});

describe('retrospective.get: who sees what', () => {
  it('a viewer who may not see a listed issue gets it counted, never named', async () => {
    const view = dataOf(await retro('po'));
    const key = view.interrupts[0]?.key as string;
    await whileSecured(key, async (issue) => {
      const dev = dataOf(await retro('dev'));
      const text = JSON.stringify({ ...dev, people: {} });
      expect(text).not.toContain(`"${key}"`);
      expect(text).not.toContain(issue.summary);
      expect(dev.restricted).toBeGreaterThanOrEqual(1);
      const po = dataOf(await retro('po'));
      expect(po.interrupts.map((i) => i.key)).toContain(key);
      expect(po.row).toEqual(dev.row); // the numbers are the team's, whoever looks
    });
  });
});

describe('retrospective.get: follow-ups', () => {
  /** What the tests saved, by issue key (each key saved once, on top of nothing). */
  const saved = new Map<string, FollowUps>();
  const save = async (key: string, items: FollowUps) => {
    const written = await followUpRecords.write(h.store, key, { items, baseRevision: 0, accountId: h.sim.users.po.accountId, at: NOW });
    if (!written.ok) throw new Error(`${key} was saved before`);
    saved.set(key, items);
  };
  const done = (link?: string) => ({ done: true, ...(link ? { link } : {}) });
  const doneOf = (keys: readonly string[], kind: keyof FollowUps) => keys.filter((k) => saved.get(k)?.[kind]?.done === true).length;
  const pct = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
  const isDone = (key: string) => projectTickets(h.sim, 'SUP').find((t) => t.key === key)?.statusCategory === 'done';

  let view: RetrospectiveView;
  let keys: string[];
  let earlierKeys: string[];
  beforeAll(async () => {
    keys = dataOf(await retro('po')).interrupts.map((i) => i.key);
    earlierKeys = (dataOf(await h.call<DashboardView>('po', 'dashboard.get', { sprintId: 11 })).sprint?.interrupts ?? []).map((i) => i.key);
    if (keys.length < 3 || earlierKeys.length < 1) throw new Error('the seed has fewer interrupts than these tests need');
    const [all, half] = keys.filter((k) => !earlierKeys.includes(k));
    await save(all as string, { 'root-cause': done('https://example.com/rca/1'), 'regression-test': done('https://example.com/pr/1') });
    await save(half as string, { 'root-cause': done('https://example.com/rca/2'), 'regression-test': { done: false } });
    await save(earlierKeys[0] as string, { 'root-cause': done() });
    view = dataOf(await retro('po'));
  });

  it('counts this sprint\'s shares per kind the project uses, from the stored records', () => {
    expect(view.followUps.kinds).toEqual(['root-cause', 'regression-test']);
    const rc = doneOf(keys, 'root-cause');
    const rt = doneOf(keys, 'regression-test');
    expect(view.followUps.shares).toEqual([
      { kind: 'root-cause', done: rc, total: keys.length, pct: pct(rc, keys.length) },
      { kind: 'regression-test', done: rt, total: keys.length, pct: pct(rt, keys.length) },
    ]);
    expect(rc).toBeGreaterThanOrEqual(2);
  });

  it('lists the interrupts with follow-ups open, with what is missing and their summaries', () => {
    const [all, half] = keys.filter((k) => !earlierKeys.includes(k));
    const open = new Map(view.followUps.open.map((o) => [o.key, o]));
    expect(open.has(all as string)).toBe(false);
    expect(open.get(half as string)).toEqual({ key: half, summary: view.interrupts.find((i) => i.key === half)?.summary, missing: ['regression-test'], resolved: isDone(half as string) });
    const untouched = keys.filter((k) => !saved.has(k));
    for (const k of untouched) expect(open.get(k)).toMatchObject({ missing: ['root-cause', 'regression-test'], resolved: isDone(k) });
    expect(view.followUps.open.some((o) => !o.resolved)).toBe(true); // an interrupt still open in Jira: marked, still counted
    expect(view.followUps.open.map((o) => o.key)).toEqual(keys.filter((k) => k !== all)); // in the interrupts' order
    expect(view.followUps.openRestricted).toBe(0);
  });

  it('shows the shares over time: the 3 sprints the comparison covers, each from its frozen rollup, then this one', () => {
    expect(view.followUps.overTime.map((s) => s.name)).toEqual([...view.comparison.names, 'SUP Sprint 12']);
    expect(view.followUps.overTime.map((s) => s.sprintId)).toEqual([...view.comparison.sprintIds, CLOSED]);
    const sprint11 = view.followUps.overTime.find((s) => s.sprintId === 11);
    const rc = doneOf(earlierKeys, 'root-cause');
    expect(sprint11?.shares).toEqual([
      { kind: 'root-cause', done: rc, total: earlierKeys.length, pct: pct(rc, earlierKeys.length) },
      { kind: 'regression-test', done: doneOf(earlierKeys, 'regression-test'), total: earlierKeys.length, pct: pct(doneOf(earlierKeys, 'regression-test'), earlierKeys.length) },
    ]);
    expect(rc).toBeGreaterThanOrEqual(1);
    expect(view.followUps.overTime.at(-1)?.shares).toEqual(view.followUps.shares);
  });

  it('reads every record it needs, this sprint\'s and the earlier sprints\', in one batch', async () => {
    const readMany = jest.spyOn(followUpRecords, 'readMany');
    try {
      dataOf(await retro('po'));
      expect(readMany).toHaveBeenCalledTimes(1);
      expect(readMany.mock.calls[0]?.[1]).toEqual(expect.arrayContaining([...keys, ...earlierKeys]));
    } finally {
      readMany.mockRestore();
    }
  });

  it('a secured interrupt with open follow-ups is counted in the shares but not named to a viewer who may not see it', async () => {
    const key = view.followUps.open[0]?.key as string;
    await whileSecured(key, async (issue) => {
      const dev = dataOf(await retro('dev'));
      expect(dev.followUps.shares).toEqual(view.followUps.shares);
      expect(dev.followUps.overTime).toEqual(view.followUps.overTime);
      expect(dev.followUps.open.map((o) => o.key)).toEqual(view.followUps.open.map((o) => o.key).filter((k) => k !== key));
      expect(dev.followUps.openRestricted).toBe(1);
      expect(JSON.stringify(dev.followUps)).not.toContain(issue.summary);
    });
  });

  it('counts the follow-ups the team used in that sprint (frozen with its row), not what the settings say today', async () => {
    await storeSettings(h.store, 'SUP', { ...defaultSettings(), followUpKinds: ['corrective-action'] });
    try {
      const later = dataOf(await retro('po'));
      expect(later.followUps.kinds).toEqual(['root-cause', 'regression-test']);
      expect(later.followUps.shares).toEqual(view.followUps.shares);
      expect((await sprintRecords.history.read(h.store, 'SUP', CLOSED)).value?.followUpKinds).toEqual(['root-cause', 'regression-test']);
    } finally {
      await h.store.delete(storageKeys.settings('SUP'));
    }
  });

  it('a sprint nobody let an interrupt into: every share has total 0, nothing is open', async () => {
    const first = h.sim.store.sprints.filter((s) => s.state === 'closed' && s.name.startsWith('SUP ')).sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0))[0];
    if (!first) throw new Error('no closed SUP sprint');
    // Nobody decided "interrupt" on its tickets: without the decision they are not interrupts.
    for (const issue of h.sim.store.issues) {
      const decision = issue.properties[DECISION_PROPERTY_KEY] as { outcome?: string } | undefined;
      if (issue.sprintIds.includes(first.id) && decision?.outcome === 'interrupt') delete issue.properties[DECISION_PROPERTY_KEY];
    }
    const empty = dataOf(await retro('po', first.id));
    expect(empty.interrupts).toEqual([]);
    expect(empty.followUps.shares).toEqual([
      { kind: 'root-cause', done: 0, total: 0, pct: 0 },
      { kind: 'regression-test', done: 0, total: 0, pct: 0 },
    ]);
    expect(empty.followUps.open).toEqual([]);
    expect(empty.followUps.overTime).toEqual([{ sprintId: first.id, name: first.name, shares: empty.followUps.shares }]); // nothing before it to compare with
  });
});

describe('retrospective.get: refusals', () => {
  it('the active sprint has no retrospective yet, and says when it will', async () => {
    expect(await retro('po', 13)).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', message: 'SUP Sprint 13 is not closed yet: its retrospective opens once the sprint is completed in Jira.' }) });
  });

  it('a sprint that is not the board\'s is named', async () => {
    expect(await retro('po', 999)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/^Sprint 999 is not a sprint of /) }) });
  });

  it('a payload without a sprint id is refused with a sentence', async () => {
    const answer = await h.call('po', 'retrospective.get', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
