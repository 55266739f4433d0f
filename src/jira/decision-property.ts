/**
 * The `interruptBudget` issue property: the product owner's decision at the top level (so the
 * `jira:entityProperty` index can expose `outcome`, `decidedAt`… to JQL) and the trigger's
 * suggestion under `suggestion`. Read back through a schema: anyone who can edit the issue can edit
 * its properties, so the value is untrusted input.
 *
 * The index (manifest.yml) reads `decidedAt` as a `date` and `decidedBy` as a `user`. Forge's
 * `jira:entityProperty` reference: a `user` value "is an Atlassian account ID string"; a `date` value
 * is `[YYYY]-[MM]-[DD]`, or a date time `[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]` where `[TZ]` is
 * `+/-[hh]:[mm]` or `Z` (e.g. `2021-05-15T13:44:11Z`): no milliseconds. So the property is written in
 * exactly that form (`2021-05-15T13:44:11Z`), while values written by older releases
 * (`toISOString()`, with milliseconds) are still read.
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
 */
import { z } from 'zod';
import { OUTCOMES } from '../domain/outcome';
import { PRIORITY_LEVELS } from '../domain/priority';
import { SEVERITY_LEVELS } from '../domain/severity';
import { SLA_STATES } from '../domain/sla';
import { indexedInstant, type SuggestedVerdict, type TriageDecision } from '../domain/decision';

/** Any ISO-8601 instant with an offset, milliseconds or not: what this app has ever written. */
const isoInstant = z.iso.datetime({ offset: true });

/** The indexed date time format, as documented for `jira:entityProperty` `date` values (see above). */
export const INDEXED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
/**
 * The shape of an Atlassian account id (`5b10ac8d82e05b22cc7d4ef5`, `557058:f58131cb-…`,
 * `qm:…:…`; at most 128 characters): letters, digits, `:`, `-` and `_`. A shape check, not a
 * lookup: it refuses what is surely not one (empty, a display name with a space, an email address).
 */
export const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/;

/** The facts a verdict was made from (domain/verdict-change.ts); optional: older records have none. */
const verdictFactsSchema = z.object({
  priority: z.enum([...PRIORITY_LEVELS, 'unknown']),
  severity: z.enum([...SEVERITY_LEVELS, 'unknown']),
  sla: z.enum(SLA_STATES),
});

export const decisionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  policyOutcome: z.enum(OUTCOMES),
  policyVersion: z.number().int().nonnegative(),
  ruleId: z.string().nullable(),
  override: z.boolean(),
  reason: z.string().max(2000).optional(),
  decidedBy: z.string().min(1),
  decidedAt: isoInstant,
  sprintId: z.number().int().optional(),
  facts: verdictFactsSchema.optional(),
});

export const suggestionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  ruleId: z.string().nullable(),
  policyVersion: z.number().int().nonnegative(),
  evaluatedAt: isoInstant,
  facts: verdictFactsSchema.optional(),
});

export interface DecisionProperty {
  readonly decision?: TriageDecision;
  readonly suggestion?: SuggestedVerdict;
  /** Set when the stored value could not be read; the panel treats the issue as undecided. */
  readonly problem?: string;
}

/** Read the property value (absent → empty). Never throws. */
export function readDecisionProperty(value: unknown): DecisionProperty {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { problem: 'The recorded triage decision is not an object; it was ignored.' };
  }
  const record = value as Record<string, unknown>;
  const result: { decision?: TriageDecision; suggestion?: SuggestedVerdict; problem?: string } = {};
  if ('outcome' in record) {
    const decision = decisionSchema.safeParse(record);
    if (decision.success) result.decision = decision.data;
    else result.problem = 'The recorded triage decision is incomplete or malformed; it was ignored.';
  }
  if (record.suggestion !== undefined) {
    const suggestion = suggestionSchema.safeParse(record.suggestion);
    if (suggestion.success) result.suggestion = suggestion.data;
  }
  return result;
}

/** What is written: what is read, with the indexed fields in the form the index takes (see above). */
const writtenDecisionSchema = decisionSchema.extend({
  decidedBy: z.string().regex(ACCOUNT_ID, 'must be an Atlassian account id'),
  decidedAt: z.string().regex(INDEXED_DATE_TIME, 'must be [YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]'),
});

/**
 * The property value to write: the decision at the top level, keeping the existing suggestion.
 * `decidedAt` is written in the indexed format whatever instant form it came in; a decision whose
 * `decidedBy` is not an account id is refused (throws): it would never match `interruptDecidedBy`.
 */
export function writeDecisionProperty(decision: TriageDecision | undefined, suggestion: SuggestedVerdict | undefined): Record<string, unknown> {
  const written = decision ? writtenDecisionSchema.parse({ ...decision, decidedAt: indexed(decision.decidedAt) }) : {};
  return { ...written, ...(suggestion ? { suggestion } : {}) };
}

/** An instant in the indexed format; anything that is not an instant is left for the schema to refuse. */
function indexed(instant: string): string {
  const ms = isoInstant.safeParse(instant).success ? Date.parse(instant) : NaN;
  return Number.isFinite(ms) ? indexedInstant(new Date(ms)) : instant;
}
