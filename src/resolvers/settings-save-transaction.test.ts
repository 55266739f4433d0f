/**
 * `settings.save` as a create-only revision claim and then one KVS transaction (issue 11, F3), through
 * the resolver handler against the Jira simulator with the in-memory store (which applies both as Forge
 * does): what a save claims and writes together, that a racing save loses with CONFLICT naming the
 * winner, and that numbers left taken by a lost or damaged settings record never block saving.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { dataOf, resolverHarness, type ResolverHarness } from '../../test/builders/resolver-harness';
import { keys } from '../app/storage/keys';
import type { SettingsView } from '../contract/settings';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import type { StoreWrite } from '../ports';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;
let h: ResolverHarness;

const withRule = (id: string): Policy => ({
  ...DEFAULT_POLICY,
  rules: [...DEFAULT_POLICY.rules, { id, name: id, conditions: [{ kind: 'priority-in', levels: ['P2'] }], outcome: 'interrupt' }],
});
const get = () => h.call<SettingsView>('admin', 'settings.get');
const save = (view: SettingsView, change: { allocationPct?: number; policy?: Policy } = {}) =>
  h.call<SettingsView>('admin', 'settings.save', { settings: { ...view.settings, allocationPct: change.allocationPct ?? view.settings.allocationPct }, policy: change.policy ?? view.policy.policy, baseRevision: view.revision });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  h = resolverHarness(sim, { nowMs: NOW });
});

describe('settings.save in one transaction', () => {
  it('claims the revision create-only, then writes the new policy version, the settings and the registration together', async () => {
    const claim = jest.spyOn(h.store, 'setIfAbsent');
    const transact = jest.spyOn(h.store, 'transact');
    const first = dataOf(await save(dataOf(await get()), { policy: withRule('p2') }));
    expect(claim.mock.calls.map(([key]) => key)).toEqual([keys.settingsRevision('SUP', 1)]);
    expect(transact).toHaveBeenCalledTimes(1);
    // Plain sets only: Forge documents conditions in transactions for custom entities, not plain keys.
    expect((transact.mock.calls[0]?.[0] as StoreWrite[]).map((w) => [w.kind, w.key, w.kind === 'set' && w.ifAbsent === true])).toEqual([
      ['set', keys.policyVersion('SUP', 1), false],
      ['set', keys.settings('SUP'), false],
      ['set', keys.settingsAt('SUP', 1), false],
      ['set', keys.project('SUP'), false],
    ]);
    expect(await h.store.get(keys.settingsRevision('SUP', 1))).toEqual({ schemaVersion: 1, revision: 1, savedBy: sim.users.admin.accountId, savedAt: new Date(NOW).toISOString() });

    // Registered already, policy unchanged: the next save is the claim, the settings and their kept revision.
    dataOf(await save(first, { allocationPct: 30 }));
    expect(claim.mock.calls.map(([key]) => key)).toEqual([keys.settingsRevision('SUP', 1), keys.settingsRevision('SUP', 2)]);
    expect((transact.mock.calls[1]?.[0] as StoreWrite[]).map((w) => w.key)).toEqual([keys.settings('SUP'), keys.settingsAt('SUP', 2)]);
  });

  it('lets one of two saves sent at once win; the other is CONFLICT and changes nothing', async () => {
    const opened = dataOf(await get());
    const [a, b] = await Promise.all([save(opened, { allocationPct: 11, policy: withRule('a') }), save(opened, { allocationPct: 22, policy: withRule('b') })]);
    const winner = [a, b].find((x) => x.ok);
    const loser = [a, b].find((x) => !x.ok);
    expect(winner).toMatchObject({ ok: true, data: { revision: 1, policy: { version: 1 } } });
    expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^You changed these settings in another tab or window on 23 November 2026 at 09:00 \(UTC\)/) } });
    const won = (winner as { data: SettingsView }).data;
    expect(await h.store.get(keys.settings('SUP'))).toMatchObject({ revision: 1, allocationPct: won.settings.allocationPct });
    expect(await h.store.get(keys.policyVersion('SUP', 1))).toMatchObject({ policy: won.policy.policy });
    expect(h.store.keys().filter((k) => k.startsWith('policy:SUP:'))).toEqual([keys.policyVersion('SUP', 1)]);
  });

  it('names who won a race and when, when someone else saved between the check and the write', async () => {
    const opened = dataOf(await get());
    const setIfAbsent = h.store.setIfAbsent.bind(h.store);
    // Priya's save lands after this save read revision 0 and before its claim reaches KVS (a real save,
    // then made hers: only admins may save on the demo site, and Priya is the product owner).
    jest.spyOn(h.store, 'setIfAbsent').mockImplementationOnce(async (key, value) => {
      dataOf(await save(opened, { allocationPct: 45 }));
      const theirs = (await h.store.get(keys.settings('SUP'))) as object;
      await h.store.setRaw(keys.settings('SUP'), { ...theirs, updatedBy: sim.users.po.accountId, updatedAt: '2026-11-23T08:59:30.000Z' });
      return setIfAbsent(key, value);
    });
    const answer = await save(opened, { allocationPct: 10 });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Priya Shah changed these settings on 23 November 2026 at 08:59 (UTC), after this page loaded them. Reload the page to see the saved settings, then make your changes again.',
      },
    });
    expect(await h.store.get(keys.settings('SUP'))).toMatchObject({ allocationPct: 45, updatedBy: sim.users.po.accountId });
  });

  it('numbers past the claimed revisions when the settings record is lost, instead of refusing every save', async () => {
    let view = dataOf(await get());
    for (const pct of [21, 22, 23]) view = dataOf(await save(view, { allocationPct: pct }));
    await h.store.setRaw(keys.settings('SUP'), { schemaVersion: 1, revision: 'three' });
    const shown = dataOf(await get());
    expect(shown).toMatchObject({ isDefault: true, revision: 0 });
    const saved = dataOf(await save(shown, { allocationPct: 40 }));
    expect(saved).toMatchObject({ revision: 4, isDefault: false, settings: { allocationPct: 40 } });
    expect(await h.store.get(keys.settingsRevision('SUP', 1))).toMatchObject({ revision: 1 });
  });

  it('retries past a revision claimed but never stored (the record was replaced by hand), and saves', async () => {
    const view = dataOf(await save(dataOf(await get()), { allocationPct: 21 }));
    await h.store.setRaw(keys.settingsRevision('SUP', 2), { schemaVersion: 1, revision: 2, savedBy: 'someone', savedAt: '2026-11-01T00:00:00.000Z' });
    const claim = jest.spyOn(h.store, 'setIfAbsent');
    const saved = dataOf(await save(view, { allocationPct: 22 }));
    expect(saved).toMatchObject({ revision: 3, settings: { allocationPct: 22 } });
    expect(claim).toHaveBeenCalledTimes(2);
    expect(await claim.mock.results[0]?.value).toMatchObject({ ok: false, reason: 'exists' });
  });

  it('does not pass a claim whose save may still be writing its settings: a conflict, never a second winner', async () => {
    const view = dataOf(await save(dataOf(await get()), { allocationPct: 21 }));
    // Someone claimed the next revision a moment ago and has not written the settings yet.
    await h.store.setRaw(keys.settingsRevision('SUP', view.revision + 1), { schemaVersion: 1, revision: view.revision + 1, savedBy: sim.users.admin.accountId, savedAt: new Date(h.clock.nowMs - 1_000).toISOString() });
    const transact = jest.spyOn(h.store, 'transact');
    expect(await save(view, { allocationPct: 22 })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else is saving these settings at this moment. Reload the page in a few seconds to see what they saved, then make your changes again.' },
    });
    expect(transact).not.toHaveBeenCalled();
    expect(await h.store.get(keys.settingsRevision('SUP', view.revision + 2))).toBeUndefined();
  });

  it('still refuses a save from an older revision before writing anything', async () => {
    const opened = dataOf(await get());
    dataOf(await save(opened, { allocationPct: 30 }));
    const transact = jest.spyOn(h.store, 'transact');
    expect(await save(opened, { allocationPct: 40 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(transact).not.toHaveBeenCalled();
  });
});
