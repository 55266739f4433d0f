/**
 * The site's field list (`GET /rest/api/3/field`), remembered a day per project, for field discovery
 * (which fields hold story points, sprints, SLAs and the Severity). Every issue event, panel view,
 * dashboard and hourly run needs the catalog, the list is one of the largest responses Jira gives
 * (every field of the site, with its schema), and it changes about never: reading it once a day
 * instead of on every event takes one request off each of them.
 *
 * Key `fields:<project>`. Per project, not per site, because Jira lists only the fields of projects
 * the reader can browse. It is always read as the app (`ports.appJira`), whichever view asked for it,
 * so the copy — and the numbers discovered from it — do not depend on who looked first.
 *
 * Only what discovery reads is kept: each field's id and name, and its `schema.custom` when that is a
 * type discovery matches on (see discoveryView) or `'options'` for a severity-like option field, as
 * `[id, name]` or `[id, name, type]`, validated
 * when read back. About 45 bytes a field: a site with 4,000+ fields still fits one KVS value. A list
 * that would not fit (thousands of fields with long names) keeps the fields discovery can pick by
 * itself (its types, the name Severity) and those the invocation's options named before it was read
 * (a field named only later is missing from that copy, so the next invocation reads the list again
 * and keeps it too).
 *
 * Asked of Jira again when there is no record, when it is a day old (or from the future), when it is
 * damaged, and when an option names a field the stored list lacks (an admin just created it, or the
 * board now estimates with another field): discovery then runs on the list Jira gives, as before.
 */
import { z } from 'zod';
import { configuredFieldIds, discoverable, discoverFields, discoveryView, DISCOVERY_TYPES, fromDiscoveryView, SEVERITY_LIKE_MARK, type Discovery, type DiscoveryOptions, type JiraField } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import { keys } from './keys';
import { MAX_VALUE_BYTES } from './memory-store';
import { readRecord, writeRecord } from './stored-record';

export const FIELD_LIST_MAX_AGE_MS = 24 * 60 * 60_000;

const storedField = z.union([
  z.tuple([z.string().min(1), z.string()]),
  z.tuple([z.string().min(1), z.string(), z.enum([...DISCOVERY_TYPES, SEVERITY_LIKE_MARK])]),
]);
const schema = z.object({ schemaVersion: z.literal(1), readAt: z.number(), fields: z.array(storedField) });
type StoredField = z.infer<typeof storedField>;
type FieldListRecord = z.infer<typeof schema>;

const compact = (field: JiraField): StoredField => {
  const { id, name, type } = discoveryView(field);
  return type ? [id, name, type] : [id, name];
};
const expand = ([id, name, type]: StoredField): JiraField => fromDiscoveryView({ id, name, ...(type ? { type } : {}) });
const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The record to store for a field list: all of it when it fits one KVS value, otherwise the fields
 * discovery can pick by itself and those in `keep` (the ids the caller's options name).
 */
export function fieldListRecord(fields: readonly JiraField[], readAt: number, keep: readonly string[] = []): FieldListRecord {
  const all: FieldListRecord = { schemaVersion: 1, readAt, fields: fields.map(compact) };
  if (bytesOf(all) <= MAX_VALUE_BYTES) return all;
  return { schemaVersion: 1, readAt, fields: fields.filter((f) => discoverable(f) || keep.includes(f.id)).map(compact) };
}

export interface FieldSource {
  /** Reads the list (from storage, else from Jira), so it can run beside other reads; discover then waits on nothing. */
  load(): Promise<void>;
  /** Field discovery on the project's list (see discoverFields). */
  discover(options?: DiscoveryOptions): Promise<Discovery>;
}

interface Loaded {
  readonly fields: readonly JiraField[];
  /** Read from Jira in this invocation (so a field it lacks is not on the site, or not visible). */
  readonly live: boolean;
}

/** The project's field list for one invocation: read at most once from storage, at most once from Jira. */
export function fieldSource(ports: Ports, projectKey: string): FieldSource {
  const key = keys.fieldList(projectKey);
  let current: Promise<Loaded> | undefined;
  /** Every id an option named in this invocation: a list too big to store whole keeps these. */
  const wanted = new Set<string>();
  const fromJira = async (): Promise<Loaded> => {
    const fields = await ports.appJira.fieldList();
    await writeRecord(ports.store, key, schema, fieldListRecord(fields, ports.clock.now(), [...wanted]));
    return { fields, live: true };
  };
  const fromStore = async (): Promise<Loaded | undefined> => {
    const now = ports.clock.now();
    const { value } = await readRecord(ports.store, key, schema);
    if (!value || value.readAt > now || now - value.readAt >= FIELD_LIST_MAX_AGE_MS) return undefined;
    return { fields: value.fields.map(expand), live: false };
  };
  const load = (): Promise<Loaded> => (current ??= fromStore().then((stored) => stored ?? fromJira()));
  return {
    async load() {
      await load();
    },
    async discover(options = {}) {
      const named = configuredFieldIds(options);
      named.forEach((id) => wanted.add(id));
      let loaded = await load();
      if (!loaded.live && named.some((id) => !loaded.fields.some((f) => f.id === id))) {
        current = fromJira();
        loaded = await current;
      }
      return discoverFields(loaded.fields, options);
    },
  };
}
