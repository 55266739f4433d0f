/**
 * Find the term for a clause's field the way Jira resolves names: system fields and their aliases,
 * custom fields by `cf[id]` or name (exact case first), `issue.property[key].path`, and the
 * manifest's property search aliases. Unknown names are Jira's "does not exist" error.
 */
import type { Field } from '@atlaskit/jql-ast';
import { SITE_FIELDS } from '../site/fields';
import { CUSTOM_TERMS, propertyTerm } from './custom-terms';
import { JqlError } from './errors';
import { appPropertyIndex } from './property-index';
import { SYSTEM_ALIASES, SYSTEM_TERMS } from './system-terms';
import { textTerm, type Term } from './term';

export const fieldMissing = (name: string): JqlError => new JqlError([`Field '${name}' does not exist or you do not have permission to view it.`]);

function customFieldId(name: string): string | undefined {
  const cf = name.match(/^cf\[(\d+)\]$/i);
  if (cf) return `customfield_${cf[1]}`;
  const custom = SITE_FIELDS.filter((f) => f.custom);
  const exact = custom.find((f) => f.clauseNames.includes(name) || f.name === name);
  const loose = custom.find((f) => [...f.clauseNames, f.name].some((n) => n.toLowerCase() === name.toLowerCase()));
  return (exact ?? loose)?.id;
}

/** The term and the name to use in messages; throws JqlError for unknown fields. */
export function findTerm(field: Field): { term: Term; name: string } {
  const name = field.value;
  const lower = name.toLowerCase();
  const property = field.properties ? field.properties[0] : undefined;
  if (lower === 'issue.property' && property) {
    const key = property.key ? property.key.value : '';
    const path = (property.path ? property.path.map((p) => p.value).join('') : '').replace(/^\./, '');
    const index = appPropertyIndex().find((v) => v.propertyKey === key && v.path === path);
    return { term: propertyTerm(key, path, index), name: `issue.property[${key}].${path}` };
  }
  const alias = appPropertyIndex().find((v) => v.searchAlias?.toLowerCase() === lower);
  if (alias) return { term: propertyTerm(alias.propertyKey, alias.path, alias), name };
  const system = SYSTEM_TERMS[SYSTEM_ALIASES[lower] ?? lower];
  if (system) return { term: system, name };
  const customId = customFieldId(name);
  if (customId && SITE_FIELDS.some((f) => f.id === customId)) {
    return { term: CUSTOM_TERMS[customId] ?? textTerm(() => null), name };
  }
  throw fieldMissing(name);
}
