/**
 * The production wiring, end to end: the `handler` that manifest.yml names, exactly as exported by
 * src/index.ts, with the real `@forge/api` (asUser → requestJira) and `@forge/kvs` underneath, and the
 * Forge runtime stood in by the shim — Jira calls to the simulator, storage calls to the KVS emulator.
 */
import { KvsEmulator } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { startSimulator, type Simulator } from '../../dev/sim';
import { keys } from '../app/storage/keys';
import type { Envelope } from '../contract/envelope';
import type { PolicyPreview, SettingsView } from '../contract/settings';
import { handler } from '../index';

let sim: Simulator;
let kvs: KvsEmulator;
let uninstall: (() => void) | undefined;

/** Sign in as `role`: asUser() acts as them and the platform's principal names them. */
function as(role: 'admin' | 'dev') {
  uninstall?.();
  const login = sim.users[role];
  uninstall = installForgeRuntimeShim({
    baseUrl: sim.url,
    user: { email: login.email, apiToken: login.token },
    app: { email: sim.users.admin.email, apiToken: sim.users.admin.token },
    kvs,
  });
  return async <T>(functionKey: string, payload: unknown = {}): Promise<Envelope<T>> =>
    (await handler({ call: { functionKey, payload }, context: { extension: { type: 'jira:projectSettingsPage', project: { key: 'SUP', id: '10000' } } } }, {
      principal: { accountId: login.accountId },
      installContext: 'ari:cloud:jira::site/1',
    })) as Envelope<T>;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
});
afterAll(async () => {
  uninstall?.();
  await sim.close();
});
beforeEach(() => {
  kvs = new KvsEmulator();
});

describe('the exported resolver handler on the Forge runtime (shimmed)', () => {
  it('reads defaults, saves through @forge/kvs, and reads the saved settings back', async () => {
    const call = as('admin');
    const opened = await call<SettingsView>('settings.get');
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.data).toMatchObject({ projectKey: 'SUP', revision: 0, isDefault: true, canEdit: true });

    const saved = await call<SettingsView>('settings.save', { settings: { ...opened.data.settings, allocationPct: 25 }, policy: opened.data.policy.policy, baseRevision: 0 });
    expect(saved).toMatchObject({ ok: true, data: { revision: 1, updatedBy: sim.users.admin.accountId } });
    // person: the saver's name, for the view the save answers with (people/people-directory.ts).
    expect(kvs.keys()).toEqual([keys.adminCheck(sim.users.admin.accountId, 'SUP'), keys.person(sim.users.admin.accountId), keys.project('SUP'), keys.settingsAt('SUP', 1), keys.settingsRevision('SUP', 1), keys.settings('SUP')]);
    expect(kvs.peek(keys.settingsRevision('SUP', 1))).toEqual({ schemaVersion: 1, revision: 1, savedBy: sim.users.admin.accountId, savedAt: expect.any(String) });
    expect(kvs.peek(keys.settings('SUP'))).toMatchObject({ schemaVersion: 1, revision: 1, allocationPct: 25 });
    expect(await call<SettingsView>('settings.get')).toMatchObject({ ok: true, data: { revision: 1, isDefault: false, settings: { allocationPct: 25 } } });

    const stale = await call('settings.save', { settings: opened.data.settings, policy: opened.data.policy.policy, baseRevision: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a developer with FORBIDDEN and leaves the store empty', async () => {
    const call = as('dev');
    const opened = await call<SettingsView>('settings.get');
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.data.canEdit).toBe(false);
    const answer = await call('settings.save', { settings: opened.data.settings, policy: opened.data.policy.policy, baseRevision: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(kvs.keys()).toEqual([]);
  });

  it('previews a policy as the user, through requestJira', async () => {
    const call = as('dev');
    const preview = await call<PolicyPreview>('settings.previewPolicy', { policy: { rules: [], defaultOutcome: 'needs-info' } });
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.data.rows).toHaveLength(50);
    expect(preview.data.rows.every((r) => r.draft.outcome === 'needs-info')).toBe(true);
    expect(sim.requests().some((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost' && r.user === sim.users.dev.accountId)).toBe(true);
  });
});
