/**
 * Issue 16, item 3, in Chromium against the preview: an admin exports SUP's settings as a file,
 * imports it into TEAM's settings page (the form fills, nothing is saved, SUP's per-sprint contact is
 * left out and the message says so), saves, and TEAM has the settings; a file that is not a settings
 * export is refused with the sentence. Both themes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/sim/site/users';

const PO = DEMO_USERS.find((u) => u.login === 'po')?.accountId ?? '';
import { ARTIFACTS, startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

async function settingsOf(project: string): Promise<{ revision: number; settings: { allocationPct: number; rotation: { overrides: Record<string, string> } } }> {
  const response = await fetch(`${e2e.app.preview.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Preview-User': 'admin' },
    body: JSON.stringify({ functionKey: 'settings.get', payload: {}, extension: { project: { key: project } } }),
  });
  const answer = (await response.json()) as { ok: true; data: { revision: number; settings: { allocationPct: number; rotation: { overrides: Record<string, string> } } } } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

async function openSettings(project: string, theme = 'light'): Promise<Page> {
  const page = await e2e.open(`/settings/${project}?as=admin&theme=${theme}`);
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  return page;
}

let exported = '';

it('exports the saved settings and policy as a settings file', async () => {
  const page = await openSettings('SUP');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^interrupt-budget-SUP-settings-r\d+\.json$/);
  exported = join(ARTIFACTS, 'sup-settings.json');
  await download.saveAs(exported);
  const file = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; formatVersion: number; from: { projectKey: string; settingsRevision: number }; settings: { allocationPct: number }; policy: { rules: unknown[] } };
  const sup = await settingsOf('SUP');
  expect(file).toMatchObject({ format: 'interrupt-budget.settings', formatVersion: 1, from: { projectKey: 'SUP', settingsRevision: sup.revision }, settings: { allocationPct: sup.settings.allocationPct } });
  expect(file.policy.rules.length).toBeGreaterThan(0);
});

it.each(['light', 'dark'])('imports it into TEAM (%s): the form fills, the per-sprint contact is left out, nothing is saved until Save', async (theme) => {
  // SUP's file with a changed allocation and one per-sprint support contact (a SUP sprint).
  const file = JSON.parse(readFileSync(exported, 'utf8')) as { settings: { allocationPct: number; rotation: { roster: string[]; overrides: Record<string, string> } } };
  file.settings.allocationPct = theme === 'light' ? 27 : 28;
  file.settings.rotation = { roster: [PO], overrides: { '13': PO } };
  const edited = join(ARTIFACTS, `sup-settings-edited-${theme}.json`);
  writeFileSync(edited, JSON.stringify(file));
  const before = await settingsOf('TEAM');

  const page = await openSettings('TEAM', theme);
  await page.getByLabel('Settings file to import').setInputFiles(edited);
  const message = page.getByText('Settings imported into the form');
  await message.waitFor();
  expect(await page.getByText(/SUP's settings \(revision \d+, policy version \d+\) are in the form\. Review them, then save: nothing is saved until you do\./).isVisible()).toBe(true);
  expect(await page.getByText('One per-sprint support contact was left out: it names a sprint of SUP.').isVisible()).toBe(true);
  expect(await page.getByLabel('Allocation', { exact: true }).inputValue()).toBe(String(file.settings.allocationPct));
  expect((await settingsOf('TEAM')).revision).toBe(before.revision); // nothing saved yet
  await page.locator(`html[data-color-mode="${theme}"]`).waitFor({ state: 'attached' });
  await e2e.screenshot(page, `settings-import-${theme}`);

  const bar = page.locator('[data-save-bar]');
  expect(await bar.getByText('You have unsaved changes.').isVisible()).toBe(true);
  await bar.getByRole('button', { name: 'Save settings' }).click();
  await bar.getByText('All changes saved.').waitFor();
  const after = await settingsOf('TEAM');
  expect(after.revision).toBe(before.revision + 1);
  expect(after.settings.allocationPct).toBe(file.settings.allocationPct);
  expect(after.settings.rotation.overrides).toEqual({});
});

it('refuses a file that is not a settings export, saying what it is and what to do', async () => {
  const policyOnly = join(ARTIFACTS, 'a-policy.json');
  writeFileSync(policyOnly, JSON.stringify({ rules: [], defaultOutcome: 'backlog' }));
  const page = await openSettings('TEAM');
  await page.getByLabel('Settings file to import').setInputFiles(policyOnly);
  await page.getByText('a-policy.json was not imported').waitFor();
  expect(await page.getByText(/This file is a policy, not a settings export/).isVisible()).toBe(true);
  expect(await page.locator('[data-save-bar]').getByText('You have unsaved changes.').count()).toBe(0);
  await e2e.screenshot(page, 'settings-import-refused');
});
