/**
 * The project page dashboard in Chromium against the preview: the numbers match the resolver, the
 * lists link to issues, every chart has its table view, the history exports as CSV, an allocation
 * change moves the budget, the overflow decision is recorded through the UI, and an outsider sees
 * a plain not-found message. Screenshots in light and dark theme go to artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { DashboardView, Envelope, SettingsView } from '../../src/contract';
import { keys } from '../../src/app/storage/keys';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

type User = 'po' | 'admin' | 'dev' | 'outsider';

const invoke = <T>(user: User, functionKey: string, payload: object): Promise<Envelope<T>> => e2e.invoke<T>(user, functionKey, payload);

async function dashboard(payload: object = {}): Promise<DashboardView> {
  const envelope = await invoke<DashboardView>('po', 'dashboard.get', payload);
  if (!envelope.ok) throw new Error(`dashboard.get failed: ${envelope.error.message}`);
  return envelope.data;
}

async function saveAllocation(pct: number): Promise<void> {
  const current = await invoke<SettingsView>('admin', 'settings.get', {});
  if (!current.ok) throw new Error(current.error.message);
  const saved = await invoke<SettingsView>('admin', 'settings.save', {
    settings: { ...current.data.settings, allocationPct: pct },
    policy: current.data.policy.policy,
    baseRevision: current.data.revision,
  });
  if (!saved.ok) throw new Error(`settings.save failed: ${saved.error.message}`);
  expect(saved.data.settings.allocationPct).toBe(pct);
}

/** The issues with a security level (dev may not see them), asked of the simulator as po, who may. */
async function securedKeys(): Promise<string[]> {
  const response = await fetch(`${e2e.app.siteUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql: 'project = SUP AND level is not EMPTY', fields: ['summary'], maxResults: 50 }),
  });
  return ((await response.json()) as { issues?: Array<{ key: string }> }).issues?.map((i) => i.key) ?? [];
}

/** A rendered figure as a number ("1,234.5" → 1234.5). */
async function figure(page: Page, name: string): Promise<number> {
  return Number(((await page.textContent(`[data-testid="figure-${name}"]`)) ?? '').replace(/,/g, ''));
}

async function openDashboard(query = 'as=po'): Promise<Page> {
  const page = await e2e.open(`/dashboard/SUP?${query}`);
  await page.waitForSelector('[data-testid="dashboard"], [role="alert"], section[aria-labelledby]', { timeout: 30_000 });
  return page;
}

/** Reload, then ask for a recomputation from Jira (the Refresh button sends `refresh: true`). */
async function refreshedDashboard(): Promise<Page> {
  const page = await openDashboard();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.waitForSelector('main[data-testid="dashboard"][aria-busy="false"]');
  return page;
}

async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const rows = await page.locator(`[data-testid="${testId}"] tbody tr`).all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).map((text) => text.trim())));
}

/** A minimal RFC 4180 reader for the exported file (quoted cells, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const num = (s: string | undefined) => Number((s ?? '').replace(/[,%]/g, ''));
/** The UI shows at most two decimals; a dash for a day without a value. */
/** As the dashboard writes a number: at most one decimal, the panel's formatter (static/src/components/amount.ts). */
const oneDecimal = (v: number) => Math.round(v * 10) / 10;
const shown = (v: number | null | undefined) => (v === null || v === undefined ? null : oneDecimal(v));
const cellValue = (s: string | undefined) => (s === '—' ? null : num(s));

describe('the SUP dashboard', () => {
  it('shows the budget, used and remaining the resolver returns, with the status and forecast', async () => {
    const page = await openDashboard();
    const { sprint } = await dashboard();
    if (!sprint) throw new Error('SUP has an active sprint in the demo data');
    expect(await figure(page, 'budget')).toBe(shown(sprint.budget));
    expect(await figure(page, 'used')).toBe(shown(sprint.used.total));
    expect(await figure(page, 'remaining')).toBe(shown(sprint.status === 'over' ? sprint.used.total - sprint.budget : sprint.remaining));
    expect(await figure(page, 'forecast')).toBe(shown(sprint.forecast));
    const meter = page.getByRole('meter', { name: 'Support budget used' });
    expect(await meter.getAttribute('aria-valuemax')).toBe(String(sprint.budget));
    expect(await page.textContent('[data-testid="sprint-status"]')).toBe({ ok: 'On track', 'at-risk': 'At risk', over: 'Over budget' }[sprint.status]);
    expect(await page.textContent('#root')).toContain(sprint.name);
    // The charts arrive lazily; once they have, take the screenshots.
    await page.waitForSelector('[data-testid="burn"] .recharts-surface');
    await page.waitForSelector('[data-testid="history"] .recharts-surface');
    await e2e.screenshot(page, 'dashboard-light');
    const dark = await openDashboard('as=po&theme=dark');
    await dark.waitForSelector('[data-testid="burn"] .recharts-surface');
    await dark.waitForSelector('[data-testid="history"] .recharts-surface');
    expect(await dark.locator('html').getAttribute('data-color-mode')).toBe('dark');
    await e2e.screenshot(dark, 'dashboard-dark');
  });

  it('lists the interrupts and the deferred tickets with their keys, linking to the issues', async () => {
    const page = await openDashboard();
    const { sprint } = await dashboard();
    if (!sprint) throw new Error('no active sprint');
    expect(sprint.interrupts.length).toBeGreaterThan(0);
    expect(sprint.deferred.length).toBeGreaterThan(0);
    for (const item of sprint.interrupts) {
      const link = page.locator(`[data-testid="tickets-sanctioned"] a[data-issue-key="${item.key}"]`);
      expect(await link.textContent()).toBe(item.key);
      expect(await link.getAttribute('href')).toBe(`${e2e.app.siteUrl}/browse/${item.key}`);
    }
    const deferredRows = await tableRows(page, 'deferred-table');
    expect(deferredRows.map((r) => r[0])).toEqual(sprint.deferred.map((d) => d.key));
    for (const d of sprint.deferred) if (d.reason) expect(deferredRows.find((r) => r[0] === d.key)?.[3]).toBe(d.reason);
    expect((await tableRows(page, 'tickets-untriaged')).map((r) => r[0])).toEqual(sprint.untriaged.map((u) => u.key));
    expect(await page.textContent('[data-testid="breakdown"]')).toContain('Untriaged');
  });

  it('shows dev, who may not see the secured tickets, no key of them: they are counted as restricted, the totals the same', async () => {
    const secured = await securedKeys();
    expect(secured.length).toBeGreaterThanOrEqual(2);
    const page = await openDashboard('as=dev');
    await page.waitForSelector('[data-testid^="restricted-"]');
    const text = (await page.textContent('[data-testid="dashboard"]')) ?? '';
    for (const key of secured) expect(text).not.toContain(key);
    const notes = await page.locator('[data-testid^="restricted-"]').allTextContents();
    expect(notes.some((n) => /\d+ restricted issues? · [\d.,]+ h/.test(n))).toBe(true);
    expect(await figure(page, 'used')).toBe(shown((await dashboard()).sprint?.used.total));
    await e2e.screenshot(page, 'dashboard-dev-restricted');
  });

  it('says on a project nobody has set up that the numbers assume a default team, and where an admin sets it up', async () => {
    const page = await e2e.open('/dashboard/TEAM?as=dev');
    const notice = page.locator('[data-testid="default-settings"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('These numbers assume a team of 5 people × 6 focus hours a day and a 20 % support allocation.');
    expect(await page.getAttribute('[data-testid="set-up-team"]', 'href')).toBe(`${e2e.app.siteUrl}/jira/software/projects/TEAM/settings/apps/preview-app/preview-env`);
    await e2e.screenshot(page, 'dashboard-default-settings');
  });

  it('shows a closed sprint as a past one: what it had and used, no remaining, no forecast, nothing to act on', async () => {
    const page = await openDashboard();
    const closed = (await dashboard()).sprints.find((s) => s.state === 'closed');
    if (!closed) throw new Error('a closed sprint expected');
    // The sprint picker is Atlaskit's Select: type to search, Enter picks the match.
    await page.getByLabel('Sprint', { exact: true }).fill(closed.name);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="figure-left"]');
    expect(await page.locator('[data-testid="figure-remaining"], [data-testid="figure-forecast"], [data-testid="overflow-banner"]').count()).toBe(0);
    const { sprint } = await dashboard({ sprintId: closed.id });
    expect(await page.textContent('[data-testid="budget"]')).toContain(`Support used ${shown(sprint?.used.total)}`); // one decimal, as every surface writes amounts
    expect(await page.textContent('[data-testid="budget"]')).toContain('closed');
    await e2e.screenshot(page, 'dashboard-closed-sprint');
  });

  it("shows each chart's data in its table view, the same rows", async () => {
    const page = await openDashboard();
    const view = await dashboard();
    const sprint = view.sprint;
    if (!sprint) throw new Error('no active sprint');
    const burn = page.locator('[data-testid="burn"]');
    await burn.getByRole('button', { name: 'Table' }).click();
    expect(await burn.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
    const burnRows = await tableRows(page, 'burn-table');
    expect(burnRows).toHaveLength(sprint.burn.length);
    burnRows.forEach((row, i) => {
      const point = sprint.burn[i];
      expect(cellValue(row[4])).toBe(shown(point?.total));
      expect(num(row[5])).toBe(shown(point?.budget));
      expect(cellValue(row[6])).toBe(shown(point?.forecast));
    });
    const history = page.locator('[data-testid="history"]');
    await history.getByRole('button', { name: 'Table' }).click();
    const historyRows = await tableRows(page, 'history-table');
    expect(historyRows.map((r) => r[0])).toEqual(view.history.rows.map((r) => r.name));
    expect(historyRows.map((r) => num(r[7]))).toEqual(view.history.rows.map((r) => shown(r.used)));
    expect(historyRows.map((r) => num(r[11]))).toEqual(view.history.rows.map((r) => r.velocityPoints));
    expect(await page.textContent('[data-testid="recommendation"]')).toContain(view.history.recommendation.explanation);
    // Back to the chart: it renders from the same data.
    await burn.getByRole('button', { name: 'Chart' }).click();
    await page.waitForSelector('[data-testid="burn"] .recharts-surface');
  });

  it('exports the history table as a CSV whose rows match the table', async () => {
    const page = await openDashboard();
    const history = page.locator('[data-testid="history"]');
    await history.getByRole('button', { name: 'Table' }).click();
    const shown = await tableRows(page, 'history-table');
    const headers = await page.locator('[data-testid="history-table"] thead th').allTextContents();
    const [download] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('interrupt-budget-SUP-history.csv');
    const path = await download.path();
    const csv = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(headers);
    expect(csv).toHaveLength(shown.length + 1);
    csv.slice(1).forEach((row, i) => {
      const table = shown[i] ?? [];
      expect(row[0]).toBe(table[0]);
      // numeric columns: the table shows formatted values (1,234.5 / 20%), the CSV raw ones
      for (const col of [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) expect(oneDecimal(num(row[col]))).toBe(num(table[col]));
    });
  });

  it('grows the budget from today when an admin raises the allocation from 20% to 30% mid-sprint; the days before keep theirs', async () => {
    const before = await refreshedDashboard();
    const budgetBefore = await figure(before, 'budget');
    const capacity = (await dashboard()).sprint?.capacity ?? NaN;
    expect(budgetBefore).toBe(capacity * 0.2);
    await saveAllocation(30);
    const after = await refreshedDashboard();
    const budgetAfter = await figure(after, 'budget');
    // The demo sprint started days ago: those days stay at 20 %, the rest of the sprint is at 30 %.
    expect(budgetAfter).toBeGreaterThan(budgetBefore);
    expect(budgetAfter).toBeLessThan(capacity * 0.3);
    const { sprint } = await dashboard();
    const today = new Date().toISOString().slice(0, 10);
    for (const point of sprint?.burn ?? []) expect(point.budget).toBe(point.date < today ? budgetBefore : budgetAfter);
    expect(await after.textContent('[data-testid="recommendation"]')).toContain('Current allocation: 30%');
  });

  it('demands an overflow decision when over budget, needs a reason to accept the overrun, and shows it once recorded', async () => {
    await saveAllocation(1);
    const page = await refreshedDashboard();
    const { sprint } = await dashboard();
    expect(sprint?.status).toBe('over');
    const banner = page.locator('[data-testid="overflow-banner"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('over its support budget');
    expect(await page.textContent('[data-testid="sprint-status"]')).toBe('Over budget');
    for (const label of ['Swap out planned work', 'Abort and re-plan the sprint', 'Accept the overrun']) expect(await banner.getByRole('radio', { name: new RegExp(label) }).count()).toBe(1);
    await banner.getByRole('radio', { name: /Accept the overrun/ }).check();
    await banner.getByRole('button', { name: 'Record the decision' }).click();
    expect(await banner.textContent()).toContain('a reason is required');
    expect((await dashboard()).sprint?.overflow).toBeNull();
    await e2e.screenshot(page, 'dashboard-overflow-form');
    await banner.getByLabel(/Reason/).fill('Launch week: the partner outage had to be fixed now');
    await banner.getByRole('button', { name: 'Record the decision' }).click();
    const decision = page.locator('[data-testid="overflow-decision"]');
    await decision.waitFor();
    expect(await decision.textContent()).toContain('Accept the overrun');
    expect(await decision.textContent()).toContain('Launch week: the partner outage had to be fixed now');
    expect(await decision.textContent()).toContain('Recorded by you');
    const stored = (await dashboard()).sprint;
    expect(stored?.overflow).toMatchObject({ choice: 'accept-overrun', reason: 'Launch week: the partner outage had to be fixed now' });
    expect(stored?.needsOverflowDecision).toBe(false);
    // A reload shows the recorded decision, not the banner.
    const again = await openDashboard();
    await again.locator('[data-testid="overflow-decision"]').waitFor();
    expect(await again.locator('[data-testid="overflow-banner"]').count()).toBe(0);
    await e2e.screenshot(again, 'dashboard-overflow-light');
    const dark = await openDashboard('as=po&theme=dark');
    await dark.locator('[data-testid="overflow-decision"]').waitFor();
    await dark.waitForSelector('[data-testid="burn"] .recharts-surface');
    await e2e.screenshot(dark, 'dashboard-overflow-dark');
  });

  it('tells dev, once Jira refuses their decision, that the product owner records the overflow, and the banner goes once the sprint is back within budget', async () => {
    await saveAllocation(1);
    // No decision recorded yet for this sprint (the test before recorded one): forget it.
    const sprintId = (await dashboard()).sprint?.id ?? NaN;
    await e2e.app.preview.store.delete(keys.overflow('SUP', sprintId));
    const dev = await openDashboard('as=dev');
    await dev.getByRole('button', { name: 'Refresh' }).click();
    // Whether dev may record it is not asked up front (issue 13: 3 points a view): Jira answers when dev tries.
    const form = dev.locator('[data-testid="overflow-banner"]');
    await form.getByRole('radio', { name: /Swap out planned work/ }).check();
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await dev.locator('[data-testid="overflow-read-only"]').waitFor();
    expect(await dev.textContent('[data-testid="overflow-banner"]')).toContain('needs the Schedule Issues permission in SUP');
    await e2e.screenshot(dev, 'dashboard-overflow-refused');
    expect(await dev.textContent('[data-testid="overflow-banner"]')).toContain('over its support budget');
    expect(await dev.locator('[data-testid="overflow-banner"] input[type="radio"]').count()).toBe(0);
    expect(await dev.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
    expect(await dev.getByRole('button', { name: 'Change the decision' }).count()).toBe(0);
    await saveAllocation(20);
    const back = await refreshedDashboard();
    await back.waitForSelector('[data-testid="sprint-status"]');
    expect((await dashboard()).sprint?.status).not.toBe('over');
    expect(await back.locator('[data-testid="overflow-banner"], [data-testid="overflow-decision"]').count()).toBe(0);
  });

  it('without an active sprint says so and still shows the history; without history says that too', async () => {
    // The demo site always has an active sprint, so the answer is rewritten on its way to the page.
    const page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
    let withoutHistory = false;
    await page.route('**/__forge/invoke', async (route) => {
      // Only the dashboard's own answer is rewritten (the Next sprint block asks dashboard.canAdopt too).
      if ((route.request().postDataJSON() as { functionKey?: string } | null)?.functionKey !== 'dashboard.get') return route.continue();
      const fetched = await route.fetch().then(async (response) => ({ response, envelope: (await response.json()) as Envelope<DashboardView> })).catch(() => null);
      // The page reloaded or closed while the answer was on its way: nothing is waiting for it.
      if (!fetched) return route.abort().catch(() => undefined);
      const { response, envelope } = fetched;
      if (!envelope.ok) return route.fulfill({ response });
      const data: DashboardView = {
        ...envelope.data,
        sprint: null,
        message: 'No sprint is active on SUP board. Start a sprint in Jira to track its support budget; the history of closed sprints is below.',
        history: withoutHistory ? { ...envelope.data.history, rows: [], recommendation: { pct: null, explanation: 'No closed sprints yet.' } } : envelope.data.history,
      };
      return route.fulfill({ response, json: { ok: true, data } });
    });
    await page.goto(`${e2e.app.preview.url}/dashboard/SUP?as=po`);
    await page.locator('[data-testid="no-sprint"]').waitFor();
    expect(await page.textContent('[data-testid="no-sprint"]')).toContain('No sprint is active on SUP board');
    expect(await page.locator('[data-testid="figure-budget"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="recommendation"]')).toContain('Support took');
    expect(await page.locator('[data-testid="history"]').getByRole('button', { name: 'Export CSV' }).count()).toBe(1);
    await e2e.screenshot(page, 'dashboard-no-sprint');
    withoutHistory = true;
    await page.reload();
    await page.locator('[data-testid="no-sprint"]').waitFor();
    expect(await page.textContent('[data-testid="history"]')).toContain('No closed sprints yet');
    expect(await page.locator('[data-testid="history"]').getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
    await page.close();
  });

  it('shows an outsider a plain not-found message and no figures', async () => {
    const page = await e2e.open('/dashboard/SUP?as=outsider');
    await page.waitForSelector('text=Not available');
    const text = (await page.textContent('#root')) ?? '';
    expect(text).toContain('Project SUP is not visible to you');
    expect(await page.locator('[data-testid="figure-budget"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await e2e.screenshot(page, 'dashboard-outsider');
  });
});
