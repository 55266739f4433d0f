/**
 * Forge's own tooling, pinned in `tools/forge/` and installed apart from the app: `@forge/cli-shared`
 * pulls `keytar`, whose native build needs libsecret (and which only the CLI's login uses), so it is
 * installed with `npm ci --ignore-scripts` there and the app's own `npm ci` stays clean.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const TOOLS_DIR = join(ROOT, 'tools', 'forge');

/** `require` as seen from tools/forge, so the pinned copies load (not the app's own @forge/manifest). */
export const forgeRequire = createRequire(join(TOOLS_DIR, 'package.json'));

function installedVersion(name: string): string | undefined {
  const file = join(TOOLS_DIR, 'node_modules', ...name.split('/'), 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

/** Install tools/forge from its lockfile unless every pinned package is already there at its version. */
export function ensureForgeTools(): void {
  const pinned = (JSON.parse(readFileSync(join(TOOLS_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  if (Object.entries(pinned).every(([name, version]) => installedVersion(name) === version)) return;
  console.log('Installing Forge build tools in tools/forge (npm ci --ignore-scripts)…');
  const run = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: TOOLS_DIR, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('Could not install the Forge build tools in tools/forge (npm ci failed).');
}

export function toolVersion(name: string): string {
  return installedVersion(name) ?? 'not installed';
}
