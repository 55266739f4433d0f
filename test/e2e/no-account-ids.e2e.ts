/**
 * No page of the preview shows an account id (issue 12, item 1): every surface, as admin and as a
 * developer, light and dark, is scanned — its visible text and every `title`, `aria-label` and `alt`
 * attribute — for Atlassian account-id shapes. People show by name with an avatar instead, "you"
 * for the viewer, and the deleted former product owner as "Former user". Screenshots:
 * artifacts/screenshots/people-*.png.
 *
 * SURFACES is the list to extend: a surface the preview does not serve (404) is skipped, so pages
 * other branches add (`/context/<KEY>`, `/gadget/<PROJECT>`) are scanned as soon as they exist.
 */
import type { Page } from 'playwright-core';
import { loginUser } from '../../dev/sim/site/users';
import { storeSettings } from '../../src/app/storage/settings-repository';
import { defaultSettings } from '../../src/app/settings/project-settings';
import { startE2e, SUPPORT_TICKET, type E2e } from './harness';

let e2e: E2e;
/** Issue keys found on the simulator (the seed numbers issues by date, so tests ask). */
let issues: { former: string; deferred: string; open: string; team: string };

const ids = (login: 'admin' | 'po' | 'dev') => loginUser(login).accountId;

beforeAll(async () => {
  e2e = await startE2e();
  // A rotation, so every page has people to name: SUP's contact is the developer (the roster's first).
  const roster = [ids('dev'), ids('po'), ids('admin'), '5b10a2844c20165700ede21g'];
  await storeSettings(e2e.app.preview.store, 'SUP', { ...defaultSettings(), revision: 1, rotation: { roster, overrides: {} }, updatedBy: ids('admin'), updatedAt: '2026-11-20T10:00:00.000Z' });
  issues = {
    former: await e2e.issueKey('project = SUP AND summary ~ "Recurring nightly batch failures"'),
    deferred: await e2e.issueKey('project = SUP AND issue.property[interruptBudget].outcome = "backlog"'),
    open: await e2e.issueKey(SUPPORT_TICKET),
    team: await e2e.issueKey('project = TEAM AND statusCategory != Done'),
  };
}, 60_000);
afterAll(() => e2e.close());

/** Every surface the preview serves (or may serve): extend this list as surfaces are added. */
const SURFACES: ReadonlyArray<{ readonly name: string; readonly path: () => string; readonly width?: number; readonly app?: false }> = [
  { name: 'panel-former-decider', path: () => `/panel/${issues.former}`, width: 380 },
  { name: 'panel-deferred', path: () => `/panel/${issues.deferred}`, width: 380 },
  { name: 'panel-open', path: () => `/panel/${issues.open}`, width: 380 },
  { name: 'panel-team', path: () => `/panel/${issues.team}`, width: 380 },
  { name: 'context-former-decider', path: () => `/context/${issues.former}`, width: 380 },
  { name: 'dashboard-sup', path: () => '/dashboard/SUP' },
  { name: 'dashboard-team', path: () => '/dashboard/TEAM' },
  { name: 'gadget-sup', path: () => '/gadget/SUP' },
  { name: 'settings-sup', path: () => '/settings/SUP' },
  { name: 'index', path: () => '/', app: false },
];

/**
 * Atlassian account ids: the `557058:`/`712020:` forms (a number, a colon, a UUID), the older 24
 * characters of letters and digits (`5b10a2844c20165700ede21g`), `qm:` ids, and the old "user 5b10a284"
 * short form.
 */
export const ACCOUNT_ID_PATTERNS: readonly RegExp[] = [
  /\b\d{6}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
  /\b\d{6}:[0-9a-f]{4,}/i,
  /\b(?=[a-z]*\d)(?=\d*[a-z])[0-9a-z]{24}\b/i,
  /\bqm:[0-9a-f-]{6,}/i,
  /\buser [0-9a-f]{8}\b/i,
];

interface Found {
  readonly where: string;
  readonly text: string;
}

// Browser-side code is a string: the tests compile without the DOM library.
const READ_PAGE = `(() => {
  const found = [{ where: 'text', text: document.body.innerText }];
  for (const el of document.querySelectorAll('[title], [aria-label], [alt], [aria-description]')) {
    for (const attr of ['title', 'aria-label', 'alt', 'aria-description']) {
      const value = el.getAttribute(attr);
      if (value) found.push({ where: el.tagName.toLowerCase() + '[' + attr + ']', text: value });
    }
  }
  return found;
})()`;

/** Everything a person reads or hears on the page that is an account id. */
async function accountIdsOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate<Found[]>(READ_PAGE);
  return texts.flatMap(({ where, text }) => ACCOUNT_ID_PATTERNS.flatMap((p) => (p.test(text) ? [`${where}: …${(p.exec(text)?.[0] ?? '')}…`] : [])));
}

/** Open a page and wait until it has loaded what it shows (no "Loading…" left, the network quiet). */
async function settled(path: string, width: number | undefined, app = true): Promise<Page | undefined> {
  const response = await fetch(`${e2e.app.preview.url}${path.split('?')[0]}`);
  if (response.status === 404) return undefined;
  if (!app) {
    // The index is the preview's own page, not the app: nothing to wait for.
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.app.preview.url}${path}`);
    return page;
  }
  const page = await e2e.open(path);
  if (width) await page.setViewportSize({ width, height: 900 });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(`!/Loading|Refreshing…|Updating/.test(document.body.innerText)`, undefined, { timeout: 20_000 });
  return page;
}

describe('no account id on any surface', () => {
  it('the patterns catch every account-id shape and pass names and issue keys', () => {
    const hit = (s: string) => ACCOUNT_ID_PATTERNS.some((p) => p.test(s));
    for (const id of ['712020:a8d41c77-2e90-4b1f-8c35-6f7e9d0b2c21', '557058:3c8e1f0a-6b2d-4e9a-8f7c-1d5e2a9b4c60', '5b10a2844c20165700ede21g', 'qm:0a1b2c3d-4e5f', 'user 5b10a284', 'user 712020:a8d41…']) expect({ id, hit: hit(id) }).toEqual({ id, hit: true });
    for (const text of ['Priya Shah', 'SUP-123', 'Former user', 'Recurring nightly batch failures', 'SUP Sprint 13', '23 Nov 2026, 09:00', 'interruptBudget']) expect({ text, hit: hit(text) }).toEqual({ text, hit: false });
  });

  describe.each(['admin', 'dev'] as const)('as %s', (as) => {
    it.each(['light', 'dark'] as const)('%s: every surface names people, never by account id', async (theme) => {
      const scanned: string[] = [];
      for (const surface of SURFACES) {
        const path = `${surface.path()}${surface.path().includes('?') ? '&' : '?'}as=${as}${theme === 'dark' ? '&theme=dark' : ''}`;
        const page = await settled(path, surface.width, surface.app !== false);
        if (!page) continue;
        expect({ page: path, accountIds: await accountIdsOn(page) }).toEqual({ page: path, accountIds: [] });
        scanned.push(surface.name);
        await page.close();
      }
      // The surfaces this branch knows are served; others (context, gadget) join when the preview serves them.
      expect(scanned).toEqual(expect.arrayContaining(['panel-former-decider', 'panel-deferred', 'panel-open', 'panel-team', 'dashboard-sup', 'dashboard-team', 'settings-sup', 'index']));
    }, 240_000);
  });
});

describe('people by name and avatar', () => {
  it.each(['light', 'dark'] as const)('the panel at 380 px (%s): the deleted decider is "Former user", the support contact by name with an avatar', async (theme) => {
    const page = await settled(`/panel/${issues.former}?as=po${theme === 'dark' ? '&theme=dark' : ''}`, 380);
    if (!page) throw new Error('the panel is not served');
    await expect(page.locator('[data-testid="decided-by"]').textContent()).resolves.toBe('Former user');
    // The interrupt's preview names the contact: the developer, first on the roster.
    const chooser = page.getByRole('radio', { name: /Interrupt/ }).first();
    if (await chooser.count()) await chooser.check({ force: true });
    await e2e.screenshot(page, `people-panel-380-${theme}`);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(380);
  }, 60_000);

  it.each(['light', 'dark'] as const)('the dashboard (%s): the support contact by avatar and name, the viewer as "you", deciders by name', async (theme) => {
    const asDev = await settled(`/dashboard/SUP?as=dev${theme === 'dark' ? '&theme=dark' : ''}`, undefined);
    if (!asDev) throw new Error('the dashboard is not served');
    await expect(asDev.locator('[data-testid="support-contact"] [data-person]').textContent()).resolves.toBe('you');
    const asPo = await settled(`/dashboard/SUP?as=po${theme === 'dark' ? '&theme=dark' : ''}`, undefined);
    if (!asPo) throw new Error('the dashboard is not served');
    const contact = asPo.locator('[data-testid="support-contact"] [data-person]');
    await expect(contact.textContent()).resolves.toBe('Dana Kim');
    // An avatar is drawn beside the name (Atlaskit's, an image or its default person icon).
    await expect(contact.locator('span[aria-hidden="true"] > *').count()).resolves.toBeGreaterThan(0);
    await e2e.screenshot(asPo, `people-dashboard-${theme}`);
  }, 60_000);

  it('the settings roster lists people by name and picks them with avatars as you type', async () => {
    const page = await settled('/settings/SUP?as=admin', undefined);
    if (!page) throw new Error('the settings page is not served');
    const roster = page.locator('[data-testid="rotation-roster"] [data-person]');
    await expect(roster.allTextContents()).resolves.toEqual(['Dana Kim', 'Priya Shah', 'Alex Morgan', 'Mia Krystof']);
    await page.getByRole('button', { name: 'Remove Mia Krystof from the rotation' }).click();
    const input = page.getByLabel('Add a person to the rotation');
    await input.fill('Mi');
    const option = page.getByRole('option', { name: /Mia Krystof/ });
    await option.waitFor();
    // Each option shows its avatar: the simulator's image of Mia's initials, loaded.
    await expect(option.locator('img').first().getAttribute('src')).resolves.toMatch(/\/secure\/useravatar\?.*ownerId=/);
    await page.waitForFunction(`[...document.querySelectorAll('[role="option"] img')].some((i) => i.complete && i.naturalWidth > 0)`, undefined, { timeout: 10_000 });
    await e2e.screenshot(page, 'people-settings-picker');
    await option.click();
    await expect(roster.allTextContents()).resolves.toEqual(['Dana Kim', 'Priya Shah', 'Alex Morgan', 'Mia Krystof']);
  }, 60_000);
});
