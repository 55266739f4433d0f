/**
 * `settings.searchFields`: custom fields a Severity picker can offer. Field ids differ per site and
 * names are renamable, so the admin picks from the site's own list rather than typing an id. Only
 * custom fields (the settings accept only `customfield_…` ids); best matches first.
 */
import type { FieldSearchResult } from '../../contract/settings';
import type { JiraField } from '../../jira/field-catalog';
import type { JiraPort } from '../../ports';

export const MAX_FIELDS = 50;
const CUSTOM_FIELD_ID = /^customfield_\d+$/;

/** `com.atlassian.jira.plugin.system.customfieldtypes:select` → `select`. */
function typeOf(field: JiraField): string {
  const custom = field.schema?.custom;
  if (custom) return custom.slice(custom.lastIndexOf(':') + 1);
  return field.schema?.type ?? 'unknown';
}

/** 0 exact name, 1 name starts with the query, 2 a word starts with it, 3 contains it (name or id). */
function rank(field: JiraField, query: string): number {
  const name = field.name.trim().toLowerCase();
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.split(/\s+/).some((w) => w.startsWith(query))) return 2;
  return name.includes(query) || field.id.toLowerCase().includes(query) ? 3 : -1;
}

export async function searchFields(jira: JiraPort, query: string): Promise<FieldSearchResult> {
  const q = query.trim().toLowerCase();
  const matches = (await jira.fieldList())
    .filter((f) => CUSTOM_FIELD_ID.test(f.id))
    .map((field) => ({ field, rank: q === '' ? 0 : rank(field, q) }))
    .filter((m) => m.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.field.name.localeCompare(b.field.name) || a.field.id.localeCompare(b.field.id));
  return { fields: matches.slice(0, MAX_FIELDS).map(({ field }) => ({ id: field.id, name: field.name, type: typeOf(field) })) };
}
