/**
 * `settings.previewPolicy`, `settings.searchFields` and `settings.searchUsers` through the resolver
 * handler against the simulator over HTTP. The preview's expected verdicts are worked out here from
 * the simulator's own store and the domain functions, not from the code under test.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { PRIORITIES, SEVERITY_OPTIONS } from '../../dev/sim/site/catalog';
import type { SiteIssue, SlaCycle, SlaValue } from '../../dev/sim/site/model';
import { isAssignable } from '../../dev/sim/site/permissions';
import { dataOf, resolverHarness, type ResolverHarness } from '../../test/builders/resolver-harness';
import type { FieldSearchResult, PolicyPreview, SettingsView, UserSearchResult } from '../contract/settings';
import { DEFAULT_POLICY, evaluatePolicy, type Policy } from '../domain/policy';
import { DEFAULT_PRIORITY_MAP, normalizePriority } from '../domain/priority';
import { DEFAULT_SEVERITY_MAP, normalizeSeverity } from '../domain/severity';
import { assessSla, DEFAULT_AT_RISK_THRESHOLD_MS, type SlaClock } from '../domain/sla';
import { DEFAULT_SUPPORT_FILTER, isSupportTicket } from '../domain/support-filter';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;
let h: ResolverHarness;

const P2_INTERRUPTS: Policy = {
  ...DEFAULT_POLICY,
  rules: [...DEFAULT_POLICY.rules, { id: 'p2', name: 'P2', conditions: [{ kind: 'priority-in', levels: ['P2'] }], outcome: 'interrupt' }],
};

/** A simulator SLA value as the domain sees it at NOW (the simulator's frozen clock). */
function slaClock(sla: SlaValue): SlaClock {
  const cycle = (c: SlaCycle, ongoing: boolean) => {
    const elapsed = ongoing && !c.paused ? c.elapsedMs + Math.max(0, NOW - c.measuredAtMs) : c.elapsedMs;
    return { breached: c.goalMs - elapsed < 0, remainingMs: c.goalMs - elapsed };
  };
  return {
    name: sla.name,
    completedCycles: sla.completed.map((c) => cycle(c, false)),
    ...(sla.ongoing ? { ongoingCycle: { ...cycle(sla.ongoing, true), paused: sla.ongoing.paused ?? false } } : {}),
  };
}

/** The 50 newest SUP support tickets with both verdicts, straight from the simulator's store. */
function expectedRows(draft: Policy): Array<{ key: string; current: string; draft: string; changed: boolean }> {
  const project = sim.store.project('SUP');
  if (!project) throw new Error('no SUP project');
  const typeOf = (i: SiteIssue): string => project.issueTypes.find((t) => t.id === i.typeId)?.name ?? '?';
  return sim.store.issues
    .filter((i) => i.projectId === project.id && isSupportTicket({ issueType: typeOf(i), labels: i.labels }, DEFAULT_SUPPORT_FILTER))
    .sort((a, b) => b.createdMs - a.createdMs || Number(b.id) - Number(a.id))
    .slice(0, 50)
    .map((i) => {
      const facts = {
        priority: normalizePriority(PRIORITIES.find((p) => p.id === i.priorityId)?.name, DEFAULT_PRIORITY_MAP),
        severity: normalizeSeverity(SEVERITY_OPTIONS.find((o) => o.id === i.severityId)?.value, DEFAULT_SEVERITY_MAP),
        sla: assessSla(i.slas.map(slaClock), { nowMs: NOW, atRiskThresholdMs: DEFAULT_AT_RISK_THRESHOLD_MS }),
        issueType: typeOf(i),
        labels: i.labels,
        components: i.componentIds.map((id) => project.components.find((c) => c.id === id)?.name ?? id),
        isSupport: true,
      };
      const current = evaluatePolicy(DEFAULT_POLICY, facts).outcome;
      const next = evaluatePolicy(draft, facts).outcome;
      return { key: i.key, current, draft: next, changed: current !== next };
    });
}

const searches = () => sim.requests().filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost');

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  h = resolverHarness(sim, { nowMs: NOW });
  sim.clearRequests();
});

describe('settings.previewPolicy', () => {
  it('runs the draft over the 50 newest support tickets next to the policy in force', async () => {
    const preview = dataOf(await h.call<PolicyPreview>('po', 'settings.previewPolicy', { policy: P2_INTERRUPTS }));
    const expected = expectedRows(P2_INTERRUPTS);
    expect(expected).toHaveLength(50);
    expect(preview.rows.map((r) => ({ key: r.key, current: r.current.outcome, draft: r.draft.outcome, changed: r.changed }))).toEqual(expected);
    expect(preview.changedCount).toBe(expected.filter((r) => r.changed).length);
    expect(preview.changedCount).toBeGreaterThan(0);
    expect(preview.currentVersion).toBe(0);
    for (const row of preview.rows.filter((r) => r.changed)) {
      expect(row).toMatchObject({ draft: { outcome: 'interrupt', ruleId: 'p2', ruleName: 'P2' }, reasons: ['Priority is P2.'] });
      expect(row.summary).toBe(sim.store.issue(row.key)?.summary);
    }
  });

  it('stops paging at 50 issues, newest first, and skips the default filter\'s types the project lacks without a note (the page shows the filter fitted)', async () => {
    const preview = dataOf(await h.call<PolicyPreview>('po', 'settings.previewPolicy', { policy: DEFAULT_POLICY }));
    const answered = searches().filter((r) => r.status === 200);
    expect(answered).toHaveLength(1);
    expect(answered[0]?.body).toMatchObject({ maxResults: 50, jql: expect.stringMatching(/ ORDER BY created DESC$/) });
    // Jira lists every unknown value in one refusal: one retry, whatever the number of missing types.
    expect(searches().filter((r) => r.status === 400)).toHaveLength(1);
    expect(preview.notes).toEqual([]);
    expect(preview.changedCount).toBe(0);
  });

  it('names the types a saved support filter has that the project lacks', async () => {
    const view = dataOf(await h.call<SettingsView>('admin', 'settings.get'));
    const supportFilter = { issueTypes: ['Bug', 'Incident', '[System] Incident'], labels: ['support'] };
    dataOf(await h.call('admin', 'settings.save', { settings: { ...view.settings, supportFilter }, policy: view.policy.policy, baseRevision: view.revision }));
    const preview = dataOf(await h.call<PolicyPreview>('admin', 'settings.previewPolicy', { policy: DEFAULT_POLICY }));
    expect(preview.notes).toEqual(['Project SUP has no issue types named [System] Incident; the support filter skips them. Remove them from the support filter if they are not needed.']);
  });

  it('previews the saved policy and settings: an empty support filter finds nothing and says so', async () => {
    const view = dataOf(await h.call<SettingsView>('admin', 'settings.get'));
    dataOf(await h.call('admin', 'settings.save', { settings: { ...view.settings, supportFilter: { issueTypes: [], labels: [] } }, policy: P2_INTERRUPTS, baseRevision: 0 }));
    sim.clearRequests();
    const preview = dataOf(await h.call<PolicyPreview>('admin', 'settings.previewPolicy', { policy: DEFAULT_POLICY }));
    expect(preview).toMatchObject({ currentVersion: 1, rows: [], changedCount: 0 });
    expect(preview.notes).toEqual([expect.stringMatching(/^The support filter names no issue types or labels/)]);
    expect(searches()).toHaveLength(0);
  });

  it('refuses a draft that is not a policy, naming the field', async () => {
    const answer = await h.call('po', 'settings.previewPolicy', { policy: { rules: [{ id: 'Bad Id', name: 'x', conditions: [], outcome: 'interrupt' }], defaultOutcome: 'backlog' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'policy.rules.0.id': 'must be 1–40 lower-case letters, digits or dashes' } } });
    expect(searches()).toHaveLength(0);
  });
});

describe('settings.searchFields', () => {
  it('finds the Severity field first for "sev", with its id and type, from one field-list request', async () => {
    const { fields } = dataOf(await h.call<FieldSearchResult>('admin', 'settings.searchFields', { query: 'sev' }));
    expect(fields).toEqual([{ id: 'customfield_10081', name: 'Severity', type: 'select' }]);
    // Access first (Browse Projects, remembered a minute for an admin), then the one field-list request.
    expect(sim.requests().map((r) => r.operationId)).toEqual(['getMyPermissions', 'getFields']);
  });

  it('offers only custom fields, best matches first, and finds a field by id', async () => {
    const all = dataOf(await h.call<FieldSearchResult>('po', 'settings.searchFields', {})).fields;
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((f) => f.id.startsWith('customfield_'))).toBe(true);
    const points = dataOf(await h.call<FieldSearchResult>('po', 'settings.searchFields', { query: 'story point' })).fields;
    expect(points.map((f) => f.id).sort()).toEqual(['customfield_10016', 'customfield_10026', 'customfield_10099']);
    expect(dataOf(await h.call<FieldSearchResult>('po', 'settings.searchFields', { query: 'estimate' })).fields.map((f) => f.id)).toEqual(['customfield_10016']);
    expect(dataOf(await h.call<FieldSearchResult>('po', 'settings.searchFields', { query: '10031' })).fields).toEqual([
      { id: 'customfield_10031', name: 'Time to resolution', type: 'sd-sla-field' },
    ]);
  });
});

describe('settings.searchUsers', () => {
  it("lists the project's assignable users for the roster, and narrows by name", async () => {
    const { users } = dataOf(await h.call<UserSearchResult>('admin', 'settings.searchUsers', {}));
    const avatar = (accountId: string) => `${sim.url}/secure/useravatar?size=48&ownerId=${encodeURIComponent(accountId)}`;
    const assignable = sim.store.users.filter((u) => isAssignable(u)).map((u) => ({ accountId: u.accountId, displayName: u.displayName, avatarUrl: avatar(u.accountId) }));
    expect(users).toEqual(assignable);
    expect(users.map((u) => u.displayName)).toEqual(expect.arrayContaining(['Alex Morgan', 'Priya Shah']));
    const narrowed = dataOf(await h.call<UserSearchResult>('admin', 'settings.searchUsers', { query: 'pri', projectKey: 'TEAM' }));
    expect(narrowed.users).toEqual([{ accountId: sim.users.po.accountId, displayName: 'Priya Shah', avatarUrl: avatar(sim.users.po.accountId) }]);
    expect(sim.requests().every((r) => r.query.project === 'SUP')).toBe(true);
  });
});
