/**
 * The dashboard's sprint picker is Atlaskit's Select (issue 12, item 10, the dashboard part): labelled
 * "Sprint", it searches as you type and a keyboard alone picks a closed sprint, which the dashboard
 * then shows; in Jira's light and dark themes.
 */
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  it('searches the sprints as you type and shows the one picked with the keyboard', async () => {
    const page = await e2e.open(`/dashboard/SUP?as=dev${theme === 'dark' ? '&theme=dark' : ''}`, { beforeLoad: (p) => p.setViewportSize({ width: 1280, height: 900 }) });
    await page.waitForSelector('[data-testid="dashboard"]', { timeout: 30_000 });
    const picker = page.getByRole('combobox', { name: 'Sprint' });
    expect(await page.getByTestId('sprint-picker').textContent()).toContain('(active)');

    await picker.focus();
    await page.keyboard.type('Sprint 1');
    const options = page.getByRole('option');
    await options.first().waitFor();
    const names = await options.allTextContents();
    expect(names.length).toBeGreaterThan(1);
    expect(names.every((n) => n.includes('Sprint 1'))).toBe(true);
    await page.keyboard.type('1');
    expect(await page.getByRole('option').allTextContents()).toEqual(['SUP Sprint 11']);
    await e2e.screenshot(page, `dashboard-sprint-picker-${theme}`);
    await page.keyboard.press('Enter');

    await page.waitForSelector('[data-testid="figure-left"]');
    expect(await page.textContent('[data-testid="budget"]')).toContain('SUP Sprint 11');
    expect(await page.getByTestId('sprint-picker').textContent()).toContain('SUP Sprint 11');
  });
});
