/**
 * An in-memory KeyValueStore with the same observable behaviour as the KVS adapter: values are
 * copied in and out as JSON (so callers can never share or mutate stored objects), a value larger
 * than KVS accepts (240 KiB as JSON) is refused as KVS refuses it, and listing is by prefix in key
 * order. Create-only sets and transactions follow Forge's rules exactly (conditional-writes.ts): a
 * transaction is refused whole when over the limits, and applies nothing when a create-only key
 * exists. Each call is atomic (nothing else runs in between). For tests and local runs.
 */
import type { ConditionalWrite, KeyValueStore, StoreWrite } from '../../ports';
import { APPLIED, exists, transactionProblem } from './conditional-writes';

/** Forge KVS's limit on one value, as UTF-8 JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;

function encode(key: string, value: unknown): string {
  const text = JSON.stringify(value);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_VALUE_BYTES) throw new Error(`KVS refuses ${key}: the value is ${Math.ceil(size / 1024)} KiB, over the 240 KiB limit.`);
  return text;
}

export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    const text = this.entries.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.entries.set(key, encode(key, value));
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    return [...this.entries.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => ({ key, value: JSON.parse(this.entries.get(key) as string) as unknown }));
  }

  async setIfAbsent(key: string, value: unknown): Promise<ConditionalWrite> {
    const text = encode(key, value);
    if (this.entries.has(key)) return exists(key);
    this.entries.set(key, text);
    return APPLIED;
  }

  async transact(writes: readonly StoreWrite[]): Promise<ConditionalWrite> {
    const problem = transactionProblem(writes);
    if (problem) throw new Error(`KVS refuses the transaction: ${problem}.`);
    // Everything is checked before anything is applied: a refusal or a failed condition leaves all as it was.
    const encoded = writes.map((w) => (w.kind === 'set' ? encode(w.key, w.value) : undefined));
    const taken = writes.find((w) => w.kind === 'set' && w.ifAbsent === true && this.entries.has(w.key));
    if (taken) return exists(taken.key);
    writes.forEach((w, i) => {
      if (w.kind === 'set') this.entries.set(w.key, encoded[i] as string);
      else this.entries.delete(w.key);
    });
    return APPLIED;
  }

  /** Test hook: store a raw value as it is (e.g. a corrupt record). */
  async setRaw(key: string, value: unknown): Promise<void> {
    this.entries.set(key, JSON.stringify(value));
  }

  keys(): string[] {
    return [...this.entries.keys()].sort();
  }
}
