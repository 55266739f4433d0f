/**
 * The dashboard's resolvers as Forge calls them, against the simulator over real HTTP: the exported
 * handler shape (`{ call, context }`, `{ principal, installContext }`), a ports factory that signs in
 * as the simulator login whose accountId is in the call, one in-memory store shared by every call
 * (as KVS is shared by an installation), and a clock the test moves.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import type { LoginRole } from '../../dev/sim/site/model';
import { MemoryStore } from '../../src/app/storage/memory-store';
import type { Envelope } from '../../src/contract/envelope';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import { JiraClient } from '../../src/jira/jira-client';
import type { Ports } from '../../src/ports';
import { buildResolverHandler } from '../../src/resolvers/index';

export const SEARCH = 'searchAndReconsileIssuesUsingJqlPost';

export interface Harness {
  readonly sim: Simulator;
  readonly store: MemoryStore;
  readonly clock: { nowMs: number };
  call<T>(functionKey: string, payload: unknown, options?: { as?: LoginRole; project?: string; accountId?: string }): Promise<Envelope<T>>;
  /** Ports acting as a login (the app itself is `app`), for trigger cores. */
  portsAs(role: LoginRole): Ports;
  /** Requests the simulator answered since the last `clearRequests`, by operation. */
  count(operationId: string): number;
  close(): Promise<void>;
}

type Handler = (request: unknown, backend: unknown) => Promise<unknown>;

export async function startHarness(nowMs: number): Promise<Harness> {
  const sim = await startSimulator({ port: 0, now: nowMs });
  const store = new MemoryStore();
  const clock = { nowMs };
  const clientAs = (login: { email: string; token: string }) => JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) });
  const portsFor = (accountId: string): Ports => {
    const login = Object.values(sim.users).find((u) => u.accountId === accountId);
    if (!login) throw new Error(`no simulator login for ${accountId}`);
    return {
      jira: clientAs(login),
      appJira: clientAs(sim.users.app),
      store,
      clock: { now: () => clock.nowMs },
    };
  };
  const handler = buildResolverHandler((ctx) => portsFor(ctx.accountId)) as unknown as Handler;
  return {
    sim,
    store,
    clock,
    call: async <T>(functionKey: string, payload: unknown, options: { as?: LoginRole; project?: string; accountId?: string } = {}) =>
      (await handler(
        { call: { functionKey, payload }, context: { extension: { project: { key: options.project ?? 'SUP' } } } },
        { principal: { accountId: options.accountId ?? sim.users[options.as ?? 'po'].accountId }, installContext: 'ari:cloud:jira::site/1' },
      )) as Envelope<T>,
    portsAs: (role) => portsFor(sim.users[role].accountId),
    count: (operationId) => sim.requests().filter((r) => r.operationId === operationId).length,
    close: () => sim.close(),
  };
}

/** The data of an ok envelope; fails the test with the error otherwise. */
export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}
