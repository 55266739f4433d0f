/**
 * Authorize before reading (issue 11, F8): every resolver key, called by someone who cannot see the
 * project, answers an error and reads nothing stored about the project on the way — so no setting, no
 * policy version, no rollup and no decision can leak, whatever a use case would have done with it.
 * Such a caller's call may read only their own authorization cache (admin-check:…:<them>) and, in the
 * panel, the site's field list (see below).
 */
import { keys } from '../app/storage/keys';
import { startSimulator, type Simulator } from '../../dev/sim';
import { dataOf, resolverHarness, type ResolverHarness } from '../../test/builders/resolver-harness';
import type { SettingsView } from '../contract/settings';
import { DASHBOARD_KEYS } from '../contract/dashboard';
import { PLANNING_KEYS } from '../contract/planning';
import { PANEL_KEYS } from '../contract/panel';
import { RETROSPECTIVE_KEYS } from '../contract/retrospective';
import { SETTINGS_KEYS } from '../contract/settings';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const SECRET_LABEL = 'zz-secret-interrupt-label';
let sim: Simulator;
let h: ResolverHarness;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  h = resolverHarness(sim, { nowMs: NOW });
  // A configured project with stored settings, policy versions, rollups and a decision.
  const opened = dataOf(await h.call<SettingsView>('admin', SETTINGS_KEYS.get));
  dataOf(await h.call('admin', SETTINGS_KEYS.save, { settings: { ...opened.settings, labels: { ...opened.settings.labels, interrupt: SECRET_LABEL } }, policy: opened.policy.policy, baseRevision: opened.revision }));
  dataOf(await h.call('po', DASHBOARD_KEYS.get, {}));
  dataOf(await h.call('po', PANEL_KEYS.get, {}, { extension: { issue: { key: 'SUP-1' }, project: { key: 'SUP' } } }));
});
afterAll(async () => {
  await sim.close();
});

const page = { project: { key: 'SUP' } };
const panel = { issue: { key: 'SUP-1' }, project: { key: 'SUP' } };
const calls: Array<[string, unknown, Record<string, unknown>]> = [
  [PANEL_KEYS.get, {}, panel],
  [PANEL_KEYS.budget, {}, panel],
  [PANEL_KEYS.applyDecision, { outcome: 'interrupt' }, panel],
  [DASHBOARD_KEYS.get, {}, page],
  [DASHBOARD_KEYS.get, { refresh: true }, page],
  [DASHBOARD_KEYS.recordOverflow, { sprintId: 1, choice: 'accept-overrun', reason: 'because' }, page],
  [RETROSPECTIVE_KEYS.get, { sprintId: 12 }, page],
  [PLANNING_KEYS.canAdopt, {}, page],
  [PLANNING_KEYS.adoptAllocation, { sprintId: 14, pct: 10 }, page],
  [SETTINGS_KEYS.get, {}, page],
  [SETTINGS_KEYS.previewPolicy, { policy: { rules: [], defaultOutcome: 'needs-info' } }, page],
  [SETTINGS_KEYS.searchFields, { query: 'sev' }, page],
  [SETTINGS_KEYS.searchUsers, { query: 'a' }, page],
];

describe('an outsider (cannot browse the project)', () => {
  it.each(calls)('%s %j: an error, and nothing stored about the project read', async (functionKey, payload, extension) => {
    const reads: string[] = [];
    const original = { get: h.store.get.bind(h.store), list: h.store.list.bind(h.store) };
    const spies = [
      jest.spyOn(h.store, 'get').mockImplementation((key: string) => (reads.push(key), original.get(key))),
      jest.spyOn(h.store, 'list').mockImplementation((prefix: string) => (reads.push(`${prefix}*`), original.list(prefix))),
    ];
    try {
      const answer = await h.call('outsider', functionKey, payload, { extension });
      expect(answer.ok).toBe(false);
      const text = JSON.stringify(answer);
      expect(text).not.toContain(SECRET_LABEL);
      expect(text).not.toMatch(/version/i);
      // Allowed: the caller's own authorization cache, and for the panel the site's field list (ids and
      // names, what Jira's GET /field gives anyone), read beside Jira's answer on the issue because the
      // issue cannot be read without it; when Jira says no, it is dropped unused. The same goes for what
      // discovery found in that list (storage/field-list.ts: field ids and names).
      // The caller's own remembered permissions on the issue are theirs too (storage/issue-permissions.ts).
      const own = [`admin-check:SUP:${sim.users.outsider.accountId}`, keys.issuePermissions(String((extension as { issue?: { key?: string } }).issue?.key), sim.users.outsider.accountId)];
      const allowed = new Set([...own, ...(functionKey.startsWith('panel.') ? ['fields:SUP', keys.fieldDiscovery('SUP')] : [])]);
      expect(reads.filter((key) => !allowed.has(key))).toEqual([]);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});
