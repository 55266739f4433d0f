/**
 * Characters that are not shown but change what is shown around them, in text people type for
 * others to read (labels, names, reasons): zero-width characters, the bidirectional controls — a
 * right-to-left override (U+202E) makes the rest of a line read backwards, so "deferred" can show as
 * "derrefed" and a reason can seem to say the opposite of what it says — and the other control
 * characters (C0, DEL, C1). Labels and names are refused with a sentence saying what to remove
 * (they must match Jira exactly, so silently changing them would match something else); prose such
 * as an override reason is stripped (nothing a reader needs is lost: see `stripHidden`).
 */

/** The characters by name, for the sentence that asks for one to be removed. */
const NAMED: Readonly<Record<number, string>> = {
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2061: 'function application',
  0x2062: 'invisible times',
  0x2063: 'invisible separator',
  0x2064: 'invisible plus',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

/** C0 controls (tab, line feed and carriage return included), DEL and the C1 controls. */
const isControl = (codePoint: number): boolean => codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);

/** Is this code point one of the hidden characters (the module comment's list)? */
export function isHiddenCodePoint(codePoint: number): boolean {
  return isControl(codePoint) || NAMED[codePoint] !== undefined;
}

export interface HiddenCharacter {
  readonly codePoint: number;
  /** Position in the string (UTF-16 units). */
  readonly index: number;
}

/** The first hidden character in the text, if any. */
export function firstHiddenCharacter(text: string): HiddenCharacter | undefined {
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.charCodeAt(index); // every hidden character is in the BMP: no pair to decode
    if (isHiddenCodePoint(codePoint)) return { codePoint, index };
  }
  return undefined;
}

/** `U+202E (right-to-left override)`, `U+0009 (a tab)`, `U+0007 (a control character)`. */
export function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMED[codePoint] ?? (codePoint === 0x09 ? 'a tab' : codePoint === 0x0a || codePoint === 0x0d ? 'a line break' : 'a control character');
  return `${hex} (${name})`;
}

/**
 * The sentence for a label or name that contains one: `field` names it as the admin sees it
 * ("The label for interrupts", "Support label 2").
 */
export function hiddenCharacterSentence(field: string, text: string): string | undefined {
  const found = firstHiddenCharacter(text);
  return found ? `${field} contains an invisible character, ${describeCharacter(found.codePoint)}: remove it (retype the value if you cannot see it)` : undefined;
}

/**
 * Prose without its hidden characters. With `lineBreaks` (a multi-line reason), line breaks stay —
 * as `\n`, whichever convention they came in — and a tab becomes a space; every other hidden
 * character is dropped. What remains reads exactly as it did, minus the reordering.
 */
export function stripHidden(text: string, options: { readonly lineBreaks?: boolean } = {}): string {
  const normalized = options.lineBreaks ? text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') : text;
  let out = '';
  for (const char of normalized) {
    const codePoint = char.charCodeAt(0);
    if (!isHiddenCodePoint(codePoint) || (options.lineBreaks === true && codePoint === 0x0a)) out += char;
  }
  return out;
}
