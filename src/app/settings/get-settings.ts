/**
 * `settings.get`: the project's settings (defaults for a project nobody configured yet, or in place
 * of a damaged record, which is then named in `problems`), the policy in force and whether this user
 * may edit them.
 */
import type { SettingsView } from '../../contract/settings';
import type { Ports } from '../../ports';
import { requireProjectVisible, type Caller } from './admin-check';
import { loadSettingsView, withPeople } from './settings-view';

export async function getSettings(ports: Ports, caller: Caller): Promise<SettingsView> {
  // Access first, then storage: nothing stored is read for someone who cannot see the project. Asking
  // also warms the admin-check cache, so the save that usually follows costs no check.
  const { isAdmin } = await requireProjectVisible(ports, caller);
  const view = await loadSettingsView(ports, caller.projectKey, false);
  return withPeople(ports, { ...view, canEdit: isAdmin });
}
