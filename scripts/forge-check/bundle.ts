/**
 * Build the backend exactly as `forge deploy` does, with `@forge/bundler`'s own node-runtime bundler:
 * the CLI's path is `ConfigFile.getAppHandlers()` → `getEntryPoints(handlers)` → `getNodeBundler(…)
 * .bundle({ appDirectory: cwd, entryPoints })`, whose `NodeBundler` takes `getCommonWebpackConfig`
 * (ts-loader with *our* tsconfig.json) and sets `target: 'node18'` and `[name].cjs` output
 * (@forge/cli 13.3.0 `out/deploy/packager/runtime-bundler.js`, @forge/bundler 7.3.0 `out/runtime.js`).
 * Only the runtime wrapper, which the CLI downloads from Atlassian's CDN and packs beside the bundle,
 * is stood in: it is not our code and is not needed to load ours.
 */
import { join } from 'node:path';
import { forgeRequire } from './forge-tools';

interface Handler {
  readonly module: string;
  readonly func: string;
}
interface EntryPoint {
  readonly name: string;
  readonly path: string;
}
interface BundlerOutput {
  readonly outputDir: string;
}
interface ForgeLogger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  error(message: string): void;
}

const bundler = forgeRequire('@forge/bundler') as {
  getEntryPoints(handlers: Handler[]): EntryPoint[];
  getNodeBundler(logger: ForgeLogger, wrapper: unknown, configReader: unknown): { bundle(args: { appDirectory: string; entryPoints: EntryPoint[] }): Promise<BundlerOutput> };
};
const cliShared = forgeRequire('@forge/cli-shared') as {
  ConfigFile: new (reader: unknown, writer: unknown) => { getAppHandlers(): Promise<Handler[]>; readConfig(): Promise<unknown> };
  FileSystemReader: new () => unknown;
  FileSystemWriter: new () => unknown;
};

export interface ForgeBuild {
  readonly outputDir: string;
  readonly handlers: readonly Handler[];
  readonly warnings: readonly string[];
}

/** The runtime wrapper Forge packs next to the bundle, stood in (the CLI fetches it from a CDN). */
const offlineWrapper = {
  getNodeRuntimeWrapper: async () => ({ script: '// Forge runtime wrapper (not needed offline)', source: 'offline', version: 'offline' }),
  getNodeRuntimeLoader: async () => ({ script: '// Forge runtime loader (not needed offline)', source: 'offline', version: 'offline' }),
};

/** Bundle `src/` for the manifest's handlers; throws with Forge's own message when the build fails. Run from the app's root. */
export async function buildWithForgeBundler(): Promise<ForgeBuild> {
  const configFile = new cliShared.ConfigFile(new cliShared.FileSystemReader(), new cliShared.FileSystemWriter());
  const handlers = await configFile.getAppHandlers();
  const warnings: string[] = [];
  const logger: ForgeLogger = { info: () => {}, debug: () => {}, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m) };
  const nodeBundler = bundler.getNodeBundler(logger, offlineWrapper, configFile);
  const { outputDir } = await nodeBundler.bundle({ appDirectory: process.cwd(), entryPoints: bundler.getEntryPoints(handlers) });
  return { outputDir, handlers, warnings };
}

/** Load each bundled entry point and list the handlers the manifest names that it does not export as functions. */
export function missingExports(build: ForgeBuild): string[] {
  const missing: string[] = [];
  for (const { module, func } of build.handlers) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(build.outputDir, `${module}.cjs`)) as Record<string, unknown>;
    if (typeof exported[func] !== 'function') missing.push(`${module}.${func}`);
  }
  return missing;
}
