/**
 * The apply payload's reason: prose the product owner types for others to read, so its hidden
 * characters (zero-width, bidirectional controls that reverse what follows, other controls) are
 * stripped, never stored or shown; line breaks from the text area stay.
 */
import fc from 'fast-check';
import { MAX_REASON_LENGTH } from '../domain/decision';
import { isHiddenCodePoint } from '../domain/plain-text';
import { applyDecisionPayloadSchema } from './panel';

const reasonOf = (reason: unknown) => applyDecisionPayloadSchema.parse({ outcome: 'backlog', reason }).reason;

describe('panel.applyDecision reason', () => {
  it.each<[string, string, string]>([
    ['a right-to-left override that makes the reason read backwards', '\u202e.deen ton od ew', '.deen ton od ew'],
    ['zero-width characters inside words', 'work\u200baround fo\u200dund', 'workaround found'],
    ['an isolate pair', 'Customer \u2067ACME\u2069 is blocked', 'Customer ACME is blocked'],
    ['marks and embeddings', '\u200f\u202aWorkaround\u202c found\u200e', 'Workaround found'],
    ['control characters', 'Bell\u0007 and\u0000 NUL\u0085', 'Bell and NUL'],
    ['Windows line breaks and tabs', 'First line\r\nsecond\tline', 'First line\nsecond line'],
    ['hidden characters around the text (then trimmed)', '\ufeff  Workaround found  \u200b', 'Workaround found'],
    ['nothing to strip', 'Workaround found — see עברית 🔥', 'Workaround found — see עברית 🔥'],
  ])('%s', (_what, given, kept) => {
    expect(reasonOf(given)).toBe(kept);
  });

  it('a reason of hidden characters only is no reason (the override then asks for one)', () => {
    expect(reasonOf('\u200b\u202e\u2066')).toBe('');
  });

  it('the length limit counts what is kept', () => {
    expect(reasonOf(`${'a'.repeat(MAX_REASON_LENGTH)}${'\u200b'.repeat(50)}`)).toHaveLength(MAX_REASON_LENGTH);
    const tooLong = applyDecisionPayloadSchema.safeParse({ outcome: 'backlog', reason: 'a'.repeat(MAX_REASON_LENGTH + 1) });
    expect(tooLong.success ? [] : tooLong.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', `shorten the reason to at most ${MAX_REASON_LENGTH} characters`]]);
  });

  it('no accepted reason contains a hidden character other than a line break', () => {
    const hidden = fc.constantFrom('\u0000', '\u0007', '\t', '\r', '\n', '\u007f', '\u0085', '\u061c', '\u200b', '\u200d', '\u200f', '\u2028', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069', '\ufeff');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(hidden, fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 40 }), (reason) => {
        const kept = reasonOf(reason) ?? '';
        expect([...kept].filter((c) => c !== '\n' && isHiddenCodePoint(c.charCodeAt(0)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
