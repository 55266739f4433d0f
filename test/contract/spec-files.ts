/**
 * Loads Atlassian's full Jira OpenAPI documents from `shared/jira-openapi/` (next to this repository), once per
 * process. The full files are the contract: the `*.subset.json` copies are for reading, and a toolkit that
 * loaded them could miss an operation the app starts to use. The files are read with `fs` rather than
 * imported, so TypeScript never type-checks 3 MB of JSON and nothing can bundle them into `src/`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type OasDocument } from './oas-types';

export type SpecName = 'platform' | 'software';

export const SPEC_NAMES: readonly SpecName[] = ['platform', 'software'];

/** The full documents (never the subsets), by the name `src/jira/operations.ts` uses for them. */
export const SPEC_FILES: Readonly<Record<SpecName, string>> = {
  platform: 'jira-platform-v3.json',
  software: 'jira-software.json',
};

/** `JIRA_OPENAPI_DIR` lets a checkout with a different layout point at the files; CI uses the default. */
export function specDir(): string {
  return process.env.JIRA_OPENAPI_DIR ?? resolve(__dirname, '..', '..', '..', 'shared', 'jira-openapi');
}

export function specFilePath(name: SpecName): string {
  return join(specDir(), SPEC_FILES[name]);
}

const loaded = new Map<SpecName, OasDocument>();

/** The parsed document; parsed on first use and shared by every test in the worker. */
export function loadSpec(name: SpecName): OasDocument {
  const cached = loaded.get(name);
  if (cached) return cached;
  const path = specFilePath(name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the ${name} OpenAPI spec at ${path} (set JIRA_OPENAPI_DIR if shared/ is elsewhere).`, { cause });
  }
  const doc = JSON.parse(text) as OasDocument;
  if (!doc.openapi?.startsWith('3.0') || typeof doc.paths !== 'object' || typeof doc.components?.schemas !== 'object') {
    throw new Error(`${path} is not an OpenAPI 3.0 document with paths and components.schemas.`);
  }
  loaded.set(name, doc);
  return doc;
}
