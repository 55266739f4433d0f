/**
 * manifest.yml validated offline with Atlassian's own @forge/manifest (`forge lint` needs a login and
 * the network), plus the checks that package does not make: handlers exist, UI modules are Custom UI,
 * resources exist, and the app declares what DESIGN.md says it needs.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { validate } from '@forge/manifest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { DECISION_PROPERTY_KEY } from '../src/domain/decision';

const root = resolve(__dirname, '..');
const manifestPath = join(root, 'manifest.yml');
type Manifest = {
  modules: Record<string, Array<Record<string, unknown>>>;
  resources: Array<{ key: string; path: string }>;
  permissions: { scopes: string[]; content?: { styles?: string[] } };
  app: { id: string; runtime: { name: string } };
};
const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const UI_MODULES = ['jira:issuePanel', 'jira:issueContext', 'jira:dashboardGadget', 'jira:projectPage', 'jira:projectSettingsPage'];

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation offline', async () => {
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('conforms to the Forge manifest JSON schema', () => {
    // The package's exports map hides the schema file; read it next to the package's entry point.
    const schemaPath = join(dirname(require.resolve('@forge/manifest')), 'schema', 'manifest-schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addVocabulary(['defaultValue', 'fieldDescription', 'fieldTitle', 'shortClassName']);
    const check = ajv.compile(schema);
    expect(check(manifest) ? [] : check.errors).toEqual([]);
  });

  it('the validator really rejects a broken manifest (so the test above means something)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-manifest-'));
    cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'static', 'build'), { recursive: true });
    writeFileSync(join(dir, 'static', 'build', 'index.html'), '<!doctype html>');
    const broken = readFileSync(manifestPath, 'utf8').replace('function: on-issue-event', 'function: no-such-fn');
    writeFileSync(join(dir, 'manifest.yml'), broken);
    const result = await validate(false, join(dir, 'manifest.yml'));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.errors)).toContain('no-such-fn');
  });

  it('every function handler names an exported function of src/', () => {
    for (const fn of manifest.modules.function ?? []) {
      const [file, exportName] = String(fn.handler).split('.');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(root, 'src', `${file}.ts`)) as Record<string, unknown>;
      expect({ handler: fn.handler, type: typeof mod[exportName as string] }).toEqual({ handler: fn.handler, type: 'function' });
    }
  });

  it('src/index.ts exports exactly the handlers the manifest names', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.keys(require(join(root, 'src', 'index.ts')) as object).sort();
    const named = (manifest.modules.function ?? []).map((fn) => String(fn.handler).replace(/^index\./, '')).sort();
    expect(exported).toEqual(named);
  });

  it.each(UI_MODULES)('%s is Custom UI through a resource, never the legacy function: form', (moduleType) => {
    const items = manifest.modules[moduleType] ?? [];
    expect(items).toHaveLength(1);
    for (const item of items) {
      expect(item.function).toBeUndefined();
      expect(item.render).toBeUndefined(); // render: native would be UI Kit
      expect(item.resource).toBe('main');
      expect(item.resolver).toEqual({ function: 'resolver' });
    }
  });

  it('every resource folder exists and holds an index.html', () => {
    for (const resource of manifest.resources) {
      expect(existsSync(join(root, resource.path, 'index.html'))).toBe(true);
    }
  });

  it('declares the triggers DESIGN.md relies on', () => {
    const triggers = manifest.modules.trigger ?? [];
    const issueTrigger = triggers.find((t) => (t.events as string[]).includes('avi:jira:created:issue'));
    expect(issueTrigger?.events).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue']);
    expect(issueTrigger?.filter).toEqual({ ignoreSelf: true });
    expect(triggers.some((t) => (t.events as string[]).includes('avi:jira-software:started:sprint'))).toBe(true);
    expect(manifest.modules.scheduledTrigger).toEqual([{ key: 'hourly-rollup', function: 'rollup', interval: 'hour' }]);
  });

  it('indexes the triage decision property for JQL', () => {
    const [index] = manifest.modules['jira:entityProperty'] ?? [];
    expect(index?.entityType).toBe('issue');
    expect(index?.propertyKey).toBe(DECISION_PROPERTY_KEY);
    const aliases = (index?.values as Array<{ searchAlias?: string }>).map((v) => v.searchAlias);
    expect(aliases).toContain('interruptOutcome');
    for (const alias of aliases) expect(alias).toMatch(/^[A-Za-z0-9_-]+$/); // Jira: no dots in aliases
  });

  it('asks for storage, inline styles, a supported runtime and an app id', () => {
    expect(manifest.permissions.scopes).toEqual(expect.arrayContaining(['storage:app', 'read:jira-work', 'write:jira-work']));
    expect(new Set(manifest.permissions.scopes).size).toBe(manifest.permissions.scopes.length);
    expect(manifest.permissions.content?.styles).toEqual(['unsafe-inline']);
    expect(['nodejs22.x', 'nodejs24.x']).toContain(manifest.app.runtime.name);
    // The committed placeholder, or the id `forge register` writes in its place.
    expect(manifest.app.id).toMatch(/^ari:cloud:ecosystem::app\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
