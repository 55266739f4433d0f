/**
 * Project settings in storage: defaults for a project nobody configured, and a damaged record
 * reported and replaced by defaults (the app keeps working; the settings page says what happened).
 */
import { z } from 'zod';
import type { KeyValueStore, StoreWrite } from '../../ports';
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

/** The settings record as one write of a transaction, validated first (never store what we could not read back). */
export function settingsWrite(projectKey: string, settings: ProjectSettings): { write: StoreWrite; saved: ProjectSettings } {
  const saved = storedSettingsSchema.parse(settings);
  return { write: { kind: 'set', key: keys.settings(projectKey), value: saved }, saved };
}

/** The claim on one revision: who saved it and when (see keys.settingsRevision). */
export const settingsRevisionSchema = z.object({
  schemaVersion: z.literal(1),
  revision: z.number().int().min(1),
  savedBy: z.string(),
  savedAt: z.string(),
});
export type SettingsRevisionClaim = z.infer<typeof settingsRevisionSchema>;

/** Create-only: the transaction that carries it fails if that revision was already saved. */
export function settingsRevisionClaim(projectKey: string, claim: SettingsRevisionClaim): Extract<StoreWrite, { kind: 'set' }> {
  return { kind: 'set', key: keys.settingsRevision(projectKey, claim.revision), value: settingsRevisionSchema.parse(claim), ifAbsent: true };
}

/** The highest revision ever claimed (0 for none): where numbering goes on when the settings record is gone. */
export async function highestClaimedRevision(store: KeyValueStore, projectKey: string): Promise<number> {
  const prefix = keys.settingsRevisions(projectKey);
  const revisions = (await store.list(prefix)).map((e) => Number(e.key.slice(prefix.length))).filter(Number.isInteger);
  return Math.max(0, ...revisions);
}
