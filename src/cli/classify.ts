/**
 * `interrupt-budget classify`: apply an interrupt policy to Jira issues exported from a site, and say
 * for each what the policy decides and why. It is how an admin tries a policy on real tickets before
 * saving it.
 *
 * Input per file: one issue, an array of issues, or a search response (`{"issues": […]}`); with
 * `unwrap`, a webhook or Forge event's issue. Anything else is named (`input-shape.ts`).
 * Output: one JSON object per issue, in input order.
 */
import { parsePolicy } from '../domain/policy-schema';
import { DEFAULT_POLICY, evaluatePolicy, type Policy } from '../domain/policy';
import { DEFAULT_CLASSIFICATION, triageFacts } from '../domain/triage-facts';
import { discoverFields, EMPTY_CATALOG, type FieldCatalog } from '../jira/field-catalog';
import { mapIssue, NO_SEVERITY_FIELD } from '../jira/issue-mapper';
import { CliError } from './cli-error';
import { inputShape, shapeProblem } from './input-shape';
import { parseJson, type NamedText } from './read-json';

export interface ClassifyInput {
  readonly issueFiles: readonly NamedText[];
  /** Classify the issue a webhook or Forge event carries (under `.issue`) instead of refusing it. */
  readonly unwrap?: boolean;
  readonly fieldsFile?: NamedText;
  /** The Severity field's id, as an admin chooses it in the settings (`--severity-field`). */
  readonly severityFieldId?: string;
  readonly policyFile?: NamedText;
  readonly nowMs: number;
}

export interface ClassifyOutput {
  /** One JSON line per issue that could be classified, in input order. */
  readonly lines: readonly string[];
  /** One sentence per input entry that is not an issue; the command then exits non-zero. */
  readonly problems: readonly string[];
  /** What the mapping noticed (odd fields, no Severity field…): said on stderr, the exit code stays 0. */
  readonly warnings: readonly string[];
}

export function loadPolicy(file: NamedText | undefined): Policy {
  if (!file) return DEFAULT_POLICY;
  const result = parsePolicy(parseJson(file));
  if (!result.ok) throw new CliError(`${file.name} is not a valid policy. ${result.errors.join(' ')}`);
  return result.policy;
}

export function loadCatalog(file: NamedText | undefined, severityFieldId?: string): { catalog: FieldCatalog; warnings: string[] } {
  if (!file) {
    if (severityFieldId) throw new CliError('--severity-field needs the field list: pass GET /rest/api/3/field with --fields.');
    return {
      catalog: EMPTY_CATALOG,
      warnings: ['No --fields given, so Severity, SLA and story-point fields are unknown: pass the GET /rest/api/3/field list with --fields.'],
    };
  }
  const fields = parseJson(file);
  if (!Array.isArray(fields)) throw new CliError(`${file.name} is not a field list: export it from GET /rest/api/3/field (a JSON array).`);
  const { catalog, notes } = discoverFields(fields, severityFieldId ? { severityFieldId } : {});
  if (severityFieldId && notes.some((n) => n.includes(severityFieldId))) throw new CliError(`${file.name} has no field ${severityFieldId}: pass the id of the Severity field as the field list names it (for example customfield_10081).`);
  const missing =
    catalog.severity || notes.some((n) => n.includes('severity is unknown'))
      ? []
      : [`${file.name} has no field named Severity, nor one field with options whose name contains it, so severity is unknown for every issue: name it with --severity-field ID.`];
  return { catalog, warnings: [...notes, ...missing] };
}


export function classify(input: ClassifyInput): ClassifyOutput {
  const policy = loadPolicy(input.policyFile);
  const { catalog, warnings } = loadCatalog(input.fieldsFile, input.severityFieldId);
  const lines: string[] = [];
  const problems: string[] = [];
  for (const file of input.issueFiles) {
    const shape = inputShape(parseJson(file));
    if (shape.kind === 'other' || (shape.kind === 'wrapped' && !input.unwrap)) {
      problems.push(`${file.name}: ${shapeProblem(shape)}`);
      continue;
    }
    const entries = shape.kind === 'wrapped' ? [shape.issue] : shape.issues;
    entries.forEach((raw, index) => {
      const mapped = mapIssue(raw, catalog);
      if (!mapped.ok) {
        problems.push(`${file.name}, entry ${index + 1}: ${mapped.error}`);
        return;
      }
      for (const note of mapped.issue.notes) {
        if (note !== NO_SEVERITY_FIELD) warnings.push(`${mapped.issue.ticket.key}: ${note}`);
      }
      const facts = triageFacts(mapped.issue.ticket, DEFAULT_CLASSIFICATION, input.nowMs);
      const verdict = evaluatePolicy(policy, facts);
      lines.push(
        JSON.stringify({
          key: mapped.issue.ticket.key,
          outcome: verdict.outcome,
          ruleId: verdict.ruleId,
          priority: facts.priority,
          severity: facts.severity,
          sla: facts.sla.state,
          reasons: verdict.reasons,
        }),
      );
    });
  }
  return { lines, problems, warnings };
}
