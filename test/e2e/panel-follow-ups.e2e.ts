/**
 * Issue 14, item 2 in Chromium, at Jira's issue-panel width (380 px), in both themes: a resolved
 * interrupt's panel shows its follow-ups under the decision; the product owner creates the
 * corrective action in the backlog with one click, ticks the root cause with a link, is told next to
 * the field when a link is not one, saves, and finds it saved after a reload; a developer (who may
 * not edit the issue) sees the same follow-ups read-only, with the reason.
 */
import type { Page } from 'playwright-core';
import { defaultSettings } from '../../src/app/settings/project-settings';
import { storeSettings } from '../../src/app/storage/settings-repository';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
  // The team records corrective actions too (the settings' "Follow-ups after an interrupt").
  await storeSettings(e2e.app.preview.store, 'SUP', { ...defaultSettings(), followUpKinds: ['root-cause', 'regression-test', 'corrective-action'] });
});
afterAll(() => e2e.close());

/** Resolved interrupts of the demo with no follow-ups recorded yet (dev/preview/seed-follow-ups.ts: issue numbers ≡ 2 mod 3): one per theme. */
const TICKETS = { light: 'SUP-116', dark: 'SUP-200' } as const;

async function openPanel(key: string, theme: 'light' | 'dark', as = 'po'): Promise<Page> {
  const page = await e2e.open(`/panel/${key}?as=${as}${theme === 'dark' ? '&theme=dark' : ''}`);
  await page.setViewportSize({ width: 380, height: 900 });
  await page.getByTestId('follow-ups').waitFor({ timeout: 30_000 });
  return page;
}

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  const key = TICKETS[theme];

  it('records the follow-ups of a resolved interrupt: corrective action created, root cause linked, kept after a reload', async () => {
    const page = await openPanel(key, theme);
    const section = page.getByTestId('follow-ups');
    expect(await section.textContent()).toContain('Nothing recorded yet.');
    expect(await section.getByRole('checkbox').count()).toBe(3);
    // Nothing left to triage: the decision shows no "budget after this ticket" (this one is from an earlier sprint).
    expect(await page.getByTestId('applied-state').textContent()).not.toContain('Budget');

    // One click: a Task in the backlog, linked, recorded as done.
    const issuesBefore = e2e.sim.store.issues.length;
    await section.getByTestId('create-corrective-action').click();
    await section.getByTestId('corrective-action').waitFor();
    const created = e2e.sim.store.issues[e2e.sim.store.issues.length - 1];
    expect(e2e.sim.store.issues.length).toBe(issuesBefore + 1);
    expect(created?.summary).toMatch(new RegExp(`^Corrective action for ${key}: `));
    expect(created?.sprintIds).toEqual([]);
    expect(await section.getByTestId('corrective-action').textContent()).toBe(`Corrective action: ${created?.key}`);
    expect(await section.getByRole('checkbox', { name: 'Corrective action' }).isChecked()).toBe(true);
    expect(await section.getByTestId('follow-ups-saved').textContent()).toMatch(/^Last saved by you /);

    // A link that is not one is refused next to its field; nothing is saved.
    await section.getByRole('checkbox', { name: 'Root cause analysed' }).check();
    await section.getByRole('textbox', { name: 'Root cause analysed: link' }).fill('wiki page 12');
    await section.getByTestId('save-follow-ups').click();
    await section.getByRole('alert').waitFor();
    expect(await section.getByRole('alert').textContent()).toBe('enter a link starting with https:// or http://, or leave it empty');

    await section.getByRole('textbox', { name: 'Root cause analysed: link' }).fill(`https://wiki.example.com/rca/${key}`);
    await section.getByTestId('save-follow-ups').click();
    await page.waitForFunction("document.querySelector('[data-testid=\"save-follow-ups\"]')?.disabled === true");
    expect(await section.getByRole('alert').count()).toBe(0);
    await e2e.screenshot(page, `panel-follow-ups-${theme}`);

    const again = await openPanel(key, theme);
    const reloaded = again.getByTestId('follow-ups');
    expect(await reloaded.getByRole('checkbox', { name: 'Root cause analysed' }).isChecked()).toBe(true);
    expect(await reloaded.getByRole('checkbox', { name: 'Regression test added' }).isChecked()).toBe(false);
    expect(await reloaded.getByRole('textbox', { name: 'Root cause analysed: link' }).inputValue()).toBe(`https://wiki.example.com/rca/${key}`);
    // Nothing overflows the narrow panel.
    expect(await again.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });

  it('shows a developer the follow-ups read-only, with why', async () => {
    const page = await openPanel(key, theme, 'dev');
    const text = (await page.getByTestId('follow-ups-read-only').textContent()) ?? '';
    expect(text).toContain('Root cause analysed: done');
    expect(text).toContain('Regression test added: not yet');
    expect(text).toContain('Corrective action: done');
    expect(await page.getByTestId('follow-ups').textContent()).toContain('Recording follow-ups needs the Edit Issues permission in SUP.');
    expect(await page.getByTestId('follow-ups').getByRole('checkbox').count()).toBe(0);
    await e2e.screenshot(page, `panel-follow-ups-read-only-${theme}`);
  });
});
