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

/** The saved revision kept as history (keys.settingsAt), as one write of the save's transaction. */
export function settingsHistoryWrite(projectKey: string, saved: ProjectSettings): StoreWrite {
  return { kind: 'set', key: keys.settingsAt(projectKey, saved.revision), value: saved };
}

export interface SettingsTimeline {
  /** Every revision known, oldest first, each with the moment it took effect (its save). */
  readonly entries: ReadonlyArray<{ readonly fromMs: number; readonly settings: ProjectSettings }>;
  readonly notes: readonly string[];
}

/**
 * What was in force when: the kept revisions, plus the current record when it is not among them
 * (saved before revisions were kept). A kept revision that cannot be read is left out and said.
 * Before revision 1 — the first save ever — the defaults were in force, so they open the timeline;
 * when the earliest revision known is a later one (saved before revisions were kept), what came
 * before it is unknown and it stands for that time too (sprint/settings-in-force.ts).
 */
export async function loadSettingsTimeline(store: KeyValueStore, projectKey: string, current: LoadedSettings): Promise<SettingsTimeline> {
  const notes: string[] = [];
  const byRevision = new Map<number, ProjectSettings>();
  for (const entry of await store.list(keys.settingsAtAll(projectKey))) {
    const parsed = storedSettingsSchema.safeParse(entry.value);
    if (parsed.success) byRevision.set(parsed.data.revision, parsed.data);
    else notes.push(`The stored record ${entry.key} (an earlier revision of the settings) is damaged; sprints of its time are measured with the revisions around it.`);
  }
  if (!current.isDefault && !byRevision.has(current.settings.revision)) byRevision.set(current.settings.revision, current.settings);
  const entries = [...byRevision.values()]
    // A revision without a readable save time counts from the beginning (0: before any sprint).
    .map((settings) => ({ fromMs: settings.updatedAt ? Date.parse(settings.updatedAt) : 0, settings }))
    .map((e) => ({ ...e, fromMs: Number.isNaN(e.fromMs) ? 0 : e.fromMs }))
    .sort((a, b) => a.fromMs - b.fromMs || a.settings.revision - b.settings.revision);
  const opensWithFirstSave = entries[0]?.settings.revision === 1;
  return { entries: opensWithFirstSave ? [{ fromMs: 0, settings: defaultSettings() }, ...entries] : entries, notes };
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
