/**
 * After applying a decision, the issue panel asks Jira to refresh its issue view (`view.refresh()`):
 * Jira does not re-read an issue its viewer changed through the REST API, so its own sprint and labels
 * would stay stale. The bridge stand-in records each request; with `&refresh=refuse` it answers as a
 * host whose view is not refreshable, and the panel then says that a reload shows the change. A failed
 * apply asks for nothing.
 */
import type { Page } from 'playwright-core';
import type { ApplyDecisionResult, Envelope } from '../../src/contract';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

/** Tickets in the backlog that nobody has decided yet, matching `jql` too, newest first. */
async function undecided(jql: string): Promise<string> {
  const response = await fetch(`${e2e.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      jql: `project = SUP AND ${jql} AND sprint is EMPTY AND statusCategory != Done AND issue.property[interruptBudget].outcome IS EMPTY ORDER BY key DESC`,
      fields: ['summary'],
      maxResults: 10,
    }),
  });
  expect(response.status).toBe(200);
  const keys = ((await response.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
  expect(keys.length).toBeGreaterThan(0);
  return keys[0] as string;
}
/** The seed's one undecided P1 in the backlog: the policy says interrupt now (sprint, labels, comment). */
const undecidedP1 = () => undecided('priority = Highest');
const undecidedOther = () => undecided('priority != Highest');

interface RefreshCall {
  readonly refused: boolean;
}
// Browser-side code as strings: the tests compile without the DOM library.
const refreshCalls = (page: Page): Promise<RefreshCall[]> => page.evaluate<RefreshCall[]>('window.__preview.refreshCalls');

async function openPanel(key: string, query = ''): Promise<Page> {
  const page = await e2e.open(`/panel/${key}?as=po${query}`);
  await page.setViewportSize({ width: 560, height: 900 });
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  return page;
}

/** Apply `outcome` (with a reason if that overrides the policy) and wait for the steps and the refreshed view. */
async function apply(page: Page, outcome: 'Interrupt now' | 'Backlog'): Promise<void> {
  await page.getByRole('button', { name: outcome, exact: true }).click();
  const reason = page.getByLabel('Reason for overriding the policy (required)');
  if ((await reason.count()) > 0) await reason.fill('Agreed with the customer.');
  await page.getByRole('button', { name: `Apply: ${outcome.toLowerCase()}` }).click();
  await page.getByRole('list', { name: 'Step results' }).waitFor();
  await page.getByRole('heading', { name: 'Change the decision' }).waitFor();
}

it('after a successful apply the panel asks Jira to refresh its issue view, exactly once, and says nothing more', async () => {
  const page = await openPanel(await undecidedOther());
  expect(await refreshCalls(page)).toEqual([]);
  await apply(page, 'Backlog');
  await page.waitForFunction('window.__preview.refreshCalls.length > 0', undefined, { timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  expect(await refreshCalls(page)).toEqual([expect.objectContaining({ refused: false })]);
  expect(await page.getByTestId('reload-note').count()).toBe(0);
});

it('when Jira will not refresh its issue view, the panel says the new sprint and labels show after a reload', async () => {
  const page = await openPanel(await undecidedP1(), '&refresh=refuse');
  await apply(page, 'Interrupt now');
  const note = page.getByTestId('reload-note');
  await note.waitFor({ timeout: 10_000 });
  expect(await note.textContent()).toMatch(/^Jira shows the new sprint, labels( and comment)? after you reload the page\.$/);
  // Inside the step results, which stay on screen.
  expect(await page.getByRole('status').filter({ has: page.getByRole('list', { name: 'Step results' }) }).getByTestId('reload-note').count()).toBe(1);
  expect(await refreshCalls(page)).toEqual([expect.objectContaining({ refused: true })]);
  await e2e.screenshot(page, 'panel-reload-note-light');
});

it('a failed apply asks Jira for no refresh and shows no reload sentence', async () => {
  const page = await openPanel(await undecidedOther());
  // Jira goes away while the PO applies: the resolver answers UNAVAILABLE.
  await page.route('**/__forge/invoke', async (route) => {
    const body = route.request().postDataJSON() as { functionKey?: string };
    if (body.functionKey !== 'panel.applyDecision') return route.fallback();
    const envelope: Envelope<ApplyDecisionResult> = { ok: false, error: { code: 'UNAVAILABLE', message: 'Jira did not answer. Nothing was changed; try again.' } };
    return route.fulfill({ json: envelope });
  });
  await page.getByRole('button', { name: /^Apply: / }).click();
  await page.getByText('Jira is not responding').waitFor();
  await page.waitForLoadState('networkidle');
  expect(await refreshCalls(page)).toEqual([]);
  expect(await page.getByTestId('reload-note').count()).toBe(0);
  expect(await page.getByRole('list', { name: 'Step results' }).count()).toBe(0);
});
