/**
 * The history table fits a 1,280 px Jira page (issue 12, item 10, the dashboard part): every column,
 * "Net new defects" last, is in view without scrolling the table sideways, in both themes.
 */
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

describe.each(['light', 'dark'] as const)('in the %s theme at 1,280 px', (theme) => {
  it('the history table shows every column, Net new defects included, without sideways scrolling', async () => {
    const page = await e2e.open(`/dashboard/SUP?as=po${theme === 'dark' ? '&theme=dark' : ''}`, { beforeLoad: (p) => p.setViewportSize({ width: 1280, height: 900 }) });
    await page.waitForSelector('[data-testid="dashboard"]', { timeout: 30_000 });
    const history = page.locator('[data-testid="history"]');
    await history.getByRole('button', { name: 'Table' }).click();
    const table = page.getByTestId('history-table');
    await table.waitFor();
    const header = table.getByRole('columnheader', { name: 'Net new defects' });
    expect(await header.count()).toBe(1);
    // Browser-side code is a string: the tests compile without the DOM library.
    const fit = await page.evaluate<{ scrolls: boolean; lastRight: number; regionRight: number; pageScrolls: boolean }>(`(() => {
      const table = document.querySelector('[data-testid="history-table"]');
      const region = table.parentElement;
      const last = table.querySelector('thead th:last-child');
      return {
        scrolls: region.scrollWidth > region.clientWidth + 1,
        lastRight: last.getBoundingClientRect().right,
        regionRight: region.getBoundingClientRect().right,
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    })()`);
    expect(fit).toEqual({ scrolls: false, lastRight: expect.any(Number), regionRight: expect.any(Number), pageScrolls: false });
    expect(fit.lastRight).toBeLessThanOrEqual(fit.regionRight + 0.5);
    await header.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${__dirname}/../../artifacts/screenshots/dashboard-history-${theme}.png` });
  });
});
