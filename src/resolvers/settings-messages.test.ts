/**
 * Issue 12, item 10 (the settings part): every validation message a settings save answers with is a
 * sentence an admin can act on — an empty rule name asks for a name — and none is one of zod's own
 * ("Too small: expected string to have >=1 characters").
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { dataOf, resolverHarness, type ResolverHarness } from '../../test/builders/resolver-harness';
import type { SettingsView } from '../contract/settings';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;
let h: ResolverHarness;
let view: SettingsView;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  h = resolverHarness(sim, { nowMs: NOW });
  view = dataOf(await h.call<SettingsView>('admin', 'settings.get'));
});
afterAll(async () => {
  await sim.close();
});

type Fields = Record<string, string>;
async function fieldsOf(change: (v: SettingsView) => { settings: unknown; policy: unknown }): Promise<Fields> {
  const answer = await h.call<SettingsView>('admin', 'settings.save', { ...change(view), baseRevision: view.revision });
  if (answer.ok || answer.error.code !== 'VALIDATION') throw new Error(`expected VALIDATION, got ${JSON.stringify(answer)}`);
  return answer.error.fields ?? {};
}

const ZOD_WORDS = /Too (small|big)|expected|Invalid input|>=|<=/;

it('asks for a name when a rule has none', async () => {
  const [first, ...rest] = view.policy.policy.rules;
  if (!first) throw new Error('the default policy has rules');
  const fields = await fieldsOf((v) => ({ settings: v.settings, policy: { ...v.policy.policy, rules: [{ ...first, name: '   ' }, ...rest] } }));
  expect(fields).toEqual({ 'policy.rules.0.name': 'Give the rule a name' });
});

it.each<[string, (v: SettingsView) => { settings: unknown; policy: unknown }]>([
  ['an empty support issue type', (v) => ({ settings: { ...v.settings, supportFilter: { ...v.settings.supportFilter, issueTypes: ['Bug', ' '] } }, policy: v.policy.policy })],
  ['an empty priority name in the value map', (v) => ({ settings: { ...v.settings, priorityMap: { ...v.settings.priorityMap, P1: [''] } }, policy: v.policy.policy })],
  ['31 defect types', (v) => ({ settings: { ...v.settings, defectTypes: Array.from({ length: 31 }, (_, i) => `Type ${i}`) }, policy: v.policy.policy })],
  ['a 256-character severity value', (v) => ({ settings: { ...v.settings, severityMap: { ...v.settings.severityMap, S1: ['x'.repeat(256)] } }, policy: v.policy.policy })],
  ['an empty rotation person', (v) => ({ settings: { ...v.settings, rotation: { ...v.settings.rotation, roster: [''] } }, policy: v.policy.policy })],
  ['a rule name of 101 characters', (v) => ({ settings: v.settings, policy: { ...v.policy.policy, rules: v.policy.policy.rules.map((r, i) => (i === 0 ? { ...r, name: 'n'.repeat(101) } : r)) } })],
  ['a condition with an empty value', (v) => ({ settings: v.settings, policy: { ...v.policy.policy, rules: [{ id: 'x', name: 'X', conditions: [{ kind: 'labels-any', labels: [' '] }], outcome: 'backlog' }] } })],
])('answers %s with a sentence of its own, not zod\'s', async (_name, change) => {
  const fields = await fieldsOf(change);
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  for (const message of Object.values(fields)) expect(message).not.toMatch(ZOD_WORDS);
});
