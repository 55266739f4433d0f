/**
 * `settings.get` and `settings.save` through the resolver handler, called the way Forge calls it,
 * against the Jira simulator over HTTP: defaults, saving, Jira's permissions per user, the cached
 * admin check, optimistic concurrency, validation, and what a payload or a damaged record cannot do.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { dataOf, resolverHarness, type ResolverHarness } from '../../test/builders/resolver-harness';
import { ADMIN_CHECK_TTL_MS } from '../app/settings/admin-check';
import { defaultSettings, editableSettingsSchema } from '../app/settings/project-settings';
import { keys } from '../app/storage/keys';
import type { SettingsView } from '../contract/settings';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;
let h: ResolverHarness;

const P2_INTERRUPTS: Policy = {
  ...DEFAULT_POLICY,
  rules: [...DEFAULT_POLICY.rules, { id: 'p2', name: 'P2', conditions: [{ kind: 'priority-in', levels: ['P2'] }], outcome: 'interrupt' }],
};

const get = (role: 'admin' | 'po' | 'dev' | 'outsider' = 'admin', payload: unknown = {}) => h.call<SettingsView>(role, 'settings.get', payload);
const save = (payload: unknown, role: 'admin' | 'dev' = 'admin') => h.call<SettingsView>(role, 'settings.save', payload);
const payloadFrom = (view: SettingsView, change: { allocationPct?: number; policy?: Policy } = {}) => ({
  settings: { ...view.settings, ...(change.allocationPct !== undefined ? { allocationPct: change.allocationPct } : {}) },
  policy: change.policy ?? view.policy.policy,
  baseRevision: view.revision,
});
const permissionChecks = (): number => sim.requests().filter((r) => r.operationId === 'getMyPermissions').length;

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

describe('settings.get', () => {
  it('gives a new project the defaults and the default policy as version 0, and lets an admin edit', async () => {
    const view = dataOf(await get());
    expect(view).toEqual({
      projectKey: 'SUP',
      settings: editableSettingsSchema.parse(defaultSettings()),
      revision: 0,
      isDefault: true,
      policy: { version: 0, policy: DEFAULT_POLICY, createdBy: 'app', createdAt: '1970-01-01T00:00:00.000Z' },
      canEdit: true,
      problems: [],
      people: {}, // nobody named: no roster, nobody saved, the built-in policy
    });
    expect(h.store.keys()).toEqual([keys.adminCheck(sim.users.admin.accountId, 'SUP')]);
  });

  it('tells a developer they cannot edit, and an outsider that the project is not there for them', async () => {
    expect(dataOf(await get('dev')).canEdit).toBe(false);
    expect(await get('outsider')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.store.keys()).toEqual([]);
  });

  it('needs a project context', async () => {
    const answer = await h.call('admin', 'settings.get', {}, { extension: { type: 'jira:globalPage' } });
    expect(answer).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Open Interrupt Budget from a Jira project.' } });
  });
});

describe('settings.save', () => {
  it('saves, re-reads what was saved, and registers the project for the hourly rollup', async () => {
    const before = dataOf(await get());
    const saved = dataOf(await save(payloadFrom(before, { allocationPct: 25 })));
    expect(saved).toMatchObject({ revision: 1, isDefault: false, updatedBy: sim.users.admin.accountId, updatedAt: new Date(NOW).toISOString(), canEdit: true, problems: [] });
    expect(saved.settings.allocationPct).toBe(25);
    expect(dataOf(await get())).toEqual(saved);
    expect(h.store.keys()).toContain(keys.project('SUP'));
  });

  it('refuses a developer (no Administer Projects) with FORBIDDEN and stores nothing', async () => {
    const view = dataOf(await get('dev'));
    const answer = await save(payloadFrom(view, { allocationPct: 90 }), 'dev');
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Only administrators of project SUP .*Administer Projects/) } });
    expect(h.store.keys()).toEqual([]);
  });

  it('asks Jira about Administer Projects at most once a minute per user and project', async () => {
    const view = dataOf(await get());
    const first = dataOf(await save(payloadFrom(view, { allocationPct: 21 })));
    h.clock.nowMs += ADMIN_CHECK_TTL_MS - 1;
    dataOf(await save(payloadFrom(first, { allocationPct: 22 })));
    expect(permissionChecks()).toBe(1);
    h.clock.nowMs += 1;
    const third = dataOf(await get());
    expect(permissionChecks()).toBe(2);
    expect(sim.requests().filter((r) => r.operationId === 'getMyPermissions').every((r) => r.query.permissions === 'BROWSE_PROJECTS,ADMINISTER_PROJECTS')).toBe(true);
    expect(third.revision).toBe(2);
  });

  it('refuses a save based on settings someone changed since, naming who and when', async () => {
    const opened = dataOf(await get());
    const theirs = dataOf(await save(payloadFrom(opened, { allocationPct: 30 })));
    // Another admin (Priya) saved after this page loaded revision 1.
    h.clock.nowMs += 5 * 60_000;
    const stored = (await h.store.get(keys.settings('SUP'))) as Record<string, unknown>;
    await h.store.setRaw(keys.settings('SUP'), { ...stored, revision: 2, updatedBy: sim.users.po.accountId, updatedAt: '2026-11-23T09:05:00.000Z' });
    const answer = await save(payloadFrom(theirs, { allocationPct: 10 }));
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Priya Shah changed these settings on 23 November 2026 at 09:05 (UTC), after this page loaded them. Reload the page to see the saved settings, then make your changes again.',
      },
    });
    expect(((await h.store.get(keys.settings('SUP'))) as { allocationPct: number }).allocationPct).toBe(30);
  });

  it('tells an admin who saved in another tab that it was them', async () => {
    const opened = dataOf(await get());
    dataOf(await save(payloadFrom(opened, { allocationPct: 30 })));
    const answer = await save(payloadFrom(opened, { allocationPct: 40 }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^You changed these settings in another tab or window on 23 November 2026 at 09:00 \(UTC\)/) } });
  });

  it('answers an invalid payload with VALIDATION naming the fields, and stores nothing', async () => {
    const view = dataOf(await get());
    const bad = { ...payloadFrom(view), settings: { ...view.settings, allocationPct: 150, labels: { interrupt: 'two words', deferred: 'deferred' } }, policy: { rules: [{ id: 'x', name: 'X', conditions: [{ kind: 'moon-phase' }], outcome: 'interrupt' }], defaultOutcome: 'backlog' } };
    const answer = await save(bad);
    if (answer.ok) throw new Error('expected VALIDATION');
    expect(answer.error.code).toBe('VALIDATION');
    expect(answer.error.message).toBe('The request is not valid (settings.allocationPct): must be 100 or less.');
    expect(Object.keys(answer.error.fields ?? {})).toEqual(expect.arrayContaining(['settings.allocationPct', 'settings.labels.interrupt', 'policy.rules.0.conditions.0.kind']));
    expect(await save({ settings: view.settings, policy: view.policy.policy })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { baseRevision: expect.any(String) } } });
    expect(h.store.keys()).toEqual([keys.adminCheck(sim.users.admin.accountId, 'SUP')]);
  });

  it('ignores a project named in the payload: the page context decides', async () => {
    const view = dataOf(await get('admin', { projectKey: 'TEAM' }));
    expect(view.projectKey).toBe('SUP');
    dataOf(await save({ ...payloadFrom(view, { allocationPct: 35 }), projectKey: 'TEAM' }));
    expect(h.store.keys().filter((k) => k.startsWith('settings:'))).toEqual([keys.settings('SUP')]);
    const team = dataOf(await h.call<SettingsView>('admin', 'settings.get', { projectKey: 'SUP' }, { project: 'TEAM' }));
    expect(team).toMatchObject({ projectKey: 'TEAM', isDefault: true, settings: { allocationPct: 20 } });
  });

  it('ignores an account id in the payload: identity comes from the platform only', async () => {
    const view = dataOf(await get());
    const spoofedByDev = await save({ ...payloadFrom(view), accountId: sim.users.admin.accountId }, 'dev');
    expect(spoofedByDev).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const spoofedByAdmin = { ...payloadFrom(view), accountId: sim.users.dev.accountId, settings: { ...view.settings, updatedBy: sim.users.dev.accountId, revision: 99 } };
    const saved = dataOf(await save(spoofedByAdmin));
    expect(saved).toMatchObject({ updatedBy: sim.users.admin.accountId, revision: 1 });
    expect(await h.store.get(keys.settings('SUP'))).toMatchObject({ updatedBy: sim.users.admin.accountId, revision: 1 });
  });

  it('reports a damaged settings record, shows the defaults instead, and replaces it on the next save', async () => {
    await h.store.setRaw(keys.settings('SUP'), { schemaVersion: 1, revision: 4, allocationPct: 'lots' });
    const view = dataOf(await get());
    expect(view).toMatchObject({ isDefault: true, revision: 0, settings: { allocationPct: 20 } });
    expect(view.problems).toEqual([expect.stringMatching(/^The stored record settings:SUP is damaged .*Default settings are used until an admin saves them again\.$/)]);
    dataOf(await save(payloadFrom(view, { allocationPct: 15 })));
    expect(dataOf(await get())).toMatchObject({ problems: [], revision: 1, settings: { allocationPct: 15 } });
  });
});

describe('policy versions', () => {
  const storedVersions = (): string[] => h.store.keys().filter((k) => k.startsWith(keys.policyVersions('SUP')));

  it('are created only when the policy changes, immutable, and never overwritten', async () => {
    let view = dataOf(await get());
    view = dataOf(await save(payloadFrom(view, { allocationPct: 25 })));
    expect(view.policy.version).toBe(0);
    expect(storedVersions()).toEqual([]);

    view = dataOf(await save(payloadFrom(view, { policy: P2_INTERRUPTS })));
    expect(view.policy).toEqual({ version: 1, policy: P2_INTERRUPTS, createdBy: sim.users.admin.accountId, createdAt: new Date(NOW).toISOString() });

    // The same policy with its keys in another order is the same policy.
    const reordered = JSON.parse(JSON.stringify({ defaultOutcome: P2_INTERRUPTS.defaultOutcome, rules: P2_INTERRUPTS.rules.map((r) => ({ outcome: r.outcome, conditions: r.conditions, name: r.name, id: r.id })) })) as Policy;
    h.clock.nowMs += 1000;
    view = dataOf(await save(payloadFrom(view, { policy: reordered, allocationPct: 26 })));
    expect(view.policy.version).toBe(1);

    view = dataOf(await save(payloadFrom(view, { policy: DEFAULT_POLICY })));
    expect(view.policy).toMatchObject({ version: 2, policy: DEFAULT_POLICY });
    expect(storedVersions()).toEqual([keys.policyVersion('SUP', 1), keys.policyVersion('SUP', 2)]);
    expect(await h.store.get(keys.policyVersion('SUP', 1))).toMatchObject({ version: 1, policy: P2_INTERRUPTS, createdAt: new Date(NOW).toISOString() });

    // The settings record is lost: the next changed policy still gets a fresh number.
    await h.store.setRaw(keys.settings('SUP'), 'garbage');
    view = dataOf(await get());
    expect(view.policy.version).toBe(0);
    view = dataOf(await save(payloadFrom(view, { policy: P2_INTERRUPTS })));
    expect(view.policy.version).toBe(3);
    expect(await h.store.get(keys.policyVersion('SUP', 1))).toMatchObject({ createdAt: new Date(NOW).toISOString() });
  });
});
