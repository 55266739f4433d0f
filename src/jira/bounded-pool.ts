/**
 * Run async work over a list with at most `limit` in flight: enough parallelism to hide Jira's
 * latency, not so much that the burst limiter answers 429. Results keep the input order; the first
 * failure rejects the whole (work already started is left to finish).
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** Split a list into chunks of at most `size` (Jira's bulk endpoints take ≤ 50 issues a call). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * A limit on requests in flight shared by independent pieces of work (parallel search pages and the
 * worklog fetches each page starts): `run` waits for a free slot, holds it only for the duration of
 * `task`, and frees it however `task` ends. Slots are held per request, never across awaits on other
 * slotted work, so nested use cannot deadlock.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function limiter(limit: number): Limiter {
  const max = Math.max(1, limit);
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < max) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
