/**
 * What the benchmark counts on the app's side of the wire: requests and round trips (by wrapping the
 * transport), KVS reads and writes (by wrapping the store) and the process's resident memory.
 *
 * Two views of "sequential round trips":
 * - `roundTrips`, as the panel tests count them (test/builders/counting-transport.ts): a round trip starts
 *   when a request leaves while none is in flight. It is exact for code that fans out and waits, but
 *   a bounded pool that always keeps one request in flight counts as a single round trip however
 *   long it runs;
 * - `depth`, the critical path: the longest chain of requests each of which was sent after the
 *   previous one had answered. A pool of 4 working through 100 fetches has depth 25.
 */
import { MemoryStore } from '../src/app/storage/memory-store';
import type { JiraRequest, JiraResponse, JiraTransport } from '../src/jira/transport';
import type { ConditionalWrite, KeyValueStore, StoreWrite } from '../src/ports';

interface Span {
  readonly start: number;
  end: number;
}

/** Every request sent through any transport made for the current operation. */
export class Recorder {
  requests = 0;
  roundTrips = 0;
  private inFlight = 0;
  private spans: Span[] = [];

  reset(): void {
    this.requests = 0;
    this.roundTrips = 0;
    this.inFlight = 0;
    this.spans = [];
  }

  async around(send: () => Promise<JiraResponse>): Promise<JiraResponse> {
    if (this.inFlight === 0) this.roundTrips++;
    this.inFlight++;
    this.requests++;
    const span: Span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
    this.spans.push(span);
    try {
      return await send();
    } finally {
      span.end = performance.now();
      this.inFlight--;
    }
  }

  /** The longest chain of requests where each was sent after the one before it had answered. */
  depth(): number {
    const byStart = [...this.spans].sort((a, b) => a.start - b.start);
    const depthOf = new Map<Span, number>();
    const byEnd = [...this.spans].sort((a, b) => a.end - b.end);
    let finished = 0;
    let deepestFinished = 0;
    let deepest = 0;
    for (const span of byStart) {
      while (finished < byEnd.length && (byEnd[finished] as Span).end <= span.start) {
        deepestFinished = Math.max(deepestFinished, depthOf.get(byEnd[finished] as Span) ?? 0);
        finished++;
      }
      const d = deepestFinished + 1;
      depthOf.set(span, d);
      deepest = Math.max(deepest, d);
    }
    return deepest;
  }
}

export class RecordingTransport implements JiraTransport {
  constructor(private readonly inner: JiraTransport, private readonly recorder: Recorder) {}
  send(request: JiraRequest): Promise<JiraResponse> {
    return this.recorder.around(() => this.inner.send(request));
  }
}

/** UTF-8 bytes of a value as KVS stores it (JSON). */
const jsonBytes = (value: unknown): number => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));

/**
 * KVS calls as Forge bills them: a get is a read, a listing is one read per page of 20, set and delete
 * are writes; and the bytes read and written (Forge's per-minute quota counts them in 10 KB units).
 */
export class CountingStore implements KeyValueStore {
  reads = 0;
  writes = 0;
  bytesRead = 0;
  bytesWritten = 0;
  /** Bytes read and written by key shape (digits as `#`), for `BENCH_KVS_KEYS=1` runs that ask where the bytes go. */
  readonly byKey = new Map<string, { read: number; written: number }>();
  constructor(readonly inner: KeyValueStore = new MemoryStore()) {}
  reset(): void {
    this.reads = 0;
    this.writes = 0;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.byKey.clear();
  }
  private tally(key: string, read: number, written: number): void {
    const shape = key.replace(/[0-9]+/g, '#');
    const seen = this.byKey.get(shape) ?? { read: 0, written: 0 };
    this.byKey.set(shape, { read: seen.read + read, written: seen.written + written });
  }
  async get(key: string): Promise<unknown> {
    this.reads++;
    const value = await this.inner.get(key);
    this.bytesRead += jsonBytes(value);
    this.tally(key, jsonBytes(value), 0);
    return value;
  }
  set(key: string, value: unknown): Promise<void> {
    this.writes++;
    this.bytesWritten += jsonBytes(value);
    this.tally(key, 0, jsonBytes(value));
    return this.inner.set(key, value);
  }
  delete(key: string): Promise<void> {
    this.writes++;
    return this.inner.delete(key);
  }
  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    const entries = await this.inner.list(prefix);
    this.reads += Math.max(1, Math.ceil(entries.length / 20));
    this.bytesRead += entries.reduce((sum, e) => sum + jsonBytes(e.value), 0);
    for (const e of entries) this.tally(e.key, jsonBytes(e.value), 0);
    return entries;
  }
  setIfAbsent(key: string, value: unknown): Promise<ConditionalWrite> {
    this.writes++;
    this.bytesWritten += jsonBytes(value);
    this.tally(key, 0, jsonBytes(value));
    return this.inner.setIfAbsent(key, value);
  }
  /** A transaction is billed as one write (Forge's transactions page), its values as bytes written. */
  transact(writes: readonly StoreWrite[]): Promise<ConditionalWrite> {
    this.writes++;
    this.bytesWritten += writes.reduce((sum, w) => sum + (w.kind === 'set' ? jsonBytes(w.value) : 0), 0);
    for (const w of writes) if (w.kind === 'set') this.tally(w.key, 0, jsonBytes(w.value));
    return this.inner.transact(writes);
  }
}

/** Peak resident set size while `work` runs, sampled every few ms (after a GC when exposed). */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMB: number; rssBeforeMB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRssMB: mb(peak), rssBeforeMB: mb(before) };
  } finally {
    clearInterval(timer);
  }
}

export const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
