/**
 * The settings as the settings page shows them: the editable part, the bookkeeping the page needs to
 * save safely (revision) and to say who changed what (updatedBy/At), the policy in force, whether the
 * user may edit, and any stored data that could not be read, as sentences.
 */
import type { SettingsView } from '../../contract/settings';
import type { Ports } from '../../ports';
import { peopleDirectory } from '../people/people-directory';
import { loadPolicyVersion, type LoadedPolicy } from '../storage/policy-versions';
import { loadSettings, type LoadedSettings } from '../storage/settings-repository';
import { editableSettingsSchema } from './project-settings';

/** The settings view without its people directory (see withPeople). */
export type SettingsViewBase = Omit<SettingsView, 'people'>;

export function settingsView(projectKey: string, loaded: LoadedSettings, policy: LoadedPolicy, canEdit: boolean): SettingsViewBase {
  const { settings } = loaded;
  const { version, policy: rules, createdBy, createdAt } = policy.policyVersion;
  return {
    projectKey,
    // Parsing strips the bookkeeping fields: what the page edits is exactly what a save accepts.
    settings: editableSettingsSchema.parse(settings),
    revision: settings.revision,
    isDefault: loaded.isDefault,
    ...(settings.updatedBy ? { updatedBy: settings.updatedBy } : {}),
    ...(settings.updatedAt ? { updatedAt: settings.updatedAt } : {}),
    policy: { version, policy: rules, createdBy, createdAt },
    canEdit,
    problems: [loaded.problem, policy.problem].filter((p): p is string => p !== undefined),
  };
}

/** Every account id the settings page shows: the roster, the per-sprint stand-ins, who adopted a sprint's allocation, who saved the settings and the policy. */
export function settingsAccountIds(view: SettingsViewBase): string[] {
  const policyAuthor = view.policy.version === 0 ? undefined : view.policy.createdBy;
  return [...view.settings.rotation.roster, ...Object.values(view.settings.rotation.overrides), ...Object.values(view.settings.sprintAllocations).map((a) => a.adoptedBy), view.updatedBy, policyAuthor].filter((id): id is string => typeof id === 'string');
}

/** The view with the names and avatars of everyone it names (one batched lookup, remembered a day). */
export async function withPeople(ports: Ports, view: SettingsViewBase): Promise<SettingsView> {
  const { people } = await peopleDirectory(ports, settingsAccountIds(view));
  return { ...view, people };
}

/** Read the stored settings and the policy they point at. */
export async function loadSettingsView(ports: Ports, projectKey: string, canEdit: boolean): Promise<SettingsViewBase> {
  const loaded = await loadSettings(ports.store, projectKey);
  const policy = await loadPolicyVersion(ports.store, projectKey, loaded.settings.policyVersion);
  return settingsView(projectKey, loaded, policy, canEdit);
}
