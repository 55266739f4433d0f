/**
 * `interrupt-budget classify`: apply an interrupt policy to Jira issues exported from a site, and say
 * for each what the policy decides and why. It is how an admin tries a policy on real tickets before
 * saving it.
 *
 * Input per file: one issue, an array of issues, or a search response (`{"issues": […]}`); with
 * `unwrap`, a webhook or Forge event's issue. Anything else is named (`input-shape.ts`).
 * Output: one JSON object per issue, in input order.
 *
 * The classification is the app's (issue 16, item 3): with `--settings`, a project's settings as the
 * settings page exports them — value maps, support filter, SLA threshold, Severity field and the
 * policy in force; with `--priorities`, the site's priority list, whose order decides what each
 * priority means while the maps are the built-in ones, as in the app (domain/site-order.ts). Each
 * guess it makes is said on a `Note:` line.
 */
import { z } from 'zod';
import { readSettingsExport, type SettingsExport } from '../contract/settings-export';
import type { EditableSettings } from '../contract/settings-schema';
import { classificationOf, defaultSettings, withSiteOrder } from '../app/settings/project-settings';
import { parsePolicy } from '../domain/policy-schema';
import { DEFAULT_POLICY, evaluatePolicy, type Policy } from '../domain/policy';
import { priorityOrderNote } from '../domain/site-order';
import { triageFacts } from '../domain/triage-facts';
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
  /** A project's settings as exported from the settings page (`--settings`). */
  readonly settingsFile?: NamedText;
  /** The site's priorities, highest first (`--priorities`): createmeta's allowedValues, a list of names or of priorities. */
  readonly prioritiesFile?: NamedText;
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

export function loadSettingsExport(file: NamedText): SettingsExport {
  const read = readSettingsExport(parseJson(file));
  if (!read.ok) throw new CliError(`${file.name}: ${read.errors.slice(0, 5).join(' ')}${read.errors.length > 5 ? ` (and ${read.errors.length - 5} more)` : ''}`);
  return read.file;
}

/** One priority as a site's lists give it: a name, or an object with one (GET /priority, createmeta's allowedValues). */
const priorityNames = z.array(z.union([z.string(), z.object({ name: z.string() }).loose()])).transform((entries) => entries.map((e) => (typeof e === 'string' ? e : e.name)));
/** What a site's priority list may come as: names or priorities, a page of them (`values`), or a create screen's fields. */
const priorityList = z.union([
  priorityNames,
  z.object({ values: priorityNames }).loose().transform((page) => page.values),
  z.object({ fields: z.array(z.object({ fieldId: z.string(), allowedValues: priorityNames.optional() }).loose()) }).loose().transform((meta) => meta.fields.find((f) => f.fieldId === 'priority')?.allowedValues ?? []),
]);

export function loadPriorities(file: NamedText): string[] {
  const parsed = priorityList.safeParse(parseJson(file));
  if (!parsed.success) throw new CliError(`${file.name} is not a priority list: pass the site's priorities highest first — the "priority" field's allowedValues of GET /rest/api/3/issue/createmeta/{project}/issuetypes/{id}, or a JSON array of names.`);
  const names = parsed.data.filter((n) => n.trim() !== '');
  if (names.length === 0) throw new CliError(`${file.name} lists no priorities: pass the site's priorities highest first.`);
  return names;
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


/** The settings, policy and Severity field in force, and what was assumed about them. */
function settingsInForce(input: ClassifyInput): { settings: EditableSettings; policy: Policy; severityFieldId?: string; notes: string[] } {
  const exported = input.settingsFile ? loadSettingsExport(input.settingsFile) : undefined;
  const notes: string[] = [];
  if (exported) {
    const { projectKey, settingsRevision, policyVersion } = exported.from;
    notes.push(`Using the settings of ${projectKey} (revision ${settingsRevision})${input.policyFile ? ` with the policy of ${input.policyFile.name} instead of its own` : ` and its policy (version ${policyVersion})`}.`);
  }
  const settings = exported?.settings ?? defaultSettings();
  const policy = input.policyFile ? loadPolicy(input.policyFile) : (exported?.policy ?? DEFAULT_POLICY);
  // The settings' Severity field needs the field list to be read; without one, the usual note says severity is unknown.
  const severityFieldId = input.severityFieldId ?? (input.fieldsFile ? (settings.severityFieldId ?? undefined) : undefined);
  return { settings, policy, ...(severityFieldId ? { severityFieldId } : {}), notes };
}

export function classify(input: ClassifyInput): ClassifyOutput {
  const inForce = settingsInForce(input);
  const { policy } = inForce;
  const { catalog, warnings: catalogNotes } = loadCatalog(input.fieldsFile, inForce.severityFieldId);
  const priorities = input.prioritiesFile ? loadPriorities(input.prioritiesFile) : [];
  const orderNote = priorityOrderNote(inForce.settings.priorityMap, priorities);
  const warnings = [...inForce.notes, ...catalogNotes, ...(orderNote ? [orderNote] : [])];
  const classification = classificationOf(withSiteOrder(inForce.settings, { priorities, severities: [] }));
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
      const facts = triageFacts(mapped.issue.ticket, classification, input.nowMs);
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
