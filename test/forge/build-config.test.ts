/**
 * Forge's bundler compiles src/ with ts-loader and *our* tsconfig.json (@forge/bundler's
 * getCommonWebpackConfig). With `noEmit` there, every build fails with "TypeScript emitted no output
 * for …/src/index.ts" — so the type check keeps --noEmit on its command line, never in the file.
 * The full Forge build runs in `npm run forge:check` (scripts/forge-check/); this guard is the cheap one.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown>; include: string[] };
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the build configuration Forge uses', () => {
  it('tsconfig.json lets TypeScript emit (ts-loader needs output), into an ignored folder if tsc is run by hand', () => {
    expect(tsconfig.compilerOptions.noEmit).toBeUndefined();
    expect(tsconfig.compilerOptions.emitDeclarationOnly).toBeUndefined();
    expect(tsconfig.compilerOptions.outDir).toBe('artifacts/tsc');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^artifacts\/$/m);
  });

  it('the type check passes --noEmit on its command line instead', () => {
    expect(scripts.typecheck).toContain('tsc --noEmit -p tsconfig.json');
  });

  it('includes src/ as a glob (@forge/lint skips every .ts file when include names a bare folder)', () => {
    expect(tsconfig.include).toContain('src/**/*');
  });

  it('forge:check is a script, and .ci/run calls it', () => {
    expect(scripts['forge:check']).toBe('tsx scripts/forge-check/main.ts');
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/npm run forge:check/);
  });
});
