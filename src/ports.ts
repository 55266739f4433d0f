/**
 * The only things use cases depend on. Adapters live in `src/forge/` (Forge runtime) and `dev/`
 * (local runs); tests hand the use cases the simulator-backed client and an in-memory store.
 */
import type { JiraClient } from './jira/jira-client';

/** Jira, as a user or as the app: the client's domain-level operations. */
export type JiraPort = Pick<JiraClient, 'fieldList' | 'discoverFields' | 'searchTickets' | 'searchTicketsParallel' | 'issueIds' | 'browsableIssueIds' | 'hasAnyIssue' | 'approximateCount' | 'ticket' | 'issues' | 'agile' | 'people' | 'config'>;

/**
 * One write of a transaction. `ifAbsent` makes a set create-only: the whole transaction fails when
 * the key already exists (Forge's `keyPolicy: 'FAIL_IF_EXISTS'`). A delete of a missing key is no
 * condition: nothing relies on what the platform does with it.
 */
export type StoreWrite =
  | { readonly kind: 'set'; readonly key: string; readonly value: unknown; readonly ifAbsent?: boolean }
  | { readonly kind: 'delete'; readonly key: string };

/**
 * What a conditional write did: everything applied, or nothing because a create-only key already
 * exists (`key` when the store can tell which; Forge's answer may not say).
 */
export type ConditionalWrite = { readonly ok: true } | { readonly ok: false; readonly reason: 'exists'; readonly key?: string };

/**
 * Forge's limits on one transaction: at most 25 operations, each key at most once, about 4 MB in all
 * (https://developer.atlassian.com/platform/forge/storage-reference/transactions/ — "Limitations";
 * the 4 MB: https://developer.atlassian.com/platform/forge/storage-reference/batchops, "similar to
 * transactions"). A transaction over them is refused as a whole (an error, not a ConditionalWrite).
 */
export const TRANSACTION_LIMITS = { operations: 25, payloadBytes: 4_000_000 } as const;

/** Key-value storage with Forge KVS semantics: JSON values ≤ 240 KiB, prefix listing. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix` (the adapter pages through KVS's 20-per-page limit). */
  list(prefix: string): Promise<Array<{ key: string; value: unknown }>>;
  /** Store `value` only if `key` does not exist yet (create-only; never overwrites). */
  setIfAbsent(key: string, value: unknown): Promise<ConditionalWrite>;
  /**
   * All of `writes` or none: applied together, or nothing when a create-only set finds its key.
   * Refused (thrown) when over TRANSACTION_LIMITS, when a key appears twice, or empty.
   */
  transact(writes: readonly StoreWrite[]): Promise<ConditionalWrite>;
}

export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/** What one invocation works with. */
export interface Ports {
  /** Jira as the person using the app (interactive calls): Jira enforces their permissions. */
  readonly jira: JiraPort;
  /**
   * Jira as the app (`asApp`): the complete view every viewer's shared numbers are computed from, so
   * they do not depend on who looked first. Use it only after `jira` proved the user may see the
   * project, and show its items only through the viewer filter (app/access/viewer-filter.ts). In
   * triggers and scheduled jobs, where no user is behind the call, `jira` and `appJira` are the same.
   */
  readonly appJira: JiraPort;
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
