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
 *
 * What discovery found is remembered too, beside the list (`field-discovery:<project>`, well under
 * 1 KB: the catalog and its notes for each set of options asked, while the list they came from is
 * less than a day old), so an invocation whose options were seen reads that instead of the list (22 KB
 * on a site of 478 fields, read by every view and hourly run: issue 13's KVS budgets). A discovery is
 * only remembered when the list held every field its options name (a missing one is asked about each time).
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

const fieldRef = z.object({ id: z.string().min(1), name: z.string() });
const discoveryEntry = z.object({
  options: z.object({ storyPointsFieldId: z.string().optional(), severityFieldId: z.string().optional() }),
  catalog: z.object({ storyPoints: z.array(fieldRef), sprint: fieldRef.optional(), slas: z.array(fieldRef), severity: fieldRef.optional() }),
  notes: z.array(z.string()),
});
/** At most this many sets of options are remembered (a project uses one or two). */
const MAX_DISCOVERIES = 4;
const discoverySchema = z.object({ schemaVersion: z.literal(1), listReadAt: z.number(), entries: z.array(discoveryEntry).max(MAX_DISCOVERIES) });
type DiscoveryRecord = z.infer<typeof discoverySchema>;

const optionsOf = (options: DiscoveryOptions): DiscoveryOptions => ({
  ...(options.storyPointsFieldId ? { storyPointsFieldId: options.storyPointsFieldId } : {}),
  ...(options.severityFieldId ? { severityFieldId: options.severityFieldId } : {}),
});
const sameOptions = (a: DiscoveryOptions, b: DiscoveryOptions): boolean => {
  const [x, y] = [optionsOf(a), optionsOf(b)];
  return x.storyPointsFieldId === y.storyPointsFieldId && x.severityFieldId === y.severityFieldId;
};
const usableAt = (readAt: number, now: number): boolean => readAt <= now && now - readAt < FIELD_LIST_MAX_AGE_MS;

export interface FieldSource {
  /** Reads the list (from storage, else from Jira), so it can run beside other reads; discover then waits on nothing. */
  load(): Promise<void>;
  /** Field discovery on the project's list (see discoverFields). */
  discover(options?: DiscoveryOptions): Promise<Discovery>;
}

interface Loaded {
  readonly fields: readonly JiraField[];
  /** When the list was read from Jira. */
  readonly readAt: number;
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
    const readAt = ports.clock.now();
    await writeRecord(ports.store, key, schema, fieldListRecord(fields, readAt, [...wanted]));
    return { fields, readAt, live: true };
  };
  const fromStore = async (): Promise<Loaded | undefined> => {
    const { value } = await readRecord(ports.store, key, schema);
    if (!value || !usableAt(value.readAt, ports.clock.now())) return undefined;
    return { fields: value.fields.map(expand), readAt: value.readAt, live: false };
  };
  const load = (): Promise<Loaded> => (current ??= fromStore().then((stored) => stored ?? fromJira()));
  // Read first and in parallel with the caller's other reads (load), so a known discovery costs no round trip.
  let discoveries: Promise<DiscoveryRecord | undefined> | undefined;
  const storedDiscoveries = (): Promise<DiscoveryRecord | undefined> =>
    (discoveries ??= readRecord(ports.store, keys.fieldDiscovery(projectKey), discoverySchema).then(({ value }) => (value && usableAt(value.listReadAt, ports.clock.now()) ? value : undefined)));
  const remember = async (loaded: Loaded, options: DiscoveryOptions, found: Discovery): Promise<void> => {
    const stored = await storedDiscoveries();
    const kept = stored && stored.listReadAt === loaded.readAt ? stored.entries.filter((e) => !sameOptions(e.options, options)) : [];
    const { storyPoints, sprint, slas, severity } = found.catalog;
    const catalog = { storyPoints: [...storyPoints], slas: [...slas], ...(sprint ? { sprint } : {}), ...(severity ? { severity } : {}) };
    const entries = [...kept, { options: optionsOf(options), catalog, notes: [...found.notes] }].slice(-MAX_DISCOVERIES);
    const record: DiscoveryRecord = { schemaVersion: 1, listReadAt: loaded.readAt, entries };
    discoveries = Promise.resolve(record);
    // Remembering is a saving: a write that fails means the list is read next time.
    await writeRecord(ports.store, keys.fieldDiscovery(projectKey), discoverySchema, record).catch(() => undefined);
  };
  return {
    async load() {
      // Nothing remembered (the day's first invocation): the list too, in the caller's round trip, as before.
      if (!(await storedDiscoveries())) await load();
    },
    async discover(options = {}) {
      const known = (await storedDiscoveries())?.entries.find((e) => sameOptions(e.options, options));
      if (known) return { catalog: known.catalog, notes: known.notes };
      const named = configuredFieldIds(options);
      named.forEach((id) => wanted.add(id));
      let loaded = await load();
      if (!loaded.live && named.some((id) => !loaded.fields.some((f) => f.id === id))) {
        current = fromJira();
        loaded = await current;
      }
      const found = discoverFields(loaded.fields, options);
      if (named.every((id) => loaded.fields.some((f) => f.id === id))) await remember(loaded, options, found);
      return found;
    },
  };
}
