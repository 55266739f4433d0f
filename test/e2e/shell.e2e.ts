/** The app shell in Chromium: each surface loads its own view through the bridge stand-in. */
import { startE2e, SUPPORT_TICKET, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

it.each([
  ['/panel/<a support incident>?as=po', 'panel'],
  ['/dashboard/SUP?as=po', 'dashboard'],
  ['/settings/SUP?as=admin', 'settings'],
])('%s renders the %s view', async (path, name) => {
  const page = await e2e.open(path.replace('<a support incident>', await e2e.issueKey(SUPPORT_TICKET)));
  if (name === 'panel') await page.getByRole('region', { name: 'Policy verdict' }).waitFor();
  await e2e.screenshot(page, `shell-${name}`);
  expect(await page.textContent('#root')).toBeTruthy();
});
