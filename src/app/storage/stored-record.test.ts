import { z } from 'zod';
import { MemoryStore } from './memory-store';
import { readRecord, writeRecord } from './stored-record';

const schema = z.object({ schemaVersion: z.literal(2), name: z.string(), teamSize: z.number() });
/** v0 had `team` as a string; v1 renamed it to `teamSize` but kept a string; v2 made it a number. */
const migrations = {
  0: (old: Record<string, unknown>) => ({ name: old.name, teamSize: old.team }),
  1: (old: Record<string, unknown>) => ({ ...old, teamSize: Number(old.teamSize) }),
};

describe('versioned records', () => {
  it('reads nothing as nothing', async () => {
    expect(await readRecord(new MemoryStore(), 'k', schema, migrations)).toEqual({});
  });

  it.each([
    ['a record without schemaVersion (v0)', { name: 'SUP', team: '5' }],
    ['a v1 record', { schemaVersion: 1, name: 'SUP', teamSize: '5' }],
    ['a current record', { schemaVersion: 2, name: 'SUP', teamSize: 5 }],
  ])('migrates %s forward on read', async (_label, stored) => {
    const store = new MemoryStore();
    await store.setRaw('k', stored);
    expect(await readRecord(store, 'k', schema, migrations)).toEqual({ value: { schemaVersion: 2, name: 'SUP', teamSize: 5 } });
  });

  it.each([
    ['not an object', 'text', 'The stored record k is not an object.'],
    ['an array', [1], 'The stored record k is not an object.'],
    ['a record of the wrong shape', { schemaVersion: 2, name: 7, teamSize: 5 }, 'The stored record k is damaged (name: Invalid input: expected string, received number).'],
  ])('reports %s instead of throwing', async (_label, stored, problem) => {
    const store = new MemoryStore();
    await store.setRaw('k', stored);
    expect(await readRecord(store, 'k', schema, migrations)).toEqual({ problem });
  });

  it('refuses to write what it could not read back, and writes nothing', async () => {
    const store = new MemoryStore();
    await expect(writeRecord(store, 'k', schema, { schemaVersion: 2, name: 'SUP' })).rejects.toThrow();
    expect(store.keys()).toEqual([]);
    await writeRecord(store, 'k', schema, { schemaVersion: 2, name: 'SUP', teamSize: 3 });
    expect(await store.get('k')).toEqual({ schemaVersion: 2, name: 'SUP', teamSize: 3 });
  });
});
