/**
 * The issue panel's budget refresh in Chromium: `panel.get` answers without searching Jira, the panel
 * shows the verdict at once, and the sprint's budget and WIP follow from `panel.budget` — a loading
 * line when nothing is stored, the stored numbers "as of" with "Updating…" when they are stale, and an
 * inline error with Retry when the update fails, the rest of the panel untouched. Each test starts
 * its own preview, so the sprint has no stored rollup at first. `panel.budget` calls are held with
 * `page.route` where a test needs to see the panel before the update answers.
 */
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './harness';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

async function start(): Promise<E2e> {
  e2e = await startE2e();
  return e2e;
}

async function undecidedP1(app: E2e): Promise<string> {
  const response = await fetch(`${app.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      jql: 'project = SUP AND priority = Highest AND sprint is EMPTY AND statusCategory != Done AND issue.property[interruptBudget].outcome IS EMPTY ORDER BY key DESC',
      fields: ['summary'],
      maxResults: 5,
    }),
  });
  expect(response.status).toBe(200);
  const keys = ((await response.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
  expect(keys.length).toBeGreaterThan(0);
  return keys[0] as string;
}

async function setFaults(app: E2e, faults: object | null): Promise<void> {
  const response = await fetch(`${app.app.siteUrl}/__sim/faults`, {
    method: faults ? 'POST' : 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: faults ? JSON.stringify(faults) : undefined,
  });
  expect(response.ok).toBe(true);
}

/**
 * Holds `panel.budget` calls while paused and lets them through on release; while `unreachable`,
 * answers them 503 as a failing Forge invocation would (the other keys go through); counts them.
 */
class BudgetGate {
  calls = 0;
  unreachable = false;
  private paused = false;
  private waiting: (() => void)[] = [];

  async attach(page: Page): Promise<void> {
    await page.route('**/__forge/invoke', async (route) => {
      const body = route.request().postDataJSON() as { functionKey?: string } | null;
      if (body?.functionKey === 'panel.budget') {
        this.calls += 1;
        if (this.paused) await new Promise<void>((resolve) => this.waiting.push(resolve));
        if (this.unreachable) return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
      }
      return route.continue();
    });
  }

  pause(): void {
    this.paused = true;
  }

  release(): void {
    this.paused = false;
    for (const resume of this.waiting.splice(0)) resume();
  }
}

const computing = (page: Page) => page.getByRole('status', { name: 'Computing the sprint’s support budget' });
const updating = (page: Page) => page.getByRole('status', { name: 'Updating the sprint’s support budget' });
/** "11.25 h left of 60 h after this ticket.", "2 h over …", "Already counted: …", "Does not count …". */
const NUMBERS = /(\d+(\.\d+)? (h|points?) (left|over) of \d+(\.\d+)? (h|points?))|Already counted: \d|Does not count against the budget/;

it('with no stored rollup, the verdict shows at once and the budget follows; after applying, the stale numbers show "as of" while they update', async () => {
  const app = await start();
  const key = await undecidedP1(app);
  const gate = new BudgetGate();
  gate.pause();
  const page = await app.open(`/panel/${key}?as=po`, { beforeLoad: (p) => gate.attach(p) });
  await page.setViewportSize({ width: 560, height: 900 });

  // The verdict, the outcomes and Apply are there while the budget is still being computed.
  const verdict = page.getByRole('region', { name: 'Policy verdict' });
  await verdict.waitFor();
  expect(await verdict.textContent()).toContain('Interrupt now');
  await computing(page).waitFor();
  expect(await computing(page).textContent()).toContain('Computing the sprint’s support budget…');
  expect(await page.getByRole('button', { name: 'Apply: interrupt now' }).isEnabled()).toBe(true);
  expect(gate.calls).toBe(1);
  await page.waitForTimeout(800); // the spinner's fade-in
  await e2e?.screenshot(page, 'panel-budget-computing');

  // The update answers: the numbers appear and the loading line goes.
  gate.release();
  const preview = page.getByRole('region', { name: 'What applying will do' });
  await preview.getByText(NUMBERS).first().waitFor();
  await computing(page).waitFor({ state: 'detached' });
  expect(await updating(page).count()).toBe(0);
  expect(await preview.textContent()).not.toMatch(/As of/);
  expect(await verdict.isVisible()).toBe(true);

  // Applying marks the rollup stale; the reloaded panel shows the stored numbers "as of" while they update.
  gate.pause();
  await page.getByRole('button', { name: 'Apply: interrupt now' }).click();
  await page.getByRole('list', { name: 'Step results' }).waitFor();
  await updating(page).waitFor();
  const updatingText = (await updating(page).textContent()) ?? '';
  expect(updatingText).toMatch(/^As of .+ · Updating…$/);
  // Applied: the decision's applied state carries the budget now (issue 12, item 6), not "what applying will do".
  const decided = page.getByRole('region', { name: 'Decision', exact: true });
  expect(await decided.textContent()).toMatch(NUMBERS);
  expect(await page.getByRole('region', { name: 'Policy verdict' }).isVisible()).toBe(true);
  expect(gate.calls).toBe(2);
  await page.waitForTimeout(800); // the spinner's fade-in
  await e2e?.screenshot(page, 'panel-budget-updating');

  gate.release();
  await updating(page).waitFor({ state: 'detached' });
  expect(await decided.textContent()).toMatch(NUMBERS);
  expect(await decided.textContent()).not.toMatch(/As of/);
  // The ticket is in the sprint now, so the update counts it.
  await decided.getByText(/Already counted/).waitFor();
});

it('when panel.budget fails, the budget area says why with Retry, and the verdict and Apply stay usable', async () => {
  const app = await start();
  const key = await undecidedP1(app);
  const gate = new BudgetGate();
  gate.unreachable = true;
  const page = await app.open(`/panel/${key}?as=po`, { beforeLoad: (p) => gate.attach(p) });
  await page.setViewportSize({ width: 560, height: 900 });

  const verdict = page.getByRole('region', { name: 'Policy verdict' });
  await verdict.waitFor();
  const preview = page.getByRole('region', { name: 'What applying will do' });
  const alert = preview.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/could not reach its server/);
  const retry = preview.getByRole('button', { name: 'Retry' });
  expect(await retry.isVisible()).toBe(true);
  expect(await computing(page).count()).toBe(0);
  // The rest of the panel is untouched and usable.
  expect(await verdict.textContent()).toContain('Interrupt now');
  expect(await page.getByRole('list', { name: 'Reasons' }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Apply: interrupt now' }).isEnabled()).toBe(true);
  await page.getByRole('button', { name: 'Backlog', exact: true }).click();
  await page.getByLabel('Reason for overriding the policy (required)').waitFor();
  await page.getByRole('button', { name: 'Interrupt now', exact: true }).click();
  await alert.waitFor();
  await page.waitForTimeout(300); // the buttons' colour transition
  await e2e?.screenshot(page, 'panel-budget-error');

  // The server is back: Retry asks again and brings the numbers.
  gate.unreachable = false;
  await retry.click();
  await preview.getByText(NUMBERS).first().waitFor();
  expect(gate.calls).toBe(2);
  expect(await preview.getByRole('alert').count()).toBe(0);
  expect(await preview.getByRole('button', { name: 'Retry' }).count()).toBe(0);
});

it('when Jira fails during the update, the answer’s note shows in the budget area with Retry', async () => {
  const app = await start();
  const key = await undecidedP1(app);
  // Every search answers 503 at once: panel.get does not search, the sprint's update does, and
  // panel.budget answers without a budget, with a note that says why.
  await setFaults(app, { unavailable: { operationId: 'searchAndReconsileIssuesUsingJqlPost', retryAfterSeconds: 0 } });
  const page = await app.open(`/panel/${key}?as=po`);
  await page.setViewportSize({ width: 560, height: 900 });
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  const preview = page.getByRole('region', { name: 'What applying will do' });
  const alert = preview.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/could not be brought up to date/);
  await e2e?.screenshot(page, 'panel-budget-jira-down');
  expect(await page.getByRole('button', { name: 'Apply: interrupt now' }).isEnabled()).toBe(true);

  await setFaults(app, null);
  await preview.getByRole('button', { name: 'Retry' }).click();
  await preview.getByText(NUMBERS).first().waitFor();
  expect(await preview.getByRole('alert').count()).toBe(0);
});

it('a read-only user gets the verdict without the sprint update being asked for', async () => {
  const app = await start();
  const key = await undecidedP1(app);
  const gate = new BudgetGate();
  const page = await app.open(`/panel/${key}?as=dev`, { beforeLoad: (p) => gate.attach(p) });
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  await page.getByText('Read only').waitFor();
  await page.waitForTimeout(500);
  // The budget is part of what applying would do, which a read-only user does not get.
  expect(gate.calls).toBe(0);
});
