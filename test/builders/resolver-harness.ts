/**
 * The resolver test harness: the app's resolver handler called exactly the way Forge calls it —
 * `handler(invokePayload, backendRuntimePayload)`, i.e. `({ call: { functionKey, payload }, context:
 * { extension } }, { principal: { accountId }, installContext })` — against the Jira simulator over
 * real HTTP.
 *
 * - Every invocation's ports: `jira` signs in as the simulator login whose account id the call
 *   carries (so Jira's own permission rules apply per user), `appJira` as the app's own login
 *   (`sim.users.app`), one store shared by every call (as KVS is shared by an installation: a
 *   MemoryStore unless the test passes its own, e.g. a slow or counting one), and `clock.nowMs`, the
 *   app's clock, which the test moves.
 * - `where` is the page the call comes from: a project page (`{ project: 'SUP' }`, the default), the
 *   triage panel on an issue (`{ issueKey }`), or any extension Jira might send (`{ extension }`).
 * - `portsAs(role)`: the same ports for a trigger core, which runs as the app (`portsAs('app')`).
 * - Each invocation (and each `portsAs`) gets one Meter, shared by its user's and app's transports,
 *   pushed onto `meters`: its requests and sequential round trips (test/builders/counting-transport.ts).
 *
 * `resolverHarness(sim)` runs over a simulator the test started (and closes); `startResolverHarness()`
 * starts one for the harness and closes it with `close()`.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import type { LoginRole } from '../../dev/sim/site/model';
import { MemoryStore } from '../../src/app/storage/memory-store';
import type { Envelope } from '../../src/contract/envelope';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import type { Clock as HttpClock } from '../../src/jira/jira-http';
import { JiraClient } from '../../src/jira/jira-client';
import type { KeyValueStore, Ports } from '../../src/ports';
import { buildResolverHandler } from '../../src/resolvers/index';
import { NOW } from './clocks';
import { CountingTransport, newMeter, type Meter } from './counting-transport';

/** Who calls: a simulator login, or an account id (a login's; any other makes the ports factory throw, as no login signs in for it). */
export type Caller = LoginRole | { readonly accountId: string };

/** The page a call comes from, as Forge puts it in `context.extension`. */
export type Where =
  /** A project page (dashboard, settings): `{ project: { key } }`. */
  | { readonly project: string }
  /** The triage panel on this issue: `type: 'jira:issuePanel'`, the issue's key and id, its project, `moduleKey: 'triage-panel'`. */
  | { readonly issueKey: string }
  /** This extension as it is (a global page, a forged or partial context…). */
  | { readonly extension: Record<string, unknown> };

export interface HarnessOptions<S extends KeyValueStore = KeyValueStore> {
  /** The installation's storage; default a new MemoryStore. */
  readonly store?: S;
  /** Where the app's clock starts; default NOW. */
  readonly nowMs?: number;
  /** A clock for the Jira clients' retries (their waits and `Retry-After`), made once per invocation, e.g. recordingClock. */
  readonly httpClock?: () => HttpClock;
}

export interface ResolverHarness<S extends KeyValueStore = MemoryStore> {
  readonly sim: Simulator;
  readonly store: S;
  /** The app's clock: set `nowMs` to move it. */
  readonly clock: { nowMs: number };
  /** One per invocation and per `portsAs`, oldest first. */
  readonly meters: readonly Meter[];
  /** Invoke a resolver function; `payload` defaults to `{}`, `where` to the SUP project page. */
  call<T = unknown>(who: Caller, functionKey: string, payload?: unknown, where?: Where): Promise<Envelope<T>>;
  /** The ports an invocation as this login gets, for trigger cores (the app itself is `app`). */
  portsAs(role: LoginRole): Ports;
  /** Requests the simulator answered for this operation since its log was last cleared. */
  count(operationId: string): number;
}

export interface StartedResolverHarness<S extends KeyValueStore = MemoryStore> extends ResolverHarness<S> {
  /** Closes the simulator the harness started. */
  close(): Promise<void>;
}

/** The harness's store type: the one the options pass, a MemoryStore otherwise. */
type StoreOf<O> = O extends { readonly store: infer S extends KeyValueStore } ? S : MemoryStore;

export function resolverHarness<O extends HarnessOptions = HarnessOptions<MemoryStore>>(sim: Simulator, options: O = {} as O): ResolverHarness<StoreOf<O>> {
  const store = (options.store ?? new MemoryStore()) as StoreOf<O>;
  const clock = { nowMs: options.nowMs ?? NOW };
  const meters: Meter[] = [];
  const transport = (login: { email: string; token: string }, meter: Meter) =>
    new CountingTransport(new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }), meter);
  const portsFor = (accountId: string): Ports => {
    const login = Object.values(sim.users).find((u) => u.accountId === accountId);
    if (!login) throw new Error(`No simulator login has account id ${accountId}`);
    const meter = newMeter(); // the user's and the app's requests of one invocation, counted together
    meters.push(meter);
    const httpClock = options.httpClock?.();
    const client = (t: CountingTransport) => JiraClient.create({ transport: t, ...(httpClock ? { clock: httpClock } : {}) });
    const jira = client(transport(login, meter));
    // As the app (triggers, scheduled jobs), `jira` and `appJira` are one client, as in forgeAppPorts.
    return { jira, appJira: login === sim.users.app ? jira : client(transport(sim.users.app, meter)), store, clock: { now: () => clock.nowMs } };
  };
  const handler = buildResolverHandler((ctx) => portsFor(ctx.accountId));
  const extensionOf = (where: Where): { extension: Record<string, unknown>; moduleKey?: string } => {
    if ('extension' in where) return { extension: where.extension };
    if ('project' in where) return { extension: { project: { key: where.project } } };
    const { issueKey } = where;
    const project = issueKey.slice(0, issueKey.lastIndexOf('-'));
    return { extension: { type: 'jira:issuePanel', issue: { key: issueKey, id: sim.store.issue(issueKey)?.id ?? '0' }, project: { key: project } }, moduleKey: 'triage-panel' };
  };
  return {
    sim,
    store,
    clock,
    meters,
    call: async <T>(who: Caller, functionKey: string, payload: unknown = {}, where: Where = { project: 'SUP' }) => {
      const accountId = typeof who === 'string' ? sim.users[who].accountId : who.accountId;
      return (await handler({ call: { functionKey, payload }, context: extensionOf(where) }, { principal: { accountId }, installContext: 'ari:cloud:jira::site/1' })) as Envelope<T>;
    },
    portsAs: (role) => portsFor(sim.users[role].accountId),
    count: (operationId) => sim.requests().filter((r) => r.operationId === operationId).length,
  };
}

/** A harness over a simulator of its own: the demo site anchored at `nowMs` (default NOW), frozen. */
export async function startResolverHarness<O extends HarnessOptions = HarnessOptions<MemoryStore>>(options: O = {} as O): Promise<StartedResolverHarness<StoreOf<O>>> {
  const sim = await startSimulator({ port: 0, now: options.nowMs ?? NOW });
  return { ...resolverHarness(sim, options), close: () => sim.close() };
}

/**
 * The data of an ok envelope; fails the test with the error otherwise. Typed by the call
 * (`dataOf(await h.call<PanelView>(…))`), or, for an envelope typed `unknown`, by the test
 * (`dataOf<PanelView>(await h.call(…))`).
 */
export function dataOf<T>(envelope: Envelope<T>): T;
export function dataOf<T>(envelope: Envelope<unknown>): T;
export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}
