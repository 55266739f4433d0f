import fc from 'fast-check';
import { describeCharacter, firstHiddenCharacter, hiddenCharacterSentence, isHiddenCodePoint, stripHidden } from './plain-text';

const HIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c,
  ...[0x200b, 0x200c, 0x200d, 0x200e, 0x200f],
  0x2028, 0x2029,
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e],
  ...[0x2060, 0x2061, 0x2062, 0x2063, 0x2064],
  ...[0x2066, 0x2067, 0x2068, 0x2069],
  0xfeff,
];

describe('hidden characters', () => {
  it('are the C0 and C1 controls, DEL, the zero-width characters and the bidirectional controls — and nothing else', () => {
    for (const cp of HIDDEN) expect([cp, isHiddenCodePoint(cp)]).toEqual([cp, true]);
    for (let cp = 0; cp <= 0xffff; cp++) if (!HIDDEN.includes(cp)) expect(isHiddenCodePoint(cp)).toBe(false);
  });

  it.each<[number, string]>([
    [0x202e, 'U+202E (right-to-left override)'],
    [0x200b, 'U+200B (zero-width space)'],
    [0x09, 'U+0009 (a tab)'],
    [0x0a, 'U+000A (a line break)'],
    [0x0d, 'U+000D (a line break)'],
    [0x07, 'U+0007 (a control character)'],
    [0x9b, 'U+009B (a control character)'],
  ])('%i is described as %s', (cp, words) => {
    expect(describeCharacter(cp)).toBe(words);
  });

  it('finds the first one, and says what to remove', () => {
    expect(firstHiddenCharacter('ab\u200bc\u202e')).toEqual({ codePoint: 0x200b, index: 2 });
    expect(firstHiddenCharacter('plain 🔥 עברית')).toBeUndefined();
    expect(hiddenCharacterSentence('The label for interrupts', 'a\u2066b')).toBe('The label for interrupts contains an invisible character, U+2066 (left-to-right isolate): remove it (retype the value if you cannot see it)');
    expect(hiddenCharacterSentence('The label for interrupts', 'ab')).toBeUndefined();
  });

  it('are stripped from prose; with line breaks kept, in one convention, and tabs as spaces', () => {
    expect(stripHidden('\u202eerom\u200b on\u0007')).toBe('erom on');
    expect(stripHidden('one\r\ntwo\rthree\nfour\tfive\u2028six', { lineBreaks: true })).toBe('one\ntwo\nthree\nfour fivesix');
    expect(stripHidden('one\ntwo')).toBe('onetwo');
    expect(stripHidden('Kunde 🔥 blockiert — לקוח')).toBe('Kunde 🔥 blockiert — לקוח');
  });

  it('stripping leaves none, keeps every other character in order, and changes nothing twice', () => {
    const unit = fc.oneof(fc.constantFrom(...HIDDEN.map((cp) => String.fromCharCode(cp))), fc.string({ unit: 'grapheme', maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.boolean(), (text, lineBreaks) => {
        const out = stripHidden(text, { lineBreaks });
        const left = [...out].filter((c) => isHiddenCodePoint(c.charCodeAt(0)));
        expect(left.every((c) => lineBreaks && c === '\n')).toBe(true);
        expect(stripHidden(out, { lineBreaks })).toBe(out);
        const visible = [...text].filter((c) => !isHiddenCodePoint(c.charCodeAt(0))).join('');
        expect([...out].filter((c) => !isHiddenCodePoint(c.charCodeAt(0)) && c !== ' ').join('')).toBe(visible.replace(/ /g, ''));
      }),
    );
  });
});
