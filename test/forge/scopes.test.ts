/**
 * The manifest declares exactly the scopes the app's calls need, both ways (see required-scopes.ts):
 * a scope missing from the manifest fails on a real site with 401/403 (Forge signs the request with the
 * declared scopes only); a scope nothing needs is an extra grant every admin is asked for.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { backendUsesKvs, compareScopes, requiredScopes, uiJiraCalls, type ManifestScopeFacts } from './required-scopes';

const root = resolve(__dirname, '..', '..');
type Manifest = {
  modules: { trigger?: Array<{ events: string[] }> };
  permissions: { scopes: string[] };
};
const manifestText = readFileSync(join(root, 'manifest.yml'), 'utf8');
const manifest = parse(manifestText) as Manifest;
const facts: ManifestScopeFacts = {
  events: (manifest.modules.trigger ?? []).flatMap((t) => t.events),
  usesKvs: backendUsesKvs(root),
};
const needs = requiredScopes(root, facts);

describe('manifest scopes', () => {
  it('declares every scope an operation, a UI call, a trigger event or storage needs, and nothing else', () => {
    expect(compareScopes(needs, manifest.permissions.scopes)).toEqual({ missing: [], unneeded: [] });
  });

  it('the agile board endpoints need read:project:jira as well as the board scopes', () => {
    const because = needs.filter((n) => n.scope === 'read:project:jira').map((n) => n.because);
    expect(because).toEqual(
      expect.arrayContaining([expect.stringContaining('getAllBoards'), expect.stringContaining('getConfiguration')]),
    );
  });

  it('fails a manifest without read:project:jira, naming the operations that need it', () => {
    const without = manifest.permissions.scopes.filter((s) => s !== 'read:project:jira');
    const diff = compareScopes(needs, without);
    expect(diff.missing.map((m) => m.scope)).toEqual(['read:project:jira']);
    expect(diff.missing[0]?.because.join(' ')).toMatch(/getAllBoards.*getConfiguration/);
  });

  it('fails a manifest that declares a scope nothing needs', () => {
    const diff = compareScopes(needs, [...manifest.permissions.scopes, 'manage:jira-project']);
    expect(diff).toEqual({ missing: [], unneeded: ['manage:jira-project'] });
  });

  it('sees the UI calls to Jira: requestJira paths as written, the method from the options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ui-calls-'));
    mkdirSync(join(dir, 'static', 'src', 'views'), { recursive: true });
    writeFileSync(join(dir, 'static', 'src', 'views', 'x.tsx'), "requestJira(`/rest/api/3/user?accountId=${id}`);\nrequestJira('/rest/api/3/issue/${key}/comment', { method: 'POST' });\n");
    try {
      expect(uiJiraCalls(dir).map((c) => `${c.method} ${c.path.split('?')[0]}`)).toEqual(['GET /rest/api/3/user', 'POST /rest/api/3/issue/${key}/comment']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs read:jira-user for the people lookup the resolvers make (GET /user/bulk); the UI asks Jira nothing for names', () => {
    expect(uiJiraCalls(root).map((c) => `${c.method} ${c.path.split('?')[0]}`)).not.toContain('GET /rest/api/3/user');
    expect(needs.some((n) => n.scope === 'read:jira-user' && n.because.startsWith('bulkGetUsers'))).toBe(true);
  });

  it('derives the trigger events and storage from the code, not from a list', () => {
    expect(facts.events).toEqual(expect.arrayContaining(['avi:jira:created:issue', 'avi:jira-software:started:sprint']));
    expect(facts.usesKvs).toBe(true);
    expect(() => requiredScopes(root, { events: ['avi:jira:no-such:event'], usesKvs: false })).toThrow(/not in @forge\/manifest's event-to-scope mapping/);
  });
});
