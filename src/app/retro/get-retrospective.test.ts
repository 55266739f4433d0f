/**
 * `retrospective.get` through the resolver handler, against the simulator's seeded SUP project: a
 * closed sprint's frozen row, its interrupts with who let each in and why, overrides, deferrals and
 * needs-info requests from the app's audit (the issue property where the audit has nothing), what a
 * viewer may not see counted and never named, and the refusals as sentences.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { SEARCH } from '../../../test/builders/sim-requests';
import { projectTickets, simWindow } from '../../../test/builders/sim-tickets';
import { STAFF_ONLY } from '../../../dev/sim/site/security';
import type { DashboardView } from '../../contract/dashboard';
import type { RetrospectiveView } from '../../contract/retrospective';
import type { TriageDecision } from '../../domain/decision';
import { recordDecision } from '../storage/decision-audit';

const NOW = Date.UTC(2026, 10, 23, 9);
const CLOSED = 12;
let h: StartedResolverHarness;

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());

const retro = (as: 'po' | 'dev' | 'admin', sprintId = CLOSED) => h.call<RetrospectiveView>(as, 'retrospective.get', { sprintId });
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
    const issue = h.sim.store.issue(key);
    if (!issue) throw new Error(`no ${key}`);
    const before = issue.securityLevelId;
    issue.securityLevelId = STAFF_ONLY.id;
    try {
      // The project's secured issues are asked as the app once a day: start from an empty store.
      for (const k of h.store.keys()) if (k.startsWith('issue-security:')) await h.store.delete(k);
      const dev = dataOf(await retro('dev'));
      const text = JSON.stringify({ ...dev, people: {} });
      expect(text).not.toContain(`"${key}"`);
      expect(text).not.toContain(issue.summary);
      expect(dev.restricted).toBeGreaterThanOrEqual(1);
      const po = dataOf(await retro('po'));
      expect(po.interrupts.map((i) => i.key)).toContain(key);
      expect(po.row).toEqual(dev.row); // the numbers are the team's, whoever looks
    } finally {
      issue.securityLevelId = before;
    }
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
