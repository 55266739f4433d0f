/**
 * An in-memory KeyValueStore with the same observable behaviour as the KVS adapter: values are
 * copied in and out as JSON (so callers can never share or mutate stored objects), a value larger
 * than KVS accepts (240 KiB as JSON) is refused as KVS refuses it, and listing is by prefix in key
 * order. For tests and local runs.
 */
import type { KeyValueStore } from '../../ports';

/** Forge KVS's limit on one value, as UTF-8 JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;

export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    const text = this.entries.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  async set(key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX_VALUE_BYTES) throw new Error(`KVS refuses ${key}: the value is ${Math.ceil(size / 1024)} KiB, over the 240 KiB limit.`);
    this.entries.set(key, text);
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

  /** Test hook: store a raw value as it is (e.g. a corrupt record). */
  async setRaw(key: string, value: unknown): Promise<void> {
    this.entries.set(key, JSON.stringify(value));
  }

  keys(): string[] {
    return [...this.entries.keys()].sort();
  }
}
