/**
 * A project's settings as a file (issue 16, item 3): what "Export settings" downloads, "Import
 * settings" reads back into the settings form, and `interrupt-budget classify --settings FILE` runs
 * the policy with — so the CLI on a real export decides as the app does, and a setup can be copied
 * from one project to another.
 *
 * The file holds the editable settings and the policy in force, validated with the same schemas the
 * save is (settings-schema.ts, domain/policy-schema.ts), plus where they came from. `formatVersion`
 * is raised whenever a file of the new shape could not be read by older code; an older file keeps
 * being read (the schemas' defaults fill what it lacks). Importing never saves: it fills the form, and
 * the admin's Save goes through the usual checks, revision and history.
 */
import { z } from 'zod';
import { policySchema } from '../domain/policy-schema';
import { editableSettingsSchema, type EditableSettings } from './settings-schema';
import type { Policy } from '../domain/policy';

export const SETTINGS_EXPORT_FORMAT = 'interrupt-budget.settings';
export const SETTINGS_EXPORT_VERSION = 1;

const exportSchema = z.object({
  format: z.literal(SETTINGS_EXPORT_FORMAT),
  formatVersion: z.literal(SETTINGS_EXPORT_VERSION),
  exportedAt: z.string(),
  from: z.object({ projectKey: z.string(), settingsRevision: z.number().int().min(0), policyVersion: z.number().int().min(0) }),
  settings: editableSettingsSchema,
  policy: policySchema,
});
export type SettingsExport = z.infer<typeof exportSchema>;

/** The file for what a project has in force now. */
export function settingsExport(from: SettingsExport['from'], settings: EditableSettings, policy: Policy, exportedAt: string): SettingsExport {
  return exportSchema.parse({ format: SETTINGS_EXPORT_FORMAT, formatVersion: SETTINGS_EXPORT_VERSION, exportedAt, from, settings, policy });
}

/** `interrupt-budget-SUP-settings-r3.json` */
export const settingsExportFileName = (from: SettingsExport['from']): string => `interrupt-budget-${from.projectKey}-settings-r${from.settingsRevision}.json`;

export type SettingsImport = { readonly ok: true; readonly file: SettingsExport } | { readonly ok: false; readonly errors: readonly string[] };

const where = (path: readonly PropertyKey[]): string => (path.length === 0 ? 'The file' : `"${path.map(String).join('.')}"`);

/**
 * Read a file's parsed JSON as a settings export. Every refusal is a sentence: what the file looks
 * like when it is not an export at all, which version it needs, or each value that would not save.
 */
export function readSettingsExport(input: unknown): SettingsImport {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['This is not an Interrupt Budget settings file: export one from Project settings → Interrupt Budget → Export settings.'] };
  const { format, formatVersion } = input as { format?: unknown; formatVersion?: unknown };
  if (format !== SETTINGS_EXPORT_FORMAT) {
    const looksLikePolicy = 'rules' in input && 'defaultOutcome' in input;
    return { ok: false, errors: [looksLikePolicy ? 'This file is a policy, not a settings export: use it as a policy (classify --policy), or export the settings from the settings page.' : 'This is not an Interrupt Budget settings file (it does not say format "interrupt-budget.settings"): export one from Project settings → Interrupt Budget → Export settings.'] };
  }
  if (typeof formatVersion === 'number' && formatVersion > SETTINGS_EXPORT_VERSION) return { ok: false, errors: [`This settings file was exported by a newer Interrupt Budget (format ${formatVersion}; this one reads format ${SETTINGS_EXPORT_VERSION}): update the app or export the settings again.`] };
  const parsed = exportSchema.safeParse(input);
  if (parsed.success) return { ok: true, file: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}.`.replace(/\.\.$/, '.')) };
}
