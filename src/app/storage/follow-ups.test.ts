/**
 * The follow-up records through the store port: MemoryStore and the Forge KVS adapter over the KVS
 * emulator, so the create-only claim that decides a race is the platform's, not a mock's.
 */
import { KvsEmulator } from '../../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../../dev/forge/runtime-shim';
import { KvsStore } from '../../forge/kvs-store';
import type { KeyValueStore } from '../../ports';
import { followUpRecords } from './follow-ups';
import { ABANDONED_CLAIM_MS } from './revision-claims';
import { keys } from './keys';
import { MemoryStore } from './memory-store';

const NO_JIRA = { baseUrl: 'http://127.0.0.1:9', user: { email: 'u', apiToken: 't' }, app: { email: 'a', apiToken: 't' } };
const AT = Date.UTC(2026, 10, 23, 9);
const rootCause = { 'root-cause': { done: true, link: 'https://wiki.example.test/rca/1' } } as const;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const stores: Array<[string, () => KeyValueStore]> = [
  ['MemoryStore', () => new MemoryStore()],
  [
    'KvsStore over the KVS emulator',
    () => {
      uninstall = installForgeRuntimeShim({ ...NO_JIRA, kvs: new KvsEmulator() });
      return new KvsStore();
    },
  ],
];

describe.each(stores)('followUpRecords (%s)', (_name, makeStore) => {
  let store: KeyValueStore;
  beforeEach(() => {
    store = makeStore();
  });

  it('reads nothing before a save, then the saved record at revision 1', async () => {
    expect(await followUpRecords.read(store, 'SUP-1')).toEqual({});
    const saved = await followUpRecords.write(store, 'SUP-1', { items: rootCause, baseRevision: 0, accountId: 'acc-po', at: AT });
    expect(saved).toEqual({ ok: true, record: { schemaVersion: 1, issueKey: 'SUP-1', items: rootCause, revision: 1, updatedBy: 'acc-po', updatedAt: AT } });
    expect((await followUpRecords.read(store, 'SUP-1')).value?.items).toEqual(rootCause);
  });

  it('refuses a save based on an older revision and answers what is stored', async () => {
    await followUpRecords.write(store, 'SUP-1', { items: rootCause, baseRevision: 0, accountId: 'acc-po', at: AT });
    const stale = await followUpRecords.write(store, 'SUP-1', { items: {}, baseRevision: 0, accountId: 'acc-admin', at: AT + 1 });
    expect(stale).toMatchObject({ ok: false, current: { revision: 1, updatedBy: 'acc-po' } });
    expect((await followUpRecords.read(store, 'SUP-1')).value?.items).toEqual(rootCause);
  });

  it('of two saves at once from the same revision, exactly one wins and the other is told, not overwritten', async () => {
    const [a, b] = await Promise.all([
      followUpRecords.write(store, 'SUP-1', { items: rootCause, baseRevision: 0, accountId: 'acc-po', at: AT }),
      followUpRecords.write(store, 'SUP-1', { items: { 'regression-test': { done: true } }, baseRevision: 0, accountId: 'acc-admin', at: AT }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const winner = a.ok ? a.record : b.ok ? b.record : undefined;
    expect((await followUpRecords.read(store, 'SUP-1')).value).toEqual(winner);
  });

  it('numbers past a claim left by a save that failed before writing its record', async () => {
    await store.set(keys.followUpRevision('SUP-1', 1), { schemaVersion: 1, revision: 1, savedBy: 'acc-gone', savedAt: AT });
    const saved = await followUpRecords.write(store, 'SUP-1', { items: rootCause, baseRevision: 0, accountId: 'acc-po', at: AT + ABANDONED_CLAIM_MS });
    expect(saved).toMatchObject({ ok: true, record: { revision: 2 } });
  });

  it('does not pass a claim whose save may still be writing its record: a conflict, never a second winner', async () => {
    await store.set(keys.followUpRevision('SUP-1', 1), { schemaVersion: 1, revision: 1, savedBy: 'acc-admin', savedAt: AT });
    const saved = await followUpRecords.write(store, 'SUP-1', { items: rootCause, baseRevision: 0, accountId: 'acc-po', at: AT + 1_000 });
    expect(saved).toEqual({ ok: false });
    // Nothing written: neither a record nor a claim past the other save's.
    expect(await store.get(keys.followUp('SUP-1'))).toBeUndefined();
    expect(await store.get(keys.followUpRevision('SUP-1', 2))).toBeUndefined();
  });

  it('reads a damaged record as a problem, saves past it, and readMany ignores damaged records', async () => {
    await followUpRecords.write(store, 'SUP-2', { items: rootCause, baseRevision: 0, accountId: 'acc-po', at: AT });
    await store.set(keys.followUp('SUP-1'), { schemaVersion: 1, issueKey: 'SUP-1', items: { 'root-cause': { done: 'yes' } }, revision: 1, updatedBy: 'x', updatedAt: AT });
    await store.set(keys.followUp('SUP-3'), { schemaVersion: 1, issueKey: 'SUP-9', items: {}, revision: 1, updatedBy: 'x', updatedAt: AT });
    expect((await followUpRecords.read(store, 'SUP-1')).problem).toMatch(/damaged/);
    const many = await followUpRecords.readMany(store, ['SUP-1', 'SUP-2', 'SUP-2', 'SUP-3', 'SUP-4']);
    expect([...many.entries()]).toEqual([['SUP-2', rootCause]]);
    await store.set(keys.followUpRevision('SUP-1', 1), { schemaVersion: 1, revision: 1, savedBy: 'x', savedAt: AT });
    expect(await followUpRecords.write(store, 'SUP-1', { items: {}, baseRevision: 0, accountId: 'acc-po', at: AT })).toMatchObject({ ok: true, record: { revision: 2 } });
  });

  it('never stores what it could not read back (a link that is not http(s))', async () => {
    await expect(followUpRecords.write(store, 'SUP-1', { items: { 'root-cause': { done: true, link: 'javascript:alert(1)' } }, baseRevision: 0, accountId: 'acc-po', at: AT })).rejects.toThrow();
    expect(await followUpRecords.read(store, 'SUP-1')).toEqual({});
  });
});
