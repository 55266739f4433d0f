/**
 * House rules checked mechanically, so they hold without anyone remembering them.
 * (ESLint enforces the import rules while editing; these tests make CI fail on them too.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name === 'build') return [];
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    return /\.(ts|tsx|js|jsx|cjs|mjs)$/.test(name) ? [relative(root, path)] : [];
  });
}

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(
      /^\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]) as string);

const productionFiles = ['src', 'dev', 'static/src', 'bin', 'scripts'].flatMap(sourceFiles);
const isTest = (f: string): boolean => /\.test\.tsx?$/.test(f);

describe('house rules', () => {
  it('nothing depends on @forge/ui (UI Kit 1, removed by Atlassian in 2025)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('@forge/ui');
    const offenders = [...productionFiles, ...sourceFiles('test')].filter((f) => importsOf(f).includes('@forge/ui'));
    expect(offenders).toEqual([]);
  });

  it('the domain imports nothing but itself, date-fns and zod', () => {
    const allowed = /^(\.\.?\/|date-fns(\/|$)|@date-fns\/(tz|utc)$|zod$)/;
    const offenders = sourceFiles('src/domain')
      .filter((f) => !isTest(f))
      .flatMap((f) => importsOf(f).filter((i) => !allowed.test(i) || i.startsWith('../')).map((i) => `${f}: ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the domain never reads the clock (time is a parameter)', () => {
    const offenders = sourceFiles('src/domain')
      .filter((f) => !isTest(f))
      .filter((f) => /Date\.now\(|new Date\(\s*\)|performance\.now\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only the Forge adapter folder imports @forge/api and @forge/kvs', () => {
    const offenders = productionFiles
      .filter((f) => !f.startsWith('src/forge/'))
      .filter((f) => importsOf(f).some((i) => i === '@forge/api' || i === '@forge/kvs'));
    expect(offenders).toEqual([]);
  });

  it('only the UI imports @forge/bridge', () => {
    const offenders = productionFiles.filter((f) => !f.startsWith('static/')).filter((f) => importsOf(f).includes('@forge/bridge'));
    expect(offenders).toEqual([]);
  });

  it('the UI imports the backend only through src/contract/ (the one door)', () => {
    const offenders = sourceFiles('static/src').filter((f) => importsOf(f).some((i) => /(^|\/)src\//.test(i) && !/(^|\/)src\/contract(\/|$)/.test(i)));
    expect(offenders).toEqual([]);
  });

  it('the contract holds what it exposes: it imports the domain and itself, never the app or an adapter', () => {
    const offenders = sourceFiles('src/contract').filter((f) => importsOf(f).some((i) => /^\.\.\/(app|jira|forge|resolvers|triggers|cli)(\/|$)/.test(i)));
    expect(offenders).toEqual([]);
  });

  it("the outcomes' words and colours are defined once, for every surface (static/src/components/outcome.tsx)", () => {
    const offenders = sourceFiles('static/src')
      .filter((f) => f !== 'static/src/components/outcome.tsx')
      .filter((f) => /['"]needs-info['"]\s*:\s*['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('never calls the removed issue search endpoint', () => {
    const offenders = productionFiles.filter((f) => /\/rest\/api\/[23]\/search(?![/\w])/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('builds every Jira path with route (no hand-made URL strings)', () => {
    const offenders = sourceFiles('src')
      .filter((f) => !isTest(f))
      .flatMap((f) =>
        readFileSync(join(root, f), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)) // doc comments may quote paths
          .flatMap((line) => [...line.matchAll(/(\w*)`\/rest\//g)].filter((m) => m[1] !== 'route').map(() => `${f}: ${line.trim()}`)),
      );
    expect(offenders).toEqual([]);
  });

  it('tsconfig includes sources as globs (Forge lint skips a bare "src")', () => {
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { include: string[]; compilerOptions: { strict: boolean } };
    expect(tsconfig.compilerOptions.strict).toBe(true);
    expect(tsconfig.include).toContain('src/**/*');
  });
});
