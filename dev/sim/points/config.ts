/**
 * How the simulator meters and limits points, as data: the same JSON drives
 * `startSimulator({points})`, `sim.points.set()`, `POST /__sim/points` and the CLI flags.
 *
 * Figures from https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ ("Points-based rate
 * limit quotas by tiers"): Tier 1 is one 65,000-point hourly pool per app shared by every tenant;
 * Tier 2 gives each tenant its own hourly pool by edition — Free 65,000, Standard 100,000 + 10 × users,
 * Premium 130,000 + 20 × users, Enterprise 150,000 + 30 × users, the last three capped at 500,000.
 */
import { z } from 'zod';
import { parseSettings } from '../settings';

export const TIER1_QUOTA = 65_000;
export const TIER2_CAP = 500_000;
const TIER2 = { free: { base: 65_000, perUser: 0 }, standard: { base: 100_000, perUser: 10 }, premium: { base: 130_000, perUser: 20 }, enterprise: { base: 150_000, perUser: 30 } } as const;
export type Edition = keyof typeof TIER2;

export const pointsConfigSchema = z
  .object({
    /**
     * Answer 429 once the pool is spent. Off (the default), points are still counted and reported and
     * the quota headers still sent, with Jira's `Beta-` prefix, as Jira did before enforcing.
     */
    enforce: z.boolean().default(false),
    /** 1: one global pool for the app (every tenant shares it); 2: a pool per tenant. */
    tier: z.union([z.literal(1), z.literal(2)]).default(1),
    /** Points per hour of a pool; default 65,000 on Tier 1, the edition's figure on Tier 2. */
    quota: z.number().int().positive().optional(),
    /** Tier 2: the tenants' edition (default standard). */
    edition: z.enum(['free', 'standard', 'premium', 'enterprise']).default('standard'),
    /** Tier 2: the tenants' user count (default: the demo site's people). */
    users: z.number().int().min(0).optional(),
  })
  .strict();

export type PointsConfig = z.input<typeof pointsConfigSchema>;
export type ResolvedPointsConfig = z.output<typeof pointsConfigSchema>;

/** A Tier 2 tenant's hourly quota, by edition and user count. */
export function tier2Quota(edition: Edition, users: number): number {
  const { base, perUser } = TIER2[edition];
  return edition === 'free' ? base : Math.min(TIER2_CAP, base + perUser * users);
}

/** The hourly quota of each pool under this config. */
export function quotaOf(config: ResolvedPointsConfig, siteUsers: number): number {
  if (config.quota !== undefined) return config.quota;
  return config.tier === 1 ? TIER1_QUOTA : tier2Quota(config.edition, config.users ?? siteUsers);
}

/** Validate a config; throws with one readable sentence when it is not one. */
export function parsePointsConfig(value: unknown): ResolvedPointsConfig {
  return parseSettings(pointsConfigSchema, 'points', value);
}
