/**
 * `npm run bench [-- --quick] [--sizes 50,500,2000,5000] [--latency 100] [--jitter 50] [--naive-latency-max 1500] [--heap-mb 160] [--tsx] [--no-build]`
 *
 * Builds the Custom UI and measures what each surface loads, then, for each site size, runs every
 * operation of issue 6 against the Jira simulator with injected latency (bench/scenario.ts, one
 * process per size, the simulator in another), and reports requests against their lower bounds,
 * round trips, wall time, response bytes, KVS calls, peak RSS and the naive baseline, with the
 * budgets marked met or not met. Writes bench/results.json and the generated part of
 * docs/performance.md (a --quick run writes bench/results.quick.json and leaves the doc alone).
 *
 * The app's process runs what Forge runs: the sources bundled into one CommonJS file (esbuild, into
 * bench/.build/), on plain Node, with V8's heap sized as a 256 MB function's. `--tsx` runs the
 * TypeScript sources through tsx instead (about 100 MB more RSS for the loader and source maps).
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { sizeCost } from './cost';
import { costBudgets, costMarkdown } from './cost-report';
import { budgets, markdown, sizeReport, type BundleRow, type SizeReport } from './report';
import type { ScenarioInput, ScenarioOutput } from './scenario';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};

const quick = flag('quick');
const sizes = option('sizes', quick ? '50,300' : '50,500,2000,5000').split(',').map(Number);
const latencyMs = Number(option('latency', '100'));
const jitterMs = Number(option('jitter', '50'));
const naiveLatencyMaxRequests = Number(option('naive-latency-max', '1500'));
/**
 * V8's old-space limit of the app's process, as a Forge function of 256 MB gets it (Node sizes its
 * heap from the container's memory): without one, V8 on a machine with gigabytes free lets garbage
 * pile up before collecting, and RSS measures its laziness rather than what the app needs. 0: none.
 */
const heapMb = Number(option('heap-mb', '160'));
const NOW = Date.UTC(2026, 10, 23, 9);

const useTsx = flag('tsx');

/** The scenario, bundled as Forge bundles a function: one file, plain Node, no loader. */
function compiledScenario(): string {
  const outfile = join(__dirname, '.build', 'scenario.cjs');
  buildSync({ entryPoints: [join(__dirname, 'scenario.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}
const scenarioScript = useTsx ? join(__dirname, 'scenario.ts') : compiledScenario();

function runSize(size: number): Promise<ScenarioOutput> {
  const input: ScenarioInput = {
    sim: {
      nowMs: NOW,
      latencyMs,
      jitterMs,
      scale: { activeSprintIssues: size, closedSprints: 26, closedSprintIssues: Math.min(100, Math.max(16, Math.round(size / 10))), maxWorklogsPerSupportTicket: 60 },
    },
    naiveLatencyMaxRequests,
  };
  return new Promise((resolve, reject) => {
    const child = fork(scenarioScript, [], {
      execArgv: [...(useTsx ? ['--import', 'tsx'] : []), '--expose-gc', ...(heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : [])],
      env: { ...process.env, BENCH_SCENARIO: JSON.stringify(input), BENCH_SIM_SCRIPT: join(__dirname, 'sim-process.ts') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let output: ScenarioOutput | undefined;
    child.on('message', (m: { output?: ScenarioOutput }) => {
      output = m.output;
    });
    child.on('exit', (code) => (output ? resolve(output) : reject(new Error(`The scenario for ${size} issues exited with ${code}.`))));
  });
}

function bundleSizes(): BundleRow[] {
  if (!flag('no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // --no-build in a fresh checkout (a worktree) has no build to measure: the bundle budgets are left out, not failed.
  else if (!existsSync(join(root, 'static', 'build', '.vite', 'manifest.json'))) {
    console.error('No production build in static/build (--no-build): the bundle sizes and their budgets are left out.');
    return [];
  }
  return JSON.parse(execFileSync('node', [join(root, 'scripts', 'bundle-size.cjs'), '--json'], { cwd: root, encoding: 'utf8' })) as BundleRow[];
}

function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  console.error(`Interrupt Budget benchmark: sizes ${sizes.join(', ')}; latency ${latencyMs} ms + up to ${jitterMs} ms jitter per request.`);
  const bundles = bundleSizes();
  const reports: SizeReport[] = [];
  for (const size of sizes) {
    console.error(`Active sprint of ${size} issues:`);
    const t = Date.now();
    reports.push(sizeReport(size, await runSize(size)));
    console.error(`  (${Math.round((Date.now() - t) / 1000)} s)`);
  }
  const list = budgets(reports, bundles);
  const costs = reports.map(sizeCost);
  const costList = costBudgets(reports, costs);
  const durationS = Math.round((Date.now() - started) / 1000);
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const results = { command, ranAt: new Date().toISOString(), durationS, machine: machine(), latency: { fixedMs: latencyMs, jitterMs, naiveLatencyMaxRequests }, bundles, budgets: list, costBudgets: costList, costs, sizes: reports };
  const table = `${markdown(reports, list, bundles)}\n\n${costMarkdown(costs, costList)}`;
  console.log(table);
  const m = results.machine;
  console.log(`\n${list.filter((b) => b.met).length} of ${list.length} budgets met; ${costList.filter((b) => b.met).length} of ${costList.length} cost budgets met; ${durationS} s on ${m.nproc} cores, ${m.memoryGB} GB, Node ${m.node}.`);

  writeFileSync(join(__dirname, quick ? 'results.quick.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (!quick) {
    const doc = join(root, 'docs', 'performance.md');
    const text = readFileSync(doc, 'utf8');
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const head = `Generated by \`${command}\` on ${results.ranAt} in ${durationS} s — ${m.nproc} cores (${m.cpu}), ${m.memoryGB} GB memory, Node ${m.node}, ${m.platform}; latency ${latencyMs} ms + 0–${jitterMs} ms jitter per request. \`~\` marks a naive wall time estimated as (time at 0 ms latency) + depth × ${latencyMs + jitterMs / 2} ms, used where the naive baseline would make more than ${naiveLatencyMaxRequests} requests.`;
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${begin} … ${end} section to fill.`);
    writeFileSync(doc, `${text.slice(0, a + begin.length)}\n${head}\n\n${table}\n${text.slice(b)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
