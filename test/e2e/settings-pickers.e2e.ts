/**
 * Issue 12, item 7 and item 10's settings part, in Chromium against the preview: every choice on the
 * settings page is a picker fed by the site — the project's priorities mapped to P1–P5, its issue
 * types, an IANA time zone, a non-working date from a date picker — the default support filter fits
 * the project (no "[System] Incident" on SUP), the save bar stays in view while the long form
 * scrolls and reports the save as a Jira flag, and an empty rule name is asked for in a sentence.
 * Both themes. Tests run in order on one preview store.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/sim/site/users';
import { ARTIFACTS, startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

interface StoredSettings {
  revision: number;
  settings: {
    priorityMap: Record<string, string[]>;
    severityMap: Record<string, string[]>;
    supportFilter: { issueTypes: string[]; labels: string[] };
    defectTypes: string[];
    capacity: { timeZone: string; nonWorkingDates: string[] };
    rotation: { roster: string[]; overrides: Record<string, string> };
  };
}

async function stored(): Promise<StoredSettings> {
  const response = await fetch(`${e2e.app.preview.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Preview-User': 'admin' },
    body: JSON.stringify({ functionKey: 'settings.get', payload: {}, extension: { project: { key: 'SUP' } } }),
  });
  const answer = (await response.json()) as { ok: true; data: StoredSettings } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

async function openSettings(query: string): Promise<Page> {
  const page = await e2e.open(`/settings/SUP?${query}`);
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  return page;
}

/** Choose an option of an Atlaskit select by typing, as a keyboard user would. */
async function choose(page: Page, label: string | RegExp, typed: string, option: string | RegExp): Promise<void> {
  await page.getByLabel(label).focus();
  await page.keyboard.type(typed);
  // A click, not Enter: an async picker's first option may still be the previous search's while the new one loads.
  await page.getByRole('option', { name: option }).first().click();
}

/** The option shown as chosen in a single select: the text of its control. */
async function chosen(page: Page, label: string | RegExp): Promise<string> {
  const input = page.getByLabel(label);
  return (await input.locator('xpath=ancestor::div[contains(@class, "-control")][1]').textContent()) ?? '';
}

const inViewport = async (page: Page, locator: Locator): Promise<boolean> => {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
};

it("offers the site's names: SUP's priorities with their levels, its issue types, and a default support filter without [System] types", async () => {
  const page = await openSettings('as=admin');
  const map = page.getByRole('group', { name: 'Priority value map' });
  await map.waitFor();
  // The project's priorities in the scheme's order, each with the level it resolves to.
  const names = await map.locator('label').allTextContents();
  expect(names.map((n) => n.replace(' priority level', ''))).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
  expect(await chosen(page, 'Highest priority level')).toBe('P1 (most urgent)');
  expect(await chosen(page, 'Lowest priority level')).toBe('P5 (least urgent)');
  // Severity options of the field, mapped S1–S4.
  expect(await chosen(page, 'Sev 1 severity level')).toBe('S1 (most severe)');
  // The default support filter, fitted to SUP (company-managed software): no service-desk types.
  const types = page.getByLabel('Support issue types').locator('xpath=ancestor::div[contains(@class, "-control")][1]');
  expect(await types.textContent()).toBe('BugIncidentSupport request');
  expect(await page.locator('body').textContent()).not.toContain('[System]');
  await e2e.screenshot(page, 'settings-pickers-light');
});

it('saves a priority map, issue types, a time zone and a non-working date from the sticky save bar, and says so in a flag', async () => {
  const page = await openSettings('as=admin');
  await page.getByRole('group', { name: 'Priority value map' }).waitFor();
  await choose(page, 'Medium priority level', 'P2', 'P2');
  expect(await chosen(page, 'Medium priority level')).toBe('P2');
  await choose(page, 'Support issue types', 'Task', 'Task');
  await choose(page, 'Defect issue types', 'Incident', 'Incident');
  await choose(page, 'Time zone', 'Berlin', /^Europe\/Berlin \(UTC[+−-]\d/);
  expect(await chosen(page, 'Time zone')).toMatch(/^Europe\/Berlin \(UTC/);
  await page.getByLabel('Add a non-working date').fill('2026-12-24');
  await page.getByRole('button', { name: 'Add date' }).click();
  await page.getByRole('list', { name: 'Non-working dates' }).getByText('Thu 24 Dec 2026').waitFor();

  // The save bar is in view wherever the long form is scrolled to: its top, its middle, its end.
  const bar = page.locator('[data-save-bar]');
  for (const at of ['0', 'document.body.scrollHeight / 2', 'document.body.scrollHeight']) {
    await page.evaluate(`window.scrollTo(0, ${at})`);
    expect(await inViewport(page, bar)).toBe(true);
  }
  expect(await bar.getByText('You have unsaved changes.').isVisible()).toBe(true);
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight / 2)');
  await page.screenshot({ path: `${ARTIFACTS}/settings-save-bar.png` }); // the viewport, as the admin sees it mid-form
  await bar.getByRole('button', { name: 'Save settings' }).click();
  const flag = page.locator('[data-preview-flag][data-type="success"]');
  await flag.waitFor();
  expect(await flag.textContent()).toContain('Settings saved');
  await bar.getByText('All changes saved.').waitFor();

  const { settings } = await stored();
  expect(settings.priorityMap.P2).toContain('Medium');
  expect(settings.priorityMap.P3).not.toContain('Medium');
  expect(settings.supportFilter.issueTypes).toEqual(['Bug', 'Incident', 'Support request', 'Task']);
  expect(settings.defectTypes).toEqual(['Bug', 'Incident']);
  expect(settings.capacity.timeZone).toBe('Europe/Berlin');
  expect(settings.capacity.nonWorkingDates).toEqual(['2026-12-24']);
});

it('asks for a rule name in a sentence, in a flag and next to the field, in the dark theme', async () => {
  const page = await openSettings('as=admin&theme=dark');
  // What was saved above is what the page shows now.
  expect(await chosen(page, 'Medium priority level')).toBe('P2');
  expect(await page.getByRole('list', { name: 'Non-working dates' }).textContent()).toContain('Thu 24 Dec 2026');
  const name = page.getByRole('list', { name: /Policy rules/ }).getByRole('listitem').first().getByLabel(/^Rule name/);
  await name.fill('');
  await page.locator('[data-save-bar]').getByRole('button', { name: 'Save settings' }).click();
  const flag = page.locator('[data-preview-flag][data-type="error"]');
  await flag.waitFor();
  expect(await flag.textContent()).toContain('Settings not saved: some values need fixing');
  const ids = ((await name.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids).toHaveLength(1);
  expect(await page.locator(`[id="${ids[0] ?? ''}"]`).textContent()).toBe('Give the rule a name');
  expect(await page.locator('body').textContent()).not.toMatch(/Too small|expected string/);
  await e2e.screenshot(page, 'settings-pickers-dark');
  expect((await stored()).revision).toBe(1);
});

it('fits the pickers to a team-managed project (TEAM): its own issue types; Severity, not on its create screen, typed per level with a sentence saying why', async () => {
  const page = await e2e.open('/settings/TEAM?as=admin&theme=dark');
  await page.getByRole('heading', { name: 'Support allocation' }).waitFor();
  const types = page.getByLabel('Support issue types').locator('xpath=ancestor::div[contains(@class, "-control")][1]');
  expect(await types.textContent()).toBe('BugSupport request');
  // Jira lists a field's options outside a create screen only with manage:jira-configuration, which the app does not ask for.
  expect(await page.getByRole('group', { name: 'Severity value map' }).count()).toBe(0);
  expect(await page.locator('main').textContent()).toContain('Severity is not on the create screen of Bug, so Jira lists no options for it here: the values already mapped are shown and new ones can be typed.');
  for (const level of ['S1', 'S2', 'S3', 'S4']) expect(await page.getByLabel(new RegExp(`^${level}`)).count()).toBeGreaterThan(0);
  await e2e.screenshot(page, 'settings-pickers-team-dark');
});

it('swaps the support contact of one coming sprint with a person picker, keeping everyone else\'s turn', async () => {
  const page = await openSettings('as=admin');
  const sprints = page.getByRole('list', { name: 'Support contact by sprint' });
  await sprints.waitFor();
  expect(await sprints.getByRole('listitem').count()).toBe(2); // the active sprint and the future one
  await choose(page, 'Add a person to the rotation', 'Sam', 'Sam Lee');
  await choose(page, 'Add a person to the rotation', 'Mia', 'Mia Krystof');
  const future = sprints.getByRole('listitem').nth(1);
  await choose(page, /^Stands in instead for SUP Sprint 14/, 'Priya', 'Priya Shah');
  await future.getByText('Stands in:').waitFor();
  await page.locator('[data-save-bar]').getByRole('button', { name: 'Save settings' }).click();
  await page.locator('[data-preview-flag][data-type="success"]').last().waitFor();
  await page.locator('[data-save-bar]').getByText('All changes saved.').waitFor();

  const { rotation } = (await stored()).settings;
  const id = (name: string): string | undefined => DEMO_USERS.find((u) => u.displayName === name)?.accountId;
  expect(rotation.roster).toEqual([id('Sam Lee'), id('Mia Krystof')]);
  expect(rotation.overrides).toEqual({ 14: id('Priya Shah') });
  // People by name, never by account id.
  expect(await page.locator('main').textContent()).not.toMatch(/\b[0-9a-f]{24}\b|\d{6}:[0-9a-f]{8}-[0-9a-f-]+/);
  await sprints.screenshot({ path: `${ARTIFACTS}/settings-rotation-overrides.png` });
});
