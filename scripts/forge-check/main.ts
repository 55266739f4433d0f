/**
 * `npm run forge:check`: what `forge deploy` would refuse, found offline, before anyone deploys.
 * 1. Forge's own build of `src/` (@forge/bundler's node-runtime bundler, our tsconfig.json);
 * 2. the bundle exports every handler manifest.yml names;
 * 3. the bundle runs: its resolver, its scheduled rollup, and consent reaching the platform;
 * 4. @forge/lint's client-side linters (with the pinned specs);
 * 5. the manifest's scopes are exactly what the calls need (test/forge/scopes.test.ts).
 * Exits non-zero when any step fails; .ci/run calls it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureForgeTools, ROOT, toolVersion } from './forge-tools';

interface Step {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

async function main(): Promise<number> {
  process.chdir(ROOT);
  ensureForgeTools();
  if (!existsSync(join(ROOT, 'static', 'build', 'index.html'))) {
    // The manifest's resource is the built UI; Forge (and its linter) refuse a missing one.
    console.log('static/build is missing: building the UI first (npm run build)…');
    if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('The UI build failed.');
  }
  console.log(`Forge tools: @forge/bundler ${toolVersion('@forge/bundler')}, @forge/lint ${toolVersion('@forge/lint')}, @forge/cli-shared ${toolVersion('@forge/cli-shared')}`);
  // Loaded after the install: these modules require the tools at import time.
  const { buildWithForgeBundler, missingExports } = await import('./bundle');
  const { runClientSideLint } = await import('./lint');
  const { smokeTestBundle } = await import('./smoke');
  const steps: Step[] = [];

  const started = Date.now();
  try {
    const build = await buildWithForgeBundler();
    steps.push({ name: `Forge build (@forge/bundler, ${((Date.now() - started) / 1000).toFixed(1)} s)`, ok: true, detail: build.warnings.length > 0 ? `${build.warnings.length} warnings:\n${build.warnings.join('\n')}` : undefined });
    const missing = missingExports(build);
    const named = build.handlers.map((h) => `${h.module}.${h.func}`).join(', ');
    steps.push({ name: `bundle exports every manifest handler (${named})`, ok: missing.length === 0, detail: missing.length > 0 ? `not exported as functions: ${missing.join(', ')}` : undefined });
    for (const result of await smokeTestBundle(build.outputDir)) {
      steps.push({ name: `bundle runs: ${result.name}`, ok: result.ok, detail: result.ok ? undefined : result.detail });
    }
  } catch (error) {
    steps.push({ name: 'Forge build (@forge/bundler)', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }

  try {
    const lint = await runClientSideLint();
    steps.push({ name: `@forge/lint client-side linters (${lint.files} files): ${lint.errors} errors, ${lint.warnings} warnings`, ok: lint.errors === 0, detail: lint.text || undefined });
  } catch (error) {
    steps.push({ name: '@forge/lint client-side linters', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }

  const scopes = spawnSync('npx', ['jest', '--coverage=false', 'test/forge/scopes.test.ts'], { cwd: ROOT, encoding: 'utf8' });
  steps.push({ name: 'manifest scopes match what the calls need', ok: scopes.status === 0, detail: scopes.status === 0 ? undefined : `${scopes.stdout}${scopes.stderr}` });

  for (const step of steps) {
    console.log(`${step.ok ? '✓' : '✗'} ${step.name}`);
    if (step.detail) console.log(step.detail.replace(/^/gm, '    '));
  }
  const failed = steps.filter((s) => !s.ok).length;
  console.log(`forge:check: ${steps.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
