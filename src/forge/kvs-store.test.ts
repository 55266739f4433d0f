/**
 * The KVS adapter through the real `@forge/kvs` package, whose calls the runtime shim hands to the
 * KVS emulator: what the adapter relies on (missing keys, JSON round trips, 20-per-page listing) is
 * checked against the service's contract rather than a mock of the package.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { KvsEmulator } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { KVS_PAGE, KvsStore } from './kvs-store';

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
});
