/**
 * The in-memory store refuses what Forge KVS refuses: a value over 240 KiB as UTF-8 JSON. Tests and
 * the benchmark run on it, so a record that would not fit in production fails there too.
 */
import { MAX_VALUE_BYTES, MemoryStore } from './memory-store';

/** A JSON string value of exactly `bytes` UTF-8 bytes (two for the quotes). */
const valueOf = (bytes: number, char = 'a') => char.repeat((bytes - 2) / Buffer.byteLength(char, 'utf8'));

describe('MemoryStore size limit', () => {
  it('accepts a value of exactly 240 KiB and refuses one byte more, naming the key', async () => {
    const store = new MemoryStore();
    await store.set('fits', valueOf(MAX_VALUE_BYTES));
    expect(await store.get('fits')).toHaveLength(MAX_VALUE_BYTES - 2);
    await expect(store.set('too-big', valueOf(MAX_VALUE_BYTES + 1))).rejects.toThrow(/too-big.*240 KiB/);
    expect(await store.get('too-big')).toBeUndefined();
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const store = new MemoryStore();
    // 'é' is two bytes: 130,000 of them are 260,000 bytes though only 130,000 characters.
    await expect(store.set('accents', 'é'.repeat(130_000))).rejects.toThrow(/over the 240 KiB limit/);
  });
});
