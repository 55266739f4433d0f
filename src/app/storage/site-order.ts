/**
 * The project's priorities and select-field options in the site's order (issue 16, item 2), kept a
 * day per project: while a project keeps the built-in value maps, they are what a ticket's priority
 * and severity mean (domain/site-order.ts).
 *
 * Read as the app, so the copy — and every verdict computed from it — is the same whoever looked
 * first: the project (its issue types), then the create metadata of one support issue type, whose
 * `priority` field lists the project's priority scheme in order and whose select fields list their
 * options in order (the Severity field's among them when it is on that screen). Jira has no other
 * way to read a project's priorities without `manage:jira-configuration` (see
 * jira/client/site-config-client.ts). Two requests once a day per project; none on other views.
 *
 * Key `site-order:<project>`. Options are kept for every select field on that screen with at most
 * MAX_OPTIONS values (so the Severity field chosen later in the settings needs no new read), as far
 * as they fit a quarter of one KVS value. When Jira refuses (the app may not create issues there, the
 * type is gone) an empty order is kept for the day, and the built-in names decide as before; when
 * Jira fails, nothing is kept and the next view asks again.
 */
import { z } from 'zod';
import { NO_SITE_ORDER, type SiteOrder } from '../../domain/site-order';
import { DEFAULT_SUPPORT_FILTER, fitSupportFilter } from '../../domain/support-filter';
import { JiraError } from '../../jira/errors';
import type { SiteProject } from '../../jira/client/site-config-client';
import type { Ports } from '../../ports';
import { keys } from './keys';
import { MAX_VALUE_BYTES } from './memory-store';
import { readRecord, writeRecord } from './stored-record';

export const SITE_ORDER_MAX_AGE_MS = 24 * 60 * 60_000;
/** A select field with more options than this is no severity scale (components, customers, versions…). */
const MAX_OPTIONS = 50;
const MAX_RECORD_BYTES = Math.floor(MAX_VALUE_BYTES / 4);

const schema = z.object({
  schemaVersion: z.literal(1),
  readAt: z.number(),
  priorities: z.array(z.string()),
  options: z.record(z.string(), z.array(z.string())),
});
export type SiteOrderRecord = z.infer<typeof schema>;

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The record for what Jira listed: select fields with few options, fewest first, as far as they fit. */
export function siteOrderRecord(priorities: readonly string[], options: ReadonlyMap<string, readonly string[]>, readAt: number): SiteOrderRecord {
  const record: SiteOrderRecord = { schemaVersion: 1, readAt, priorities: [...priorities], options: {} };
  const fields = [...options].filter(([, values]) => values.length > 0 && values.length <= MAX_OPTIONS).sort((a, b) => a[1].length - b[1].length);
  for (const [fieldId, values] of fields) {
    const next = { ...record.options, [fieldId]: [...values] };
    if (bytesOf({ ...record, options: next }) > MAX_RECORD_BYTES) break;
    record.options = next;
  }
  return record;
}

/** The order for the project's Severity field (none when the field is unknown or was not on the screen). */
export function siteOrderOf(record: SiteOrderRecord | undefined, severityFieldId: string | undefined): SiteOrder {
  if (!record) return NO_SITE_ORDER;
  return { priorities: record.priorities, severities: severityFieldId ? (record.options[severityFieldId] ?? []) : [] };
}

/** Jira said no (not "Jira failed"): keep the empty answer for the day. */
const refused = (error: unknown): boolean => error instanceof JiraError && ['Forbidden', 'NotFound', 'BadRequest'].includes(error.kind);

type Step<T> = { ok: true; value: T } | { ok: false; refused: boolean };
async function attempt<T>(read: () => Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof JiraError) return { ok: false, refused: refused(error) }; // refused: kept empty for the day; failed: asked again next time
    throw error;
  }
}

export interface SiteOrderSource {
  /** The stored record; when there is none under a day old, the project's issue types from Jira (as the app). Runs beside a view's first reads. */
  load(): Promise<void>;
  /**
   * The order, reading the create metadata of one of `supportTypes` (or a type the default support
   * filter takes) when the record was not stored, and storing what Jira said. Called after a view's
   * second reads (it needs the Severity field they discover): on a project's first view of the day
   * that is one more round trip, on every later view none.
   */
  order(supportTypes: readonly string[], severityFieldId: string | undefined): Promise<SiteOrder>;
}

/** One invocation's view of the project's site order: read at most once from storage, at most once from Jira. */
export function siteOrderSource(ports: Ports, projectKey: string): SiteOrderSource {
  const key = keys.siteOrder(projectKey);
  type Loaded = { readonly stored?: SiteOrderRecord; readonly project?: Step<SiteProject> };
  let loading: Promise<Loaded> | undefined;
  let record: Promise<SiteOrderRecord | undefined> | undefined;
  const load = () =>
    (loading ??= (async (): Promise<Loaded> => {
      const now = ports.clock.now();
      const stored = (await readRecord(ports.store, key, schema)).value;
      if (stored && stored.readAt <= now && now - stored.readAt < SITE_ORDER_MAX_AGE_MS) return { stored };
      return { ...(stored ? { stored } : {}), project: await attempt(() => ports.appJira.config.project(projectKey)) };
    })());
  const complete = (supportTypes: readonly string[]) =>
    (record ??= (async () => {
      const { stored, project } = await load();
      if (!project) return stored;
      const now = ports.clock.now();
      if (!project.ok) return project.refused ? writeRecord(ports.store, key, schema, siteOrderRecord([], new Map(), now)) : stored;
      const names = project.value.issueTypes.map((t) => t.name);
      const wanted = fitSupportFilter({ ...DEFAULT_SUPPORT_FILTER, issueTypes: supportTypes.length > 0 ? supportTypes : DEFAULT_SUPPORT_FILTER.issueTypes }, names).issueTypes;
      const type = project.value.issueTypes.find((t) => wanted.includes(t.name)) ?? project.value.issueTypes[0];
      const meta = type ? await attempt(() => ports.appJira.config.createMeta(projectKey, type.id)) : { ok: true as const, value: undefined };
      if (!meta.ok && !meta.refused) return stored;
      const read = meta.ok && meta.value ? siteOrderRecord(meta.value.priorities.map((p) => p.name), meta.value.selectOptions, now) : siteOrderRecord([], new Map(), now);
      return writeRecord(ports.store, key, schema, read);
    })());
  return {
    load: async () => {
      await load();
    },
    order: async (supportTypes, severityFieldId) => siteOrderOf(await complete(supportTypes), severityFieldId),
  };
}
