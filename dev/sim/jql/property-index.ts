/**
 * Which issue-property values JQL can search, as the app's `jira:entityProperty` modules in
 * manifest.yml declare them (property key, path, type, search alias) — read from the manifest
 * itself, so the simulator indexes exactly what Jira would after `forge deploy`. Paths that are not
 * declared are not indexed: Jira finds nothing by them, and neither does the simulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type IndexedType = 'string' | 'text' | 'number' | 'date' | 'user';

export interface IndexedValue {
  readonly propertyKey: string;
  /** Dotted path inside the property value, e.g. `suggestion.outcome`. */
  readonly path: string;
  readonly type: IndexedType;
  readonly searchAlias?: string;
}

interface ManifestShape {
  modules?: { 'jira:entityProperty'?: { propertyKey?: string; entityType?: string; values?: { path?: string; type?: string; searchAlias?: string }[] }[] };
}

const TYPES: readonly IndexedType[] = ['string', 'text', 'number', 'date', 'user'];

export function readPropertyIndex(manifestPath = join(__dirname, '..', '..', '..', 'manifest.yml')): IndexedValue[] {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as ManifestShape;
  return (manifest.modules?.['jira:entityProperty'] ?? [])
    .filter((m) => (m.entityType ?? 'issue') === 'issue' && typeof m.propertyKey === 'string')
    .flatMap((m) =>
      (m.values ?? []).flatMap((v) => {
        const type = TYPES.find((t) => t === v.type);
        if (!v.path || !type) return [];
        return [{ propertyKey: m.propertyKey as string, path: v.path, type, ...(v.searchAlias ? { searchAlias: v.searchAlias } : {}) }];
      }),
    );
}

let cached: IndexedValue[] | undefined;

/** The app's index, read once. */
export function appPropertyIndex(): readonly IndexedValue[] {
  cached ??= readPropertyIndex();
  return cached;
}
