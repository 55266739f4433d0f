/**
 * Issue 12, item 2 (triage noise), at Jira's issue-panel width (380 px) in both themes: a Story gets
 * no verdict and no Apply, but the reason (the support filter) — with a link to widen the filter for
 * a project admin and "ask a project admin" for a developer; a Done ticket shows its status and
 * offers nothing that moves it. The server refuses apply on both whatever the page shows.
 */
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

async function openPanel(key: string, as: 'admin' | 'po' | 'dev', theme: 'light' | 'dark'): Promise<Page> {
  const page = await e2e.open(`/panel/${key}?as=${as}${theme === 'dark' ? '&theme=dark' : ''}`, { beforeLoad: (p) => p.setViewportSize({ width: 380, height: 900 }) });
  await page.getByTestId('ticket-status').waitFor();
  return page;
}

/** No outcome buttons, no Apply, no "what applying will do". */
async function expectNothingToApply(page: Page): Promise<void> {
  expect(await page.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Interrupt now', exact: true }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'What applying will do' }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Policy verdict' }).count()).toBe(0);
}

describe.each(['light', 'dark'] as const)('%s theme, 380 px', (theme) => {
  it('a Story: the policy does not apply, says why, and the admin gets the link to widen the support filter', async () => {
    const key = await e2e.issueKey('project = SUP AND issuetype = Story AND labels != support AND statusCategory != Done');
    const page = await openPanel(key, 'admin', theme);
    const notice = page.getByTestId('scope-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`The interrupt policy applies to support tickets only, and ${key} is a Story without a support label: the support filter takes Bug, Incident, Support request`);
    await expectNothingToApply(page);
    const link = page.getByTestId('widen-filter');
    expect(await link.getAttribute('href')).toMatch(/\/jira\/software\/projects\/SUP\/settings\/apps\/preview-app\/preview-env$/);
    await e2e.screenshot(page, `scope-story-admin-${theme}`);
  });

  it('a Story as a developer: the same reason, no settings link, "ask a project admin"', async () => {
    const key = await e2e.issueKey('project = SUP AND issuetype = Story AND labels != support AND statusCategory != Done');
    const page = await openPanel(key, 'dev', theme);
    const notice = page.getByTestId('scope-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('ask a project admin to widen the support filter');
    expect(await page.getByTestId('widen-filter').count()).toBe(0);
    await expectNothingToApply(page);
  });

  it('a Done support ticket: its status in the facts, nothing that moves it', async () => {
    const key = await e2e.issueKey('project = SUP AND issuetype in (Bug, Incident, "Support request") AND statusCategory = Done');
    const page = await openPanel(key, 'po', theme);
    const status = (await page.getByTestId('ticket-status').textContent()) ?? '';
    expect(status).toMatch(/^(Done|Resolved)$/);
    const notice = page.getByTestId('scope-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`${key} is ${status === 'Done' ? 'done' : `${status} (done)`}: there is nothing left to triage, so nothing here moves it into or out of a sprint.`);
    await expectNothingToApply(page);
    expect(await page.getByText(/Move into/).count()).toBe(0);
    await e2e.screenshot(page, `scope-done-${theme}`);
  });
});

it('the server refuses apply on a Story even when a client sends it, and Jira is not written', async () => {
  const key = await e2e.issueKey('project = SUP AND issuetype = Story AND labels != support AND statusCategory != Done');
  await fetch(`${e2e.app.siteUrl}/__sim/requests`, { method: 'DELETE' });
  const response = await fetch(`${e2e.app.preview.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Preview-User': 'po' },
    body: JSON.stringify({ functionKey: 'panel.applyDecision', payload: { outcome: 'interrupt', reason: 'Pull it in anyway.', basedOn: null }, extension: { type: 'jira:issuePanel', issue: { key }, project: { key: 'SUP' } }, moduleKey: 'triage-panel' }),
  });
  const answer = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(answer.error?.message).toMatch(/^The interrupt policy applies to support tickets only, [^]*Nothing was applied\.$/);
  const log = (await (await fetch(`${e2e.app.siteUrl}/__sim/requests`)).json()) as { method: string; path: string }[];
  expect(log.filter((r) => r.method !== 'GET' && !r.path.includes('/search'))).toEqual([]);
});
