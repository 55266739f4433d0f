/** The app shell in Chromium: each surface loads its own view through the bridge stand-in. */
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

it.each([
  ['/panel/SUP-254?as=po', 'panel'],
  ['/dashboard/SUP?as=po', 'dashboard'],
  ['/settings/SUP?as=admin', 'settings'],
])('%s renders the %s view', async (path, name) => {
  const page = await e2e.open(path);
  await e2e.screenshot(page, `shell-${name}`);
  expect(await page.textContent('#root')).toBeTruthy();
});
