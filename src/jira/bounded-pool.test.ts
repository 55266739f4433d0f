/**
 * The shared request limit (`limiter`) and the bounded map: never more than the limit in flight,
 * every slot given back however a task ends, and the client's way of using it (a slotted request
 * whose answer starts more slotted requests) always finishes.
 *
 * Tasks here are timed in microtask "ticks" rather than milliseconds: the interleavings fast-check
 * draws are then exact and replayable, and a run costs no wall time.
 */
import fc from 'fast-check';
import { chunk, limiter, mapBounded, type Limiter } from './bounded-pool';

/** Let `n` microtask turns pass. */
async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/** Resolves with `value`, or with 'timed out' once the macrotask queue is reached (a deadlock). */
function settlesBeforeTimers<T>(promise: Promise<T>, ms = 200): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Counts tasks running inside the limiter, and the most at once. */
function gauge() {
  const g = { active: 0, max: 0, started: 0 };
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    g.active++;
    g.started++;
    g.max = Math.max(g.max, g.active);
    try {
      return await work();
    } finally {
      g.active--;
    }
  };
  return Object.assign(g, { track });
}

/**
 * `limit` tasks that each wait until all `limit` have started: they finish only if the limiter
 * admits `limit` at once, i.e. no slot was lost before.
 */
async function allSlotsFree(l: Limiter, limit: number): Promise<boolean> {
  let started = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const tasks = Array.from({ length: limit }, () =>
    l.run(async () => {
      if (++started === limit) open();
      await gate;
    }),
  );
  return (await settlesBeforeTimers(Promise.all(tasks))) !== 'timed out';
}

describe('limiter', () => {
  const taskArb = fc.record({ delay: fc.nat(6), duration: fc.nat(8), fails: fc.boolean(), sync: fc.boolean() });

  it('never has more than its limit in flight, runs every task once with its own result, and frees every slot (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), fc.array(taskArb, { maxLength: 40 }), async (limit, tasks) => {
        const l = limiter(limit);
        const g = gauge();
        const settled = await settlesBeforeTimers(Promise.allSettled(
          tasks.map(async (task, i) => {
            await ticks(task.delay); // arrivals spread out: some while slots are being handed over
            // A failing task rejects after its work, or (sync) throws before returning a promise at all.
            return l.run(() => {
              if (task.fails && task.sync) {
                g.started++;
                throw new Error(`task ${i}`);
              }
              return g.track(async () => {
                await ticks(task.duration);
                if (task.fails) throw new Error(`task ${i}`);
                return i;
              });
            });
          }),
        ));
        if (settled === 'timed out') throw new Error('tasks were left waiting for a slot that never came back');
        const outcomes = settled;
        expect(g.max).toBeLessThanOrEqual(limit);
        expect(g.started).toBe(tasks.length);
        expect(g.active).toBe(0);
        outcomes.forEach((o, i) => {
          if (tasks[i]?.fails) expect(o).toEqual({ status: 'rejected', reason: new Error(`task ${i}`) });
          else expect(o).toEqual({ status: 'fulfilled', value: i });
        });
        // Every slot came back, failures included: `limit` tasks can run side by side again.
        expect(await allSlotsFree(l, limit)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('uses its whole limit: n tasks arriving at once run min(n, limit) at a time (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 30 }), async (limit, durations) => {
        const l = limiter(limit);
        const g = gauge();
        await Promise.all(durations.map((d) => l.run(() => g.track(() => ticks(d)))));
        expect(g.max).toBe(Math.min(limit, durations.length));
      }),
      { numRuns: 100 },
    );
  });

  it('a limit below 1 still runs tasks, one at a time', async () => {
    for (const limit of [0, -3]) {
      const l = limiter(limit);
      const g = gauge();
      await Promise.all([1, 2, 3].map((d) => l.run(() => g.track(() => ticks(d)))));
      expect(g.max).toBe(1);
    }
  });

  it('frees the slot of a task that throws synchronously, and passes the error on', async () => {
    const l = limiter(1);
    const boom = new Error('sync');
    await expect(settlesBeforeTimers(l.run(async () => 'first'))).resolves.toBe('first');
    await expect(
      l.run(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(settlesBeforeTimers(l.run(() => Promise.reject(new Error('async'))))).rejects.toThrow('async');
    expect(await allSlotsFree(l, 1)).toBe(true);
    await expect(l.run(async () => 'next')).resolves.toBe('next');
  });

  it('hands a freed slot to the longest waiter first', async () => {
    const l = limiter(1);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => l.run(async () => {
      await ticks(5 - i);
      order.push(i);
    })));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not deadlock when slotted work starts more slotted work, as the client does (a page, then its worklogs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), async (limit, pages, fanOut) => {
        const l = limiter(limit);
        const g = gauge();
        // Each "page" holds a slot for its request only, then starts `fanOut` slotted "worklog" fetches,
        // which themselves chain a second slotted request: all through the same limiter.
        const page = async (p: number): Promise<number> => {
          const ids = await l.run(() => g.track(async () => {
            await ticks(2);
            return Array.from({ length: fanOut }, (_, i) => p * 100 + i);
          }));
          const worklogs = await Promise.all(ids.map(async (id) => {
            const first = await l.run(() => g.track(async () => (await ticks(1), id)));
            return l.run(() => g.track(async () => (await ticks(1), first)));
          }));
          return worklogs.length;
        };
        const result = await settlesBeforeTimers(Promise.all(Array.from({ length: pages }, (_, p) => page(p))));
        expect(result).toEqual(Array.from({ length: pages }, () => fanOut));
        expect(g.max).toBeLessThanOrEqual(limit);
        expect(g.started).toBe(pages * (1 + 2 * fanOut));
      }),
      { numRuns: 80 },
    );
  });

  it('a run nested inside another run finishes while a slot is left for it', async () => {
    // Nesting holds the outer slot while the inner waits: fine as long as the limit leaves room (the
    // client never nests; see the Limiter's contract). Two levels under a limit of 2 finish.
    const l = limiter(2);
    const g = gauge();
    const nested = l.run(() => g.track(() => l.run(() => g.track(async () => (await ticks(3), 'inner')))));
    await expect(settlesBeforeTimers(nested)).resolves.toBe('inner');
    expect(g.max).toBe(2);
  });
});

describe('mapBounded', () => {
  it('keeps the input order and never runs more than the limit (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(5), { maxLength: 30 }), async (limit, durations) => {
        const g = gauge();
        const out = await mapBounded(durations, limit, (d, i) => g.track(async () => (await ticks(d), i * 2)));
        expect(out).toEqual(durations.map((_, i) => i * 2));
        expect(g.max).toBeLessThanOrEqual(limit);
        if (durations.length > 0) expect(g.max).toBe(Math.min(limit, durations.length));
      }),
      { numRuns: 80 },
    );
  });
});

describe('chunk', () => {
  it('splits into pieces of at most `size`, in order, losing nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 10 }), (items, size) => {
        const pieces = chunk(items, size);
        expect(pieces.flat()).toEqual(items);
        expect(pieces.every((p) => p.length >= 1 && p.length <= size)).toBe(true);
        expect(pieces.length).toBe(Math.ceil(items.length / size));
      }),
    );
  });
});
