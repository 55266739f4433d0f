/**
 * Run the bundle Forge would deploy, not our sources: load the built entry point and call its handlers
 * the way the platform does, with the runtime shim standing in for Forge (Jira calls to the simulator,
 * storage calls to the KVS emulator). The bundle carries its own copies of `@forge/api`, `@forge/kvs`
 * and `@forge/resolver`; this proves they work as bundled (a webpack-only breakage — a dynamic
 * require, a JSON import, `__dirname` — fails here) and that consent still reaches the platform.
 */
import { join } from 'node:path';
import { KvsEmulator } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { startSimulator } from '../../dev/sim';

type Invoke = (request: { call: { functionKey: string; payload: unknown }; context: unknown }, platform: unknown) => Promise<unknown>;
interface Bundled {
  handler: Invoke;
  rollup: (event: unknown, context: unknown) => Promise<unknown>;
}

export interface SmokeResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const SETTINGS_CONTEXT = { extension: { type: 'jira:projectSettingsPage', project: { key: 'SUP', id: '10000' } }, moduleKey: 'budget-settings' };

export async function smokeTestBundle(outputDir: string): Promise<SmokeResult[]> {
  const sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
  const results: SmokeResult[] = [];
  const kvs = new KvsEmulator();
  const as = (role: 'admin' | 'po', userConsented = true) =>
    installForgeRuntimeShim({
      baseUrl: sim.url,
      user: { email: sim.users[role].email, apiToken: sim.users[role].token },
      app: { email: sim.users.admin.email, apiToken: sim.users.admin.token },
      kvs,
      userConsented,
    });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundled = require(join(outputDir, 'index.cjs')) as Bundled;
  const platform = (role: 'admin' | 'po') => ({ principal: { accountId: sim.users[role].accountId }, installContext: 'ari:cloud:jira::site/1' });
  const check = async (name: string, run: () => Promise<string | undefined>) => {
    try {
      const failure = await run();
      results.push({ name, ok: failure === undefined, detail: failure ?? 'ok' });
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  try {
    let uninstall = as('admin');
    await check('resolver settings.get as an admin answers ok', async () => {
      const answer = (await bundled.handler({ call: { functionKey: 'settings.get', payload: {} }, context: SETTINGS_CONTEXT }, platform('admin'))) as { ok?: boolean; error?: unknown };
      return answer.ok === true ? undefined : `answered ${JSON.stringify(answer).slice(0, 200)}`;
    });
    await check('scheduled rollup answers 204', async () => {
      const answer = (await bundled.rollup({}, {})) as { statusCode?: number };
      return answer.statusCode === 204 ? undefined : `answered ${JSON.stringify(answer)}`;
    });
    uninstall();
    uninstall = as('po', false);
    await check('without consent, the resolver throws NEEDS_AUTHENTICATION_ERR to the platform', async () => {
      const outcome = await bundled.handler({ call: { functionKey: 'settings.get', payload: {} }, context: SETTINGS_CONTEXT }, platform('po')).then(
        (answer) => `answered ${JSON.stringify(answer).slice(0, 200)}`,
        (error: unknown) => (error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR' ? undefined : `threw ${String(error)}`),
      );
      return outcome;
    });
    uninstall();
  } finally {
    await sim.close();
  }
  return results;
}
