import { defaultSettings } from './project-settings';
import { DEFAULT_POLICY } from '../../domain/policy';
import { readSettingsExport, settingsExport, settingsExportFileName, SETTINGS_EXPORT_FORMAT } from '../../contract/settings-export';
import { editableSettingsSchema } from '../../contract/settings-schema';

const editable = () => editableSettingsSchema.parse(defaultSettings());
const from = { projectKey: 'SUP', settingsRevision: 3, policyVersion: 2 };
const file = () => JSON.parse(JSON.stringify(settingsExport(from, { ...editable(), allocationPct: 25 }, DEFAULT_POLICY, '2026-12-02T08:00:00Z'))) as Record<string, unknown>;

describe('a settings export (issue 16, item 3)', () => {
  it('reads back what it wrote, through JSON', () => {
    const read = readSettingsExport(file());
    expect(read).toEqual({ ok: true, file: expect.objectContaining({ format: SETTINGS_EXPORT_FORMAT, formatVersion: 1, from, policy: DEFAULT_POLICY }) });
    expect(read.ok && read.file.settings.allocationPct).toBe(25);
    expect(settingsExportFileName(from)).toBe('interrupt-budget-SUP-settings-r3.json');
  });

  it('reads a file written before a setting existed: the schema fills its default', () => {
    const old = file();
    const settings = { ...(old.settings as Record<string, unknown>) };
    delete settings.needsInfo;
    delete settings.wipStatusIds;
    const read = readSettingsExport({ ...old, settings });
    expect(read.ok && read.file.settings.needsInfo).toEqual({ label: 'needs-info', addLabel: true });
  });

  it.each([
    ['not an object', [1, 2], /^This is not an Interrupt Budget settings file: export one from Project settings → Interrupt Budget → Export settings\.$/],
    ['a policy', DEFAULT_POLICY, /^This file is a policy, not a settings export/],
    ['another JSON file', { issues: [] }, /does not say format "interrupt-budget\.settings"/],
    ['a newer format', { ...file(), formatVersion: 2 }, /^This settings file was exported by a newer Interrupt Budget \(format 2; this one reads format 1\): update the app or export the settings again\.$/],
  ])('refuses %s with a sentence that says what to do', (_, input, sentence) => {
    const read = readSettingsExport(input);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([expect.stringMatching(sentence)]);
  });

  it('names each value that would not save, by where it is in the file', () => {
    const bad = file();
    const read = readSettingsExport({ ...bad, settings: { ...(bad.settings as object), allocationPct: 140, labels: { interrupt: 'my label', deferred: 'deferred' } } });
    expect(!read.ok && read.errors).toEqual(['"settings.allocationPct": must be 100 or less.', '"settings.labels.interrupt": The label for interrupts must not contain spaces (Jira labels cannot).']);
  });
});
