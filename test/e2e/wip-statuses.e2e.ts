/**
 * Issue 12, item 3: the admin picks which statuses count as "in progress" for the WIP limit from the
 * board's columns (Atlaskit Select), in both themes; the default preselects In Progress and In
 * Review, not "Waiting for …"; choosing "Waiting for customer" and saving makes the dashboard count
 * those tickets too, and "Use the default" goes back.
 */
import type { Page } from 'playwright-core';
import { addOpenSupportTickets } from '../builders/open-support-tickets';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
  // A support ticket of the active sprint waiting for the customer, whatever the seed's draws gave: the default matters.
  const active = e2e.sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active');
  if (!active) throw new Error('SUP board has no active sprint');
  addOpenSupportTickets(e2e.sim, 1, { status: 'Waiting for customer', labels: ['support'], sprintIds: [active.id], priority: 'Medium' });
});
afterAll(() => e2e.close());

const LABEL = 'Statuses that count as in progress';
const SUPPORT = '(issuetype in (Bug, Incident, "Support request") OR labels = support)';

async function search(jql: string): Promise<string[]> {
  const response = await fetch(`${e2e.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('admin@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql, fields: ['summary'], maxResults: 100 }),
  });
  return ((await response.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
}

async function openSettings(query: string): Promise<Page> {
  const page = await e2e.open(`/settings/SUP?${query}`);
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  await page.getByTestId('wip-statuses').getByText('In Review').waitFor(); // the options have loaded
  return page;
}

/** The chips of the multi-select, in order. */
const chosen = async (page: Page): Promise<string[]> =>
  page.getByTestId('wip-statuses').locator('[class*="-multiValue"] [data-tag-text]').allTextContents();

async function wipCount(): Promise<string> {
  const page = await e2e.open('/dashboard/SUP?as=admin');
  const wip = page.getByTestId('wip');
  await wip.waitFor();
  return ((await wip.textContent()) ?? '').replace(/\s+/g, ' ');
}

it.each(['light', 'dark'] as const)('%s: the default is the In Progress statuses without the waiting ones, named in the hint; the menu groups statuses by board column', async (theme) => {
  const page = await openSettings(`as=admin${theme === 'dark' ? '&theme=dark' : ''}`);
  expect(await chosen(page)).toEqual(['In Progress', 'In Review']);
  const field = page.getByTestId('wip-statuses').locator('..').locator('..');
  expect(await field.textContent()).toContain('Default: the In Progress statuses except those waiting on someone (In Progress, In Review).');
  await page.getByLabel(LABEL, { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'Waiting for customer', exact: true }).waitFor();
  const menu = (await page.locator('[class*="menu"]').last().textContent()) ?? '';
  expect(menu.indexOf('To Do')).toBeLessThan(menu.indexOf('Waiting for customer'));
  expect(menu).toContain('Done');
  await page.getByRole('heading', { name: 'Support contact and work in progress' }).evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `artifacts/screenshots/wip-statuses-${theme}.png` }); // the viewport, with the menu open
  await page.keyboard.press('Escape');
});

it('choosing "Waiting for customer" and saving counts those tickets on the dashboard; "Use the default" goes back', async () => {
  const working = await search(`project = SUP AND sprint in openSprints() AND status in ("In Progress", "In Review") AND ${SUPPORT}`);
  const waiting = await search(`project = SUP AND sprint in openSprints() AND status = "Waiting for customer" AND ${SUPPORT}`);
  expect(waiting.length).toBeGreaterThan(0);
  expect(await wipCount()).toContain(`${working.length} / 1`);

  const page = await openSettings('as=admin');
  await page.getByLabel(LABEL, { exact: true }).focus();
  await page.keyboard.type('Waiting for customer');
  await page.getByRole('option', { name: 'Waiting for customer', exact: true }).waitFor();
  await page.keyboard.press('Enter');
  expect(await chosen(page)).toEqual(['In Progress', 'In Review', 'Waiting for customer']);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('[data-preview-flag][data-type="success"]', { hasText: 'Settings saved' }).waitFor();
  expect(await wipCount()).toContain(`${working.length + waiting.length} / 1`);

  const again = await openSettings('as=admin');
  expect(await chosen(again)).toEqual(['In Progress', 'In Review', 'Waiting for customer']);
  expect(await again.getByTestId('wip-statuses').locator('..').locator('..').textContent()).toContain('Only tickets in these statuses count against the WIP limit.');
  await again.getByRole('button', { name: 'Use the default' }).click();
  expect(await chosen(again)).toEqual(['In Progress', 'In Review']);
  await again.getByRole('button', { name: 'Save settings' }).click();
  await again.locator('[data-preview-flag][data-type="success"]', { hasText: 'Settings saved' }).waitFor();
  expect(await wipCount()).toContain(`${working.length} / 1`);
});
