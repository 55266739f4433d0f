/**
 * The OAuth 2.0 scopes the app needs, derived from what it does rather than remembered:
 * - every Jira operation of `src/jira/operations.ts` and every path the Custom UI asks Jira for
 *   (`requestJira` in `static/src/`) → the `security` OAuth2 scopes Atlassian's spec gives it (an
 *   entry's scopes are needed together; the classic scopes, which is what the specs' `security` lists);
 * - every product event a `trigger` subscribes to → the scope `@forge/manifest`'s own
 *   product-event-to-scope mapping gives it (what `forge deploy` checks);
 * - `storage:app` when any backend file imports `@forge/kvs`.
 * The manifest must declare exactly these: a missing one fails on the site, an extra one asks admins to
 * grant what nothing uses (and every change means `forge install --upgrade` on each site).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JIRA_OPERATIONS, type JiraOperation } from '../../src/jira/operations';
import { loadSpec } from '../contract/spec-files';
import type { OasOperation } from '../contract/oas-types';

/** One reason a scope is needed: an operation, a UI call, an event or storage. */
export interface ScopeNeed {
  readonly scope: string;
  readonly because: string;
}

export interface UiJiraCall {
  readonly method: string;
  /** The literal path as written, `${…}` placeholders kept. */
  readonly path: string;
  readonly file: string;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/**
 * Every `requestJira(…)` call in the UI's source. The path must be a literal (string or template) so that
 * this check can see it; a computed one throws, naming the file, rather than being skipped silently.
 */
export function uiJiraCalls(root: string): UiJiraCall[] {
  const calls: UiJiraCall[] = [];
  for (const file of filesUnder(join(root, 'static', 'src'), /\.tsx?$/)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\brequestJira\(\s*/g)) {
      const start = (match.index ?? 0) + match[0].length;
      const literal = /^([`'"])(\/[^`'"]*)\1/.exec(text.slice(start));
      const where = relative(root, file);
      if (!literal?.[2]) throw new Error(`${where}: requestJira is called with a computed path; write it as a literal so the scope check can see it.`);
      const rest = text.slice(start + literal[0].length, start + literal[0].length + 300);
      const method = /^\s*,\s*\{[^)]*?\bmethod:\s*['"](\w+)['"]/.exec(rest)?.[1] ?? 'GET';
      calls.push({ method: method.toUpperCase(), path: literal[2], file: where });
    }
  }
  return calls;
}

/** The spec operation a UI path is for: the path part (before `?`), `${…}` standing for one segment. */
function specPathFor(path: string, spec: 'platform' | 'software'): string | undefined {
  const pathOnly = path.split('?')[0] ?? path;
  const concrete = pathOnly.replace(/\$\{[^}]*\}/g, 'X');
  const paths = Object.keys(loadSpec(spec).paths);
  if (paths.includes(pathOnly)) return pathOnly;
  return paths.find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(concrete));
}

function oauthScopes(operation: OasOperation | undefined): readonly string[] | undefined {
  const entry = operation?.security?.find((alternative) => alternative.OAuth2 !== undefined);
  return entry?.OAuth2;
}

function operationOf(op: JiraOperation): OasOperation | undefined {
  const item = loadSpec(op.spec).paths[op.path];
  return item?.[op.method.toLowerCase()] as OasOperation | undefined;
}

export interface ManifestScopeFacts {
  readonly events: readonly string[];
  readonly usesKvs: boolean;
}

type EventMapping = { mapping: Array<{ productEvent: string; oAuthScopes: { current?: string[] } }> };

/** Everything the app needs and why; throws on an operation or event it cannot place (so nothing is missed). */
export function requiredScopes(root: string, facts: ManifestScopeFacts): ScopeNeed[] {
  const needs: ScopeNeed[] = [];
  for (const [id, op] of Object.entries(JIRA_OPERATIONS) as Array<[string, JiraOperation]>) {
    const scopes = oauthScopes(operationOf(op));
    if (!scopes) throw new Error(`${id} (${op.method} ${op.path}) has no OAuth2 security entry in the ${op.spec} spec.`);
    for (const scope of scopes) needs.push({ scope, because: `${id} (${op.method} ${op.path})` });
  }
  for (const call of uiJiraCalls(root)) {
    const spec = call.path.startsWith('/rest/agile/') ? 'software' : 'platform';
    const template = specPathFor(call.path, spec);
    const scopes = template ? oauthScopes(loadSpec(spec).paths[template]?.[call.method.toLowerCase()] as OasOperation | undefined) : undefined;
    if (!template || !scopes) throw new Error(`${call.file}: ${call.method} ${call.path} is not an operation of the ${spec} spec with OAuth2 scopes.`);
    for (const scope of scopes) needs.push({ scope, because: `UI ${call.method} ${template} (${call.file})` });
  }
  // @forge/manifest's own table (what `forge deploy` checks), read where the package keeps it.
  const mappingPath = join(root, 'node_modules', '@forge', 'manifest', 'out', 'mapping', 'product-event-to-scope-mapping.json');
  const { mapping } = JSON.parse(readFileSync(mappingPath, 'utf8')) as EventMapping;
  for (const event of facts.events) {
    const scopes = mapping.find((m) => m.productEvent === event)?.oAuthScopes.current;
    if (!scopes) throw new Error(`The product event ${event} is not in @forge/manifest's event-to-scope mapping: is its name right?`);
    for (const scope of scopes) needs.push({ scope, because: `trigger event ${event}` });
  }
  if (facts.usesKvs) needs.push({ scope: 'storage:app', because: '@forge/kvs (src/forge/)' });
  return needs;
}

/** Does any backend file import `@forge/kvs`? */
export function backendUsesKvs(root: string): boolean {
  return filesUnder(join(root, 'src'), /\.ts$/).some((file) => /from '@forge\/kvs'/.test(readFileSync(file, 'utf8')));
}

export interface ScopeDiff {
  /** Needed but not declared, each with its reasons. */
  readonly missing: ReadonlyArray<{ scope: string; because: string[] }>;
  /** Declared, needed by nothing. */
  readonly unneeded: readonly string[];
}

export function compareScopes(needs: readonly ScopeNeed[], declared: readonly string[]): ScopeDiff {
  const reasons = new Map<string, string[]>();
  for (const need of needs) reasons.set(need.scope, [...(reasons.get(need.scope) ?? []), need.because]);
  const missing = [...reasons].filter(([scope]) => !declared.includes(scope)).map(([scope, because]) => ({ scope, because }));
  const unneeded = declared.filter((scope) => !reasons.has(scope));
  return { missing, unneeded };
}
