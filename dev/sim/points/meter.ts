/**
 * The points meter of a running simulator: what each answered request cost (rules.ts), in hourly
 * windows on the simulator's clock (they reset at the top of each UTC hour, as Jira's do), per tenant
 * and caller, and whether the app's pool has room for the next request.
 *
 * Pools: on Tier 1 one pool for the app, shared by every tenant; on Tier 2 one per tenant. The
 * simulator is one site, so a request names its tenant with the simulator-only `X-Sim-Tenant` header
 * (default `demo`): a test can then play several customers of one app against one site and see the
 * global pool shared and the per-tenant pools kept apart. The app never sends it.
 *
 * Charged after the handler ran (the cost depends on what it returned), so the request that crosses
 * the quota is served and the next one is refused — as Jira can only know a cost once it has answered.
 * Refused requests (by the quota, by an injected fault, by authentication) cost nothing.
 */
import type { SimOperationId } from '../http/operations';
import type { SiteUser } from '../site/model';
import { parsePointsConfig, quotaOf, type PointsConfig, type ResolvedPointsConfig } from './config';
import { HOUR_MS, isNearLimit, isSpent, policyName, quotaHeaders, quotaReason, remainingOf, secondsToReset, type PoolState } from './headers';
import { costOf } from './rules';

export const TENANT_HEADER = 'x-sim-tenant';
export const DEFAULT_TENANT = 'demo';

export type Caller = 'app' | 'user';

export interface Tally {
  requests: number;
  points: number;
  objects: number;
  /** Requests refused because the pool was spent. */
  refused: number;
}

export interface PoolReport {
  /** `global` on Tier 1, else the tenant. */
  readonly pool: string;
  readonly hour: string;
  readonly quota: number;
  readonly spent: number;
  readonly remaining: number;
  readonly nearLimit: boolean;
  readonly resetsAt: string;
  readonly resetsInSeconds: number;
}

export interface PointsReport {
  readonly config: ResolvedPointsConfig & { readonly quota: number; readonly policy: string; readonly reason: string };
  readonly now: string;
  readonly total: Tally;
  readonly byOperation: Record<string, Tally>;
  readonly byCaller: Record<Caller, Tally>;
  /** By account id of the caller. */
  readonly byAccount: Record<string, Tally>;
  readonly byTenant: Record<string, Tally>;
  /** One entry per hour window that saw a request, oldest first; `hour` is the window's start. */
  readonly byHour: readonly (Tally & { readonly hour: string })[];
  /** The pools of the current window (each tenant's on Tier 2; at least the default tenant's). */
  readonly pools: readonly PoolReport[];
}

interface Line extends Tally {
  readonly hourMs: number;
  readonly tenant: string;
  readonly caller: Caller;
  readonly accountId: string;
  readonly operationId: string;
}

export interface MeteredRequest {
  readonly operationId: SimOperationId | undefined;
  readonly user: SiteUser;
  readonly tenant: string;
}

/** What a charged answer adds: its points and the quota headers. */
export interface Charge {
  readonly points: number;
  readonly headers: Record<string, string>;
}

const emptyTally = (): Tally => ({ requests: 0, points: 0, objects: 0, refused: 0 });
const addTo = (into: Tally, from: Tally): void => {
  into.requests += from.requests;
  into.points += from.points;
  into.objects += from.objects;
  into.refused += from.refused;
};
const iso = (ms: number): string => new Date(ms).toISOString();
const UNROUTED = '(no operation)';

export function tenantOf(headers: Readonly<Record<string, string | string[] | undefined>>): string {
  const value = headers[TENANT_HEADER];
  const tenant = (Array.isArray(value) ? value[0] : value)?.trim();
  return tenant ? tenant : DEFAULT_TENANT;
}

export class PointsMeter {
  private config: ResolvedPointsConfig;
  private lines = new Map<string, Line>();
  /** Points spent per hour window (`hourMs`) and per hour and tenant (`hourMs|tenant`): what the pools hold. */
  private spent = new Map<string, number>();

  /** `siteUsers`: the people of the site, for a Tier 2 quota by edition. */
  constructor(private readonly now: () => number, private readonly siteUsers: number, initial?: PointsConfig) {
    this.config = parsePointsConfig(initial ?? {});
  }

  /** Replace the settings (the spend so far is kept). Throws on an invalid config. */
  set(config: PointsConfig): void {
    this.config = parsePointsConfig(config);
  }

  current(): PointsReport['config'] {
    return { ...this.config, quota: quotaOf(this.config, this.siteUsers), policy: policyName(this.config.tier), reason: quotaReason(this.config.tier) };
  }

  /** Forget every request counted so far: every pool is full again. */
  reset(): void {
    this.lines.clear();
    this.spent.clear();
  }

  /** The quota's 429 when the pool of this request is spent and enforced (the refusal is counted), else undefined. */
  admit(request: MeteredRequest): { status: number; body: unknown; headers: Record<string, string> } | undefined {
    const pool = this.pool(request.tenant);
    if (!this.config.enforce || !isSpent(pool)) return undefined;
    this.line(request).refused++;
    return { status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} }, headers: quotaHeaders(pool, true, true) };
  }

  /** Count an answered request and give its points and the headers to send with it. */
  charge(request: MeteredRequest, status: number, body: unknown): Charge {
    const cost = costOf(request.operationId, status, body);
    const line = this.line(request);
    line.requests++;
    line.points += cost.points;
    line.objects += cost.objects;
    for (const key of [String(line.hourMs), `${line.hourMs}|${line.tenant}`]) this.spent.set(key, (this.spent.get(key) ?? 0) + cost.points);
    return { points: cost.points, headers: quotaHeaders(this.pool(request.tenant), this.config.enforce, false) };
  }

  report(): PointsReport {
    const total = emptyTally();
    const byOperation: Record<string, Tally> = {};
    const byCaller: Record<Caller, Tally> = { app: emptyTally(), user: emptyTally() };
    const byAccount: Record<string, Tally> = {};
    const byTenant: Record<string, Tally> = {};
    const byHour = new Map<number, Tally>();
    const into = (record: Record<string, Tally>, key: string): Tally => (record[key] ??= emptyTally());
    for (const line of this.lines.values()) {
      addTo(total, line);
      addTo(into(byOperation, line.operationId), line);
      addTo(byCaller[line.caller], line);
      addTo(into(byAccount, line.accountId), line);
      addTo(into(byTenant, line.tenant), line);
      const hour = byHour.get(line.hourMs) ?? emptyTally();
      byHour.set(line.hourMs, hour);
      addTo(hour, line);
    }
    const hourNow = this.hourStart();
    const tenants = new Set([DEFAULT_TENANT, ...[...this.lines.values()].filter((l) => l.hourMs === hourNow).map((l) => l.tenant)]);
    const pools = this.config.tier === 1 ? [this.poolReport('global', DEFAULT_TENANT)] : [...tenants].sort().map((t) => this.poolReport(t, t));
    return {
      config: this.current(),
      now: iso(this.now()),
      total,
      byOperation,
      byCaller,
      byAccount,
      byTenant,
      byHour: [...byHour].sort(([a], [b]) => a - b).map(([hourMs, tally]) => ({ hour: iso(hourMs), ...tally })),
      pools,
    };
  }

  private hourStart(): number {
    return Math.floor(this.now() / HOUR_MS) * HOUR_MS;
  }

  /** The pool a tenant's requests draw on in the current window. */
  private pool(tenant: string): PoolState {
    const hourMs = this.hourStart();
    const spent = this.spent.get(this.config.tier === 1 ? String(hourMs) : `${hourMs}|${tenant}`) ?? 0;
    return { tier: this.config.tier, quota: quotaOf(this.config, this.siteUsers), spent, resetAtMs: hourMs + HOUR_MS, nowMs: this.now() };
  }

  private poolReport(name: string, tenant: string): PoolReport {
    const pool = this.pool(tenant);
    return {
      pool: name,
      hour: iso(pool.resetAtMs - HOUR_MS),
      quota: pool.quota,
      spent: pool.spent,
      remaining: remainingOf(pool),
      nearLimit: isNearLimit(pool),
      resetsAt: iso(pool.resetAtMs),
      resetsInSeconds: secondsToReset(pool),
    };
  }

  private line(request: MeteredRequest): Line {
    const hourMs = this.hourStart();
    const caller: Caller = request.user.accountType === 'app' ? 'app' : 'user';
    const operationId = request.operationId ?? UNROUTED;
    const key = JSON.stringify([hourMs, request.tenant, request.user.accountId, operationId]);
    let line = this.lines.get(key);
    if (!line) {
      line = { hourMs, tenant: request.tenant, caller, accountId: request.user.accountId, operationId, ...emptyTally() };
      this.lines.set(key, line);
    }
    return line;
  }
}
