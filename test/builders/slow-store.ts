/** A KeyValueStore that waits `latencyMs` before every call, so races between invocations are real. */
import type { ConditionalWrite, KeyValueStore, StoreWrite } from '../../src/ports';

export class SlowStore implements KeyValueStore {
  constructor(private readonly inner: KeyValueStore, private readonly latencyMs = 25) {}
  private async wait(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
  async get(key: string): Promise<unknown> {
    await this.wait();
    return this.inner.get(key);
  }
  async set(key: string, value: unknown): Promise<void> {
    await this.wait();
    return this.inner.set(key, value);
  }
  async delete(key: string): Promise<void> {
    await this.wait();
    return this.inner.delete(key);
  }
  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    await this.wait();
    return this.inner.list(prefix);
  }
  async setIfAbsent(key: string, value: unknown): Promise<ConditionalWrite> {
    await this.wait();
    return this.inner.setIfAbsent(key, value);
  }
  async transact(writes: readonly StoreWrite[]): Promise<ConditionalWrite> {
    await this.wait();
    return this.inner.transact(writes);
  }
}
