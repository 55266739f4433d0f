/**
 * One site size, in a process of its own (forked by bench/run.ts, with --expose-gc) so its memory is
 * the app's alone: starts the simulator in another process (bench/sim-process.ts), then runs each
 * operation through the real resolver handler or the real use-case function, and measures it.
 *
 * The app side is exactly production's, except for the adapters: Jira is reached over HTTP with basic
 * auth as the simulator's users (po for the panel and dashboard, the app login for the shared ledger and the triggers),
 * storage is an in-memory KVS, and the app's clock is moved forward to make stored rollups stale.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SimulatorLogin } from '../dev/sim';
import { rollUpAll } from '../src/app/sprint/hourly-rollup';
import { historyRows } from '../src/app/sprint/history-rows';
import { activeSprint, loadProjectContext } from '../src/app/sprint/project-context';
import { projectRegistry } from '../src/app/storage/sprint-records';
import type { Envelope } from '../src/contract/envelope';
import { DEFAULT_POLICY } from '../src/domain/policy';
import { BasicAuthTransport } from '../src/jira/basic-auth-transport';
import { JiraClient } from '../src/jira/jira-client';
import type { Ports } from '../src/ports';
import { buildResolverHandler } from '../src/resolvers/index';
import { SCHEDULED_BUDGET_MS } from '../src/triggers/rollup';
import { handleIssueEvent } from '../src/triggers/issue-event';
import { handleLedgerEvent } from '../src/triggers/ledger-event';
import { CountingStore, Recorder, RecordingTransport, withPeakRss } from './measure';
import { naiveHistory, naiveJira, naiveRollup } from './naive';
import type { DrainSummary, SimStart, SiteFacts } from './sim-process';

export interface ScenarioInput {
  readonly sim: SimStart;
  /** Run the naive baseline at the injected latency when it makes at most this many requests (estimated). */
  readonly naiveLatencyMaxRequests: number;
}

export interface Measured {
  readonly op: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly wallMs: number;
  /** Counted by the app's transport; the simulator's log (below) must agree. */
  readonly clientRequests: number;
  /** Jira points the operation cost: the sum of the simulator's request-log entries' `points`. */
  readonly points: number;
  readonly roundTrips: number;
  readonly depth: number;
  readonly kvsReads: number;
  readonly kvsWrites: number;
  readonly kvsBytesRead: number;
  readonly kvsBytesWritten: number;
  readonly peakRssMB: number;
  readonly rssBeforeMB: number;
  /** From the simulator's request log. */
  readonly log: DrainSummary;
  /** Injected latency this op ran at (the naive baseline may run at 0; see `wallEstimated`). */
  readonly latencyMs: number;
  readonly wallEstimated?: boolean;
}

export interface ScenarioOutput {
  readonly facts: SiteFacts;
  readonly target: string;
  readonly changed: readonly string[];
  /** The issues changed before the busy hour (`hourly.changed100`): 100, or the whole sprint if smaller. */
  readonly changedBusy: readonly string[];
  readonly ops: Measured[];
  readonly maxRssMB: number;
}

const NOW = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;
const PROJECT = 'SUP';

class SimProcess {
  private pending = new Map<number, (value: unknown) => void>();
  private nextId = 1;
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { id: number; result: unknown }) => {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
  }

  static start(input: SimStart): Promise<{ sim: SimProcess; url: string; users: Record<string, SimulatorLogin> }> {
    const child = fork(process.env.BENCH_SIM_SCRIPT ?? join(__dirname, 'sim-process.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_SIM: JSON.stringify(input) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const sim = new SimProcess(child);
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`The simulator process exited (${code}) before it was ready.`)));
      sim.pending.set(0, (result) => {
        const { url, users } = result as { url: string; users: Record<string, SimulatorLogin> };
        resolve({ sim, url, users });
      });
    });
  }

  ask<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (value: unknown) => void);
      this.child.send({ id, ...message });
    });
  }

  close(): void {
    this.child.send({ id: -1, type: 'close' });
  }
}

export async function runScenario(input: ScenarioInput): Promise<ScenarioOutput> {
  const { sim, url, users } = await SimProcess.start(input.sim);
  try {
    const facts = await sim.ask<SiteFacts>({ type: 'facts' });
    const target = await sim.ask<string>({ type: 'target' });
    const recorder = new Recorder();
    const store = new CountingStore();
    let nowMs = NOW;
    /** Move the app's clock and Jira's together (relative JQL such as `updated >= -65m` is Jira's now). */
    const advance = async (ms: number): Promise<void> => {
      nowMs += ms;
      await sim.ask({ type: 'clock', nowMs });
    };
    const logins = new Map(Object.values(users).map((u) => [u.accountId, u]));
    const client = (login: SimulatorLogin, budgetMs?: number) =>
      JiraClient.create({ transport: new RecordingTransport(new BasicAuthTransport({ baseUrl: url, email: login.email, apiToken: login.token }), recorder), ...(budgetMs ? { budgetMs } : {}) });
    /** The app's own login (Forge's `asApp`): the resolvers' shared ledger and the triggers run as it. */
    const appLogin = users.app as SimulatorLogin;
    const portsAs = (login: SimulatorLogin, kvs: CountingStore = store, budgetMs?: number): Ports & { client: JiraClient } => {
      const jira = client(login, budgetMs);
      return { jira, appJira: login === appLogin ? jira : client(appLogin, budgetMs), client: jira, store: kvs, clock: { now: () => nowMs } };
    };
    const handler = buildResolverHandler((ctx) => {
      const login = logins.get(ctx.accountId);
      if (!login) throw new Error(`No simulator login has account id ${ctx.accountId}`);
      return portsAs(login);
    });
    const call = async (role: string, functionKey: string, payload: unknown, issueKey?: string): Promise<unknown> => {
      const login = users[role] as SimulatorLogin;
      const extension = issueKey ? { type: 'jira:issuePanel', issue: { key: issueKey }, project: { key: PROJECT } } : { project: { key: PROJECT } };
      const envelope = (await handler({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: login.accountId }, installContext: 'ari:cloud:jira::site/1' })) as Envelope<unknown>;
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
      return envelope.data;
    };

    const ops: Measured[] = [];
    const measure = async (op: string, work: (kvs: CountingStore) => Promise<unknown>, options: { kvs?: CountingStore; latencyMs?: number; wallEstimated?: boolean } = {}): Promise<void> => {
      const kvs = options.kvs ?? store;
      await sim.ask<DrainSummary>({ type: 'drain' });
      recorder.reset();
      kvs.reset();
      let error: string | undefined;
      const started = performance.now();
      const { peakRssMB, rssBeforeMB } = await withPeakRss(async () => {
        try {
          await work(kvs);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      });
      const wallMs = Math.round(performance.now() - started);
      const log = await sim.ask<DrainSummary>({ type: 'drain' });
      ops.push({
        op,
        ok: error === undefined,
        ...(error ? { error } : {}),
        wallMs,
        clientRequests: recorder.requests,
        points: log.points,
        roundTrips: recorder.roundTrips,
        depth: recorder.depth(),
        kvsReads: kvs.reads,
        kvsWrites: kvs.writes,
        kvsBytesRead: kvs.bytesRead,
        kvsBytesWritten: kvs.bytesWritten,
        peakRssMB,
        rssBeforeMB,
        log,
        latencyMs: options.latencyMs ?? input.sim.latencyMs,
        ...(options.wallEstimated ? { wallEstimated: true } : {}),
      });
      if (process.env.BENCH_KVS_KEYS === '1') {
        const rows = [...kvs.byKey].sort((a, b) => b[1].read + b[1].written - (a[1].read + a[1].written)).slice(0, 12);
        process.stderr.write(`  ${op} KVS by key (KB read/written): ${rows.map(([k, v]) => `${k} ${(v.read / 1024).toFixed(1)}/${(v.written / 1024).toFixed(1)}`).join('; ')}\n`);
      }
      process.stderr.write(`  ${op.padEnd(22)} ${String(recorder.requests).padStart(6)} req ${String(wallMs).padStart(7)} ms${error ? `  FAILED: ${error}` : ''}\n`);
    };

    // The hourly trigger's core, as the app, for the registered project.
    await projectRegistry.register(store, PROJECT, nowMs);
    const hourly = () => rollUpAll(portsAs(appLogin, store, SCHEDULED_BUDGET_MS), nowMs + SCHEDULED_BUDGET_MS).then((report) => {
      const problem = report.projects.find((p) => p.problem)?.problem;
      if (problem) throw new Error(problem);
    });
    // The app's first run comes a little after the site's last edits (the seed stamps many issues
    // `updated` at its own instant): an update re-reads what changed in the 5 minutes before the last
    // run (the overlap for clock skew and index lag), which would otherwise count the seed's edits.
    await advance(10 * MINUTE);
    await measure('hourly.first', hourly);
    await advance(60 * MINUTE);
    await measure('hourly.unchanged', hourly);
    // Forge delivers the changes' events to the app's triggers as they happen (as the app: no user
    // behind them); what they cost is part of the project-hour (bench/cost.ts).
    const deliver = async (): Promise<void> => {
      const events = await sim.ask<Record<string, unknown>[]>({ type: 'events' });
      for (const event of events) {
        const ports = portsAs(appLogin);
        if (event['eventType'] === 'avi:jira:created:issue' || event['eventType'] === 'avi:jira:updated:issue') await handleIssueEvent(event, ports);
        else if ((await handleLedgerEvent(event, ports)).status !== 'recorded') throw new Error(`The ledger trigger ignored a ${String(event['eventType'])} event.`);
      }
    };
    const changed = await sim.ask<string[]>({ type: 'change', count: 10 });
    await advance(5 * MINUTE);
    await measure('events.changed10', deliver);
    await advance(55 * MINUTE);
    await measure('hourly.changed10', hourly);
    // A busy hour: 100 issues of the active sprint changed since the last run (bench/cost.ts).
    const changedBusy = await sim.ask<string[]>({ type: 'change', count: 100 });
    await advance(5 * MINUTE);
    await measure('events.changed100', deliver);
    await advance(55 * MINUTE);
    await measure('hourly.changed100', hourly);

    await advance(MINUTE);
    await measure('dashboard.fresh', () => call('po', 'dashboard.get', {}));
    await advance(71 * MINUTE);
    await measure('dashboard.stale', () => call('po', 'dashboard.get', {}));

    await advance(MINUTE);
    await measure('panel.fresh', () => call('po', 'panel.get', {}, target));
    await advance(71 * MINUTE);
    await measure('panel.stale', () => call('po', 'panel.get', {}, target));
    // What the panel then asks for (it said budgetNeedsUpdate): the stale budget brought up to date.
    await measure('panel.budget', () => call('po', 'panel.budget', {}, target));
    await measure('apply.decision', () => call('po', 'panel.applyDecision', { outcome: 'interrupt', reason: 'Benchmark: customer blocked', comment: true, assign: true }, target));

    // History of every closed sprint (26), computed from nothing, then again from storage.
    const historyStore = new CountingStore();
    const history = async (kvs: CountingStore) => {
      const ports = portsAs(appLogin, kvs, SCHEDULED_BUDGET_MS);
      const context = await loadProjectContext(ports, PROJECT);
      const closed = context.sprints.filter((s) => s.state === 'closed');
      const result = await historyRows(ports, context, closed);
      if (result.rows.length !== closed.length) throw new Error(`history: ${result.rows.length} rows for ${closed.length} sprints`);
    };
    await measure('history.first', history, { kvs: historyStore });
    await measure('history.stored', history, { kvs: historyStore });

    await measure('policy.preview', () => call('admin', 'settings.previewPolicy', { policy: DEFAULT_POLICY }));

    // The naive baseline. Its request counts do not depend on latency; its wall time does, and at the
    // larger sizes it would take minutes, so there it runs at 0 ms and its wall time is estimated.
    const mean = input.sim.latencyMs + input.sim.jitterMs / 2;
    const naive = async (op: string, expectedRequests: number, work: (ports: Ports) => Promise<unknown>) => {
      const atLatency = expectedRequests <= input.naiveLatencyMaxRequests;
      if (!atLatency) await sim.ask({ type: 'latency', fixedMs: 0, jitterMs: 0 });
      const naiveStore = new CountingStore();
      await measure(op, async (kvs) => {
        const base = portsAs(appLogin, kvs, SCHEDULED_BUDGET_MS);
        await work({ ...base, jira: naiveJira(base.client) });
      }, { kvs: naiveStore, latencyMs: atLatency ? input.sim.latencyMs : 0, wallEstimated: !atLatency });
      if (!atLatency) {
        await sim.ask({ type: 'latency', fixedMs: input.sim.latencyMs, jitterMs: input.sim.jitterMs });
        const last = ops[ops.length - 1] as Measured;
        ops[ops.length - 1] = { ...last, wallMs: Math.round(last.wallMs + last.depth * mean) };
      }
    };
    await naive('naive.rollup', facts.activeSprintIssues + 10, async (ports) => {
      const context = await loadProjectContext(ports, PROJECT);
      const sprint = activeSprint(context);
      if (!sprint) throw new Error('no active sprint');
      await naiveRollup(ports, context, sprint);
    });
    await naive('naive.history', facts.closedSprintIssues + 3 * facts.closedSprints, async (ports) => {
      const context = await loadProjectContext(ports, PROJECT);
      await naiveHistory(ports, context, context.sprints.filter((s) => s.state === 'closed'));
    });

    return { facts, target, changed, changedBusy, ops, maxRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10 };
  } finally {
    sim.close();
  }
}

if (require.main === module || process.env.BENCH_SCENARIO) {
  const input = JSON.parse(process.env.BENCH_SCENARIO ?? '{}') as ScenarioInput;
  runScenario(input).then(
    (output) => {
      process.send?.({ output });
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
