/**
 * `interrupt-budget report` and `preview`, end to end: the real command in a child process, on the
 * in-process demo site and on a "real" site reached through JIRA_BASE_URL (a simulator this test
 * starts), checking stdout, stderr and the exit code.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startSimulator, type Simulator } from '../dev/sim';
import type { DashboardView } from '../src/contract/dashboard';
import type { RetrospectiveView } from '../src/contract/retrospective';
import type { PolicyPreview } from '../src/contract/settings';

const run = promisify(execFile);
const root = resolve(__dirname, '..');
const NOW = '2026-11-23T09:00:00Z';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JIRA_')));
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin', 'interrupt-budget.cjs'), ...args], { cwd: root, env: { ...clean, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('interrupt-budget report', () => {
  it('prints the dashboard of the demo site for a person to read', async () => {
    const { stdout, stderr, code } = await cli(['report', '--project', 'SUP', '--now', NOW]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Interrupt Budget — SUP \(SUP board\), from the demo site/);
    expect(stdout).toContain('SUP Sprint 13 (active, 2026-11-16 → 2026-11-30)');
    expect(stdout).toContain('Capacity 300 h · support budget 60 h');
    // Nobody has set the demo project up: the report says the numbers are the defaults
    expect(stdout).toContain('Default settings: nobody has set this project up yet, so these numbers assume a team of 5 people × 6 focus hours a day and a 20 % support allocation.');
    expect(stdout).toMatch(/History \(last 6 closed sprints\):/);
    expect(stdout).toMatch(/Recommendation: Support took .*: reserve \d+%/);
  });

  it('prints the same numbers as JSON for machines, for a chosen sprint', async () => {
    const { stdout, code } = await cli(['report', '--project', 'SUP', '--sprint', '12', '--json', '--now', NOW]);
    expect(code).toBe(0);
    const view = JSON.parse(stdout) as DashboardView;
    expect(view.sprint).toMatchObject({ id: 12, state: 'closed', unit: 'hours', capacity: 300, budget: 60 });
    expect(view.history.rows).toHaveLength(6);
    expect(view.history.rows[5]?.used).toBe(view.sprint?.used.total);
  });

  it('adds a closed sprint\'s retrospective: in the JSON, and as Markdown after the text (issue 14, item 6)', async () => {
    const json = await cli(['report', '--project', 'SUP', '--sprint', '12', '--json', '--now', NOW]);
    const view = JSON.parse(json.stdout) as DashboardView & { retrospective: RetrospectiveView };
    expect(view.retrospective).toMatchObject({ sprint: { id: 12, name: 'SUP Sprint 12' }, row: view.history.rows[5] });
    expect(view.retrospective.interrupts.map((i) => i.key).sort()).toEqual(view.sprint?.interrupts.map((i) => i.key).sort());
    expect(view.retrospective.overrides.length).toBeGreaterThan(0);
    const text = await cli(['report', '--project', 'SUP', '--sprint', '12', '--now', NOW]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('# Retrospective: SUP Sprint 12 (');
    expect(text.stdout).toMatch(/\| SUP-\d+ \| .* \| Interrupt now by [A-Z][a-z]+/); // by name, never an account id
    expect(text.stdout).not.toMatch(/\d{6}:[0-9a-f-]{36}/);
    // The follow-ups (issue 14, item 2): the CLI's store holds none, so every interrupt has them open.
    const n = view.retrospective.followUps.shares[0]?.total ?? 0;
    expect(n).toBe(view.retrospective.interrupts.length);
    expect(text.stdout).toContain(`## Follow-ups\n- Root cause analysed: 0 of ${n} interrupts (0%)\n- Regression test added: 0 of ${n} interrupts (0%)\n`);
    expect(text.stdout).toMatch(/### Follow-ups over time\n\| Sprint \| Root cause analysed \| Regression test added \|\n(.*\n){4}\| SUP Sprint 12 \|/);
    expect(text.stdout).toContain(`### Open follow-ups (${n})`);
    // The active sprint has no retrospective yet.
    expect(JSON.parse((await cli(['report', '--project', 'SUP', '--json', '--now', NOW])).stdout)).not.toHaveProperty('retrospective');
  });

  it('says in one sentence what is wrong with the request', async () => {
    expect(await cli(['report'])).toEqual({ stdout: '', stderr: 'Name the project with --project, e.g. --project SUP.\n', code: 2 });
    expect(await cli(['report', '--project', 'SUP', '--sprint', 'last'])).toEqual({ stdout: '', stderr: '--sprint must be a sprint id (a number), not "last".\n', code: 2 });
    expect(await cli(['report', '--project', 'SUP', '--sprint', '99', '--now', NOW])).toEqual({ stdout: '', stderr: "Sprint 99 is not a sprint of SUP board. Choose one of the board's sprints.\n", code: 2 });
    expect(await cli(['report', '--project', 'SUP'], { JIRA_BASE_URL: 'https://example.atlassian.net' })).toEqual({
      stdout: '',
      stderr: 'JIRA_BASE_URL is set, so JIRA_EMAIL and JIRA_API_TOKEN must be set too (or unset JIRA_BASE_URL to use the demo site).\n',
      code: 2,
    });
  });
});

describe('interrupt-budget report and preview on a site given by JIRA_BASE_URL', () => {
  let sim: Simulator;
  let env: Record<string, string>;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: Date.parse(NOW) });
    env = { JIRA_BASE_URL: sim.url, JIRA_EMAIL: sim.users.po.email, JIRA_API_TOKEN: sim.users.po.token };
  });
  afterAll(() => sim.close());

  it('reports through the site, as the person whose token it is', async () => {
    sim.clearRequests();
    const { stdout, code } = await cli(['report', '--project', 'TEAM', '--json', '--now', NOW], env);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as DashboardView).sprint).toMatchObject({ id: 27, state: 'active' });
    expect(new Set(sim.requests().map((r) => r.user))).toEqual(new Set([sim.users.po.accountId]));
  });

  it('refuses a wrong token with one sentence', async () => {
    const { stderr, code } = await cli(['report', '--project', 'TEAM'], { ...env, JIRA_API_TOKEN: 'wrong' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Could not sign in to http:\/\/127\.0\.0\.1:\d+ as po@demo\.test: .+\n$/);
  });

  it('previews what the policy decides for the recent support tickets', async () => {
    const json = await cli(['preview', '--project', 'SUP', '--json', '--now', NOW], env);
    expect(json.code).toBe(0);
    const preview = JSON.parse(json.stdout) as PolicyPreview;
    expect(preview.currentVersion).toBe(0);
    expect(preview.rows).toHaveLength(50);
    expect(preview.rows.every((r) => !r.changed)).toBe(true);
    const text = await cli(['preview', '--project', 'SUP', '--now', NOW], env);
    expect(text.stdout).toMatch(/^Interrupt Budget — what the default policy decides for the 50 most recent support tickets of SUP/);
    const first = preview.rows[0];
    expect(text.stdout).toContain(`  ${first?.key.padEnd(10)} ${first?.current.outcome.padEnd(10)}`);
  });
});
