/**
 * The settings surface's resolver contract (`settings.*`): keys, payload schemas and result types.
 *
 * Payloads never carry identity or location: the project comes from the page context and the user
 * from the platform, so any `projectKey` or `accountId` a payload names is stripped by these schemas
 * (objects drop unknown keys) and cannot reach a use case. Bookkeeping (revision, policy version,
 * who saved) is likewise not part of the editable settings, so it cannot be smuggled in either.
 */
import { z } from 'zod';
import { editableSettingsSchema, type EditableSettings } from './settings-schema';

/** The settings as the settings page edits them (the UI takes the type from here). */
export type { EditableSettings };
import type { Outcome } from '../domain/outcome';
import type { PeopleDirectory } from './people';
import type { Policy } from '../domain/policy';
import type { StatusCategory } from '../domain/ticket';
import { policySchema } from '../domain/policy-schema';

export const SETTINGS_KEYS = {
  get: 'settings.get',
  save: 'settings.save',
  previewPolicy: 'settings.previewPolicy',
  searchFields: 'settings.searchFields',
  searchUsers: 'settings.searchUsers',
  /** Issue 12, item 7: what the settings pickers offer, in the site's words. */
  choices: 'settings.choices',
  wipStatuses: 'settings.wipStatuses',
} as const;

const searchText = z.string().trim().max(100, 'must be at most 100 characters').default('');

export const settingsGetPayload = z.object({});

export const settingsSavePayload = z.object({
  settings: editableSettingsSchema,
  /** The policy as edited: stored as a new immutable version only when it differs from the one in force. */
  policy: policySchema,
  /** The `revision` the page was showing: a save on top of anything newer is refused with CONFLICT. */
  baseRevision: z.number().int().min(0),
});
export type SettingsSavePayload = z.infer<typeof settingsSavePayload>;

export const previewPolicyPayload = z.object({ policy: policySchema });
export type PreviewPolicyPayload = z.infer<typeof previewPolicyPayload>;

export const searchFieldsPayload = z.object({ query: searchText });
export const searchUsersPayload = z.object({ query: searchText });
/** The Severity field whose options to list: the draft's choice, or null to find the field named Severity. */
export const settingsChoicesPayload = z.object({
  severityFieldId: z.string().regex(/^customfield_\d+$/, 'The Severity field must be a custom field id such as customfield_10081').nullable().default(null),
});
export const wipStatusesPayload = z.object({});

/** `settings.get` and `settings.save` answer with the settings as they now stand. */
export interface SettingsView {
  readonly projectKey: string;
  readonly settings: EditableSettings;
  /** Send back as `baseRevision` when saving; 0 until the first save. */
  readonly revision: number;
  /** True when nothing valid is stored: these are the defaults. */
  readonly isDefault: boolean;
  /** Account id of whoever saved last. */
  readonly updatedBy?: string;
  /** ISO-8601 instant of the last save. */
  readonly updatedAt?: string;
  /** The policy in force; version 0 is the built-in default policy. */
  readonly policy: { readonly version: number; readonly policy: Policy; readonly createdBy: string; readonly createdAt: string };
  /** Whether this user may save (Jira's Administer Projects permission); the server checks again on save. */
  readonly canEdit: boolean;
  /** Sentences about stored data that could not be read and what is used instead. */
  readonly problems: readonly string[];
  /** Issue 12, item 1: names and avatars of everyone the view names (roster, stand-ins, who saved). */
  readonly people: PeopleDirectory;
}

export interface PreviewVerdict {
  readonly outcome: Outcome;
  /** The deciding rule, or null when the policy's default outcome applied. */
  readonly ruleId: string | null;
  readonly ruleName: string | null;
}

export interface PolicyPreviewRow {
  readonly key: string;
  readonly summary?: string;
  /** What the policy in force decides. */
  readonly current: PreviewVerdict;
  /** What the draft would decide. */
  readonly draft: PreviewVerdict;
  /** The draft's outcome differs from the current one (a different rule reaching the same outcome is no change). */
  readonly changed: boolean;
  /** The draft's reasons, one sentence per condition. */
  readonly reasons: readonly string[];
}

/** `settings.previewPolicy`: the draft over the project's most recent support tickets, newest first. */
export interface PolicyPreview {
  readonly currentVersion: number;
  readonly rows: readonly PolicyPreviewRow[];
  readonly changedCount: number;
  /** Things the admin should know, e.g. issue types in the support filter that the project lacks. */
  readonly notes: readonly string[];
}

/** A custom field a Severity picker can offer. */
export interface FieldOption {
  readonly id: string;
  readonly name: string;
  /** The field's type, e.g. `select`, `float`, `textfield`. */
  readonly type: string;
}

export interface FieldSearchResult {
  readonly fields: readonly FieldOption[];
}

/** A person the rotation roster can name. */
export interface UserOption {
  readonly accountId: string;
  readonly displayName: string;
  /** Issue 12, item 1: their avatar (48×48), for the user picker. */
  readonly avatarUrl?: string;
}

export interface UserSearchResult {
  readonly users: readonly UserOption[];
}

// Issue 12, item 7: the settings page's pickers, fed by the site (`settings.choices`, read once per page load).

/** A priority of the project's scheme, highest first. */
export interface PriorityChoice {
  readonly id: string;
  readonly name: string;
  readonly iconUrl?: string;
}

/** What the settings pickers offer. */
export interface SettingsChoices {
  /** The project's priorities in its scheme's order; empty when Jira did not say. */
  readonly priorities: readonly PriorityChoice[];
  /** The project's issue types (no sub-tasks), as Jira spells them. */
  readonly issueTypes: readonly string[];
  readonly components: readonly string[];
  /** `software`, `service_desk` or `business`, when Jira said. */
  readonly projectTypeKey?: string;
  readonly teamManaged: boolean;
  /** The Severity field the options are from (the admin's choice or the one found by name); null when none. */
  readonly severityField: { readonly id: string; readonly name: string } | null;
  /** Its options in Jira's order; empty when unknown (see `notes`). */
  readonly severityOptions: readonly string[];
  /** The built-in support filter fitted to this project's issue types (what a first save would store). */
  readonly defaultSupportFilter: { readonly issueTypes: readonly string[]; readonly labels: readonly string[] };
  /**
   * The project's Scrum boards (issue 15, item 3), in Jira's order: settings choose among them when
   * there are several (`boardId`; none chosen is the first).
   */
  readonly boards: readonly BoardChoice[];
  /** The board's sprints for per-sprint rotation overrides: all ids in turn order, and the open ones an override can name. */
  readonly sprints: SprintChoices;
  /** Sentences about what could not be listed and what the page does instead. */
  readonly notes: readonly string[];
}

export interface BoardChoice {
  readonly id: number;
  readonly name: string;
}

export interface SprintChoice {
  readonly id: number;
  readonly name: string;
  readonly state: 'active' | 'future';
  /** ISO-8601, when the sprint has dates. */
  readonly startDate?: string;
  readonly endDate?: string;
}

export interface SprintChoices {
  /** Every sprint of the board, oldest first: whose turn a sprint is follows its position here. */
  readonly turnOrder: readonly number[];
  /** The active and future sprints, in turn order. */
  readonly open: readonly SprintChoice[];
}

/**
 * `settings.wipStatuses` (issue 12, item 3): the statuses the WIP setting can choose, grouped by the
 * board's columns, and the ones the default rule counts (In Progress category, not waiting).
 */
export interface WipStatusOptions {
  readonly columns: readonly { readonly name: string; readonly statuses: readonly { readonly id: string; readonly name: string; readonly category: StatusCategory }[] }[];
  readonly defaultIds: readonly string[];
}
