/**
 * The dashboard's native look and access (issue 12, item 10): chart legends readable in both themes
 * (WCAG AA, ≥ 4.5:1 for text), the sprint picker is Atlaskit's Select, and the history table fits a
 * 1,280 px screen so its last column, "Net new defects", is visible without scrolling sideways.
 */
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

/**
 * Every legend label's contrast against the surface it is drawn on, measured in the page: the text's
 * computed colour against the first opaque background among its ancestors (WCAG 2 relative luminance).
 */
async function legendContrasts(page: Page): Promise<Array<{ label: string; ratio: number }>> {
  return page.evaluate(() => {
    const rgb = (css: string): [number, number, number, number] => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`Unexpected colour ${css}`);
      const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: Element | null): [number, number, number, number] => {
      for (let at = el; at; at = at.parentElement) {
        const c = rgb(getComputedStyle(at).backgroundColor);
        if (c[3] === 1) return c;
      }
      return rgb(getComputedStyle(document.body).backgroundColor);
    };
    return Array.from(document.querySelectorAll('[data-legend-label]')).map((el) => {
      const fg = luminance(rgb(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      return { label: el.getAttribute('data-legend-label') ?? '', ratio };
    });
  });
}

describe.each(['light', 'dark'] as const)('dashboard look, %s theme', (theme) => {
  it('draws every chart legend label at 4.5:1 or more against its surface', async () => {
    const page = await e2e.open(`/dashboard/SUP?as=po&theme=${theme}`);
    await page.waitForSelector('[data-testid="history"] [data-legend-label]');
    await page.waitForSelector('[data-testid="burn"] [data-legend-label]');
    const contrasts = await legendContrasts(page);
    expect(contrasts.map((c) => c.label)).toEqual(expect.arrayContaining(['Forecast', 'Untriaged', 'Allocated (hours)']));
    for (const c of contrasts) expect({ label: c.label, ok: c.ratio >= 4.5 }).toEqual({ label: c.label, ok: true });
    await e2e.screenshot(page, `dashboard-look-${theme}`);
  });

  it('offers the sprints in an Atlaskit Select that searches as you type', async () => {
    const page = await e2e.open(`/dashboard/SUP?as=po&theme=${theme}`);
    const input = page.getByLabel('Sprint', { exact: true });
    await input.fill('Sprint 1');
    const menu = page.locator('[data-testid="sprint-picker"]');
    await menu.getByText('SUP Sprint 12', { exact: true }).waitFor();
    await e2e.screenshot(page, `dashboard-sprint-picker-${theme}`);
    await input.fill('12');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="budget"]')?.textContent?.includes('SUP Sprint 12'));
    expect(await page.textContent('[data-testid="budget"]')).toContain('closed');
  });
});

it('fits the history table on a 1,280 px screen: "Net new defects" is visible without scrolling sideways', async () => {
  const page = await e2e.open('/dashboard/SUP?as=po');
  await page.setViewportSize({ width: 1280, height: 900 });
  const history = page.locator('[data-testid="history"]');
  await history.getByRole('button', { name: 'Table' }).click();
  const header = page.locator('[data-testid="history-table"] thead th', { hasText: 'Net new defects' });
  const region = history.getByRole('region');
  const [cell, frame] = await Promise.all([header.boundingBox(), region.boundingBox()]);
  if (!cell || !frame) throw new Error('history table not laid out');
  expect(cell.x + cell.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
  expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await e2e.screenshot(page, 'dashboard-history-1280');
});
