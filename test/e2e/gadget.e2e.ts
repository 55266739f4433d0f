/**
 * The dashboard gadget (`jira:dashboardGadget`, issue 12 item 12) in Chromium, in both themes: its
 * view mode shows the configured project's current sprint — used of budget, status, forecast,
 * untriaged count, support contact, the way to the project page — with the project page's own
 * numbers; its edit mode offers only projects the viewer may browse and saves the choice with
 * `view.submit`, after which the gadget shows that project; a gadget nobody configured asks to be
 * edited; someone who may not browse the configured project sees no numbers.
 */
import type { Page } from 'playwright-core';
import { startE2e, type E2e } from './harness';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(() => e2e.close());

async function openGadget(path: string, width = 480): Promise<Page> {
  return e2e.open(path, { beforeLoad: (p) => p.setViewportSize({ width, height: 280 }) });
}

/** The project page's numbers, as the page shows them, for comparing with the gadget's. */
async function dashboardFigures(project: string): Promise<{ status: string }> {
  const page = await e2e.open(`/dashboard/${project}?as=po`);
  await page.waitForSelector('[data-testid="dashboard"]', { timeout: 30_000 });
  return { status: (await page.getByTestId('sprint-status').textContent()) ?? '' };
}

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  const themed = (path: string) => `${path}${path.includes('?') ? '&' : '?'}${theme === 'dark' ? 'theme=dark' : ''}`.replace(/[?&]$/, '');

  it('shows one project’s current sprint: used of budget, status, forecast, untriaged, support contact, link to the project page', async () => {
    const { status } = await dashboardFigures('SUP'); // measures the sprint, as the hourly rollup would
    const page = await openGadget(themed('/gadget/SUP?as=dev'));
    await page.getByTestId('gadget').waitFor();
    expect(await page.evaluate<string | null>("document.documentElement.getAttribute('data-color-mode')")).toBe(theme);
    expect(await page.getByTestId('gadget-used').textContent()).toMatch(/^\d+(\.\d)? h of \d+(\.\d)? h used · \d+%$/);
    expect(await page.getByTestId('gadget-status').textContent()).toBe(status);
    expect(await page.getByTestId('gadget-forecast').textContent()).toMatch(/^\d+(\.\d)? h by [A-Z][a-z]{2} \d+$/);
    expect(await page.getByTestId('gadget-untriaged').textContent()).toMatch(/^(None|\d+ tickets? without a decision)$/);
    expect(await page.getByTestId('gadget-support-contact').textContent()).not.toBe('');
    const link = page.getByTestId('gadget-project-page');
    expect(await link.textContent()).toBe('Open the SUP support budget');
    expect(await link.getAttribute('href')).toMatch(/\/jira\/software\/projects\/SUP\/apps\/preview-app\/preview-env$/);
    expect(await page.getByRole('meter', { name: 'Support budget used' }).count()).toBe(1);
    await e2e.screenshot(page, `gadget-${theme}`);
  });

  it('edit mode offers only projects the viewer may browse, and saving shows the chosen project', async () => {
    const page = await openGadget(themed('/gadget/SUP/edit?as=po'));
    const group = page.getByRole('group', { name: 'Project' });
    await group.waitFor();
    const offered = await group.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('value') ?? ''));
    expect(offered.sort()).toEqual(['SUP', 'TEAM']);
    expect(await page.getByRole('radio', { name: /\(SUP\)$/ }).isChecked()).toBe(true); // the saved project is preselected
    await e2e.screenshot(page, `gadget-edit-${theme}`);

    await page.getByRole('radio', { name: /\(TEAM\)$/ }).check();
    await Promise.all([page.waitForURL(/\/gadget\/TEAM/), page.getByRole('button', { name: 'Save' }).click()]);
    expect(new URL(page.url()).searchParams.get('theme')).toBe(theme === 'dark' ? 'dark' : null);
    await page.getByTestId('gadget').waitFor();
    expect(await page.getByTestId('gadget').textContent()).toContain('TEAM');
  });
});

it('edit mode tells someone who may browse no project so, instead of an empty choice; they see no numbers either', async () => {
  const edit = await openGadget('/gadget/edit?as=outsider');
  await edit.getByText('No project to show').waitFor();
  expect(await edit.getByRole('radio').count()).toBe(0);
  expect(await edit.getByRole('button', { name: 'Save' }).count()).toBe(0);

  const view = await openGadget('/gadget/SUP?as=outsider');
  await view.getByText('Not available').waitFor();
  expect(await view.getByTestId('gadget').count()).toBe(0);
  expect(await view.getByRole('meter').count()).toBe(0);
});

it('a gadget nobody configured yet asks to be edited, at a narrow width', async () => {
  const page = await openGadget('/gadget?as=po&theme=dark', 380);
  await page.getByText('Choose a project').waitFor();
  expect(await page.textContent('main')).toContain('choose Edit');
  await e2e.screenshot(page, 'gadget-unconfigured-dark');
});

it('the preview’s index lists the gadget’s pages, issues of both demo projects and the issue context of every issue it lists', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.app.preview.url}/`);
  const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  await page.close();
  for (const path of ['/gadget/SUP?as=po', '/gadget/TEAM/edit?as=admin&theme=dark', '/gadget?as=po', '/gadget/edit?as=po']) expect(hrefs).toContain(path);
  const panels = hrefs.filter((h) => /^\/panel\/[A-Z]+-\d+\?as=po$/.test(h));
  // Issues of both demo projects.
  expect(panels.some((h) => h.startsWith('/panel/SUP-'))).toBe(true);
  expect(panels.some((h) => h.startsWith('/panel/TEAM-'))).toBe(true);
  for (const panel of panels) expect(hrefs).toContain(panel.replace('/panel/', '/context/'));
});
