/**
 * One preview (simulator + preview server on free ports) and one headless Chromium per test file.
 * Screenshots go to `artifacts/screenshots/` — look at them.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalApp, type Started } from '../../dev/preview/start';
import type { Simulator } from '../../dev/sim';
import type { Envelope } from '../../src/contract';

export const ARTIFACTS = resolve(__dirname, '..', '..', 'artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** An open support incident: the panel shows it a full verdict (for `issueKey`). */
export const SUPPORT_TICKET = 'project = SUP AND issuetype = Incident AND statusCategory != Done';

/** The demo site's logins (`<name>@demo.test`, password `demo`). */
export type DemoLogin = 'po' | 'admin' | 'dev' | 'outsider';

export interface E2e {
  readonly app: Started;
  readonly browser: Browser;
  /**
   * The simulator behind the preview, in this process: for what a test needs and the seed does not
   * promise (more tickets of a kind, a status no REST call can set: the simulator runs no workflows).
   */
  readonly sim: Simulator;
  /**
   * Open a preview page (e.g. `/panel/SUP-12?as=po`) and wait until the app has rendered.
   * `beforeLoad` runs on the new page before it navigates (e.g. to `page.route` the app's requests).
   */
  open(path: string, options?: { beforeLoad?: (page: Page) => Promise<void> }): Promise<Page>;
  /**
   * The key of the newest issue matching `jql` on the simulator, asked as the product owner. Tests ask
   * instead of naming keys, so they say what kind of ticket they need (the seed is the same at every
   * anchor: dev/sim/seed/move-site.ts).
   */
  issueKey(jql: string): Promise<string>;
  /**
   * A REST call to the simulated Jira as one of the demo logins (default the product owner), to set up
   * or check what the app wrote: `{ status, json }` (json null for an empty body).
   */
  jira<T = unknown>(method: string, path: string, body?: unknown, as?: DemoLogin): Promise<{ status: number; json: T }>;
  /** A resolver call through the preview's bridge (as the page makes it), for SUP, as one of the demo logins. */
  invoke<T>(user: DemoLogin, functionKey: string, payload: object): Promise<Envelope<T>>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  const app = await startLocalApp({}, { preview: 0, sim: 0 });
  const sim = app.sim;
  if (!sim) throw new Error('The browser tests need the seeded simulator; unset JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN.');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const pages: Page[] = [];
  return {
    app,
    browser,
    sim,
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
    async issueKey(jql) {
      const response = await fetch(`${app.siteUrl}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ jql: `${jql} ORDER BY key DESC`, fields: ['summary'], maxResults: 1 }),
      });
      const key = ((await response.json()) as { issues?: Array<{ key: string }> }).issues?.[0]?.key;
      if (!key) throw new Error(`No issue on the simulator matches: ${jql}`);
      return key;
    },
    async jira<T = unknown>(method: string, path: string, body?: unknown, as: DemoLogin = 'po') {
      const response = await fetch(`${app.siteUrl}${path}`, {
        method,
        headers: { Authorization: `Basic ${Buffer.from(`${as}@demo.test:demo`).toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
    },
    async invoke<T>(user: DemoLogin, functionKey: string, payload: object) {
      const response = await fetch(`${app.preview.url}/__forge/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Preview-User': user },
        body: JSON.stringify({ functionKey, payload, extension: { project: { key: 'SUP' } } }),
      });
      return (await response.json()) as Envelope<T>;
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
