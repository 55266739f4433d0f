/**
 * `classify` with the app's own settings (issue 16, item 3): a settings export (`--settings`) and the
 * site's priority list (`--priorities`), so the CLI on a real export gives the verdicts the site's
 * own words mean, with every guess on a `Note:` line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsExport } from '../contract/settings-export';
import { editableSettingsSchema } from '../contract/settings-schema';
import { defaultSettings } from '../app/settings/project-settings';
import { DEFAULT_POLICY, type Policy } from '../domain/policy';
import { runCli } from '../../test/builders/cli-run';

const dir = mkdtempSync(join(tmpdir(), 'classify-settings-'));
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

async function run(argv: string[]): Promise<{ code: number; lines: Array<Record<string, unknown>>; notes: string[]; err: string }> {
  const { code, out, err } = await runCli(argv);
  const lines = out.trim() === '' ? [] : out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, notes: err.split('\n').filter((l) => l.startsWith('Note: ')).map((l) => l.slice(6)), err };
}

/** A Bug at each priority of a Blocker / Critical / Major / Minor / Trivial site, with the site's "Bug Severity" radio field. */
const SCHEME = ['Blocker', 'Critical', 'Major', 'Minor', 'Trivial'];
const issues = write('issues.json', {
  issues: SCHEME.map((name, i) => ({ id: String(100 + i), key: `OPS-${i + 1}`, fields: { issuetype: { name: 'Bug' }, priority: { id: String(i + 1), name }, status: { statusCategory: { key: 'new' } }, customfield_10629: { value: 'S3', id: '1' } } })),
});
const fields = write('fields.json', [
  { id: 'issuetype', name: 'Issue Type', custom: false, schema: { type: 'issuetype', system: 'issuetype' } },
  { id: 'priority', name: 'Priority', custom: false, schema: { type: 'priority', system: 'priority' } },
  { id: 'customfield_10629', name: 'Bug Severity', custom: true, schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:radiobuttons', customId: 10629 } },
]);
/** The create screen's answer, as the settings page's picker reads it. */
const createMeta = write('createmeta.json', {
  maxResults: 50, startAt: 0, total: 1,
  fields: [{ fieldId: 'priority', key: 'priority', name: 'Priority', allowedValues: SCHEME.map((name, i) => ({ self: `https://example.atlassian.net/rest/api/3/priority/${i + 1}`, name, id: String(i + 1) })) }],
});
const NOW = ['--now', '2026-12-02T09:00:00Z'];
const priorities = (r: Awaited<ReturnType<typeof run>>) => r.lines.map((l) => l.priority);

describe('classify --priorities', () => {
  it('reads Critical as the second level on a Blocker-first scheme, and says so on a Note line', async () => {
    const r = await run(['classify', '--fields', fields, '--priorities', createMeta, ...NOW, issues]);
    expect(r.code).toBe(0);
    expect(priorities(r)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(r.lines.map((l) => l.severity)).toEqual(['S3', 'S3', 'S3', 'S3', 'S3']); // the one severity-like field
    expect(r.notes).toContain("Priorities follow the site's order: Blocker → P1, Critical → P2, Major → P3, Minor → P4, Trivial → P5.");
    expect(r.notes.some((n) => n.includes('Bug Severity'))).toBe(true); // the field it chose is named
  });

  it('without the list, the built-in names decide (Critical is P1) — what the issue called wrong', async () => {
    expect(priorities(await run(['classify', '--fields', fields, ...NOW, issues]))).toEqual(['P1', 'P1', 'P2', 'P4', 'P5']);
  });

  it('takes a plain list of names, or a page of priorities, too', async () => {
    expect(priorities(await run(['classify', '--priorities', write('names.json', SCHEME), ...NOW, issues]))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    const page = write('page.json', { startAt: 0, maxResults: 50, total: 5, isLast: true, values: SCHEME.map((name, i) => ({ id: String(i + 1), name })) });
    expect(priorities(await run(['classify', '--priorities', page, ...NOW, issues]))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
  });

  it.each([
    ['not a list', { hello: 1 }, /is not a priority list: pass the site's priorities highest first/],
    ['an empty list', [], /lists no priorities/],
  ])('refuses %s with a sentence', async (_, content, sentence) => {
    const r = await run(['classify', '--priorities', write('bad-priorities.json', content), ...NOW, issues]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(sentence);
  });
});

describe('classify --settings', () => {
  /** SUP's settings as exported: Critical mapped to P1 by the admin, the Severity field named, a policy of one rule. */
  const policy: Policy = { rules: [{ id: 'p1-bugs', name: 'P1 bugs', conditions: [{ kind: 'priority-in', levels: ['P1'] }], outcome: 'interrupt' }], defaultOutcome: 'backlog' };
  const settings = editableSettingsSchema.parse({
    ...defaultSettings(),
    severityFieldId: 'customfield_10629',
    priorityMap: { P1: ['Blocker', 'Critical'], P2: ['Major'], P3: [], P4: ['Minor'], P5: ['Trivial'] },
  });
  const exported = write('sup-settings.json', settingsExport({ projectKey: 'SUP', settingsRevision: 3, policyVersion: 2 }, settings, policy, '2026-12-01T10:00:00Z'));

  it('decides with the export’s maps and policy, and says whose they are', async () => {
    const r = await run(['classify', '--settings', exported, '--fields', fields, '--priorities', createMeta, ...NOW, issues]);
    expect(r.code).toBe(0);
    expect(priorities(r)).toEqual(['P1', 'P1', 'P2', 'P4', 'P5']); // the admin's map wins over the order
    expect(r.lines.map((l) => l.outcome)).toEqual(['interrupt', 'interrupt', 'backlog', 'backlog', 'backlog']);
    expect(r.lines[0]).toMatchObject({ ruleId: 'p1-bugs' });
    expect(r.notes[0]).toBe('Using the settings of SUP (revision 3) and its policy (version 2).');
    expect(r.notes.some((n) => n.startsWith("Priorities follow the site's order"))).toBe(false); // nothing was guessed from it
  });

  it('--policy replaces the export’s policy, and the note says so', async () => {
    const other = write('policy.json', DEFAULT_POLICY);
    const r = await run(['classify', '--settings', exported, '--policy', other, ...NOW, issues]);
    expect(r.code).toBe(0);
    expect(r.notes[0]).toBe(`Using the settings of SUP (revision 3) with the policy of ${other} instead of its own.`);
    expect(r.lines[0]).toMatchObject({ ruleId: 'p1' });
  });

  it.each([
    ['a policy file', () => write('a-policy.json', DEFAULT_POLICY), /a-policy\.json: This file is a policy, not a settings export/],
    ['a value that would not save', () => write('bad-settings.json', { ...JSON.parse(JSON.stringify(settingsExport({ projectKey: 'SUP', settingsRevision: 1, policyVersion: 0 }, settings, policy, '2026-12-01T10:00:00Z'))), settings: { ...settings, allocationPct: -5 } }), /bad-settings\.json: "settings\.allocationPct": must be 0 or more\./],
  ])('refuses %s with a sentence naming the file', async (_, file, sentence) => {
    const r = await run(['classify', '--settings', file(), ...NOW, issues]);
    expect([r.code, r.lines]).toEqual([2, []]);
    expect(r.err).toMatch(sentence);
  });
});
