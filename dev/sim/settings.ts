/**
 * Reading a JSON settings object of the simulator (fault injection, the points meter) through its zod
 * schema, so every way in — options, `sim.*.set()`, `/__sim/*` bodies, CLI flags — refuses a bad one
 * with the same kind of one readable sentence.
 */
import type { z } from 'zod';

/** Validate `value` (undefined: `{}`); throws `Invalid <what> configuration at <path>: <why>.` */
export function parseSettings<S extends z.ZodTypeAny>(schema: S, what: string, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${what} configuration at ${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'not valid'}.`);
  }
  return parsed.data as z.output<S>;
}
