/**
 * The dashboard's chart legends are readable (issue 12, item 10, the dashboard part): every legend
 * label's text has a contrast of at least 4.5:1 (WCAG AA for normal text) against what it is drawn on,
 * in Jira's light and dark themes, as Chromium computes the colours. The series colours stay on the
 * legend's swatches, where a 3:1 graphics contrast is what counts, not on its words.
 */
import type { Page } from 'playwright-core';
import { ARTIFACTS, startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

/**
 * Each legend label's text, its colour and background as computed, and their WCAG contrast ratio.
 * (Browser-side code is a string: the tests compile without the DOM library.)
 */
async function legendContrasts(page: Page): Promise<Array<{ text: string; ratio: number }>> {
  return page.evaluate<Array<{ text: string; ratio: number }>>(`(() => {
    const rgba = (css) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const [r = 0, g = 0, b = 0, a = 1] = m[1].split(/[,\\s/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const background = (el) => {
      for (let node = el; node; node = node.parentElement) {
        const [r, g, b, a] = rgba(getComputedStyle(node).backgroundColor);
        if (a > 0) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const luminance = ([r, g, b]) => {
      const lin = (c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    return [...document.querySelectorAll('.recharts-legend-item-text')].map((el) => {
      // The innermost element holding the words: its own colour is what the reader sees.
      const words = el.querySelector('*:not(:has(*))') || el;
      const [r, g, b, a] = rgba(getComputedStyle(words).color);
      const bg = background(words);
      const fg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      return { text: el.textContent || '', ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 };
    });
  })()`);
}

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  it('every legend label of the burn and history charts has a text contrast of at least 4.5:1', async () => {
    const page = await e2e.open(`/dashboard/SUP?as=po${theme === 'dark' ? '&theme=dark' : ''}`, { beforeLoad: (p) => p.setViewportSize({ width: 1280, height: 900 }) });
    await page.waitForSelector('[data-testid="dashboard"]', { timeout: 30_000 });
    await page.waitForSelector('.recharts-legend-item-text', { timeout: 30_000 });
    await page.waitForFunction("document.querySelectorAll('.recharts-legend-wrapper').length >= 2", undefined, { timeout: 30_000 });
    const labels = await legendContrasts(page);
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Sanctioned interrupts', 'Untriaged', 'Budget', 'Forecast']));
    const low = labels.filter((l) => l.ratio < 4.5);
    expect(low).toEqual([]);
    await page.locator('.recharts-legend-wrapper').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-legend-${theme}.png` });
  });
});
