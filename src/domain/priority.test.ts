import fc from 'fast-check';
import { canonicalToken, DEFAULT_PRIORITY_MAP, normalizePriority, PRIORITY_LEVELS, type PriorityValueMap } from './priority';

describe('normalizePriority with the default map', () => {
  it.each([
    ['Highest', 'P1'],
    ['highest', 'P1'],
    ['Blocker', 'P1'],
    ['Critical', 'P1'],
    ['P1', 'P1'],
    ['p-1', 'P1'],
    ['P1 - Critical', 'P1'],
    ['p2: something else', 'P2'],
    ['High', 'P2'],
    ['Major', 'P2'],
    ['P2', 'P2'],
    ['Medium', 'P3'],
    ['  MEDIUM  ', 'P3'],
    ['P3', 'P3'],
    ['Low', 'P4'],
    ['Minor', 'P4'],
    ['P4', 'P4'],
    ['Lowest', 'P5'],
    ['Trivial', 'P5'],
    ['P5', 'P5'],
  ])('%j → %s', (name, level) => {
    expect(normalizePriority(name)).toBe(level);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['   '],
    ['--'],
    ['Urgent-ish'],
    ['P6'],
    ['P10'],
    ['Normal'],
    ['1'],
  ])('%j is unknown, never a guess', (name) => {
    expect(normalizePriority(name as string | null | undefined)).toBe('unknown');
  });
});

describe('normalizePriority with a site-specific map', () => {
  const map: PriorityValueMap = { ...DEFAULT_PRIORITY_MAP, P1: ['Emergency'], P3: ['Normal', 'Medium'] };

  it.each([
    ['Emergency', 'P1'],
    ['emergency!', 'P1'],
    ['Normal', 'P3'],
    ['Highest', 'unknown'], // removed from P1 in this map, and no leading level
    ['P1', 'P1'], // a leading level still resolves
  ])('%j → %s', (name, level) => {
    expect(normalizePriority(name, map)).toBe(level);
  });
});

describe('canonicalToken', () => {
  it.each([
    ['Sev-1', 'sev1'],
    ['  P 1 ', 'p1'],
    ['Ünïcode Ça', 'ünïcodeça'],
    ['a_b.c', 'abc'],
  ])('%j → %j', (input, token) => {
    expect(canonicalToken(input)).toBe(token);
  });
});

describe('normalizePriority properties', () => {
  it('ignores case and surrounding punctuation of every alias', () => {
    const alias = fc.constantFrom(...PRIORITY_LEVELS.flatMap((level) => DEFAULT_PRIORITY_MAP[level].map((a) => [level, a] as const)));
    fc.assert(
      fc.property(alias, fc.boolean(), fc.constantFrom('', ' ', '-', '*', '  '), ([level, name], upper, pad) => {
        const variant = `${pad}${upper ? name.toUpperCase() : name.toLowerCase()}${pad}`;
        expect(normalizePriority(variant)).toBe(level);
      }),
    );
  });

  it('always answers a level or unknown, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect([...PRIORITY_LEVELS, 'unknown']).toContain(normalizePriority(name));
      }),
    );
  });
});
