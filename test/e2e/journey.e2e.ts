/**
 * Across surfaces: the product owner pulls a P1 ticket into the sprint from its panel, and the team's
 * dashboard then counts it — in the interrupt list and in the used budget. The project counts story
 * points here (saved by an admin first), so the new interrupt adds its points (or its severity's
 * default when unestimated) to what the sprint has used.
 */
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

async function invoke<T>(as: string, functionKey: string, payload: unknown, extension: unknown): Promise<{ ok: boolean; data: T }> {
  const response = await fetch(`${e2e.app.preview.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Preview-User': as },
    body: JSON.stringify({ functionKey, payload, extension }),
  });
  return (await response.json()) as { ok: boolean; data: T };
}

interface Dashboard {
  sprint: { used: { sanctioned: number; total: number }; interrupts: { key: string; amount: number }[] } | null;
}

const project = { project: { key: 'SUP' } };

it('an interrupt applied in the panel shows on the dashboard: listed, and counted in the used budget', async () => {
  // An admin switches SUP to story points, so every interrupt costs something.
  const current = await invoke<{ settings: Record<string, unknown> & { capacity: Record<string, unknown> }; policy: { policy: unknown }; revision: number }>('admin', 'settings.get', {}, project);
  const { settings } = current.data;
  const saved = await invoke('admin', 'settings.save', { settings: { ...settings, capacity: { ...settings.capacity, model: 'points' } }, policy: current.data.policy.policy, baseRevision: current.data.revision }, project);
  expect(saved.ok).toBe(true);

  const before = await invoke<Dashboard>('po', 'dashboard.get', { refresh: true }, project);
  const usedBefore = before.data.sprint?.used.sanctioned ?? NaN;

  const search = await fetch(`${e2e.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ jql: 'project = SUP AND priority = Highest AND sprint is EMPTY AND statusCategory != Done AND issue.property[interruptBudget].outcome IS EMPTY ORDER BY key ASC', fields: ['summary'], maxResults: 1 }),
  });
  const key = ((await search.json()) as { issues: { key: string }[] }).issues[0]?.key;
  if (!key) throw new Error('the demo site has no undecided P1 ticket in the backlog');

  const panel = await e2e.open(`/panel/${key}?as=po`);
  await panel.getByRole('button', { name: 'Apply: interrupt now' }).click();
  await panel.getByRole('list', { name: 'Step results' }).waitFor();

  const dashboard = await e2e.open('/dashboard/SUP?as=po');
  const interrupts = dashboard.getByRole('link', { name: key });
  await interrupts.first().waitFor();
  await e2e.screenshot(dashboard, 'journey-dashboard-after-interrupt');

  const after = await invoke<Dashboard>('po', 'dashboard.get', {}, project);
  const added = after.data.sprint?.interrupts.find((i) => i.key === key);
  expect(added).toBeDefined();
  expect(added?.amount).toBeGreaterThan(0);
  expect(after.data.sprint?.used.sanctioned).toBeCloseTo(usedBefore + (added?.amount ?? 0), 2);
});
