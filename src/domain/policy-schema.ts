/**
 * Validation of a policy that crosses a boundary (a settings save, a file given to the CLI, a stored
 * record). Errors are sentences an admin can act on, naming the rule they are about.
 */
import { z } from 'zod';
import { OUTCOMES } from './outcome';
import { hiddenCharacterSentence, stripHidden } from './plain-text';
import { PRIORITY_LEVELS } from './priority';
import { SEVERITY_LEVELS } from './severity';
import { SLA_STATES } from './sla';
import type { Policy } from './policy';

const nonEmptyText = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
/**
 * Condition values (issue types, labels, components) must match Jira's exactly, so a hidden
 * character (plain-text.ts) is refused with what to remove; a rule's name is prose shown in the panel
 * and the decision comment, so its hidden characters are stripped.
 */
const textList = z
  .array(nonEmptyText)
  .min(1, 'needs at least one value')
  .max(50, 'can hold at most 50 values')
  .superRefine((values, ctx) => {
    values.forEach((value, i) => {
      const sentence = hiddenCharacterSentence(`value ${i + 1}`, value);
      if (sentence) ctx.addIssue({ code: 'custom', message: sentence });
    });
  });
/** The name is what the panel and the decision comment call the rule, so an empty one asks for a name (issue 12, item 10). */
const ruleName = z
  .string()
  .transform((name) => stripHidden(name))
  .pipe(z.string().trim().min(1, 'Give the rule a name').max(100, 'A rule name must be at most 100 characters'));

export const CONDITION_KINDS = ['priority-in', 'severity-in', 'sla-in', 'issue-type-in', 'labels-any', 'components-any', 'is-support'] as const;

export const conditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('priority-in'), levels: z.array(z.enum([...PRIORITY_LEVELS, 'unknown'])).min(1, 'needs at least one value') }),
  z.strictObject({ kind: z.literal('severity-in'), levels: z.array(z.enum([...SEVERITY_LEVELS, 'unknown'])).min(1, 'needs at least one value') }),
  z.strictObject({ kind: z.literal('sla-in'), states: z.array(z.enum(SLA_STATES)).min(1, 'needs at least one value') }),
  z.strictObject({ kind: z.literal('issue-type-in'), types: textList }),
  z.strictObject({ kind: z.literal('labels-any'), labels: textList }),
  z.strictObject({ kind: z.literal('components-any'), components: textList }),
  z.strictObject({ kind: z.literal('is-support'), value: z.boolean() }),
]);

// Strict objects: a misspelt key ("condtions") is an error, not a silently empty rule.
export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or dashes'),
  name: ruleName,
  conditions: z.array(conditionSchema).max(10, 'A rule can have at most 10 conditions'),
  outcome: z.enum(OUTCOMES),
});

export const policySchema = z
  .strictObject({
    rules: z.array(ruleSchema).max(50, 'A policy can have at most 50 rules'),
    defaultOutcome: z.enum(OUTCOMES),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `repeats the id "${rule.id}"; rule ids must be unique` });
      }
      seen.add(rule.id);
    });
  });

/** Turn a zod issue path into words: ["rules", 2, "conditions", 0] → "rule 3, condition 1". */
function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if ((key === 'rules' || key === 'conditions') && typeof next === 'number') {
      parts.push(`${key === 'rules' ? 'rule' : 'condition'} ${next + 1}`);
      i++;
    } else if (typeof key === 'number') {
      parts.push(`item ${key + 1}`);
    } else {
      parts.push(String(key));
    }
  }
  return parts.length === 0 ? 'The policy' : `The policy's ${parts.join(', ')}`;
}

/** Plain words for zod's issue codes; custom messages written in this file pass through as they are. */
function wordsFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      // Only the condition union can fail this way: its discriminator (`kind`) matched no variant.
      return `kind must be one of ${CONDITION_KINDS.join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be ${issue.expected === 'array' ? 'a list' : /^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : undefined;
    case 'too_big':
      return `is too long (at most ${String(issue.maximum)})`;
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

export type PolicyParseResult = { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly errors: readonly string[] };

/** Validate unknown input as a policy. Never throws; errors are sentences naming the rule and field. */
export function parsePolicy(input: unknown): PolicyParseResult {
  const result = policySchema.safeParse(input, { error: wordsFor });
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}.`) };
}
