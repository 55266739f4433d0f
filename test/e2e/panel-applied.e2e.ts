/**
 * Issue 12, item 6 (after applying) and item 5 (versions, which changed) in Chromium, at Jira's
 * issue-panel width (380 px), in both themes: applying shows the applied state and a Jira flag, not
 * the steps still "to do"; reopening shows it with a human date; "Change…" starts from the decision
 * in force; a ticket whose SLA breached since the suggestion says so, not that the policy changed.
 * Also item 10's panel part: no key or summary (Jira shows them above), amounts with one decimal.
 */
import type { Page } from 'playwright-core';
import { SLA_BREACHED_SUMMARY } from '../../dev/sim/seed/active-tickets';
import { addOpenSupportTickets } from '../builders/open-support-tickets';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

async function search(jql: string): Promise<string[]> {
  const response = await fetch(`${e2e.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql, fields: ['summary'], maxResults: 50 }),
  });
  return ((await response.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
}

/**
 * A new, undecided P1 support ticket in the backlog, so the policy says interrupt: one per test and
 * theme, more than the seed has undecided P1s (test/builders/open-support-tickets.ts on the preview's
 * simulator; it arrived two hours ago).
 */
async function nextUndecidedP1(): Promise<string> {
  const [key] = addOpenSupportTickets(e2e.sim, 1, { priority: 'Highest', labels: ['support'] });
  if (!key) throw new Error('no ticket was added');
  return key;
}

async function openPanel(key: string, theme: Theme, as = 'po'): Promise<Page> {
  const page = await e2e.open(`/panel/${key}?as=${as}${theme === 'dark' ? '&theme=dark' : ''}`);
  await page.setViewportSize({ width: 380, height: 900 });
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  return page;
}

const rootText = async (page: Page): Promise<string> => (await page.textContent('#root')) ?? '';

describe.each(THEMES)('after applying, at 380 px (%s theme)', (theme) => {
  it('applying shows the applied state and a success flag; reopening shows it with a human date, and no ISO time anywhere', async () => {
    const key = await nextUndecidedP1();
    const page = await openPanel(key, theme);
    // Item 10: the key and summary are Jira's, right above the panel; the panel starts with the facts.
    expect(await page.locator('#ib-ticket-heading').textContent()).toMatch(/^(Bug|Incident|Support request) · support ticket$/);
    expect(await page.locator('#root p, #root h2').allTextContents()).not.toContain(key);
    await page.getByRole('button', { name: 'Apply: interrupt now' }).click();

    const success = page.locator('[data-preview-flag][data-type="success"]');
    await success.waitFor();
    expect(await success.textContent()).toContain('Applied: interrupt now');
    const applied = page.getByTestId('applied-line');
    await applied.waitFor();
    expect(await applied.textContent()).toMatch(/^Interrupt now · applied by you at \d{1,2}:\d{2}\s?[AP]M$/);
    // The applied state, not the steps still to do: no "Will do", and the choices are closed.
    await page.getByRole('heading', { name: 'Change the decision' }).waitFor();
    expect(await rootText(page)).not.toContain('Will do');
    expect(await page.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(380);
    await page.waitForTimeout(300);
    await e2e.screenshot(page, `panel-applied-${theme}`);

    const again = await openPanel(key, theme);
    await again.getByTestId('applied-line').waitFor();
    expect(await again.getByTestId('applied-line').textContent()).toMatch(/applied by you at \d{1,2}:\d{2}\s?[AP]M$/);
    expect(await rootText(again)).not.toContain('Will do');
    expect(await rootText(again)).not.toMatch(ISO_INSTANT);
    // Amounts with at most one decimal (item 10): "58.3 h", never "58.33 h".
    expect(await rootText(again)).not.toMatch(/\d+\.\d{2,} (h|points?)\b/);
    await e2e.screenshot(again, `panel-reopened-${theme}`);
  });

  it('"Change…" starts from the decision in force (an override and its reason), not the policy’s outcome', async () => {
    const key = await nextUndecidedP1();
    const page = await openPanel(key, theme);
    await page.getByRole('button', { name: 'Backlog', exact: true }).click();
    await page.getByLabel('Reason for overriding the policy (required)').fill('The customer agreed to wait for the release.');
    await page.getByRole('button', { name: 'Apply: backlog' }).click();
    await page.locator('[data-preview-flag][data-type="success"]').waitFor();

    const again = await openPanel(key, theme);
    await again.getByTestId('applied-line').waitFor();
    expect(await again.getByTestId('applied-line').textContent()).toMatch(/^Backlog · applied by you at /);
    await again.getByRole('button', { name: 'Change…' }).click();
    expect(await again.getByRole('button', { name: 'Backlog', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await again.getByRole('button', { name: 'Interrupt now', exact: true }).getAttribute('aria-pressed')).toBe('false');
    expect(await again.getByLabel('Reason for overriding the policy (required)').inputValue()).toBe('The customer agreed to wait for the release.');
    expect(await again.getByRole('button', { name: 'Apply: backlog' }).isEnabled()).toBe(true);
    await again.waitForTimeout(300); // the buttons' colour transition
    await e2e.screenshot(again, `panel-change-decision-${theme}`);
  });

  it('a ticket whose SLA breached since the suggestion says the ticket changed, not the policy', async () => {
    const [key] = await search(`project = SUP AND summary ~ "${SLA_BREACHED_SUMMARY}"`);
    if (!key) throw new Error('the seed has no SLA-breached-since ticket');
    const page = await openPanel(key, theme);
    const change = page.getByTestId('verdict-change');
    await change.waitFor();
    expect(await change.textContent()).toBe('Its SLA breached since: the policy now says interrupt now.');
    expect(await rootText(page)).not.toMatch(/policy has changed/i);
    // One version sequence: the seeded suggestion and today's verdict both follow version 0, said in words.
    expect(await page.getByTestId('verdict-rule').textContent()).toBe('Rule “SLA” · the built-in default policy');
    expect(await page.getByRole('region', { name: 'Decision', exact: true }).textContent()).toMatch(/the built-in default policy suggested backlog (at|on) /);
    expect(await rootText(page)).not.toContain(SLA_BREACHED_SUMMARY);
    expect(await rootText(page)).not.toMatch(ISO_INSTANT);
    await e2e.screenshot(page, `panel-sla-breached-since-${theme}`);
  });
});

it('a step Jira refuses is reported as a warning flag ("Applied in part") and in place, at 380 px in the dark theme', async () => {
  const key = await nextUndecidedP1();
  const page = await openPanel(key, 'dark');
  // Jira refuses comments from now on (503, no retry): the other steps are done, the comment is not.
  const faults = await fetch(`${e2e.app.siteUrl}/__sim/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ unavailable: { operationId: 'addComment', retryAfterSeconds: 0 } }),
  });
  expect(faults.ok).toBe(true);
  try {
    await page.getByRole('button', { name: 'Apply: interrupt now' }).click();
    const warning = page.locator('[data-preview-flag][data-type="warning"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^Applied in part.*did not complete \(comment\)/);
    expect(await page.getByRole('list', { name: 'Step results' }).textContent()).toContain('Failed');
    // Applying again finishes it: the choices stay open, on the decision just applied.
    await page.getByTestId('applied-line').waitFor();
    expect(await page.getByRole('button', { name: 'Apply: interrupt now' }).isVisible()).toBe(true);
    // A warning stays until dismissed (Jira's flags auto-dismiss only successes here).
    expect(await page.evaluate<boolean>('window.__preview.flags.some((f) => f.type === "warning")')).toBe(true);
    await page.waitForTimeout(300);
    await e2e.screenshot(page, 'panel-applied-in-part-dark');
  } finally {
    await fetch(`${e2e.app.siteUrl}/__sim/faults`, { method: 'DELETE' });
  }
});
