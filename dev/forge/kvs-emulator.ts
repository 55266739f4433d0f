/**
 * A local stand-in for Forge's Key-Value Store service. The real `@forge/kvs` package turns every call
 * into `POST /api/v1/{get,set,delete,query,transaction,…}` through `global.__forge_fetch__({type: 'kvs'}, …)`;
 * this answers those requests with the service's JSON bodies and error shapes, so the production
 * adapter (src/forge/kvs-store.ts) runs unchanged in tests and local runs (see runtime-shim.ts).
 *
 * Emulated: get, set, delete, key-prefix queries and transactions, with the platform's limits
 * enforced, because a limit the emulator lets slide is a bug that only shows up after deploying:
 * - keys: 1–500 characters of `[a-zA-Z0-9:._\s-#]`, not only spaces (INVALID_KEY, KEY_TOO_LONG…);
 * - values: ≤ 240 KiB as JSON (MAX_SIZE), object depth ≤ 31 (MAX_DEPTH);
 * - queries: only `beginsWith` on the key, `limit` 1–20 (default 10), opaque cursors; like the
 *   real store a full page always carries a cursor, so the last page may come back empty;
 * - create-only sets (`options.keyPolicy: 'FAIL_IF_EXISTS'`, on `set` and inside a transaction;
 *   `'OVERRIDE'` is the default last-write-wins): an existing key answers 409 KEY_CONFLICT and
 *   nothing is written. Atlassian's REST reference documents the option ("Forge resolves write
 *   conflicts using a last-write-wins strategy by default, but this can be configured via the key
 *   policy option": https://developer.atlassian.com/platform/forge/rest/v1/api-group-key-value-store/)
 *   but not the error; 409 KEY_CONFLICT is what a write-up of the real service reports
 *   (https://hashnode.com/posts/forge-kvs-locking-failifexists-vs-ttl-leases/6aad018918f3424d9a9ae29b),
 *   and the adapter treats any 409 as "exists" so it does not depend on the code;
 * - transactions (`POST /api/v1/transaction`, body `{set?, delete?, check?}` as @forge/kvs's
 *   transaction-api.js sends it): all or nothing, at most 25 operations, each key at most once
 *   (https://developer.atlassian.com/platform/forge/storage-reference/transactions/), 4 MB of values
 *   (refused with 400 BAD_REQUEST, nothing applied); a create-only key that exists fails the whole
 *   transaction with 409 KEY_CONFLICT; a delete of a missing key is no failure.
 * Each request is handled atomically in the middle of its latency (`latencyMs`: half before, half
 * after), as a real round trip is, so parallel callers really interleave.
 * Not emulated (answered with 400 UNSUPPORTED so nothing relies on them by accident): batch
 * operations, secrets, custom entities (and so a transaction's entity conditions and checks), and the
 * set options ttl and returnValue.
 * @see https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs
 * @see https://developer.atlassian.com/platform/forge/limits-kvs-ce
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export const KVS_LIMITS = { keyLength: 500, valueBytes: 240 * 1024, depth: 31, maxPage: 20, defaultPage: 10, transactionOperations: 25, transactionBytes: 4_000_000 } as const;
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const CURSOR_PREFIX = 'kvs-emulator:';

/** The one thing the runtime shim needs: answer a KVS request the way the service does. */
export interface KvsBackend {
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

interface Entry {
  readonly json: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (code: string, message: string): KvsFailure => new KvsFailure(400, code, message);
const keyConflict = (key: string): KvsFailure => new KvsFailure(409, 'KEY_CONFLICT', `The key ${key} already exists and the key policy is FAIL_IF_EXISTS.`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw badRequest('KEY_TOO_SHORT', 'The provided key needs to be at least one character.');
  if (key.length > KVS_LIMITS.keyLength) throw badRequest('KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_LIMITS.keyLength} characters.`);
  if (!KEY_PATTERN.test(key)) throw badRequest('INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  return key;
}

function checkValue(value: unknown): string {
  if (value === undefined) throw badRequest('BAD_REQUEST', 'Provided request body is invalid: a value is required.');
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') > KVS_LIMITS.valueBytes) throw badRequest('MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
  if (depthOf(value) > KVS_LIMITS.depth) throw badRequest('MAX_DEPTH', `The provided value has exceeded the maximum object depth (${KVS_LIMITS.depth}) limit.`);
  return json;
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const noContent = (): Response => new Response(null, { status: 204 });

export interface KvsEmulatorOptions {
  /** Keep the data in this JSON file across runs (local preview); in memory only when absent. */
  readonly file?: string;
  /** The clock for createdAt/updatedAt. */
  readonly now?: () => number;
  /** Milliseconds each request takes, as a round trip to the real service does (default 0). */
  readonly latencyMs?: number;
}

/** A set as the emulator applies it: the key, the value as JSON, and whether it is create-only. */
interface PlannedSet {
  readonly key: string;
  readonly json: string;
  readonly createOnly: boolean;
}

export class KvsEmulator implements KvsBackend {
  private readonly entries = new Map<string, Entry>();
  private readonly writeCounts = new Map<string, number>();
  private readonly now: () => number;
  /** Paths requested, in order: lets tests count round trips (e.g. pages of a listing). */
  readonly calls: string[] = [];
  /** Milliseconds each request takes; may be changed between requests. */
  latencyMs: number;

  constructor(private readonly options: KvsEmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    if (options.file && existsSync(options.file)) {
      const saved = JSON.parse(readFileSync(options.file, 'utf8')) as { entries?: Record<string, Entry> };
      for (const [key, entry] of Object.entries(saved.entries ?? {})) this.entries.set(key, entry);
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    this.calls.push(path);
    const latency = this.latencyMs;
    if (latency > 0) await sleep(latency / 2);
    const response = this.handle(path, init);
    if (latency > 0) await sleep(latency / 2);
    return response;
  }

  /** One request, start to finish with nothing in between: the service's atomic step. */
  private handle(path: string, init: RequestInit): Response {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as Record<string, unknown>;
    } catch {
      return json(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid' });
    }
    try {
      switch (path) {
        case '/api/v1/get':
          return this.get(body);
        case '/api/v1/set':
          return this.set(body);
        case '/api/v1/delete':
          return this.delete(body);
        case '/api/v1/query':
          return this.query(body);
        case '/api/v1/transaction':
          return this.transaction(body);
        default:
          throw badRequest('UNSUPPORTED', `The KVS emulator does not support ${path}; only get, set, delete, key queries and transactions are emulated.`);
      }
    } catch (error) {
      if (error instanceof KvsFailure) return json(error.status, { code: error.code, message: error.message });
      throw error;
    }
  }

  /** Every stored key, sorted (for tests). */
  keys(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** A stored value as it is (for tests), or undefined. */
  peek(key: string): unknown {
    const entry = this.entries.get(key);
    return entry && (JSON.parse(entry.json) as unknown);
  }

  /** How many times `key` was written (set, alone or in a transaction) since the emulator started (for tests). */
  writesTo(key: string): number {
    return this.writeCounts.get(key) ?? 0;
  }

  private get(body: Record<string, unknown>): Response {
    const key = checkKey(body.key);
    const entry = this.entries.get(key);
    if (!entry) throw new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return json(200, { key, value: JSON.parse(entry.json) as unknown, createdAt: entry.createdAt, updatedAt: entry.updatedAt });
  }

  private set(body: Record<string, unknown>): Response {
    const planned = this.planSet(body, 'set');
    if (planned.createOnly && this.entries.has(planned.key)) throw keyConflict(planned.key);
    this.apply([planned], []);
    return noContent();
  }

  /**
   * A transaction as `@forge/kvs` sends it: `{set?: [{key, value, options?}], delete?: [{key}],
   * check?}`. Everything is checked first — limits, keys, values, then the create-only conditions —
   * and only then applied, so a refused or failed transaction changes nothing.
   */
  private transaction(body: Record<string, unknown>): Response {
    const list = (name: string): Array<Record<string, unknown>> => {
      const items = body[name];
      if (items === undefined) return [];
      if (!Array.isArray(items) || items.some((i) => !i || typeof i !== 'object')) throw badRequest('BAD_REQUEST', `Provided request body is invalid: ${name} must be a list of operations.`);
      return items as Array<Record<string, unknown>>;
    };
    if (list('check').length > 0) throw badRequest('UNSUPPORTED', 'The KVS emulator does not support transaction checks (they need custom entities).');
    const sets = list('set');
    const deletes = list('delete');
    const count = sets.length + deletes.length;
    if (count === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation.');
    if (count > KVS_LIMITS.transactionOperations) throw badRequest('BAD_REQUEST', `A transaction can have at most ${KVS_LIMITS.transactionOperations} operations; this one has ${count}.`);
    for (const item of [...sets, ...deletes]) {
      if (item.entityName !== undefined || item.conditions !== undefined) throw badRequest('UNSUPPORTED', 'The KVS emulator does not support custom entities or their conditions in transactions.');
    }
    const planned = sets.map((item) => this.planSet(item, 'transaction'));
    const deleted = deletes.map((item) => checkKey(item.key));
    const seen = new Set<string>();
    for (const key of [...planned.map((p) => p.key), ...deleted]) {
      if (seen.has(key)) throw badRequest('BAD_REQUEST', `A transaction can name each key only once; ${key} appears more than once.`);
      seen.add(key);
    }
    const bytes = planned.reduce((sum, p) => sum + Buffer.byteLength(p.json, 'utf8'), 0);
    if (bytes > KVS_LIMITS.transactionBytes) throw badRequest('BAD_REQUEST', `A transaction can carry at most ${KVS_LIMITS.transactionBytes} bytes; this one has ${bytes}.`);
    const taken = planned.find((p) => p.createOnly && this.entries.has(p.key));
    if (taken) throw keyConflict(taken.key);
    this.apply(planned, deleted);
    return noContent();
  }

  /** A set's key, value and key policy, checked; ttl and returnValue are not emulated. */
  private planSet(body: Record<string, unknown>, where: 'set' | 'transaction'): PlannedSet {
    const key = checkKey(body.key);
    const value = checkValue(body.value);
    const options = body.options && typeof body.options === 'object' ? (body.options as Record<string, unknown>) : {};
    const unsupported = Object.keys(options).filter((o) => o !== 'keyPolicy');
    if (unsupported.length > 0) throw badRequest('UNSUPPORTED', `The KVS emulator does not support the ${where} options ${unsupported.join(', ')}.`);
    const policy = options.keyPolicy ?? 'OVERRIDE';
    if (policy !== 'OVERRIDE' && policy !== 'FAIL_IF_EXISTS') throw badRequest('BAD_REQUEST', `Provided request body is invalid: keyPolicy must be OVERRIDE or FAIL_IF_EXISTS, not ${String(policy)}.`);
    return { key, json: value, createOnly: policy === 'FAIL_IF_EXISTS' };
  }

  private apply(sets: readonly PlannedSet[], deletes: readonly string[]): void {
    const at = this.now();
    for (const { key, json: value } of sets) {
      this.entries.set(key, { json: value, createdAt: this.entries.get(key)?.createdAt ?? at, updatedAt: at });
      this.writeCounts.set(key, this.writesTo(key) + 1);
    }
    for (const key of deletes) this.entries.delete(key);
    this.save();
  }

  private delete(body: Record<string, unknown>): Response {
    const key = checkKey(body.key);
    if (!this.entries.delete(key)) throw new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    this.save();
    return noContent();
  }

  private query(body: Record<string, unknown>): Response {
    const prefix = this.prefixOf(body.where);
    const limit = body.limit ?? KVS_LIMITS.defaultPage;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxPage) {
      throw badRequest('BAD_REQUEST', `The query limit must be a whole number from 1 to ${KVS_LIMITS.maxPage}.`);
    }
    const after = body.after === undefined ? undefined : decodeCursor(body.after);
    const keys = this.keys().filter((k) => k.startsWith(prefix) && (after === undefined || k > after));
    const page = keys.slice(0, limit);
    const data = page.map((key) => ({ key, value: JSON.parse((this.entries.get(key) as Entry).json) as unknown }));
    const last = page[page.length - 1];
    return json(200, { data, ...(page.length === limit && last !== undefined ? { cursor: encodeCursor(last) } : {}) });
  }

  private prefixOf(where: unknown): string {
    if (where === undefined) return '';
    const [condition, ...more] = Array.isArray(where) ? (where as Array<Record<string, unknown>>) : [];
    const values = condition?.values;
    if (!condition || more.length > 0 || condition.property !== 'key' || condition.condition !== 'BEGINS_WITH' || !Array.isArray(values) || typeof values[0] !== 'string') {
      throw badRequest('BAD_REQUEST', 'Key-value queries support exactly one condition: beginsWith on the key.');
    }
    return values[0];
  }

  private save(): void {
    if (!this.options.file) return;
    const temporary = `${this.options.file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ entries: Object.fromEntries(this.entries) }, null, 1));
    renameSync(temporary, this.options.file);
  }
}

function encodeCursor(lastKey: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${lastKey}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): string {
  const text = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(CURSOR_PREFIX)) throw badRequest('BAD_REQUEST', 'The cursor is not one this store handed out.');
  return text.slice(CURSOR_PREFIX.length);
}
