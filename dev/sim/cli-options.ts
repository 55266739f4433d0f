/**
 * `interrupt-budget sim` flags → simulator options. Fault flags build a FaultConfig (on top of a
 * `--faults FILE` when given), so everything a test can set programmatically a person can set here.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError } from '../../src/cli/cli-error';
import { parseFaultConfig, type FaultConfig } from './faults/config';
import { parsePointsConfig, type PointsConfig } from './points/config';
import type { SimulatorOptions } from './index';

export const SIM_USAGE = `Usage: interrupt-budget sim [options]

Runs the local Jira simulator until interrupted (Ctrl+C).
  --port N                  port to listen on (default 8081; 0 picks a free one)
  --host HOST               interface to listen on (default 127.0.0.1)
  --seed N                  demo site seed (default 1)
  --now ISO-TIME            anchor the demo site at this instant (the clock then stays there)
  --latency MS --jitter MS  add latency to every answer
  --rate-limit-every N      answer every Nth request with 429 (also --rate-limit-next N, --rate-limit-fraction F)
  --rate-limit-headers H    retry-after (default), reset (X-RateLimit-Reset) or none
  --retry-after S           seconds to ask clients to wait (default 1)
  --rate-limit-operation ID only limit this operation (e.g. searchAndReconsileIssuesUsingJqlPost)
  --burst CAPACITY/RATE     per-endpoint token bucket, e.g. 10/5 (10 at once, 5 more per second)
  --unavailable-every N     answer every Nth request with 503 (--unavailable-retry-after S adds Retry-After)
  --slow-every N --slow-ms MS      trickle every Nth body out over MS
  --malformed-every N --malformed truncated|invalid   spoil every Nth body
  --search-lag MS           searches see writes only after MS (unless reconciled)
  --faults FILE             a JSON fault configuration (the flags above override it)
  --points-quota N          enforce Jira's points quota: N points an hour per pool (default 65,000 on Tier 1)
  --points-tier 1|2         enforce it on Tier 1 (one global pool, RateLimit-Reason jira-quota-global-based)
                            or Tier 2 (a pool per tenant, jira-quota-tenant-based)
  --points-edition E        Tier 2 quota by edition: free, standard (default), premium or enterprise
                            (without these flags points are counted, reported at /__sim/points, never refused)
`;

const OPTIONS = {
  port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, now: { type: 'string' },
  latency: { type: 'string' }, jitter: { type: 'string' },
  'rate-limit-every': { type: 'string' }, 'rate-limit-next': { type: 'string' }, 'rate-limit-fraction': { type: 'string' },
  'rate-limit-headers': { type: 'string' }, 'retry-after': { type: 'string' }, 'rate-limit-operation': { type: 'string' },
  burst: { type: 'string' }, 'unavailable-every': { type: 'string' }, 'unavailable-retry-after': { type: 'string' },
  'slow-every': { type: 'string' }, 'slow-ms': { type: 'string' }, 'malformed-every': { type: 'string' }, malformed: { type: 'string' },
  'search-lag': { type: 'string' }, faults: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  'points-quota': { type: 'string' }, 'points-tier': { type: 'string' }, 'points-edition': { type: 'string' },
} as const;

function number(flag: string, value: string | undefined, integer = true): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed) || (integer && !Number.isInteger(parsed)) || parsed < 0) {
    throw new CliError(`--${flag} must be a ${integer ? 'whole ' : ''}non-negative number, not "${value}".`);
  }
  return parsed;
}

function readFaultFile(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`Could not read the fault configuration ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The points flags: any of them turns enforcement on (a person setting a quota wants to meet it). */
function pointsOptions(quota: string | undefined, tier: string | undefined, edition: string | undefined): PointsConfig | undefined {
  if (quota === undefined && tier === undefined && edition === undefined) return undefined;
  if (tier !== undefined && tier !== '1' && tier !== '2') throw new CliError(`--points-tier must be 1 or 2, not "${tier}".`);
  const config = { enforce: true, ...(quota !== undefined ? { quota: number('points-quota', quota) } : {}), ...(tier ? { tier: Number(tier) } : {}), ...(edition ? { edition } : {}) };
  try {
    parsePointsConfig(config);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  return config as PointsConfig;
}

export function parseSimArgs(args: readonly string[]): { options: SimulatorOptions; help: boolean } {
  const { values: v } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: false });
  const faults: Record<string, unknown> = v.faults ? readFaultFile(v.faults) : {};
  const latency = number('latency', v.latency);
  const jitter = number('jitter', v.jitter);
  if (latency !== undefined || jitter !== undefined) faults.latency = { fixedMs: latency ?? 0, jitterMs: jitter ?? 0 };
  const every = number('rate-limit-every', v['rate-limit-every']);
  const next = number('rate-limit-next', v['rate-limit-next']);
  const fraction = number('rate-limit-fraction', v['rate-limit-fraction'], false);
  if (every !== undefined || next !== undefined || fraction !== undefined) {
    faults.rateLimit = {
      ...(every !== undefined ? { every } : {}), ...(next !== undefined ? { next } : {}), ...(fraction !== undefined ? { fraction } : {}),
      ...(v['rate-limit-headers'] ? { headers: v['rate-limit-headers'] } : {}),
      ...(v['retry-after'] ? { retryAfterSeconds: number('retry-after', v['retry-after']) } : {}),
      ...(v['rate-limit-operation'] ? { operationId: v['rate-limit-operation'] } : {}),
    };
  }
  if (v.burst) {
    const match = v.burst.match(/^(\d+)\/(\d+(?:\.\d+)?)$/);
    if (!match) throw new CliError(`--burst must look like CAPACITY/RATE, e.g. 10/5, not "${v.burst}".`);
    faults.burst = { capacity: Number(match[1]), refillPerSecond: Number(match[2]) };
  }
  const unavailable = number('unavailable-every', v['unavailable-every']);
  if (unavailable !== undefined) faults.unavailable = { every: unavailable, ...(v['unavailable-retry-after'] ? { retryAfterSeconds: number('unavailable-retry-after', v['unavailable-retry-after']) } : {}) };
  const slow = number('slow-every', v['slow-every']);
  if (slow !== undefined || v['slow-ms']) faults.slow = { every: slow ?? 1, durationMs: number('slow-ms', v['slow-ms']) ?? 2000 };
  const malformed = number('malformed-every', v['malformed-every']);
  if (malformed !== undefined || v.malformed) faults.malformed = { every: malformed ?? 1, ...(v.malformed ? { kind: v.malformed } : {}) };
  const lag = number('search-lag', v['search-lag']);
  if (lag !== undefined) faults.searchLagMs = lag;

  try {
    parseFaultConfig(faults);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const points = pointsOptions(v['points-quota'], v['points-tier'], v['points-edition']);
  const now = v.now === undefined ? undefined : Date.parse(v.now);
  if (now !== undefined && Number.isNaN(now)) throw new CliError(`--now must be an ISO-8601 time such as 2026-11-23T09:00:00Z, not "${v.now}".`);
  const options: SimulatorOptions = {
    port: number('port', v.port) ?? 8081,
    seed: number('seed', v.seed) ?? 1,
    ...(v.host ? { host: v.host } : {}),
    ...(now !== undefined ? { now } : {}),
    faults: faults as FaultConfig,
    ...(points ? { points } : {}),
  };
  return { options, help: v.help === true };
}
