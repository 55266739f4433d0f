/**
 * The conditional writes of the KeyValueStore port, one table of cases run against both stores the
 * app runs on: the in-memory store (tests, local runs) and the KVS adapter through the real
 * `@forge/kvs` package over the KVS emulator (what production sends). Same cases, same answers:
 * create-only on an existing key fails and applies nothing, a transaction over 25 operations or
 * naming a key twice is refused whole, and parallel creators of one key get exactly one winner.
 */
import { KvsEmulator } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { MemoryStore } from '../app/storage/memory-store';
import type { KeyValueStore, StoreWrite } from '../ports';
import { KvsStore } from './kvs-store';

const NO_JIRA = { baseUrl: 'http://127.0.0.1:9', user: { email: 'u', apiToken: 't' }, app: { email: 'a', apiToken: 't' } };

interface Subject {
  readonly store: KeyValueStore;
  readonly done: () => void;
}

const subjects: Array<[string, (latencyMs?: number) => Subject]> = [
  ['MemoryStore', () => ({ store: new MemoryStore(), done: () => undefined })],
  [
    'KvsStore over @forge/kvs and the KVS emulator',
    (latencyMs = 0) => {
      const uninstall = installForgeRuntimeShim({ ...NO_JIRA, kvs: new KvsEmulator({ latencyMs }) });
      return { store: new KvsStore(), done: uninstall };
    },
  ],
];

const set = (key: string, value: unknown = { key }): StoreWrite => ({ kind: 'set', key, value });
const create = (key: string, value: unknown = { key }): StoreWrite => ({ kind: 'set', key, value, ifAbsent: true });
const del = (key: string): StoreWrite => ({ kind: 'delete', key });
const many = (n: number, prefix = 'k'): StoreWrite[] => Array.from({ length: n }, (_, i) => set(`${prefix}:${String(i).padStart(2, '0')}`));

/** Every key and value, in key order. */
const contents = async (store: KeyValueStore) => Object.fromEntries((await store.list('')).map((e) => [e.key, e.value]));

/** The store as each case starts: two keys. */
const SEED = { 'held:1': 'theirs', 'keep:1': 'kept' } as const;

const refused: Array<[string, StoreWrite[]]> = [
  ['no operations', []],
  ['26 operations', many(26)],
  ['26 operations, sets and deletes', [...many(20), ...Array.from({ length: 6 }, (_, i) => del(`keep:${i}`))]],
  ['a key set twice', [set('a'), create('b'), set('a', 2)]],
  ['a key set and deleted', [set('a'), del('a')]],
  ['a value over 240 KiB', [set('a'), set('big', 'x'.repeat(240 * 1024))]],
];

describe.each(subjects)('%s: conditional writes', (_name, open) => {
  let subject: Subject;
  let store: KeyValueStore;
  beforeEach(async () => {
    subject = open();
    store = subject.store;
    for (const [key, value] of Object.entries(SEED)) await store.set(key, value);
  });
  afterEach(() => subject.done());

  it('setIfAbsent creates a missing key, and leaves an existing one as it is', async () => {
    const setIfAbsent = store.setIfAbsent.bind(store);
    expect(await setIfAbsent('new:1', { v: 1 })).toEqual({ ok: true });
    expect(await setIfAbsent('new:1', { v: 2 })).toMatchObject({ ok: false, reason: 'exists' });
    expect(await setIfAbsent('held:1', 'mine')).toMatchObject({ ok: false, reason: 'exists' });
    expect(await contents(store)).toEqual({ ...SEED, 'new:1': { v: 1 } });
  });

  it('applies the sets, create-only sets and deletes of a transaction together', async () => {
    const transact = store.transact.bind(store);
    expect(await transact([set('held:1', 'mine'), create('new:1'), del('keep:1'), del('never:1')])).toEqual({ ok: true });
    expect(await contents(store)).toEqual({ 'held:1': 'mine', 'new:1': { key: 'new:1' } });
  });

  it('fails a transaction whose create-only key exists, and applies none of it', async () => {
    const transact = store.transact.bind(store);
    expect(await transact([set('new:1'), create('held:1', 'mine'), del('keep:1')])).toMatchObject({ ok: false, reason: 'exists' });
    expect(await transact([create('new:2'), create('new:3'), create('held:1')])).toMatchObject({ ok: false, reason: 'exists' });
    expect(await contents(store)).toEqual(SEED);
  });

  it('takes exactly 25 operations', async () => {
    const transact = store.transact.bind(store);
    expect(await transact(many(25))).toEqual({ ok: true });
    expect(Object.keys(await contents(store))).toHaveLength(25 + 2);
  });

  it.each(refused)('refuses a transaction with %s as a whole, applying nothing', async (_what, writes) => {
    const transact = store.transact.bind(store);
    await expect(transact(writes)).rejects.toThrow();
    expect(await contents(store)).toEqual(SEED);
  });
});

describe.each(subjects)('%s: parallel writers (25 ms a call on the emulator)', (_name, open) => {
  let subject: Subject;
  beforeEach(() => {
    subject = open(25);
  });
  afterEach(() => subject.done());

  it('lets exactly one of many parallel transactions create the same key', async () => {
    const transact = subject.store.transact.bind(subject.store);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => transact([create('claim:1', { by: i }), set(`data:${i}`, i)])));
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await contents(subject.store)).toEqual({ 'claim:1': { by: winners[0] }, [`data:${winners[0]}`]: winners[0] });
  });
});
