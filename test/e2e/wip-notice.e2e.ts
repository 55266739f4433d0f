/**
 * Issue 12, item 3: the WIP limit is one line in the panel, not a box, so Apply stays above the fold
 * at Jira's issue-panel width (380 px) in both themes; the line links to the dashboard's list of
 * support tickets in progress, and that list (with the default setting) leaves out tickets
 * "Waiting for customer", which sit in Jira's In Progress category but are nobody's work.
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

const WIDTH = 380;
const HEIGHT = 900;

async function search(jql: string): Promise<string[]> {
  const response = await fetch(`${e2e.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql, fields: ['summary'], maxResults: 100 }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
}

const SUPPORT = '(issuetype in (Bug, Incident, "Support request") OR labels = support)';

async function openPanel(key: string, theme: 'light' | 'dark'): Promise<Page> {
  const page = await e2e.open(`/panel/${key}?as=po${theme === 'dark' ? '&theme=dark' : ''}`, {
    beforeLoad: (p) => p.setViewportSize({ width: WIDTH, height: HEIGHT }),
  });
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  return page;
}

describe.each(['light', 'dark'] as const)('in the %s theme at 380 px', (theme) => {
  it('an interrupt that would take WIP over the limit: one line with a link, and Apply visible without scrolling', async () => {
    // The support tickets someone works on in the active sprint: at least one, so pulling in another exceeds the limit of 1.
    const working = await search(`project = SUP AND sprint in openSprints() AND status in ("In Progress", "In Review") AND ${SUPPORT}`);
    expect(working.length).toBeGreaterThanOrEqual(1);
    const [key] = await search('project = SUP AND priority = Highest AND sprint is EMPTY AND statusCategory != Done AND issue.property[interruptBudget].outcome IS EMPTY ORDER BY key DESC');
    if (!key) throw new Error('no undecided P1 ticket in the backlog');
    const page = await openPanel(key, theme);

    const notice = page.getByTestId('wip-notice');
    await notice.waitFor(); // the budget update brings the WIP in
    await page.screenshot({ path: `artifacts/screenshots/wip-notice-${theme}.png` }); // the viewport only: what is above the fold
    expect(await notice.textContent()).toBe(`WIP ${working.length}/1, over the limit · see the list`);
    expect(await notice.getAttribute('title')).toContain('starting this one as well would exceed the WIP limit');
    const line = await notice.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat((el.ownerDocument.defaultView as unknown as { getComputedStyle: (e: unknown) => { lineHeight: string } }).getComputedStyle(el).lineHeight) }));
    expect(line.height).toBeLessThanOrEqual(line.lineHeight * 1.5); // one line, not a box
    expect(await page.locator('section[aria-labelledby="ib-preview-heading"] [class*="SectionMessage"], section[aria-labelledby="ib-preview-heading"] section').count()).toBe(0);

    const link = page.getByTestId('wip-list');
    expect(await link.getAttribute('href')).toMatch(/\/jira\/software\/projects\/SUP\/apps\/preview-app\/preview-env$/);

    const apply = page.getByRole('button', { name: 'Apply: interrupt now' });
    const box = await apply.boundingBox();
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  });
});

it('the dashboard lists the support tickets in progress, leaving out those waiting for the customer (the default setting)', async () => {
  const working = await search(`project = SUP AND sprint in openSprints() AND status in ("In Progress", "In Review") AND ${SUPPORT}`);
  const waiting = await search(`project = SUP AND sprint in openSprints() AND status = "Waiting for customer" AND ${SUPPORT}`);
  expect(waiting.length).toBeGreaterThanOrEqual(1); // the demo site makes the default matter
  const page = await e2e.open('/dashboard/SUP?as=po');
  const list = page.getByTestId('wip-in-progress');
  await list.waitFor();
  const listed = (await list.textContent())?.split(', ').map((s) => s.trim()) ?? [];
  expect([...listed].sort()).toEqual([...working].sort());
  for (const key of waiting) expect(listed).not.toContain(key);
  expect(await page.getByTestId('wip').textContent()).toContain(`${working.length} / 1`);
  await e2e.screenshot(page, 'wip-dashboard-light');
});
