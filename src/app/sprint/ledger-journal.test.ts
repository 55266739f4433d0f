/** The ledger's journal through the real @forge/kvs-shaped memory store: keys, idempotence, pruning, the ledger's quiet check. */
import { MemoryStore } from '../storage/memory-store';
import { FOLDED_GRACE_MS, JOURNAL_MAX_AGE_MS, journalKey, ledgerJournal } from './ledger-journal';
import type { LedgerChange } from '../../domain/ledger-changes';

const T = Date.UTC(2026, 10, 23, 9);
const worklog: LedgerChange = { kind: 'worklog', issueId: '10042', worklogId: '777', atMs: T, deleted: false, startedMs: T - 3_600_000, seconds: 1800 };
const read: LedgerChange = { kind: 'read', issueId: '10043', atMs: T };

describe('ledgerJournal', () => {
  it('keys an event by what it is about, so a duplicate overwrites itself and two changes never share a record', async () => {
    expect(journalKey(worklog)).toBe(`ledger-change:10042:w777:${T}:u`);
    expect(journalKey({ ...worklog, deleted: true })).toBe(`ledger-change:10042:w777:${T}:d`);
    expect(journalKey(read)).toBe(`ledger-change:10043:read:${T}`);
    const store = new MemoryStore();
    await ledgerJournal.record(store, worklog, T);
    await ledgerJournal.record(store, worklog, T + 5);
    await ledgerJournal.record(store, { ...worklog, atMs: T + 60_000, seconds: 2400 }, T + 5);
    const { entries } = await ledgerJournal.list(store);
    expect(entries.map((e) => e.change.atMs)).toEqual([T, T + 60_000]);
  });

  it('lists oldest change first whatever the arrival, and sets damaged records aside to be deleted', async () => {
    const store = new MemoryStore();
    await ledgerJournal.record(store, { ...read, atMs: T + 2 }, T);
    await ledgerJournal.record(store, { ...read, issueId: '9', atMs: T + 1 }, T + 10);
    await store.set('ledger-change:1:junk', { schemaVersion: 1, recordedAt: 'yesterday' });
    const { entries, damaged } = await ledgerJournal.list(store);
    expect(entries.map((e) => e.change.issueId)).toEqual(['9', '10043']);
    expect(damaged).toEqual(['ledger-change:1:junk']);
    expect(await ledgerJournal.prune(store, entries, new Set(), T + 20, damaged)).toBe(1);
    expect(await store.get('ledger-change:1:junk')).toBeUndefined();
  });

  it('prunes what was folded an hour ago, and anything a day old unread; keeps the rest', async () => {
    const store = new MemoryStore();
    await ledgerJournal.record(store, read, T);
    await ledgerJournal.record(store, worklog, T + FOLDED_GRACE_MS - 1);
    await ledgerJournal.record(store, { ...read, issueId: '5' }, T - JOURNAL_MAX_AGE_MS + FOLDED_GRACE_MS);
    const { entries } = await ledgerJournal.list(store);
    const folded = new Set(entries.filter((e) => e.change.issueId !== '5').map((e) => e.key));
    expect(await ledgerJournal.prune(store, entries, folded, T + FOLDED_GRACE_MS)).toBe(2);
    expect((await ledgerJournal.list(store)).entries.map((e) => e.change.issueId)).toEqual(['10042']);
  });

  it('is quiet for a project\'s ledger unless one of its issues must be read again or was deleted since', async () => {
    const store = new MemoryStore();
    await ledgerJournal.record(store, worklog, T); // a worklog: the ledger does not read it
    await ledgerJournal.record(store, { kind: 'touched', issueId: '1', atMs: T }, T, 'SUP'); // a comment
    await ledgerJournal.record(store, read, T, 'TEAM'); // another project's
    expect(await ledgerJournal.quietSince(store, 'SUP', T - 1)).toBe(true);
    await ledgerJournal.record(store, { kind: 'read', issueId: '2', atMs: T - 10 * 60_000 }, T - 10 * 60_000, 'SUP');
    expect(await ledgerJournal.quietSince(store, 'SUP', T - 1)).toBe(true); // before the ledger was computed
    expect(await ledgerJournal.quietSince(store, 'SUP', T - 20 * 60_000)).toBe(false);
    await ledgerJournal.record(store, { kind: 'deleted', issueId: '3', atMs: T + 1 }, T + 1, 'SUP');
    expect(await ledgerJournal.quietSince(store, 'SUP', T)).toBe(false);
  });
});
