/**
 * Jira's theme in Chromium. The app takes its theme from Jira only, through `view.theme.enable()`:
 * the bridge stand-in then does what Jira does (puts the token stylesheets and `data-color-mode` on
 * the page, and follows later switches). Each surface opened dark really is dark — the attribute, the
 * colours the page paints, Jira's token stylesheet and no second copy of the app's own — and light
 * stays light; a switch of Jira's theme, even one that comes while the app is still loading, is followed. Screenshots: artifacts/screenshots/theme-*.png.
 */
import type { Page } from 'playwright-core';
import { startE2e, SUPPORT_TICKET, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

/** Relative luminance (0 black … 1 white) of a computed CSS colour, `rgb(…)` or `rgba(…)`. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  if (r === undefined || g === undefined || b === undefined) throw new Error(`Not a colour: ${css}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

interface Look {
  readonly colorMode: string | null;
  readonly body: string;
  readonly text: string;
  /** Colour theme stylesheets on the page (`<style data-theme="light|dark">`). */
  readonly colourSheets: string[];
}

// Browser-side code is written as strings: the tests compile without the DOM library.
const LOOK = `({
  colorMode: document.documentElement.getAttribute('data-color-mode'),
  body: getComputedStyle(document.body).backgroundColor,
  text: getComputedStyle(document.body).color,
  colourSheets: [...document.querySelectorAll('style[data-theme]')].map((s) => s.getAttribute('data-theme')).filter((t) => t === 'light' || t === 'dark'),
})`;
const look = (page: Page): Promise<Look> => page.evaluate<Look>(LOOK);
const setTheme = (page: Page, mode: 'light' | 'dark'): Promise<void> => page.evaluate<void>(`window.__preview.setTheme(${JSON.stringify(mode)})`);
/** A computed style of the first element matching `selector`. */
const computed = (page: Page, selector: string, property: 'backgroundColor' | 'color'): Promise<string> =>
  page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);

function expectDark(l: Look): void {
  expect(l.colorMode).toBe('dark');
  expect(luminance(l.body)).toBeLessThan(0.05);
  expect(luminance(l.text)).toBeGreaterThan(0.5);
  expect(l.colourSheets).toContain('dark');
}

function expectLight(l: Look): void {
  expect(l.colorMode).toBe('light');
  expect(luminance(l.body)).toBeGreaterThan(0.9);
  expect(luminance(l.text)).toBeLessThan(0.1);
  expect(l.colourSheets).toContain('light');
}

async function panel(query: string, options?: Parameters<E2e['open']>[1]): Promise<Page> {
  const key = await e2e.issueKey(SUPPORT_TICKET);
  const page = await e2e.open(`/panel/${key}?as=po${query}`, options);
  await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  return page;
}

async function dashboard(query: string): Promise<Page> {
  const page = await e2e.open(`/dashboard/SUP?as=po${query}`);
  await page.waitForSelector('[data-testid="burn"] .recharts-surface', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="history"] .recharts-surface');
  return page;
}

it('the issue panel opened in the dark theme is dark: attribute, Jira’s dark tokens and the colours painted', async () => {
  const page = await panel('&theme=dark');
  const l = await look(page);
  expectDark(l);
  // Jira's dark tokens, once: the app adds no second copy of its own.
  expect(l.colourSheets).toEqual(['dark']);
  // A card inside the panel is dark too (a raised surface), with light text on it.
  const card = 'section[aria-labelledby="ib-verdict-heading"]';
  expect(luminance(await computed(page, card, 'backgroundColor'))).toBeLessThan(0.05);
  expect(luminance(await computed(page, card, 'color'))).toBeGreaterThan(0.5);
  await page.setViewportSize({ width: 560, height: 900 });
  await e2e.screenshot(page, 'theme-panel-dark');
});

it('the dashboard opened in the dark theme is dark', async () => {
  const page = await dashboard('&theme=dark');
  const l = await look(page);
  expectDark(l);
  expect(l.colourSheets).toEqual(['dark']);
  expect(luminance(await computed(page, '[data-testid="figure-budget"]', 'color'))).toBeGreaterThan(0.5);
  await e2e.screenshot(page, 'theme-dashboard-dark');
});

it('the light theme stays light, on the panel and the dashboard', async () => {
  for (const page of [await panel(''), await dashboard('')]) {
    const l = await look(page);
    expectLight(l);
    expect(l.colourSheets).toEqual(['light']);
  }
});

it('follows Jira when the user switches theme while the panel is open', async () => {
  const page = await panel('&theme=dark');
  expectDark(await look(page));
  await setTheme(page, 'light');
  expectLight(await look(page));
  await setTheme(page, 'dark');
  expectDark(await look(page));
});

it('a theme switch that arrives while the app is still loading wins over the theme the frame opened with', async () => {
  // A slow connection to the app's own files (Forge's CDN): every script of the build takes 700 ms.
  // Jira opens the frame dark, and the user switches Jira to light just after the app enabled
  // theming. Jira's theme is light, so the page must end light: nothing may re-apply the stale
  // `context.theme` (dark) once its own code arrives.
  const page = await panel('&theme=dark', {
    beforeLoad: async (p) => {
      await p.route('**/assets/*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        await route.continue();
      });
      await p.addInitScript(`
        let switched = false;
        window.addEventListener('preview:bridge', (event) => {
          if (switched || event.detail.command !== 'enableTheming') return;
          switched = true;
          void window.__preview.setTheme('light');
        });`);
    },
  });
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate<string>('window.__preview.colorMode')).toBe('light');
  expectLight(await look(page));
});
