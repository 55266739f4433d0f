/**
 * The KVS adapter through the real `@forge/kvs` package, whose calls the runtime shim hands to the
 * KVS emulator: what the adapter relies on (missing keys, JSON round trips, 20-per-page listing) is
 * checked against the service's contract rather than a mock of the package.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { KvsEmulator, type KvsBackend } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { isKeyExists, KVS_PAGE, KvsStore } from './kvs-store';

const NO_JIRA = { baseUrl: 'http://127.0.0.1:9', user: { email: 'u', apiToken: 't' }, app: { email: 'a', apiToken: 't' } };

let emulator: KvsEmulator;
let uninstall: () => void;
const store = new KvsStore();

beforeEach(() => {
  emulator = new KvsEmulator();
  uninstall = installForgeRuntimeShim({ ...NO_JIRA, kvs: emulator });
});
afterEach(() => uninstall());

describe('KvsStore over @forge/kvs', () => {
  it('reads a missing key as undefined and deletes a missing key without complaint', async () => {
    expect(await store.get('settings:NOPE')).toBeUndefined();
    await expect(store.delete('settings:NOPE')).resolves.toBeUndefined();
  });

  it('round-trips JSON values of every kind', async () => {
    const values: unknown[] = [{ nested: { list: [1, 'two', null, true] } }, 'text', 42, false, []];
    for (const [i, value] of values.entries()) await store.set(`value:${i}`, value);
    for (const [i, value] of values.entries()) expect(await store.get(`value:${i}`)).toEqual(value);
    await store.delete('value:0');
    expect(await store.get('value:0')).toBeUndefined();
  });

  it('lists more than 20 keys by prefix, in key order, in the fewest pages', async () => {
    const n = 2 * KVS_PAGE + 5;
    for (let i = n - 1; i >= 0; i--) await store.set(`policy:SUP:${String(i).padStart(9, '0')}`, { version: i });
    await store.set('policy:SUPPORT:000000001', { version: 1 });
    await store.set('policy:TEAM:000000001', { version: 1 });
    emulator.calls.length = 0;
    const listed = await store.list('policy:SUP:');
    expect(listed.map((e) => e.value)).toEqual(Array.from({ length: n }, (_, i) => ({ version: i })));
    expect(emulator.calls).toEqual(Array(Math.ceil(n / KVS_PAGE)).fill('/api/v1/query'));
  });

  it('ends a listing whose last page is exactly full (the cursor leads to an empty page)', async () => {
    for (let i = 0; i < KVS_PAGE; i++) await store.set(`history:SUP:${String(i).padStart(9, '0')}`, i);
    emulator.calls.length = 0;
    expect(await store.list('history:SUP:')).toHaveLength(KVS_PAGE);
    expect(emulator.calls).toHaveLength(2);
    expect(await store.list('nothing:')).toEqual([]);
  });

  it('surfaces the platform limits as ForgeKvsAPIError with the service code', async () => {
    const tooBig = 'x'.repeat(240 * 1024);
    await expect(store.set('big', tooBig)).rejects.toMatchObject({ code: 'MAX_SIZE' });
    await expect(store.set('bad/key', 1)).rejects.toBeInstanceOf(ForgeKvsAPIError);
    expect(emulator.keys()).toEqual([]);
  });

  it('sends a create-only set as one set with keyPolicy FAIL_IF_EXISTS, and a transaction as one request', async () => {
    const sent: Array<{ path: string; body: unknown }> = [];
    const recording: KvsBackend = { fetch: (path, init) => (sent.push({ path, body: JSON.parse(String(init?.body)) as unknown }), emulator.fetch(path, init)) };
    uninstall();
    uninstall = installForgeRuntimeShim({ ...NO_JIRA, kvs: recording });
    expect(await store.setIfAbsent('claim:1', { by: 'a' })).toEqual({ ok: true });
    expect(await store.setIfAbsent('claim:1', { by: 'b' })).toEqual({ ok: false, reason: 'exists', key: 'claim:1' });
    expect(await store.transact([{ kind: 'set', key: 'claim:2', value: 2, ifAbsent: true }, { kind: 'set', key: 'data', value: 'd' }, { kind: 'delete', key: 'claim:1' }])).toEqual({ ok: true });
    expect(await store.transact([{ kind: 'set', key: 'claim:2', value: 3, ifAbsent: true }, { kind: 'set', key: 'data', value: 'e' }])).toEqual({ ok: false, reason: 'exists' });
    expect(sent).toEqual([
      { path: '/api/v1/set', body: { key: 'claim:1', value: { by: 'a' }, options: { keyPolicy: 'FAIL_IF_EXISTS' } } },
      { path: '/api/v1/set', body: { key: 'claim:1', value: { by: 'b' }, options: { keyPolicy: 'FAIL_IF_EXISTS' } } },
      { path: '/api/v1/transaction', body: { set: [{ key: 'claim:2', value: 2, options: { keyPolicy: 'FAIL_IF_EXISTS' } }, { key: 'data', value: 'd' }], delete: [{ key: 'claim:1' }] } },
      { path: '/api/v1/transaction', body: { set: [{ key: 'claim:2', value: 3, options: { keyPolicy: 'FAIL_IF_EXISTS' } }, { key: 'data', value: 'e' }] } },
    ]);
    expect(emulator.keys()).toEqual(['claim:2', 'data']);
    expect(emulator.peek('data')).toBe('d');
  });

  it('throws a transaction Forge refuses (over 25 operations) as the service error, not as "exists"', async () => {
    const writes = Array.from({ length: 26 }, (_, i) => ({ kind: 'set' as const, key: `k:${i}`, value: i }));
    await expect(store.transact(writes)).rejects.toMatchObject({ code: 'BAD_REQUEST', responseDetails: { status: 400, httpPath: '/api/v1/transaction' } });
    expect(emulator.keys()).toEqual([]);
  });

  it('counts any 409 from KVS as "the key exists", whatever its code, and nothing else', async () => {
    const answering = (status: number, code: string): KvsBackend => ({ fetch: async () => new Response(JSON.stringify({ code, message: 'no' }), { status, headers: { 'content-type': 'application/json' } }) });
    uninstall();
    uninstall = installForgeRuntimeShim({ ...NO_JIRA, kvs: answering(409, 'SOME_FUTURE_CONFLICT_CODE') });
    expect(await store.setIfAbsent('k', 1)).toMatchObject({ ok: false, reason: 'exists' });
    expect(await store.transact([{ kind: 'set', key: 'k', value: 1, ifAbsent: true }])).toEqual({ ok: false, reason: 'exists' });
    uninstall();
    uninstall = installForgeRuntimeShim({ ...NO_JIRA, kvs: answering(500, 'INTERNAL_SERVER_ERROR') });
    const outage = store.transact([{ kind: 'set', key: 'k', value: 1, ifAbsent: true }]);
    await expect(outage).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(isKeyExists(new Error('KEY_CONFLICT'))).toBe(false);
  });
});
