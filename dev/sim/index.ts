/**
 * The local Jira simulator: a real HTTP server that speaks Jira Cloud's REST contract for every
 * operation in src/jira/operations.ts (and the GET search, for other clients: http/operations.ts),
 * over a deterministic demo site, with Jira's permission rules,
 * fault injection, a request log and Jira's points meter (points/). For running, demoing and testing the app without a Jira site;
 * never deployed.
 *
 * ```ts
 * const sim = await startSimulator({ now: Date.parse('2026-11-23T09:00:00Z') });
 * const { email, token } = sim.users.po; // basic auth against sim.url
 * await sim.close();
 * ```
 */
import type { AddressInfo } from 'node:net';
import { siteClock, type ClockMode, type MovableClock } from './clock';
import { FaultController } from './faults/controller';
import type { FaultConfig } from './faults/config';
import { RequestLog, type RecordedRequest } from './http/request-log';
import { createSimulatorServer } from './http/server';
import type { PointsConfig } from './points/config';
import { PointsMeter } from './points/meter';
import { seedSite } from './seed/seed-site';
import type { SiteScale } from './seed/scale';
import type { LoginRole } from './site/model';
import type { SiteStore } from './site/store';
import { EventOutbox } from './events/outbox';
import { eventsOfChange, issueCreatedEvent, issueDeletedEvent } from './events/forge-events';
import { siteChanges, type SiteChanges } from './events/site-changes';
import { loginUser } from './site/users';

export type { FaultConfig } from './faults/config';
export type { RecordedRequest } from './http/request-log';
export type { SiteStore } from './site/store';
export type { SiteScale } from './seed/scale';
export type { MovableClock } from './clock';
export type { EventFaults } from './events/outbox';
export type { SimEvent } from './events/forge-events';
export type { PointsConfig } from './points/config';
export type { PointsReport, Tally } from './points/meter';
export { PointsMeter } from './points/meter';
export { FaultController } from './faults/controller';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Seed of the demo site and of seeded faults; default 1. */
  readonly seed?: number;
  /** Epoch ms the demo site is anchored to; default now. */
  readonly now?: number;
  /** Default: frozen when `now` is given (reproducible), running otherwise (SLA clocks tick). */
  readonly clock?: ClockMode;
  readonly faults?: FaultConfig;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Default off: a larger SUP board for benchmarks (see seed/scale.ts); without it the demo site is unchanged. */
  readonly scale?: SiteScale;
  /**
   * Jira's points (points/config.ts): always counted; default Tier 1, 65,000 an hour, not enforced
   * (`{ enforce: true }` answers 429 once the pool is spent).
   */
  readonly points?: PointsConfig;
}

export interface SimulatorLogin {
  readonly email: string;
  readonly token: string;
  readonly accountId: string;
  readonly displayName: string;
}

export interface Simulator {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  readonly faults: FaultController;
  /** The points meter: `report()` (spend by operation, caller, tenant and hour; the pools), `reset()`, `set(config)`. */
  readonly points: PointsMeter;
  requests(): readonly RecordedRequest[];
  clearRequests(): void;
  /** The live in-memory site, for tests to check what writes did (and `store.securedIssues()`: which issues have a security level). */
  readonly store: SiteStore;
  /** The five logins: four people and `app`, the app's own account (what `asApp()` calls are made as). */
  readonly users: Readonly<Record<LoginRole, SimulatorLogin>>;
  /**
   * The site's "now" (what relative JQL, SLA clocks and write stamps use). Frozen at `now` in tests;
   * `sim.clock.set(ms)` / `sim.clock.advance(ms)` move it, e.g. in step with the app's clock.
   */
  readonly clock: Pick<MovableClock, 'now' | 'set' | 'advance'>;
  /**
   * The Forge events the site's changes raised (events/forge-events.ts), delivered as Forge does
   * (events/outbox.ts): `take({ ignoreSelf: sim.users.app.accountId })` hands over what is due,
   * `setFaults` drops, duplicates, delays and reorders them.
   */
  readonly events: EventOutbox;
  /** What people do in Jira that the app's client cannot (work logged, a status, a deletion), raising its events. */
  readonly changes: SiteChanges;
}

const ROLES: readonly LoginRole[] = ['admin', 'po', 'dev', 'outsider', 'app'];

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 1;
  const clock = siteClock(options.now ?? Date.now(), options.clock ?? (options.now === undefined ? 'running' : 'frozen'));
  const store = seedSite(seed, clock, options.scale);
  // Events start with the live site: the seed is history, raised before the app was there.
  const events = new EventOutbox(seed, clock.now);
  store.observer = {
    changed: (before, after, causedBy) => eventsOfChange(store, before, after, causedBy, clock.now()).forEach((e) => events.emit(e)),
    created: (issue, causedBy) => events.emit(issueCreatedEvent(store, issue, causedBy, clock.now())),
    deleted: (issue, causedBy) => events.emit(issueDeletedEvent(store, issue, causedBy, clock.now())),
  };
  const faults = new FaultController(seed, options.faults);
  const log = new RequestLog();
  const points = new PointsMeter(clock.now, store.users.filter((u) => u.accountType !== 'app').length, options.points);
  const host = options.host ?? '127.0.0.1';
  let url = '';
  const server = createSimulatorServer({ store, faults, log, points, base: () => url });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const users = Object.fromEntries(
    ROLES.map((role) => {
      const user = loginUser(role);
      return [role, { email: user.email, token: user.token ?? '', accountId: user.accountId, displayName: user.displayName }];
    }),
  ) as Record<LoginRole, SimulatorLogin>;
  return {
    url,
    port,
    faults,
    points,
    store,
    users,
    clock: { now: clock.now, set: clock.set, advance: clock.advance },
    events,
    changes: siteChanges(store, () => users.admin.accountId),
    requests: () => log.all(),
    clearRequests: () => log.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
