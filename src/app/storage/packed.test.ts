/**
 * Packing (packed.ts) and packed records (stored-record.ts): what is packed unpacks to the same
 * value, issue-shaped JSON packs to a fraction of its size, and damaged text is reported, never
 * taken for a value.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { MemoryStore } from './memory-store';
import { pack, unpack } from './packed';
import { readRecord, writeRecord } from './stored-record';

describe('pack and unpack', () => {
  it('give back any JSON value (fast-check)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(unpack(pack(value))).toEqual(JSON.parse(JSON.stringify(value)))));
  });

  it('pack tickets with worklogs to under a fifth of their JSON', () => {
    const tickets = Array.from({ length: 200 }, (_, i) => ({
      id: String(10_000 + i),
      key: `SUP-${i}`,
      issueType: i % 3 ? 'Story' : 'Support request',
      statusCategory: 'indeterminate',
      labels: ['support'],
      worklogs: Array.from({ length: 5 }, (__, j) => ({ id: String(100_000 + i * 5 + j), startedMs: 1_795_000_000_000 + (i * 5 + j) * 97_000, seconds: 900 * (1 + (j % 4)), authorAccountId: '712020:5f2c3a1e-7b4d-4c8e-9a61-0d3e2b7f4a10' })),
    }));
    expect(pack(tickets).length).toBeLessThan(JSON.stringify(tickets).length / 5);
  });

  it('answer undefined for text that is not a packed value', () => {
    const packed = pack({ a: 1 });
    expect(unpack(packed.slice(0, packed.length - 4))).toBeUndefined();
    expect(unpack('not packed at all')).toBeUndefined();
    expect(unpack('')).toBeUndefined();
  });
});

describe('packed records', () => {
  const schema = z.object({ schemaVersion: z.literal(2), items: z.array(z.string()) });
  const value = { schemaVersion: 2 as const, items: ['SUP-1', 'SUP-2'] };

  it('read back what was written packed, and still read the plain records older releases wrote', async () => {
    const store = new MemoryStore();
    await writeRecord(store, 'packed', schema, value, { packed: true });
    expect(await store.get('packed')).toEqual({ packed: expect.any(String) });
    expect(await readRecord(store, 'packed', schema)).toEqual({ value });
    await writeRecord(store, 'plain', schema, value);
    expect(await readRecord(store, 'plain', schema)).toEqual({ value });
  });

  it('migrate a packed record like a plain one', async () => {
    const store = new MemoryStore();
    await store.set('old', { packed: pack({ schemaVersion: 1, keys: ['SUP-1'] }) });
    const read = await readRecord(store, 'old', schema, { 1: (old) => ({ items: old.keys }) });
    expect(read).toEqual({ value: { schemaVersion: 2, items: ['SUP-1'] } });
  });

  it('report a packed record that does not unpack, or unpacks to something invalid', async () => {
    const store = new MemoryStore();
    await store.set('cut', { packed: pack(value).slice(0, 10) });
    expect((await readRecord(store, 'cut', schema)).problem).toBe('The stored record cut is damaged (it does not unpack).');
    await store.set('wrong', { packed: pack({ schemaVersion: 2, items: 'SUP-1' }) });
    expect((await readRecord(store, 'wrong', schema)).problem).toMatch(/^The stored record wrong is damaged \(items:/);
  });
});
