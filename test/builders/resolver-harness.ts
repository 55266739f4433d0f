/**
 * Calls the resolver handler exactly the way Forge does — `(invokePayload, backendRuntimePayload)`
 * with the user in `principal.accountId` and the page context in `context.extension` — over ports
 * that reach the Jira simulator over real HTTP as the user whose account id the call carries (so
 * Jira's own permission rules apply per user), an in-memory store, and a clock the test moves.
 */
import type { Simulator } from '../../dev/sim';
import { MemoryStore } from '../../src/app/storage/memory-store';
import type { Envelope } from '../../src/contract/envelope';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import { JiraClient } from '../../src/jira/jira-client';
import type { PortsFactory } from '../../src/ports';
import { buildResolverHandler } from '../../src/resolvers/index';

export type Role = 'admin' | 'po' | 'dev' | 'outsider';

export interface CallOptions {
  /** The page context Jira sends; default: the SUP project page. */
  readonly extension?: Record<string, unknown>;
}

export interface ResolverHarness {
  readonly store: MemoryStore;
  now(): number;
  advance(ms: number): void;
  call<T>(role: Role, functionKey: string, payload?: unknown, options?: CallOptions): Promise<Envelope<T>>;
}

/** `call` that must succeed: the data, or a test failure showing the error envelope. */
export async function expectOk<T>(pending: Promise<Envelope<T>>): Promise<T> {
  const envelope = await pending;
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

export function resolverHarness(sim: Simulator, startMs: number): ResolverHarness {
  const store = new MemoryStore();
  let nowMs = startMs;
  const logins = new Map(Object.values(sim.users).map((login) => [login.accountId, login]));
  const portsFor: PortsFactory = (ctx) => {
    const login = logins.get(ctx.accountId);
    if (!login) throw new Error(`No simulator login has account id ${ctx.accountId}`);
    const transport = new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token });
    const app = new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.app.email, apiToken: sim.users.app.token });
    return { jira: JiraClient.create({ transport }), appJira: JiraClient.create({ transport: app }), store, clock: { now: () => nowMs } };
  };
  const handler = buildResolverHandler(portsFor);
  return {
    store,
    now: () => nowMs,
    advance: (ms) => {
      nowMs += ms;
    },
    call: async <T>(role: Role, functionKey: string, payload: unknown = {}, options: CallOptions = {}) =>
      (await handler(
        { call: { functionKey, payload }, context: { extension: options.extension ?? { project: { key: 'SUP' } } } },
        { principal: { accountId: sim.users[role].accountId }, installContext: 'ari:cloud:jira::site/1' },
      )) as Envelope<T>,
  };
}
