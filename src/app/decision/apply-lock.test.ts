/** The apply lock: one holder at a time, released by its holder only, an abandoned one taken over by exactly one contender. */
import { keys } from '../storage/keys';
import { MemoryStore } from '../storage/memory-store';
import { SlowStore } from '../../../test/builders/slow-store';
import { acquireApplyLock, STALE_MS } from './apply-lock';

const NOW = Date.UTC(2026, 10, 23, 9);

it('lets exactly one of many parallel contenders take a free lock, and frees it on release', async () => {
  const store = new SlowStore(new MemoryStore(), 5);
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireApplyLock(store, 'SUP-1', `user-${i}`, NOW)));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const loser = results.find((r) => !r.ok);
  expect(loser && !loser.ok && loser.holder?.at).toBe(NOW);
  const winner = results.find((r) => r.ok);
  if (!winner?.ok) throw new Error('no winner');
  await winner.release();
  expect(await store.get(keys.applyLock('SUP-1'))).toBeUndefined();
  expect((await acquireApplyLock(store, 'SUP-1', 'later', NOW)).ok).toBe(true);
});

it('takes over an abandoned lock (older than a minute) for exactly one of many parallel contenders', async () => {
  for (let round = 0; round < 20; round++) {
    const store = new SlowStore(new MemoryStore(), 2 + (round % 5));
    await store.set(keys.applyLock('SUP-1'), { accountId: 'gone', at: NOW - STALE_MS - 1, token: 'old' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => acquireApplyLock(store, 'SUP-1', `user-${i}`, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  }
});

it('refuses a lock younger than a minute, and never lets a former holder release someone else\'s lock', async () => {
  const store = new MemoryStore();
  const first = await acquireApplyLock(store, 'SUP-1', 'a', NOW - STALE_MS - 5);
  expect(first.ok).toBe(true);
  expect((await acquireApplyLock(store, 'SUP-1', 'b', NOW - STALE_MS)).ok).toBe(false);
  const second = await acquireApplyLock(store, 'SUP-1', 'c', NOW); // a's lock is abandoned by now
  expect(second.ok).toBe(true);
  if (first.ok) await first.release(); // a's invocation wakes up late: c's lock stays
  expect(await store.get(keys.applyLock('SUP-1'))).toMatchObject({ accountId: 'c' });
});
