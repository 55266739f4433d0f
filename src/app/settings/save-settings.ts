/**
 * `settings.save`: only a project admin (checked with Jira, server-side), only on top of the revision
 * the page showed (optimistic concurrency: a save based on older settings is refused with CONFLICT,
 * naming who saved in between and when), the policy as a new immutable version when it changed, and
 * the project registered so the hourly rollup includes it.
 *
 * The policy version is written before the settings that point at it, so a failure in between leaves
 * an unused version, never settings pointing at nothing. KVS has no compare-and-set on plain keys:
 * two saves landing within the same few milliseconds can still both pass the revision check; the
 * check catches what matters in practice, two admins editing with the page open.
 */
import type { SettingsView } from '../../contract/settings';
import type { Policy } from '../../domain/policy';
import type { Ports } from '../../ports';
import { projectRegistry } from '../storage/sprint-records';
import { loadPolicyVersion } from '../storage/policy-versions';
import { loadSettings, storeSettings } from '../storage/settings-repository';
import { requireProjectAdmin, type Caller } from './admin-check';
import { SETTINGS_SCHEMA_VERSION, type EditableSettings } from './project-settings';
import { savePolicyVersion } from './save-policy-version';
import { settingsConflict } from './settings-conflict';
import { settingsView } from './settings-view';

export interface SettingsChange {
  readonly settings: EditableSettings;
  readonly policy: Policy;
  readonly baseRevision: number;
}

export async function saveSettings(ports: Ports, caller: Caller, change: SettingsChange): Promise<SettingsView> {
  const { projectKey, accountId } = caller;
  await requireProjectAdmin(ports, caller);
  const current = (await loadSettings(ports.store, projectKey)).settings;
  if (change.baseRevision !== current.revision) throw await settingsConflict(ports, projectKey, accountId, current);

  const at = new Date(ports.clock.now());
  const inForce = (await loadPolicyVersion(ports.store, projectKey, current.policyVersion)).policyVersion;
  const policyVersion = await savePolicyVersion(ports.store, projectKey, inForce, change.policy, { accountId, at });
  const saved = await storeSettings(ports.store, projectKey, {
    ...change.settings,
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    revision: current.revision + 1,
    policyVersion: policyVersion.version,
    updatedBy: accountId,
    updatedAt: at.toISOString(),
  });
  await projectRegistry.register(ports.store, projectKey, at.getTime());
  return settingsView(projectKey, { settings: saved, isDefault: false }, { policyVersion }, true);
}
