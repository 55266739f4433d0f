/**
 * KeyValueStore over Forge's `@forge/kvs`. Missing keys read as undefined (the package maps
 * KEY_NOT_FOUND for us); listing pages through KVS's limit of 20 results a query.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from '../ports';

const PAGE = 20;

export class KvsStore implements KeyValueStore {
  async get(key: string): Promise<unknown> {
    return kvs.get(key);
  }

  async set(key: string, value: unknown): Promise<void> {
    await kvs.set(key, value as never);
  }

  async delete(key: string): Promise<void> {
    await kvs.delete(key);
  }

  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    const entries: Array<{ key: string; value: unknown }> = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      entries.push(...page.results.map((r) => ({ key: r.key, value: r.value as unknown })));
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }
}
