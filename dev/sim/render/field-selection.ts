/**
 * The `fields` parameter as Jira reads it: a list (or comma-separated entries) of field ids or keys,
 * `*all`, `*navigable`, and `-field` to leave one out. Unknown names are ignored, as Jira does.
 * `id` and `key` are not fields: asking only for them (search's default) returns bare issues.
 */
import { SITE_FIELDS } from '../site/fields';
import { ISSUE_FIELD_IDS } from './field-values';

export interface FieldSelection {
  /** Field ids to put in `fields`, in site order. */
  readonly fieldIds: readonly string[];
  /** Nothing but `id` (and maybe `key`) was asked for. */
  readonly idsOnly: boolean;
  /** `key` was asked for: issues then carry their key (and the usual envelope). */
  readonly keyRequested: boolean;
}

const NAVIGABLE = new Set(SITE_FIELDS.filter((f) => f.navigable).map((f) => f.id));

export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function selectFields(requested: readonly string[] | undefined, fallback: readonly string[]): FieldSelection {
  const tokens = splitList(requested);
  const list = tokens.length > 0 ? tokens : [...fallback];
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const token of list) {
    if (token === '*all') ISSUE_FIELD_IDS.forEach((id) => include.add(id));
    else if (token === '*navigable') ISSUE_FIELD_IDS.filter((id) => NAVIGABLE.has(id)).forEach((id) => include.add(id));
    else if (token.startsWith('-')) exclude.add(token.slice(1));
    else if (ISSUE_FIELD_IDS.includes(token)) include.add(token);
  }
  const fieldIds = ISSUE_FIELD_IDS.filter((id) => include.has(id) && !exclude.has(id));
  const idsOnly = fieldIds.length === 0 && list.every((t) => t === 'id' || t === 'key' || t.startsWith('-'));
  return { fieldIds, idsOnly, keyRequested: list.includes('key') };
}
