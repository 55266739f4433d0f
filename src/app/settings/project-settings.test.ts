/**
 * Settings validation at the save boundary (the contract's `settingsSavePayload`, answered through
 * the resolvers' `validationError`): each bad input gets one plain sentence naming the field, on the
 * field the settings page shows it next to. Real calendar dates, distinct labels, unique weekdays,
 * a team of at least one, and no hidden characters (zero-width, bidirectional controls, other
 * controls) in labels, names or account ids — those are refused, never silently changed.
 */
import fc from 'fast-check';
import { settingsSavePayload } from '../../contract/settings';
import { DEFAULT_POLICY } from '../../domain/policy';
import { isHiddenCodePoint } from '../../domain/plain-text';
import { validationError } from '../../resolvers/endpoint';
import { defaultSettings, editableSettingsSchema, storedSettingsSchema, type EditableSettings } from './project-settings';

const base = editableSettingsSchema.parse(defaultSettings());
type Patch = (s: EditableSettings) => unknown;
const withCapacity = (patch: Partial<EditableSettings['capacity']>): Patch => (s) => ({ ...s, capacity: { ...s.capacity, ...patch } });
const withLabels = (interrupt: string, deferred: string): Patch => (s) => ({ ...s, labels: { interrupt, deferred } });

/** The field → sentence map the resolver answers for these settings. */
function fieldsFor(patch: Patch): Record<string, string> {
  const parsed = settingsSavePayload.safeParse({ settings: patch(base), policy: DEFAULT_POLICY, baseRevision: 0 });
  if (parsed.success) return {};
  return validationError(parsed.error).fields ?? {};
}

const REMOVE = 'remove it (retype the value if you cannot see it)';

describe('each bad input: the exact sentence, on the field', () => {
  it.each<[string, Patch, string, string]>([
    ['a month 13, day 45 date', withCapacity({ nonWorkingDates: ['2026-13-45'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 1, 2026-13-45, is not a date in the calendar: check the month and the day'],
    ['30 February', withCapacity({ nonWorkingDates: ['2026-12-24', '2026-02-30'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 2, 2026-02-30, is not a date in the calendar: check the month and the day'],
    ['29 February of a common year', withCapacity({ nonWorkingDates: ['2026-02-29'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 1, 2026-02-29, is not a date in the calendar: check the month and the day'],
    ['year 0000 (parses, as year 1)', withCapacity({ nonWorkingDates: ['0000-01-01'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 1, 0000-01-01, is not a date in the calendar: check the month and the day'],
    ['a date in another shape', withCapacity({ nonWorkingDates: ['24.12.2026'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 1 must be a date written year-month-day, such as 2026-12-24'],
    ['a date with a hidden character', withCapacity({ nonWorkingDates: ['2026-12-2\u202e4'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 1 must be a date written year-month-day, such as 2026-12-24'],
    ['the same date twice', withCapacity({ nonWorkingDates: ['2026-12-24', '2026-12-25', '2026-12-24'] }), 'settings.capacity.nonWorkingDates', 'Non-working date 3 repeats 2026-12-24: list each date once'],
    ['a weekday twice', withCapacity({ workingWeekdays: [1, 2, 3, 2, 5] }), 'settings.capacity.workingWeekdays', 'Working days lists Tuesday more than once: choose each day once'],
    ['Sunday twice', withCapacity({ workingWeekdays: [0, 0] }), 'settings.capacity.workingWeekdays', 'Working days lists Sunday more than once: choose each day once'],
    ['a team of 0', withCapacity({ teamSize: 0 }), 'settings.capacity.teamSize', 'Team size must be at least 1 person'],
    ['a team of half a person', withCapacity({ teamSize: 0.5 }), 'settings.capacity.teamSize', 'Team size must be at least 1 person'],
    ['a team of 501', withCapacity({ teamSize: 501 }), 'settings.capacity.teamSize', 'Team size must be 500 people or fewer'],
    ['the same label twice', withLabels('interrupt', 'interrupt'), 'settings.labels.deferred', 'The label for deferred tickets is the same as the label for interrupts: choose a different label for each'],
    ['labels that differ only in capitals', withLabels('Interrupt', 'interrupt'), 'settings.labels.deferred', "The label for deferred tickets differs from the label for interrupts only in capitals, which Jira's search treats as the same label: choose a different label"],
    ['the same label, once with a space around it', withLabels('interrupt', ' interrupt '), 'settings.labels.deferred', 'The label for deferred tickets is the same as the label for interrupts: choose a different label for each'],
    ['a right-to-left override in the interrupt label', withLabels('\u202etpurretni', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+202E (right-to-left override): ${REMOVE}`],
    ['a zero-width space in the deferred label', withLabels('interrupt', 'defer\u200bred'), 'settings.labels.deferred', `The label for deferred tickets contains an invisible character, U+200B (zero-width space): ${REMOVE}`],
    ['a zero-width joiner', withLabels('inter\u200drupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+200D (zero-width joiner): ${REMOVE}`],
    ['a right-to-left mark', withLabels('interrupt\u200f', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+200F (right-to-left mark): ${REMOVE}`],
    ['a left-to-right embedding', withLabels('\u202ainterrupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+202A (left-to-right embedding): ${REMOVE}`],
    ['a right-to-left isolate', withLabels('inter\u2067rupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+2067 (right-to-left isolate): ${REMOVE}`],
    ['a pop directional isolate', withLabels('interrupt\u2069x', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+2069 (pop directional isolate): ${REMOVE}`],
    ['a NUL', withLabels('inter\u0000rupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+0000 (a control character): ${REMOVE}`],
    ['a C1 control', withLabels('inter\u0085rupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+0085 (a control character): ${REMOVE}`],
    ['a DEL', withLabels('interrupt\u007f', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+007F (a control character): ${REMOVE}`],
    ['a byte-order mark inside', withLabels('inter\ufeffrupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+FEFF (zero-width no-break space): ${REMOVE}`],
    ['a tab inside a label', withLabels('inter\trupt', 'deferred'), 'settings.labels.interrupt', `The label for interrupts contains an invisible character, U+0009 (a tab): ${REMOVE}`],
    ['a space inside a label', withLabels('two words', 'deferred'), 'settings.labels.interrupt', 'The label for interrupts must not contain spaces (Jira labels cannot)'],
    ['an empty label', withLabels('  ', 'deferred'), 'settings.labels.interrupt', 'The label for interrupts must not be empty'],
    ['a hidden character in a support label', (s) => ({ ...s, supportFilter: { ...s.supportFilter, labels: ['support', 'vip\u202e'] } }), 'settings.supportFilter.labels', `Support label 2 contains an invisible character, U+202E (right-to-left override): ${REMOVE}`],
    ['a space in a support label', (s) => ({ ...s, supportFilter: { ...s.supportFilter, labels: ['support', 'two words'] } }), 'settings.supportFilter.labels', 'Support label 2 must not contain spaces (Jira labels cannot)'],
    ['a hidden character in a support issue type', (s) => ({ ...s, supportFilter: { ...s.supportFilter, issueTypes: ['Bug', 'Incid\u200bent'] } }), 'settings.supportFilter.issueTypes', `Support issue type 2 contains an invisible character, U+200B (zero-width space): ${REMOVE}`],
    ['a hidden character in a defect type', (s) => ({ ...s, defectTypes: ['\u2066Bug'] }), 'settings.defectTypes', `Defect issue type 1 contains an invisible character, U+2066 (left-to-right isolate): ${REMOVE}`],
    ['a hidden character in a severity value', (s) => ({ ...s, severityMap: { ...s.severityMap, S1: ['Sev 1\u202d'] } }), 'settings.severityMap.S1', `Severity S1 value 1 contains an invisible character, U+202D (left-to-right override): ${REMOVE}`],
    ['a hidden character in a priority name', (s) => ({ ...s, priorityMap: { ...s.priorityMap, P2: ['High', 'Hi\u200cgh'] } }), 'settings.priorityMap.P2', `Priority P2 name 2 contains an invisible character, U+200C (zero-width non-joiner): ${REMOVE}`],
    ['a hidden character in a rotation account id', (s) => ({ ...s, rotation: { roster: ['5b10a2844c20165700ede21g\u200e'], overrides: {} } }), 'settings.rotation.roster', `Rotation person 1 contains an invisible character, U+200E (left-to-right mark): ${REMOVE}`],
    ['a hidden character in a sprint override', (s) => ({ ...s, rotation: { roster: [], overrides: { '12': '\u202b5b10a2844c20165700ede21g' } } }), 'settings.rotation.overrides', `The support contact for sprint 12 contains an invisible character, U+202B (right-to-left embedding): ${REMOVE}`],
  ])('%s', (_what, patch, field, sentence) => {
    expect(fieldsFor(patch)[field]).toBe(sentence);
  });

  it('the resolver\'s summary names the field too', () => {
    const parsed = settingsSavePayload.safeParse({ settings: withLabels('interrupt', 'interrupt')(base), policy: DEFAULT_POLICY, baseRevision: 0 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(validationError(parsed.error).message).toBe('The request is not valid (settings.labels.deferred): The label for deferred tickets is the same as the label for interrupts: choose a different label for each.');
    }
  });

  it('what is right stays accepted: real dates (29 February of a leap year), a team of one, distinct labels, each weekday once', () => {
    const good = withCapacity({ nonWorkingDates: ['2028-02-29', '2026-12-24'], teamSize: 1, workingWeekdays: [0, 1, 2, 3, 4, 5, 6] })(base) as EditableSettings;
    expect(fieldsFor(() => ({ ...good, labels: { interrupt: 'pulled-in', deferred: 'not-now' } }))).toEqual({});
    // Text that is merely not English is not hidden: Hebrew, Arabic, accents, emoji (without a joiner).
    expect(fieldsFor(withLabels('דחוף', 'مؤجل'))).toEqual({});
    expect(fieldsFor((s) => ({ ...s, supportFilter: { issueTypes: ['Störung', 'Incident 🔥'], labels: ['support'] } }))).toEqual({});
  });

  it('the stored record is held to the same rules (no way round the form)', () => {
    expect(storedSettingsSchema.safeParse({ ...defaultSettings(), labels: { interrupt: 'x', deferred: 'x' } }).success).toBe(false);
    expect(storedSettingsSchema.safeParse({ ...defaultSettings(), capacity: { ...defaultSettings().capacity, nonWorkingDates: ['2026-13-45'] } }).success).toBe(false);
    expect(storedSettingsSchema.safeParse(defaultSettings()).success).toBe(true);
  });
});

/** Strings that mix ordinary text with the hidden characters, often. */
const HIDDEN_SAMPLES = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u009f', '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2064', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
const mixed = fc.string({ unit: fc.oneof(fc.constantFrom(...HIDDEN_SAMPLES), fc.constantFrom('a', 'B', '-', '_', '7', 'é', 'ש', 'ع', ' '), fc.string({ unit: 'grapheme', maxLength: 1 })), minLength: 1, maxLength: 12 });
const hasHidden = (s: string): boolean => [...s].some((c) => isHiddenCodePoint(c.charCodeAt(0)));

describe('no accepted label or name carries a hidden character', () => {
  it('labels (interrupt, deferred, support)', () => {
    fc.assert(
      fc.property(mixed, mixed, mixed, (interrupt, deferred, support) => {
        const parsed = editableSettingsSchema.safeParse({ ...base, labels: { interrupt, deferred }, supportFilter: { ...base.supportFilter, labels: [support] } });
        if (parsed.success) {
          for (const label of [parsed.data.labels.interrupt, parsed.data.labels.deferred, ...parsed.data.supportFilter.labels]) expect(hasHidden(label)).toBe(false);
        } else {
          // Refused only with a sentence about that field, never a raw zod message.
          for (const issue of parsed.error.issues) expect(issue.message).toMatch(/^(The label for (interrupts|deferred tickets)|Support labels?( \d+)?) /);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names and ids (issue types, defect types, rotation)', () => {
    fc.assert(
      fc.property(mixed, mixed, (issueType, person) => {
        const parsed = editableSettingsSchema.safeParse({ ...base, supportFilter: { ...base.supportFilter, issueTypes: [issueType] }, defectTypes: [issueType], rotation: { roster: [person], overrides: { '3': person } } });
        if (parsed.success) {
          for (const value of [...parsed.data.supportFilter.issueTypes, ...parsed.data.defectTypes, ...parsed.data.rotation.roster, ...Object.values(parsed.data.rotation.overrides)]) expect(hasHidden(value)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
