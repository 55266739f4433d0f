/**
 * The issue context (`jira:issueContext`, issue 12 item 11) in Chromium: Jira's right-hand column,
 * always there without the per-issue opt-in of the issue panel. It is the panel's own view (the same
 * chunk), fitted to the column's width — 380 px, and 320 px for a column dragged narrow — in both
 * themes: status, verdict and reasons, budget left, the decide/apply flow, nothing wider than the
 * column. The product owner applies from it and Jira holds the result; a developer gets it read-only.
 */
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

/** Jira's REST API on the simulator (harness.ts). */
const jira: E2e['jira'] = (...args) => e2e.jira(...args);

/** The newest undecided P1 support ticket outside any sprint: the policy says interrupt. */
async function undecidedP1(): Promise<string> {
  const { json } = await jira<{ issues: { key: string }[] }>('POST', '/rest/api/3/search/jql', {
    jql: 'project = SUP AND priority = Highest AND sprint is EMPTY AND statusCategory != Done AND issue.property[interruptBudget].outcome IS EMPTY ORDER BY key DESC',
    fields: ['summary'],
    maxResults: 10,
  });
  const [first] = json.issues;
  if (!first) throw new Error('The demo site has no undecided P1 ticket in the backlog');
  return first.key;
}

async function openContext(key: string, as: string, width: number, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await e2e.open(`/context/${key}?as=${as}${theme === 'dark' ? '&theme=dark' : ''}`, { beforeLoad: (p) => p.setViewportSize({ width, height: 900 }) });
  await page.getByRole('region', { name: 'Policy verdict' }).or(page.getByRole('alert')).first().waitFor();
  return page;
}

/**
 * Nothing in the frame is wider than the column: no horizontal scrolling, no element past the right edge.
 * (Browser-side code is a string: the tests compile without the DOM library.)
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    return [
      ...(document.documentElement.scrollWidth > width ? ['page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width] : []),
      ...wide.slice(0, 5).map((el) => el.tagName.toLowerCase() + ': ' + (el.textContent || '').slice(0, 40)),
    ];
  })()`);
}

describe.each([
  ['light', 380],
  ['dark', 380],
  ['light', 320],
  ['dark', 320],
] as const)('in the %s theme at %i px', (theme, width) => {
  it('shows status, verdict with reasons, budget left and the apply flow, within the column', async () => {
    const key = await undecidedP1();
    const page = await openContext(key, 'po', width, theme);
    expect(await page.evaluate<string | null>("document.documentElement.getAttribute('data-color-mode')")).toBe(theme);
    expect(await page.getByTestId('ticket-status').textContent()).not.toBe('');
    expect(await page.getByRole('region', { name: 'Policy verdict' }).textContent()).toContain('Interrupt now');
    expect(await page.getByRole('list', { name: 'Reasons' }).textContent()).toMatch(/P1/);
    const will = page.getByRole('region', { name: 'What applying will do' });
    await page.getByRole('status', { name: /support budget/ }).waitFor({ state: 'detached' });
    expect(await will.textContent()).toMatch(/left|over/);
    await page.getByRole('button', { name: 'Apply: interrupt now' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await e2e.screenshot(page, `context-${theme}-${width}`);
  });
});

it('a developer sees the same facts read-only, with the reason', async () => {
  const key = await undecidedP1();
  const page = await openContext(key, 'dev', 380, 'dark');
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  expect(await page.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
  expect(await page.getByText('Read only').count()).toBe(1);
});

it('the product owner applies from the context, and Jira holds the decision', async () => {
  const key = await undecidedP1();
  const page = await openContext(key, 'po', 380);
  await page.getByRole('button', { name: 'Apply: interrupt now' }).click();
  const results = page.getByRole('list', { name: 'Step results' });
  await results.waitFor();
  expect(await results.textContent()).not.toContain('Failed');
  await page.getByRole('region', { name: 'Decision' }).getByText('you').waitFor();
  expect(await overflowing(page)).toEqual([]);
  await e2e.screenshot(page, 'context-applied-light-380');
  const recorded = await jira<{ value?: unknown }>('GET', `/rest/api/3/issue/${key}/properties/interruptBudget`);
  expect(recorded.status).toBe(200);
  expect(recorded.json.value).toMatchObject({ outcome: 'interrupt', override: false });
});
