/**
 * The sprint issue cache in a KVS-like store (the in-memory store, wrapped to count and measure
 * writes): what is written reads back the same, every value stays under KVS's 240 KiB whatever the
 * sprint's size and however its issue ids are spread, an update rewrites only the chunks it touched,
 * growth re-chunks, and anything damaged or half-written reads as a problem, never as tickets.
 */
import fc from 'fast-check';
import { startSimulator } from '../../../dev/sim';
import type { Ticket, Worklog } from '../../domain/ticket';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import { MemoryStore } from '../storage/memory-store';
import { toStoredTicket } from '../storage/stored-ticket';
import { pack, unpack } from '../storage/packed';
import { bucketOf, cacheKey, deleteSprintCache, MAX_CHUNK_BYTES, MAX_NOTES, readSprintCache, TARGET_CHUNK_BYTES, writeSprintCache, type CachedSprint } from './sprint-issue-cache';

const KVS_VALUE_LIMIT = 240 * 1024;
const PROJECT = 'SUP';
const SPRINT = 13;
const T0 = Date.UTC(2026, 10, 23, 9);

/** The in-memory store, counting `set`s by key and remembering the size of each value written. */
class MeasuringStore extends MemoryStore {
  sets: Array<{ key: string; bytes: number }> = [];
  failOn?: (key: string) => boolean;
  override async set(key: string, value: unknown): Promise<void> {
    if (this.failOn?.(key)) throw new Error(`KVS write of ${key} failed`);
    this.sets.push({ key, bytes: Buffer.byteLength(JSON.stringify(value), 'utf8') });
    return super.set(key, value);
  }
  reset(): void {
    this.sets = [];
  }
  chunkSets(): string[] {
    return this.sets.map((s) => s.key).filter((k) => k !== cacheKey(PROJECT, SPRINT));
  }
}

const chunkKeyOf = (index: number) => `${cacheKey(PROJECT, SPRINT)}:${String(index).padStart(4, '0')}`;
const sorted = (tickets: readonly Ticket[]) => [...tickets].sort((a, b) => Number(a.id) - Number(b.id));
/** What a round trip can give back: the ticket as the cache stores it (no `undefined` keys). */
const asStored = (tickets: readonly Ticket[]) => sorted(tickets.map(toStoredTicket));

/** A worklog-heavy ticket (support tickets of a busy sprint), deterministic in `n`. */
function busyTicket(id: number, worklogs: number): Ticket {
  const logs: Worklog[] = Array.from({ length: worklogs }, (_, i) => ({ startedMs: T0 - (i + 1) * 3_600_000 - (id % 977) * 1000, seconds: 900 + ((id * 7 + i) % 20) * 300, authorAccountId: `5b10a2844c20165700ede${(id + i) % 50}` }));
  return {
    id: String(id),
    key: `SUP-${id - 10_000}`,
    summary: `Customer cannot export the quarterly report (case ${id})`,
    issueType: id % 3 === 0 ? 'Support request' : 'Story',
    statusCategory: (['new', 'indeterminate', 'done'] as const)[id % 3] ?? 'new',
    priorityName: 'High',
    severityValue: 'Sev 2',
    labels: id % 4 === 0 ? ['support', 'interrupt'] : ['customer'],
    components: ['Billing'],
    createdMs: T0 - 10 * 86_400_000,
    storyPoints: id % 5,
    worklogs: logs,
    slaClocks: [{ name: 'Time to first response', completedCycles: [{ breached: false, remainingMs: 3_000_000, breachAtMs: T0 + 3_000_000 }] }],
    sprints: [{ id: SPRINT, name: 'SUP Sprint 13', state: 'active' }],
    assigneeAccountId: '5b10a2844c20165700ede21g',
    ...(id % 7 === 0
      ? { decision: { outcome: 'interrupt' as const, policyOutcome: 'interrupt' as const, policyVersion: 3, ruleId: 'p1', override: false, decidedBy: 'po-account', decidedAt: '2026-11-20T10:00:00.000Z', sprintId: SPRINT } }
      : {}),
  };
}

const manyTickets = (count: number, worklogs: (i: number) => number, ids: (i: number) => number = (i) => 10_000 + i) =>
  Array.from({ length: count }, (_, i) => busyTicket(ids(i), worklogs(i)));

const write = (store: MeasuringStore, tickets: readonly Ticket[], extra: Partial<Parameters<typeof writeSprintCache>[3]> = {}) =>
  writeSprintCache(store, PROJECT, SPRINT, { tickets, notes: [], syncedAt: T0, fullSyncAt: T0, signature: 'sig', ...extra });

async function readOk(store: MemoryStore): Promise<CachedSprint> {
  const read = await readSprintCache(store, PROJECT, SPRINT);
  if (!read.cached) throw new Error(`expected a cached sprint, got ${JSON.stringify(read)}`);
  expect(read.problem).toBeUndefined();
  return read.cached;
}

/** Every value the store holds for the sprint, with its size. */
async function storedValues(store: MemoryStore) {
  return (await store.list(cacheKey(PROJECT, SPRINT))).map((e) => ({ key: e.key, bytes: Buffer.byteLength(JSON.stringify(e.value), 'utf8') }));
}

/** The JSON size of each chunk's tickets, unpacked (what the layout measures), in key order. */
async function chunkJson(store: MemoryStore): Promise<number[]> {
  const chunks = (await store.list(`${cacheKey(PROJECT, SPRINT)}:`)).map((e) => e.value as { packed: string });
  return chunks.map((c) => Buffer.byteLength(JSON.stringify(unpack(c.packed)), 'utf8'));
}

describe('round trip', () => {
  it('reads back exactly what was written: tickets, notes, times, signature', async () => {
    const store = new MeasuringStore();
    const tickets = manyTickets(40, (i) => i % 30);
    const notes = ['SUP-3: the Severity value "Sev 9" is not an option.', 'SUP-4: no story points.'];
    await write(store, tickets, { notes, syncedAt: T0 + 5, fullSyncAt: T0 - 5, signature: '{"fields":["a"]}' });
    const cached = await readOk(store);
    expect(sorted(cached.tickets)).toEqual(asStored(tickets));
    expect(cached).toMatchObject({ notes, syncedAt: T0 + 5, fullSyncAt: T0 - 5, signature: '{"fields":["a"]}' });
    expect(cached.layout).toEqual([T0 + 5]);
  });

  it('keeps at most MAX_NOTES notes, the newest (an update appends what it just read)', async () => {
    const store = new MeasuringStore();
    await write(store, manyTickets(3, () => 1), { notes: Array.from({ length: MAX_NOTES + 20 }, (_, i) => `SUP-${i}: note`) });
    const { notes } = await readOk(store);
    expect(notes).toHaveLength(MAX_NOTES);
    expect([notes[0], notes[notes.length - 1]]).toEqual(['SUP-20: note', `SUP-${MAX_NOTES + 19}: note`]);
  });

  it('round-trips the tickets the Jira client maps from the simulator (SLAs, decisions, worklogs), both projects', async () => {
    const sim = await startSimulator({ port: 0, now: T0 });
    try {
      const login = sim.users.admin;
      const client = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) });
      const { catalog } = await client.discoverFields({ storyPointsFieldId: 'customfield_10026', severityFieldId: 'customfield_10081' });
      const { tickets } = await client.searchTickets({ jql: 'project in (SUP, TEAM)', catalog, worklogs: {} });
      expect(tickets.some((t) => t.slaClocks.length > 0 && t.decision !== undefined && (t.worklogs?.length ?? 0) > 0)).toBe(true);
      const store = new MeasuringStore();
      await write(store, tickets);
      // Mapped tickets carry no undefined keys, so they come back equal to what was written, as they are.
      expect(sorted((await readOk(store)).tickets)).toEqual(sorted(tickets));
    } finally {
      await sim.close();
    }
  });

  it('round-trips arbitrary tickets (fast-check)', async () => {
    const worklog = fc.record({ startedMs: fc.integer({ min: 0, max: 2e12 }), seconds: fc.nat(86_400), authorAccountId: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: undefined }) });
    const cycle = { breached: fc.boolean(), remainingMs: fc.option(fc.integer(), { nil: undefined }), breachAtMs: fc.option(fc.integer({ min: 0, max: 2e12 }), { nil: undefined }) };
    const ticket = (id: number) =>
      fc.record({
        summary: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
        issueType: fc.constantFrom('Bug', 'Story', 'Support request', 'Incident'),
        statusCategory: fc.constantFrom('new', 'indeterminate', 'done', 'unknown'),
        priorityName: fc.option(fc.constantFrom('Highest', 'Low'), { nil: undefined }),
        labels: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 4 }),
        storyPoints: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
        worklogs: fc.option(fc.array(worklog, { maxLength: 30 }), { nil: undefined }),
        slaClocks: fc.array(fc.record({ name: fc.string({ maxLength: 20 }), completedCycles: fc.array(fc.record(cycle), { maxLength: 2 }), ongoingCycle: fc.option(fc.record({ ...cycle, paused: fc.boolean() }), { nil: undefined }) }), { maxLength: 2 }),
        sprints: fc.array(fc.record({ id: fc.nat(500), name: fc.string({ maxLength: 20 }), state: fc.constantFrom('future', 'active', 'closed') }), { maxLength: 3 }),
      }).map((t): Ticket => ({ ...t, id: String(id), key: `SUP-${id}`, components: [] }) as Ticket);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 60 }).chain((ids) => fc.tuple(...ids.map(ticket))), async (tickets) => {
        const store = new MeasuringStore();
        await write(store, tickets);
        expect(sorted((await readOk(store)).tickets)).toEqual(asStored(tickets));
      }),
      { numRuns: 60 },
    );
  });
});

describe('what is stored of a ticket', () => {
  const support = (t: Ticket) => t.issueType === 'Support request';

  it('keeps the tickets `keptWhole` names whole and only what the rollup reads of the others', async () => {
    const store = new MeasuringStore();
    const tickets = manyTickets(30, (i) => 5 + (i % 4));
    await write(store, tickets, { keptWhole: support });
    const byId = new Map((await readOk(store)).tickets.map((t) => [t.id, t]));
    for (const t of tickets) {
      const { id, key, issueType, statusCategory, labels, components, createdMs, storyPoints, decision } = toStoredTicket(t);
      const slim = { id, key, issueType, statusCategory, labels, components, createdMs, storyPoints, decision, slaClocks: [], sprints: [] };
      expect(byId.get(t.id)).toEqual(support(t) ? toStoredTicket(t) : slim);
    }
    expect(tickets.filter(support).length).toBeGreaterThan(5);
    expect(tickets.filter((t) => !support(t)).length).toBeGreaterThan(5);
    // Without `keptWhole`, every ticket is kept whole.
    await write(store, tickets);
    expect(sorted((await readOk(store)).tickets)).toEqual(asStored(tickets));
  });

  it('reads the unpacked chunks of an older release (schema version 1) as they are', async () => {
    const store = new MeasuringStore();
    const tickets = manyTickets(12, (i) => i % 3);
    await write(store, tickets);
    const chunk = (await store.get(chunkKeyOf(0))) as { generation: number; packed: string };
    await store.setRaw(chunkKeyOf(0), { schemaVersion: 1, generation: chunk.generation, tickets: unpack(chunk.packed) });
    expect(sorted((await readOk(store)).tickets)).toEqual(asStored(tickets));
  });
});

describe('chunking', () => {
  it('keeps every chunk under MAX_CHUNK_BYTES (and KVS\'s 240 KiB) for thousands of worklog-heavy tickets', async () => {
    const store = new MeasuringStore();
    const tickets = manyTickets(4000, (i) => (i % 10 === 0 ? 60 : i % 8));
    const written = await write(store, tickets);
    const values = await storedValues(store);
    const chunks = values.filter((v) => v.key !== cacheKey(PROJECT, SPRINT));
    expect(written).toBe(chunks.length);
    expect(chunks.length).toBeGreaterThan(5);
    // A chunk's JSON (what the layout measures) stays under the maximum; packed, it is a fraction of that.
    const json = await chunkJson(store);
    for (const [i, v] of chunks.entries()) {
      expect(json[i]).toBeLessThanOrEqual(MAX_CHUNK_BYTES + 2);
      expect(v.bytes).toBeLessThanOrEqual(KVS_VALUE_LIMIT);
      expect(v.bytes).toBeLessThan((json[i] as number) / 4);
    }
    // Near the target: not one ticket per chunk, not one huge chunk.
    const total = json.reduce((s, n) => s + n, 0);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(total / TARGET_CHUNK_BYTES) + 2);
    expect(sorted((await readOk(store)).tickets)).toEqual(asStored(tickets));
  });

  it('stays under the limits however the issue ids are spread (ids in steps, as when several projects create issues in turn) (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }), // step between consecutive ids of the sprint
        fc.integer({ min: 10_000, max: 20_000 }), // first id
        fc.integer({ min: 600, max: 2500 }), // tickets
        fc.integer({ min: 0, max: 40 }), // worklogs on the busiest tickets
        async (step, first, count, worklogs) => {
          const store = new MeasuringStore();
          const tickets = manyTickets(count, (i) => (i % 3 === 0 ? worklogs : 2), (i) => first + i * step);
          await write(store, tickets);
          const json = await chunkJson(store);
          expect(json.every((n) => n <= MAX_CHUNK_BYTES + 2)).toBe(true);
          for (const v of await storedValues(store)) {
            expect({ key: v.key, within: v.bytes <= KVS_VALUE_LIMIT, bytes: v.bytes }).toEqual({ key: v.key, within: true, bytes: v.bytes });
          }
          expect((await readOk(store)).tickets).toHaveLength(count);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('updates', () => {
  /** A cache of `count` tickets over several chunks, read back for its layout. */
  async function seeded(count = 2000) {
    const store = new MeasuringStore();
    const tickets = manyTickets(count, (i) => (i % 10 === 0 ? 40 : 4));
    await write(store, tickets);
    const cached = await readOk(store);
    store.reset();
    return { store, tickets, cached };
  }

  it('rewrites only the chunks of the touched tickets, plus the head', async () => {
    const { store, tickets, cached } = await seeded();
    const k = cached.layout.length;
    expect(k).toBeGreaterThan(3);
    // Change two tickets in the same chunk and one in another; remove one; add one.
    const changed = [tickets[0]!, tickets[k]!, tickets[1]!].map((t) => ({ ...t, labels: [...t.labels, 'changed'] }));
    const removed = tickets[2]!;
    const added = busyTicket(10_000 + tickets.length + 2 * k, 3); // a new issue joins: its chunk is touched too
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const t of changed) byId.set(t.id, t);
    byId.delete(removed.id);
    byId.set(added.id, added);
    const touchedIds = new Set([...changed.map((t) => t.id), removed.id, added.id]);
    const next = [...byId.values()];

    const written = await write(store, next, { syncedAt: T0 + 60_000, previous: { layout: cached.layout, touchedIds } });
    const expectedChunks = new Set([...touchedIds].map((id) => Number(id) % k));
    expect(written).toBe(expectedChunks.size);
    expect(store.chunkSets().sort()).toEqual([...expectedChunks].sort((a, b) => a - b).map(chunkKeyOf));
    expect(store.sets.filter((s) => s.key === cacheKey(PROJECT, SPRINT))).toHaveLength(1);
    expect(store.sets.at(-1)?.key).toBe(cacheKey(PROJECT, SPRINT)); // the head last

    const after = await readOk(store);
    expect(sorted(after.tickets)).toEqual(asStored(next));
    expect(after.syncedAt).toBe(T0 + 60_000);
    expect(after.layout.filter((g) => g === T0 + 60_000)).toHaveLength(expectedChunks.size);
    expect(after.layout.filter((g) => g === T0)).toHaveLength(k - expectedChunks.size);
  });

  it('an update that touched nothing rewrites the head only', async () => {
    const { store, tickets, cached } = await seeded(500);
    expect(await write(store, tickets, { syncedAt: T0 + 1, previous: { layout: cached.layout, touchedIds: new Set() } })).toBe(0);
    expect(store.sets.map((s) => s.key)).toEqual([cacheKey(PROJECT, SPRINT)]);
    expect(sorted((await readOk(store)).tickets)).toEqual(asStored(tickets));
  });

  it('re-chunks when a chunk grows past MAX_CHUNK_BYTES, and every value stays within the limits', async () => {
    const store = new MeasuringStore();
    const small = manyTickets(60, () => 3);
    await write(store, small);
    const cached = await readOk(store);
    expect(cached.layout).toHaveLength(1);
    // The sprint grows: many worklog-heavy tickets join it.
    const grown = [...small, ...manyTickets(900, () => 25, (i) => 20_000 + i)];
    store.reset();
    await write(store, grown, { syncedAt: T0 + 1, previous: { layout: cached.layout, touchedIds: new Set(grown.slice(60).map((t) => t.id)) } });
    const after = await readOk(store);
    expect(after.layout.length).toBeGreaterThan(1);
    expect(after.layout.every((g) => g === T0 + 1)).toBe(true); // a re-chunk writes everything anew
    expect(store.chunkSets()).toHaveLength(after.layout.length);
    for (const v of await storedValues(store)) expect(v.bytes).toBeLessThanOrEqual(KVS_VALUE_LIMIT);
    for (const n of await chunkJson(store)) expect(n).toBeLessThanOrEqual(MAX_CHUNK_BYTES + 2);
    expect(sorted(after.tickets)).toEqual(asStored(grown));
  });

  it('a full write with fewer chunks than before deletes the leftovers', async () => {
    const { store } = await seeded(3000);
    const before = (await store.list(`${cacheKey(PROJECT, SPRINT)}:`)).length;
    expect(before).toBeGreaterThan(3);
    const few = manyTickets(10, () => 1);
    await write(store, few, { syncedAt: T0 + 1 });
    expect(store.keys().filter((k) => k.startsWith(cacheKey(PROJECT, SPRINT)))).toEqual([cacheKey(PROJECT, SPRINT), chunkKeyOf(0)]);
    expect(sorted((await readOk(store)).tickets)).toEqual(asStored(few));
  });

  it('knowing the replaced cache\'s chunk count, it deletes the leftovers without listing them (a listing reads every value)', async () => {
    const { store } = await seeded(3000);
    const before = (await readOk(store)).layout.length;
    let listings = 0;
    const list = store.list.bind(store);
    store.list = (prefix: string) => {
      listings++;
      return list(prefix);
    };
    const few = manyTickets(10, () => 1);
    await write(store, few, { syncedAt: T0 + 1, replacedChunks: before });
    expect(listings).toBe(0);
    expect(store.keys().filter((k) => k.startsWith(cacheKey(PROJECT, SPRINT)))).toEqual([cacheKey(PROJECT, SPRINT), chunkKeyOf(0)]);
  });
});

describe('damage', () => {
  async function twoChunks() {
    const store = new MeasuringStore();
    await write(store, manyTickets(1500, (i) => (i % 5 === 0 ? 30 : 3)));
    const cached = await readOk(store);
    expect(cached.layout.length).toBeGreaterThan(1);
    return { store, cached };
  }

  it('never cached: nothing, and no problem', async () => {
    expect(await readSprintCache(new MemoryStore(), PROJECT, SPRINT)).toEqual({});
  });

  it.each([
    ['a missing chunk', async (store: MemoryStore) => store.delete(chunkKeyOf(1))],
    ['a chunk of another generation', async (store: MemoryStore) => store.setRaw(chunkKeyOf(1), { ...((await store.get(chunkKeyOf(1))) as object), generation: T0 - 1 })],
    ['a chunk that is not a chunk', async (store: MemoryStore) => store.setRaw(chunkKeyOf(0), { schemaVersion: 1, generation: T0, tickets: [{ id: 7 }] })],
    ['a chunk whose packed text is cut short', async (store: MemoryStore) => {
      const chunk = (await store.get(chunkKeyOf(1))) as { packed: string };
      await store.setRaw(chunkKeyOf(1), { ...chunk, packed: chunk.packed.slice(0, chunk.packed.length / 2) });
    }],
    ['a chunk that unpacks to something that is not tickets', async (store: MemoryStore) => store.setRaw(chunkKeyOf(1), { ...((await store.get(chunkKeyOf(1))) as object), packed: pack([{ id: 7 }]) })],
    ['a damaged head', async (store: MemoryStore) => store.setRaw(cacheKey(PROJECT, SPRINT), { schemaVersion: 1, sprintId: SPRINT, chunks: 'all' })],
    ['a head of a newer schema', async (store: MemoryStore) => store.setRaw(cacheKey(PROJECT, SPRINT), { ...((await store.get(cacheKey(PROJECT, SPRINT))) as object), schemaVersion: 2 })],
    ['a head naming no chunk', async (store: MemoryStore) => store.setRaw(cacheKey(PROJECT, SPRINT), { ...((await store.get(cacheKey(PROJECT, SPRINT))) as object), chunks: [] })],
  ])('%s reads as a problem, not as tickets', async (_, damage) => {
    const { store } = await twoChunks();
    await damage(store);
    const read = await readSprintCache(store, PROJECT, SPRINT);
    expect(read.cached).toBeUndefined();
    expect(read.problem).toMatch(/sprint 13/);
  });

  it('an update cut off before its head was written reads as a problem (chunks of a generation the head does not know)', async () => {
    const { store, cached } = await twoChunks();
    const tickets = (await readOk(store)).tickets.map((t, i) => (i === 0 ? { ...t, labels: ['changed'] } : t));
    store.failOn = (key) => key === cacheKey(PROJECT, SPRINT);
    await expect(write(store, tickets, { syncedAt: T0 + 1, previous: { layout: cached.layout, touchedIds: new Set([tickets[0]!.id]) } })).rejects.toThrow('failed');
    const read = await readSprintCache(store, PROJECT, SPRINT);
    expect(read.cached).toBeUndefined();
    expect(read.problem).toMatch(/incomplete/);
  });
});

describe('deleteSprintCache', () => {
  it('removes the head and every chunk of the sprint, and nothing else', async () => {
    const store = new MeasuringStore();
    await write(store, manyTickets(2000, () => 6));
    // Neighbours whose keys share a beginning with this sprint's: sprint 130 and 1, another project, other records.
    for (const [project, sprint] of [['SUP', 130], ['SUP', 1], ['SUPPORT', 13], ['SU', 13]] as const) {
      await writeSprintCache(store, project, sprint, { tickets: manyTickets(5, () => 1), notes: [], syncedAt: T0, fullSyncAt: T0, signature: 's' });
    }
    await store.set('rollup:SUP:000000013', { kept: true });
    const others = store.keys().filter((k) => !k.startsWith(cacheKey(PROJECT, SPRINT)));
    expect(store.keys().filter((k) => k.startsWith(`${cacheKey(PROJECT, SPRINT)}:`)).length).toBeGreaterThan(1);

    await deleteSprintCache(store, PROJECT, SPRINT);
    expect(store.keys()).toEqual(others);
    expect(await readSprintCache(store, PROJECT, SPRINT)).toEqual({});
    expect((await readSprintCache(store, 'SUP', 130)).cached?.tickets).toHaveLength(5);
    expect((await readSprintCache(store, 'SUPPORT', 13)).cached?.tickets).toHaveLength(5);
  });
});

describe('issue ids that are not numbers (the spec says "string")', () => {
  it('spreads them over valid chunks, round trips them and updates only their chunks', async () => {
    const store = new MeasuringStore();
    const tickets = manyTickets(300, (i) => 20 + (i % 10)).map((t, i) => (i % 3 === 0 ? { ...t, id: `issue-${t.id}` } : i % 3 === 1 ? { ...t, id: `${t.id}.5` } : t));
    await write(store, tickets);
    const cached = await readOk(store);
    expect(cached.layout.length).toBeGreaterThan(1);
    expect([...cached.tickets].map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
    const changed = tickets.map((t, i) => (i === 0 ? { ...t, summary: 'changed' } : t));
    await write(store, changed, { syncedAt: T0 + 60_000, previous: { layout: cached.layout, touchedIds: new Set([changed[0]?.id as string]) } });
    const after = await readOk(store);
    expect(after.tickets.find((t) => t.id === changed[0]?.id)?.summary).toBe('changed');
    expect(after.layout.filter((g) => g === T0 + 60_000)).toHaveLength(1);
  });

  it('buckets a numeric id by id mod K as before, and any other id into 0…K-1', () => {
    expect(bucketOf({ id: '10042' }, 7)).toBe(10042 % 7);
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (id, k) => {
      const b = bucketOf({ id }, k);
      expect(Number.isInteger(b) && b >= 0 && b < k).toBe(true);
    }));
  });
});
