/**
 * KeyValueStore over Forge's `@forge/kvs`. Missing keys read as undefined (the package maps
 * KEY_NOT_FOUND for us, on get and on delete, so deleting twice is harmless); listing pages through
 * KVS's limit of 20 results a query.
 *
 * Conditional writes map to what KVS offers for plain keys (entity conditions exist only for custom
 * entities, which the app does not use):
 * - `setIfAbsent` is `kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' })` ("Forge resolves write
 *   conflicts using a last-write-wins strategy by default, but this can be configured via the key
 *   policy option": https://developer.atlassian.com/platform/forge/rest/v1/api-group-key-value-store/;
 *   `PolicySetOptions` in @forge/kvs's out/interfaces/types.d.ts);
 * - `transact` is `kvs.transact()`, which sends every set and delete in one `POST /api/v1/transaction`
 *   that "either all operations are committed or rolled back together", at most 25 operations, each
 *   key once (https://developer.atlassian.com/platform/forge/storage-reference/transactions/). A
 *   create-only set passes the same key policy as the set's options (`transact().set(key, value,
 *   undefined, options)`; the package forwards the options as they are, out/utils/transaction-request-builder.js).
 *   Atlassian's pages show no key policy inside a transaction, so no use case relies on it: the
 *   settings save decides its race with a standalone `setIfAbsent` and transacts plain sets only.
 * The package throws `ForgeKvsAPIError` with the service's `{code, message}` and the HTTP status.
 * Atlassian's pages do not name the code for "the key exists"; it is reported as 409 KEY_CONFLICT,
 * so any 409 (Conflict: the request conflicts with the stored state) counts as "exists" and becomes
 * `{ ok: false, reason: 'exists' }` for the use case to act on; any other error is thrown as it came
 * (a limit the transaction broke, an outage), and nothing was applied either way.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/
 * @see https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs
 */
import { ForgeKvsAPIError, kvs, WhereConditions, type PolicySetOptions } from '@forge/kvs';
import type { ConditionalWrite, KeyValueStore, StoreWrite } from '../ports';

/** KVS's maximum page size: the fewest round trips a listing can take. */
export const KVS_PAGE = 20;

const CREATE_ONLY: PolicySetOptions = { keyPolicy: 'FAIL_IF_EXISTS' };
const APPLIED: ConditionalWrite = { ok: true };
const EXISTS_CODES = new Set(['KEY_CONFLICT', 'KEY_ALREADY_EXISTS']);

/** Did KVS refuse because a create-only key already exists? */
export function isKeyExists(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.responseDetails.status === 409 || EXISTS_CODES.has(error.code));
}

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

  async setIfAbsent(key: string, value: unknown): Promise<ConditionalWrite> {
    try {
      await kvs.set(key, value as never, CREATE_ONLY);
      return APPLIED;
    } catch (error) {
      if (isKeyExists(error)) return { ok: false, reason: 'exists', key };
      throw error;
    }
  }

  /** One `kvs.transact()`; Forge itself refuses one over its limits (thrown as it came). */
  async transact(writes: readonly StoreWrite[]): Promise<ConditionalWrite> {
    const transaction = kvs.transact();
    for (const write of writes) {
      if (write.kind === 'delete') transaction.delete(write.key);
      else transaction.set(write.key, write.value as never, undefined, write.ifAbsent ? CREATE_ONLY : undefined);
    }
    try {
      await transaction.execute();
      return APPLIED;
    } catch (error) {
      // The service does not reliably say which key it was: the use case re-reads what it needs.
      if (isKeyExists(error)) return { ok: false, reason: 'exists' };
      throw error;
    }
  }
}
