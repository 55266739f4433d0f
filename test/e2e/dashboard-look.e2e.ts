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

/** `rgb(…)` / `rgba(…)` as computed by Chromium → [r, g, b, alpha]. */
function rgb(css: string): [number, number, number, number] {
  const parts = /rgba?\(([^)]+)\)/.exec(css)?.[1]?.split(/[ ,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3) throw new Error(`Unexpected colour ${css}`);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c = 0) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Every legend label's contrast against the surface it is drawn on: the text's computed colour
 * against the first opaque background among its ancestors, read in the page, compared here.
 */
async function legendContrasts(page: Page): Promise<Array<{ label: string; ratio: number }>> {
  const colours = await page.evaluate<Array<{ label: string; fg: string; bg: string }>>(`(() => {
    const background = (el) => {
      for (let at = el; at; at = at.parentElement) {
        const c = getComputedStyle(at).backgroundColor;
        if (c.startsWith('rgb(')) return c; // opaque; Chromium writes any alpha as rgba(…)
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    return Array.from(document.querySelectorAll('[data-legend-label]')).map((el) => ({
      label: el.getAttribute('data-legend-label') || '',
      fg: getComputedStyle(el).color,
      bg: background(el),
    }));
  })()`);
  return colours.map(({ label, fg, bg }) => {
    const [a, b] = [luminance(rgb(fg)), luminance(rgb(bg))];
    return { label, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
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
    await page.waitForFunction(`document.querySelector('[data-testid="budget"]')?.textContent?.includes('SUP Sprint 12')`);
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
