/**
 * Reading and writing versioned records. Every stored value carries `schemaVersion`; a reader
 * migrates older versions forward and validates the result, so a record written by an older release
 * (or damaged by hand) is either upgraded or reported — never a crash deep in a use case.
 */
import type { z } from 'zod';
import type { KeyValueStore } from '../../ports';
import { pack, unpack } from './packed';

/** A record written packed (storage/packed.ts): its only key. */
const isPacked = (raw: Record<string, unknown>): raw is { packed: string } => Object.keys(raw).length === 1 && typeof raw.packed === 'string';

export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

export interface ReadResult<T> {
  /** The record, when there is a valid one. */
  readonly value?: T;
  /** Set when a record exists but could not be read; the caller falls back and says so. */
  readonly problem?: string;
}

/**
 * Read `key` through `schema`. `migrations[n]` upgrades a record of schemaVersion n to n + 1;
 * a record without a schemaVersion counts as version 0.
 */
export async function readRecord<S extends z.ZodType>(
  store: KeyValueStore,
  key: string,
  schema: S,
  migrations: Readonly<Record<number, Migration>> = {},
): Promise<ReadResult<z.output<S>>> {
  const raw = await store.get(key);
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return { problem: `The stored record ${key} is not an object.` };
  let record = raw as Record<string, unknown>;
  if (isPacked(record)) {
    const unpacked = unpack(record.packed);
    if (typeof unpacked !== 'object' || unpacked === null || Array.isArray(unpacked)) return { problem: `The stored record ${key} is damaged (it does not unpack).` };
    record = unpacked as Record<string, unknown>;
  }
  for (let version = Number(record.schemaVersion ?? 0); migrations[version]; version++) {
    record = { ...(migrations[version] as Migration)(record), schemaVersion: version + 1 };
  }
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `The stored record ${key} is damaged (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}).` };
  }
  return { value: parsed.data };
}

/**
 * Validate before writing: never store what we could not read back. `packed`: store it packed
 * (storage/packed.ts), for the big records written every hour; `readRecord` reads either form. (`value` is checked at run time
 * by the schema; it is typed loosely so read-only domain objects can be stored as they are.)
 */
export async function writeRecord<S extends z.ZodType>(store: KeyValueStore, key: string, schema: S, value: unknown, options: { packed?: boolean } = {}): Promise<z.output<S>> {
  const parsed = schema.parse(value);
  await store.set(key, options.packed === true ? { packed: pack(parsed) } : parsed);
  return parsed;
}
