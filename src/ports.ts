/**
 * The only things use cases depend on. Adapters live in `src/forge/` (Forge runtime) and `dev/`
 * (local runs); tests hand the use cases the simulator-backed client and an in-memory store.
 */
import type { JiraClient } from './jira/jira-client';

/** Jira, as a user or as the app: the client's domain-level operations. */
export type JiraPort = Pick<JiraClient, 'fieldList' | 'discoverFields' | 'searchTickets' | 'searchTicketsParallel' | 'issueIds' | 'ticket' | 'issues' | 'agile' | 'people'>;

/** Key-value storage with Forge KVS semantics: JSON values ≤ 240 KiB, prefix listing. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix` (the adapter pages through KVS's 20-per-page limit). */
  list(prefix: string): Promise<Array<{ key: string; value: unknown }>>;
}

export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/** What one invocation works with. */
export interface Ports {
  /** Jira as the person using the app (interactive calls): Jira enforces their permissions. */
  readonly jira: JiraPort;
  readonly store: KeyValueStore;
  readonly clock: Clock;
}

/** Identity and location of one resolver call, as far as they can be trusted (see resolvers/call-context.ts). */
export interface InvocationContext {
  readonly accountId: string;
  readonly projectKey?: string;
  readonly issueKey?: string;
}

/** Builds the ports for one invocation: Forge adapters in production, simulator-backed ones in tests. */
export type PortsFactory = (ctx: InvocationContext) => Ports;
