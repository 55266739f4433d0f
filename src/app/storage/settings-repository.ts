/**
 * Project settings in storage: defaults for a project nobody configured, and a damaged record
 * reported and replaced by defaults (the app keeps working; the settings page says what happened).
 */
import type { KeyValueStore } from '../../ports';
import { defaultSettings, storedSettingsSchema, type ProjectSettings } from '../settings/project-settings';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

export interface LoadedSettings {
  readonly settings: ProjectSettings;
  /** True when nothing is stored yet: these are the defaults. */
  readonly isDefault: boolean;
  readonly problem?: string;
}

export async function loadSettings(store: KeyValueStore, projectKey: string): Promise<LoadedSettings> {
  const { value, problem } = await readRecord(store, keys.settings(projectKey), storedSettingsSchema);
  if (value) return { settings: value, isDefault: false };
  return { settings: defaultSettings(), isDefault: true, ...(problem ? { problem: `${problem} Default settings are used until an admin saves them again.` } : {}) };
}

export async function storeSettings(store: KeyValueStore, projectKey: string, settings: ProjectSettings): Promise<ProjectSettings> {
  return writeRecord(store, keys.settings(projectKey), storedSettingsSchema, settings);
}
