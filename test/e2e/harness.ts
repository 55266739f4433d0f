/**
 * One preview (simulator + preview server on free ports) and one headless Chromium per test file.
 * Screenshots go to `artifacts/screenshots/` — look at them.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalApp, type Started } from '../../dev/preview/start';

export const ARTIFACTS = resolve(__dirname, '..', '..', 'artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2e {
  readonly app: Started;
  readonly browser: Browser;
  /**
   * Open a preview page (e.g. `/panel/SUP-254?as=po`) and wait until the app has rendered.
   * `beforeLoad` runs on the new page before it navigates (e.g. to `page.route` the app's requests).
   */
  open(path: string, options?: { beforeLoad?: (page: Page) => Promise<void> }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  const app = await startLocalApp({}, { preview: 0, sim: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const pages: Page[] = [];
  return {
    app,
    browser,
    async open(path, options = {}) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      pages.push(page);
      page.on('pageerror', (error) => {
        throw error;
      });
      await options.beforeLoad?.(page);
      await page.goto(`${app.preview.url}${path}`);
      await page.waitForSelector('#root > *');
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await Promise.all(pages.map((p) => p.close()));
      await browser.close();
      await app.close();
    },
  };
}
