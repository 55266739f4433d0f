/**
 * `@forge/lint`'s client-side linters, run on the files `forge lint` would give them (`src/`, less
 * .gitignore'd files; as `@forge/bundler`'s `runLinter` collects them) — manifest schema, handlers,
 * function timeouts, deprecated APIs, storage and the permission linter that matches each `requestJira`
 * it can read against the specs' scopes. `forge lint` itself also needs a login and runs a server-side
 * linter on a registered app; what it does offline is this.
 *
 * The permission linter normally downloads six product specs from developer.atlassian.com; with
 * `USE_LOCAL_SWAGGER` and all six `LOCAL_*_SWAGGER` paths set it reads files instead (@forge/lint 6.3.1
 * `permission-linter.js`). Jira's two come from ../shared/jira-openapi/ (the pinned specs every contract
 * test uses); the products the app never calls (Service Management, Confluence, Bitbucket) get a spec
 * with no paths. The deprecated-runtime list is a remote config; offline we name nodejs20.x, past its
 * upstream end of life (April 2026).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgeRequire, ROOT } from './forge-tools';

interface LintRule {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}
interface LintResult {
  readonly file: string;
  readonly errors: LintRule[];
  readonly warnings: LintRule[];
}
interface Logger {
  info(message: string): void;
}

const lintPackage = forgeRequire('@forge/lint') as {
  lint(files: string[], manifest: unknown, environment: string, logger: Logger, statsig: unknown, config: { linter: { mode: 'client-side' } }): Promise<LintResult[]>;
  reportLintResults(logger: Logger, results: LintResult[]): void;
  problemCount(results: LintResult[]): { errors: number; warnings: number; approvals: number };
};
const cliShared = forgeRequire('@forge/cli-shared') as {
  ConfigFile: new (reader: unknown, writer: unknown) => { readConfig(): Promise<unknown> };
  FileSystemReader: new () => { recursiveReadDir(dir: string, ignores: string[]): Promise<string[]> };
  FileSystemWriter: new () => unknown;
  listGitIgnoreFiles(reader: unknown): Promise<string[]>;
};

export const OFFLINE_DEPRECATED_RUNTIMES = ['nodejs20.x'];

function useLocalSpecs(): void {
  const specs = join(ROOT, '..', 'shared', 'jira-openapi');
  const empty = join(mkdtempSync(join(tmpdir(), 'forge-lint-specs-')), 'no-paths.json');
  writeFileSync(empty, JSON.stringify({ openapi: '3.0.1', paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: process.env.JIRA_OPENAPI_DIR ? join(process.env.JIRA_OPENAPI_DIR, 'jira-platform-v3.json') : join(specs, 'jira-platform-v3.json'),
    LOCAL_JSW_SWAGGER: process.env.JIRA_OPENAPI_DIR ? join(process.env.JIRA_OPENAPI_DIR, 'jira-software.json') : join(specs, 'jira-software.json'),
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_CONF_SWAGGER: empty,
    LOCAL_CONF_V2_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  });
}

export interface LintReport {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly text: string;
}

/** Run every client-side linter; run from the app's root (the linters read manifest.yml and tsconfig.json there). */
export async function runClientSideLint(): Promise<LintReport> {
  useLocalSpecs();
  const reader = new cliShared.FileSystemReader();
  const manifest = await new cliShared.ConfigFile(reader, new cliShared.FileSystemWriter()).readConfig();
  const exclude = [...(await cliShared.listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const files = await reader.recursiveReadDir('./src', exclude);
  const lines: string[] = [];
  const logger: Logger = { info: (m) => void lines.push(m) };
  const statsig = { getDeprecatedRuntimes: async () => OFFLINE_DEPRECATED_RUNTIMES };
  const results = await lintPackage.lint(files, manifest, 'development', logger, statsig, { linter: { mode: 'client-side' } });
  const { errors, warnings } = lintPackage.problemCount(results);
  if (errors + warnings > 0) lintPackage.reportLintResults(logger, results);
  return { files: files.length, errors, warnings, text: lines.join('\n') };
}
