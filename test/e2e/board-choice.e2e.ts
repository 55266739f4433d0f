/**
 * Choosing the board (issue 15, item 3) in Chromium against the preview: TEAM has two Scrum boards;
 * the admin picks the second, "TEAM platform board", in settings and saves; the dashboard then shows
 * that board's active sprint and says the budget follows it. SUP, with one board, gets a line naming it
 * and no "follows" line on its dashboard. Screenshots go to artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

async function openSettings(project: string): Promise<Page> {
  const page = await e2e.open(`/settings/${project}?as=admin`);
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  return page;
}

async function openDashboard(project: string): Promise<Page> {
  const page = await e2e.open(`/dashboard/${project}?as=po`);
  await page.waitForSelector('main[data-testid="dashboard"][aria-busy="false"]', { timeout: 30_000 });
  return page;
}

it('follows the first board until the admin chooses the second in settings, then the dashboard follows the second', async () => {
  const before = await openDashboard('TEAM');
  expect(await before.getByTestId('board-followed').textContent()).toBe('Budget follows board TEAM board');
  expect(await before.textContent('#root')).toContain('TEAM Sprint 13');

  const settings = await openSettings('TEAM');
  await settings.getByTestId('board-picker').waitFor();
  await settings.getByLabel('Board', { exact: true }).focus();
  await settings.keyboard.type('TEAM platform');
  await settings.getByRole('option', { name: 'TEAM platform board', exact: true }).waitFor();
  await settings.keyboard.press('Enter');
  await e2e.screenshot(settings, 'board-choice-settings');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByText('All changes saved.').waitFor();

  const after = await openDashboard('TEAM');
  expect(await after.getByTestId('board-followed').textContent()).toBe('Budget follows board TEAM platform board');
  const text = (await after.textContent('#root')) ?? '';
  expect(text).toContain('TEAM platform Sprint 2');
  expect(text).not.toContain('TEAM Sprint 13');
  await e2e.screenshot(after, 'board-choice-dashboard');
});

it('names the one board of a project with a single Scrum board, and the dashboard says nothing about boards', async () => {
  const settings = await openSettings('SUP');
  expect(await settings.getByTestId('board-line').textContent()).toBe("The budget follows the project's Scrum board, SUP board.");
  expect(await settings.getByTestId('board-picker').count()).toBe(0);
  const dashboard = await openDashboard('SUP');
  expect(await dashboard.getByTestId('board-followed').count()).toBe(0);
});
