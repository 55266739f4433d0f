/**
 * JSM SLA field value → domain SlaClock.
 *
 * Shapes (see shared/reference/jira-rest.md §3): `{id, name, completedCycles[], ongoingCycle?,
 * slaDisplayFormat}`; each cycle has `breached`, `remainingTime{millis}` (negative once breached) and
 * `breachTime{epochMillis}`; the ongoing cycle adds `paused`. `OLD_SLA_FORMAT` values may carry only
 * completed cycles and may lack the time objects. Anything missing maps to absent, never to a guess.
 */
import { z } from 'zod';
import type { OngoingSlaCycle, SlaClock, SlaCycle } from '../domain/sla';

const millis = z.object({ millis: z.number() }).loose();
const instant = z.object({ epochMillis: z.number() }).loose();
const cycleSchema = z
  .object({
    breached: z.boolean().optional(),
    paused: z.boolean().optional(),
    remainingTime: millis.optional(),
    breachTime: instant.optional(),
  })
  .loose();
const slaSchema = z
  .object({
    name: z.string().optional(),
    completedCycles: z.array(cycleSchema).optional(),
    ongoingCycle: cycleSchema.nullish(),
  })
  .loose();
type RawCycle = z.infer<typeof cycleSchema>;
/**
 * What Jira Cloud puts in an SLA field it cannot compute, instead of the value: `{errorMessage,
 * i18nErrorMessage}` (seen for an issue whose service project Jira cannot find, e.g. "The service
 * project you are trying to view does not exist."). It holds no cycles, so it is no clock at all.
 */
const slaErrorSchema = z
  .object({ errorMessage: z.string(), completedCycles: z.undefined().optional(), ongoingCycle: z.undefined().optional() })
  .loose();

function cycle(raw: RawCycle): SlaCycle {
  const remaining = raw.remainingTime?.millis;
  return {
    // Jira sometimes leaves `breached` out of OLD values; a negative remaining time says it anyway.
    breached: raw.breached ?? (remaining !== undefined && remaining < 0),
    ...(remaining !== undefined ? { remainingMs: remaining } : {}),
    ...(raw.breachTime ? { breachAtMs: raw.breachTime.epochMillis } : {}),
  };
}

/** Jira's message when the field holds an error in place of an SLA value, else undefined. */
export function slaValueError(value: unknown): string | undefined {
  const parsed = slaErrorSchema.safeParse(value);
  return parsed.success ? parsed.data.errorMessage : undefined;
}

/**
 * Map one SLA field value. Returns null for an empty value (the issue has no such SLA), for Jira's
 * error in its place (`slaValueError`) and for a value that is not SLA-shaped; `fallbackName` is the
 * field's name, used when the value has none.
 */
export function mapSlaValue(value: unknown, fallbackName: string): SlaClock | null {
  if (value === null || value === undefined || slaValueError(value) !== undefined) return null;
  const parsed = slaSchema.safeParse(value);
  if (!parsed.success) return null;
  const sla = parsed.data;
  const ongoing: OngoingSlaCycle | undefined = sla.ongoingCycle ? { ...cycle(sla.ongoingCycle), paused: sla.ongoingCycle.paused ?? false } : undefined;
  return {
    name: sla.name ?? fallbackName,
    completedCycles: (sla.completedCycles ?? []).map(cycle),
    ...(ongoing ? { ongoingCycle: ongoing } : {}),
  };
}
