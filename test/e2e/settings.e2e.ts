/**
 * The project settings page in Chromium against the preview: defaults, saving the allocation, the
 * policy preview, read-only for non-admins (and a forced save refused), validation next to the field,
 * and the conflict message when someone saved in between. Tests run in order on one preview store.
 */
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

type Envelope = { ok: true; data: { revision: number; settings: { allocationPct: number }; policy: { version: number; policy: unknown } } } | { ok: false; error: { code: string; message: string } };

/** A resolver call through the preview's endpoint, as that preview user (the browser never picks identity in the app). */
async function invoke(user: string, functionKey: string, payload: object = {}): Promise<Envelope> {
  const response = await fetch(`${e2e.app.preview.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Preview-User': user },
    body: JSON.stringify({ functionKey, payload, extension: { project: { key: 'SUP' } } }),
  });
  return (await response.json()) as Envelope;
}

async function stored(): Promise<{ revision: number; allocationPct: number }> {
  const answer = await invoke('admin', 'settings.get');
  if (!answer.ok) throw new Error(answer.error.message);
  return { revision: answer.data.revision, allocationPct: answer.data.settings.allocationPct };
}

async function openSettings(query: string): Promise<Page> {
  const page = await e2e.open(`/settings/SUP?${query}`);
  await page.getByRole('heading', { name: /Interrupt Budget settings/ }).waitFor();
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  return page;
}

/** The validation message tied to an input through aria-describedby. */
async function messageFor(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  if (ids.length === 0) return '';
  return (await input.page().locator(`[id="${ids[0]}"]`).textContent()) ?? '';
}

/** Choose an option in an Atlaskit select by keyboard, as a keyboard user would. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(option);
  await page.getByRole('option', { name: option, exact: true }).waitFor();
  await page.keyboard.press('Enter');
}

const allocation = (page: Page): Locator => page.getByLabel('Allocation', { exact: true });

it('shows dev the settings read-only, and refuses a forced save with nothing stored', async () => {
  const page = await openSettings('as=dev');
  expect(await page.getByText(/Only project administrators/).isVisible()).toBe(true);
  expect(await allocation(page).getAttribute('readonly')).not.toBeNull();
  expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Add rule' }).count()).toBe(0);

  const view = await invoke('dev', 'settings.get');
  if (!view.ok) throw new Error(view.error.message);
  const forced = await invoke('dev', 'settings.save', {
    settings: { ...view.data.settings, allocationPct: 90 },
    policy: view.data.policy.policy,
    baseRevision: view.data.revision,
  });
  expect(forced).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await stored()).toEqual({ revision: 0, allocationPct: 20 });
});

it('shows an admin the defaults and saves a raised allocation', async () => {
  const page = await openSettings('as=admin');
  expect(await allocation(page).inputValue()).toBe('20');
  const rules = page.getByRole('list', { name: /Policy rules/ }).getByRole('listitem');
  expect(await rules.count()).toBe(4);
  for (const [i, name] of ['P1', 'Sev1', 'SLA', 'Unclassified'].entries()) {
    expect(await rules.nth(i).getByLabel(/^Rule name/).inputValue()).toBe(name);
  }
  await page.getByTestId('preview-summary').waitFor();
  await e2e.screenshot(page, 'settings-light');

  await allocation(page).fill('30');
  expect(await page.getByText('You have unsaved changes.').isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('[data-preview-flag][data-type="success"]', { hasText: 'Settings saved' }).waitFor();
  await page.getByText('All changes saved.').waitFor();
  expect(await allocation(page).inputValue()).toBe('30');
  expect(await stored()).toEqual({ revision: 1, allocationPct: 30 });
});

it('previews a policy edit on recent support tickets before saving, changes highlighted and counted', async () => {
  const page = await openSettings('as=admin&theme=dark');
  const summary = page.getByTestId('preview-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toMatch(/^No verdict changes on the \d+ most recent support tickets\.$/);

  // Rule "SLA" sends its tickets to the backlog instead of interrupting.
  await choose(page, 'Outcome of rule SLA', 'Backlog');
  await page.getByTestId('preview-summary').filter({ hasText: /would get a different verdict/ }).waitFor();
  const text = (await summary.textContent()) ?? '';
  const changed = Number(/^(\d+) of/.exec(text)?.[1]);
  expect(changed).toBeGreaterThan(0);
  expect(await page.locator('tr[data-changed="true"]').count()).toBe(changed);
  expect(await page.locator('tr[data-changed="true"]').first().getByText('Changed').isVisible()).toBe(true);

  // A new rule for label vip, moved to the top.
  await page.getByRole('button', { name: 'Add rule' }).click();
  const added = page.getByRole('list', { name: /Policy rules/ }).getByRole('listitem').last();
  await added.getByLabel(/^Rule name/).fill('VIP customers');
  await added.getByLabel(/^Labels/).fill('vip');
  await page.getByRole('button', { name: 'Move rule VIP customers up' }).click();
  expect(await page.getByRole('list', { name: /Policy rules/ }).getByRole('listitem').nth(3).getAttribute('aria-label')).toBe('Rule 4: VIP customers');
  await e2e.screenshot(page, 'settings-dark');

  // Nothing is stored until saved.
  expect(await stored()).toEqual({ revision: 1, allocationPct: 30 });
});

it('puts a validation message next to the field', async () => {
  const before = await stored();
  const page = await openSettings('as=admin');
  await allocation(page).fill('150');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('heading', { name: 'Some values need fixing' }).waitFor();
  expect(await messageFor(allocation(page))).toContain('must be 100 or less');
  expect(await allocation(page).getAttribute('aria-invalid')).toBe('true');
  await e2e.screenshot(page, 'settings-validation');
  expect(await stored()).toEqual(before);
});

it('says clearly when someone else saved in between, and reloads their version', async () => {
  const page = await openSettings('as=admin');
  expect(await allocation(page).inputValue()).toBe('30');

  const view = await invoke('admin', 'settings.get');
  if (!view.ok) throw new Error(view.error.message);
  const other = await invoke('admin', 'settings.save', { settings: { ...view.data.settings, allocationPct: 25 }, policy: view.data.policy.policy, baseRevision: view.data.revision });
  expect(other).toMatchObject({ ok: true, data: { revision: 2 } });

  await allocation(page).fill('35');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Someone else saved these settings while you were editing').waitFor();
  // The save is reported as a flag too (drawn over the page in the preview, outside the app's frame in Jira).
  const flag = page.locator('[data-preview-flag][data-type="warning"]');
  expect(await flag.textContent()).toContain('Settings not saved: someone else saved first');
  await e2e.screenshot(page, 'settings-conflict');
  await flag.getByRole('button', { name: 'Dismiss' }).click();
  expect(await stored()).toEqual({ revision: 2, allocationPct: 25 });

  await page.getByRole('button', { name: 'Reload the latest settings' }).click();
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  expect(await allocation(page).inputValue()).toBe('25');
});

it('chooses the follow-ups after an interrupt: corrective action added, and the panel of a resolved interrupt then asks for it', async () => {
  const page = await openSettings('as=admin');
  const kinds = page.getByTestId('follow-up-kinds');
  await kinds.scrollIntoViewIfNeeded();
  const box = (name: RegExp) => kinds.getByRole('checkbox', { name });
  expect(await box(/^Root cause analysed/).isChecked()).toBe(true);
  expect(await box(/^Regression test added/).isChecked()).toBe(true);
  expect(await box(/^Corrective action/).isChecked()).toBe(false);
  await box(/^Corrective action/).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('All changes saved.').waitFor();
  await kinds.screenshot({ path: join(ARTIFACTS, 'settings-follow-ups.png') });

  const view = await invoke('admin', 'settings.get');
  if (!view.ok) throw new Error(view.error.message);
  expect((view.data.settings as unknown as { followUpKinds: string[] }).followUpKinds).toEqual(['root-cause', 'regression-test', 'corrective-action']);
  // SUP-214: an interrupt the product owner let in, since resolved.
  const panel = await e2e.open('/panel/SUP-214?as=po');
  await panel.getByTestId('follow-ups').waitFor({ timeout: 30_000 });
  expect(await panel.getByTestId('follow-ups').getByRole('checkbox', { name: 'Corrective action' }).count()).toBe(1);
});
