/**
 * Finding F3 (issue 11): two admins saving at once must not both win. Through the production handler
 * (src/index.ts) with the real `@forge/kvs` over the KVS emulator at 25 ms a call — a realistic
 * round trip, so the two saves really interleave — 200 rounds of two `settings.save` calls sent at
 * the same moment from the same base revision, each with a different policy: every round exactly one
 * answers ok and the other CONFLICT, revisions go up by one, each policy version is written once and
 * holds the winner's policy for good.
 *
 * Rounds of one project follow each other (each starts from the winner's revision); the two demo
 * projects run side by side, 100 rounds each, to keep the wall time down.
 */
import { KvsEmulator } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { startSimulator, type Simulator } from '../../dev/sim';
import { keys } from '../app/storage/keys';
import type { Envelope } from '../contract/envelope';
import type { SettingsView } from '../contract/settings';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { handler } from '../index';

const LATENCY_MS = 25;
const PROJECTS = ['SUP', 'TEAM'] as const;
const ROUNDS_PER_PROJECT = 100;

let sim: Simulator;
let kvs: KvsEmulator;
let uninstall: () => void;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
  kvs = new KvsEmulator({ latencyMs: LATENCY_MS });
  const admin = sim.users.admin;
  uninstall = installForgeRuntimeShim({ baseUrl: sim.url, user: { email: admin.email, apiToken: admin.token }, app: { email: admin.email, apiToken: admin.token }, kvs });
});
afterAll(async () => {
  uninstall();
  await sim.close();
});

const call = async <T>(projectKey: string, functionKey: string, payload: unknown = {}): Promise<Envelope<T>> =>
  (await handler(
    { call: { functionKey, payload }, context: { extension: { type: 'jira:projectSettingsPage', project: { key: projectKey, id: '1' } } } },
    { principal: { accountId: sim.users.admin.accountId }, installContext: 'ari:cloud:jira::site/1' },
  )) as Envelope<T>;

/** A policy nobody else saves: the default rules plus one naming the round and the saver. */
const policyOf = (projectKey: string, round: number, who: 'a' | 'b'): Policy => ({
  ...DEFAULT_POLICY,
  rules: [...DEFAULT_POLICY.rules, { id: `round-${round}-${who}`, name: `${projectKey} round ${round} by ${who}`, conditions: [{ kind: 'priority-in', levels: ['P2'] }], outcome: 'interrupt' }],
});

interface ProjectRun {
  ok: number;
  conflicts: number;
  revisions: number[];
  /** Policy version → the policy its winner saved. */
  versions: Map<number, Policy>;
}

async function race(projectKey: string): Promise<ProjectRun> {
  const opened = await call<SettingsView>(projectKey, 'settings.get');
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  let view = opened.data;
  const run: ProjectRun = { ok: 0, conflicts: 0, revisions: [], versions: new Map() };
  for (let round = 1; round <= ROUNDS_PER_PROJECT; round++) {
    const save = (who: 'a' | 'b', allocationPct: number) =>
      call<SettingsView>(projectKey, 'settings.save', { settings: { ...view.settings, allocationPct }, policy: policyOf(projectKey, round, who), baseRevision: view.revision });
    const answers = await Promise.all([save('a', 10 + (round % 40)), save('b', 60 + (round % 40))]);
    const won = answers.filter((a): a is Extract<Envelope<SettingsView>, { ok: true }> => a.ok);
    const lost = answers.filter((a) => !a.ok);
    run.ok += won.length;
    run.conflicts += lost.filter((a) => !a.ok && a.error.code === 'CONFLICT').length;
    if (won.length !== 1 || lost.length !== 1) throw new Error(`${projectKey} round ${round}: ${won.length} ok, ${lost.length} refused (${JSON.stringify(answers.map((a) => (a.ok ? { revision: a.data.revision } : a.error)))})`);
    const winner = (won[0] as { data: SettingsView }).data;
    expect(lost[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^You changed these settings in another tab or window on .*Reload the page/) } });
    expect(winner.revision).toBe(view.revision + 1);
    expect(winner.policy.version).toBe(view.policy.version + 1);
    run.revisions.push(winner.revision);
    run.versions.set(winner.policy.version, winner.policy.policy);
    view = winner;
  }
  return run;
}

describe('settings.save, two admins at once (F3), 25 ms per KVS call', () => {
  it(`lets exactly one of two parallel saves win in each of ${PROJECTS.length * ROUNDS_PER_PROJECT} rounds, and never overwrites a policy version`, async () => {
    const started = Date.now();
    const runs = await Promise.all(PROJECTS.map(race));
    const wallMs = Date.now() - started;

    expect(runs.reduce((n, r) => n + r.ok, 0)).toBe(PROJECTS.length * ROUNDS_PER_PROJECT);
    expect(runs.reduce((n, r) => n + r.conflicts, 0)).toBe(PROJECTS.length * ROUNDS_PER_PROJECT);
    PROJECTS.forEach((projectKey, i) => {
      const run = runs[i] as ProjectRun;
      expect(run.revisions).toEqual(Array.from({ length: ROUNDS_PER_PROJECT }, (_, r) => r + 1));
      expect(kvs.peek(keys.settings(projectKey))).toMatchObject({ revision: ROUNDS_PER_PROJECT, policyVersion: ROUNDS_PER_PROJECT });
      const stored = kvs.keys().filter((k) => k.startsWith(keys.policyVersions(projectKey)));
      expect(stored).toEqual(Array.from({ length: ROUNDS_PER_PROJECT }, (_, v) => keys.policyVersion(projectKey, v + 1)));
      for (const [version, policy] of run.versions) {
        const key = keys.policyVersion(projectKey, version);
        expect(kvs.writesTo(key)).toBe(1);
        expect(kvs.peek(key)).toMatchObject({ version, policy });
      }
    });
    // Two projects side by side, each round two saves of about six 25 ms calls: a few seconds' wait.
    expect(wallMs).toBeLessThan(50_000);
  }, 90_000);
});
