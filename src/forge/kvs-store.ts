/**
 * KeyValueStore over Forge's `@forge/kvs`. Missing keys read as undefined (the package maps
 * KEY_NOT_FOUND for us, on get and on delete, so deleting twice is harmless); listing pages through
 * KVS's limit of 20 results a query.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from '../ports';

/** KVS's maximum page size: the fewest round trips a listing can take. */
export const KVS_PAGE = 20;

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

  /**
   * Every entry under `prefix`, in key order. A full page carries a cursor even when nothing follows,
   * so the last page may be empty; a cursor handed back twice would loop forever, so it ends the listing.
   */
  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    const entries: Array<{ key: string; value: unknown }> = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(KVS_PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      entries.push(...(page.results ?? []).map((r) => ({ key: r.key, value: r.value as unknown })));
      if (page.nextCursor && seen.has(page.nextCursor)) break;
      cursor = page.nextCursor;
      if (cursor) seen.add(cursor);
    } while (cursor);
    return entries;
  }
}
