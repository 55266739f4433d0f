import fc from 'fast-check';
import { DEFAULT_PRIORITY_MAP, normalizePriority, PRIORITY_LEVELS, type PriorityValueMap } from './priority';
import { DEFAULT_SEVERITY_MAP, normalizeSeverity } from './severity';
import { effectivePriorityMap, effectiveSeverityMap, levelsFromOrder, PRIORITY_KIND, priorityOrderNote, sameMap, SEVERITY_KIND } from './site-order';

const levelsOf = (order: string[]) => levelsFromOrder(PRIORITY_KIND, order).map((r) => r.level);

describe('levels from the site order (issue 16, item 2)', () => {
  it.each([
    // A scheme whose names the built-in map reads differently than the order ranks them: by position.
    [['Blocker', 'Critical', 'Major', 'Minor', 'Trivial'], ['P1', 'P2', 'P3', 'P4', 'P5']],
    // "Normal" is in no name map: by position.
    [['Highest', 'High', 'Normal', 'Low', 'Lowest'], ['P1', 'P2', 'P3', 'P4', 'P5']],
    // Jira's default scheme: the names agree with the order.
    [['Highest', 'High', 'Medium', 'Low', 'Lowest'], ['P1', 'P2', 'P3', 'P4', 'P5']],
    // Names that each say their own level are kept, so "High" is no emergency on a three-level scheme.
    [['High', 'Medium', 'Low'], ['P2', 'P3', 'P4']],
    [['P1 - Critical', 'P2 - High', 'P3 - Medium', 'P4 - Low'], ['P1', 'P2', 'P3', 'P4']],
    // Fewer unknown names than levels: the n-th is the n-th level.
    [['Urgent', 'Normal', 'Later'], ['P1', 'P2', 'P3']],
    // More values than levels: first P1, last P5, the rest share P2–P4 in order.
    [['Blocker', 'Critical', 'Major', 'Normal', 'Minor', 'Trivial'], ['P1', 'P2', 'P2', 'P3', 'P4', 'P5']],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], ['P1', 'P2', 'P2', 'P3', 'P3', 'P4', 'P4', 'P5']],
    // Two names for one level (Highest and Critical are both P1 by name): the order decides.
    [['Highest', 'Critical', 'High', 'Medium', 'Low'], ['P1', 'P2', 'P3', 'P4', 'P5']],
    // Repeats and blanks count once.
    [['Blocker', 'blocker', '', 'Critical'], ['P1', 'P2']],
  ])('%j → %j', (order, expected) => {
    expect(levelsOf(order)).toEqual(expected);
  });

  it('severity options: "Bug Severity" S1–S4 by their own names, Blocker / Critical / Major / Minor by position, a low-first list by its numbers', () => {
    const sev = (order: string[]) => levelsFromOrder(SEVERITY_KIND, order).map((r) => r.level);
    expect(sev(['S1', 'S2', 'S3', 'S4'])).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(sev(['Blocker', 'Critical', 'Major', 'Minor'])).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(sev(['4 - Low', '3 - Medium', '2 - High', '1 - Critical'])).toEqual(['S4', 'S3', 'S2', 'S1']);
  });

  it('by position the levels never go up down the list, every value gets one, and the first is the top level', () => {
    const unknownNames = fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/), { minLength: 1, maxLength: 12 }).filter((names) => names.every((n) => normalizePriority(n) === 'unknown'));
    fc.assert(
      fc.property(unknownNames, (order) => {
        const levels = levelsOf(order).map((l) => PRIORITY_LEVELS.indexOf(l));
        expect(levels).toHaveLength(order.length);
        expect(levels[0]).toBe(0);
        levels.forEach((l, i) => expect(l).toBeGreaterThanOrEqual(levels[i - 1] ?? 0));
        if (order.length >= PRIORITY_LEVELS.length) expect(new Set(levels).size).toBe(PRIORITY_LEVELS.length); // every level used
      }),
    );
  });
});

describe('the map in force', () => {
  const scheme = ['Blocker', 'Critical', 'Major', 'Minor', 'Trivial'];

  it('while the built-in map is kept, a priority means what the site order says, and names it lacks still resolve by name', () => {
    const map = effectivePriorityMap(DEFAULT_PRIORITY_MAP, scheme);
    expect(scheme.map((name) => normalizePriority(name, map))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(normalizePriority('Highest', map)).toBe('P1'); // not on this scheme: the built-in name
    expect(normalizePriority('Medium', map)).toBe('P3');
  });

  it('an admin’s own map is used as it is', () => {
    const own: PriorityValueMap = { ...DEFAULT_PRIORITY_MAP, P1: ['Blocker', 'Critical'], P2: ['Major'] };
    expect(normalizePriority('Critical', effectivePriorityMap(own, scheme))).toBe('P1');
  });

  it('without an order the built-in map decides, as before', () => {
    expect(normalizePriority('Critical', effectivePriorityMap(DEFAULT_PRIORITY_MAP, []))).toBe('P1');
  });

  it('is idempotent: the map in force of a map in force is itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('Blocker', 'Critical', 'Major', 'Normal', 'Minor', 'Trivial', 'Highest', 'Lowest', 'Urgent'), { maxLength: 9 }), (order) => {
        const once = effectivePriorityMap(DEFAULT_PRIORITY_MAP, order);
        expect(effectivePriorityMap(once, order)).toEqual(once);
      }),
    );
  });

  it('severity values too: a Blocker / Critical / Major / Minor field means S1–S4', () => {
    const map = effectiveSeverityMap(DEFAULT_SEVERITY_MAP, ['Blocker', 'Critical', 'Major', 'Minor']);
    expect(['Blocker', 'Critical', 'Major', 'Minor'].map((v) => normalizeSeverity(v, map))).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('says what the order decided, only when it decided anything', () => {
    expect(priorityOrderNote(DEFAULT_PRIORITY_MAP, scheme)).toBe("Priorities follow the site's order: Blocker → P1, Critical → P2, Major → P3, Minor → P4, Trivial → P5.");
    expect(priorityOrderNote(DEFAULT_PRIORITY_MAP, [])).toBeUndefined();
    expect(priorityOrderNote({ ...DEFAULT_PRIORITY_MAP, P1: ['Blocker'] }, scheme)).toBeUndefined();
  });

  it('sameMap ignores order and spelling within a level, not a move between levels', () => {
    expect(sameMap(PRIORITY_LEVELS, { ...DEFAULT_PRIORITY_MAP, P1: ['p1', 'CRITICAL', 'blocker', 'highest'] }, DEFAULT_PRIORITY_MAP)).toBe(true);
    expect(sameMap(PRIORITY_LEVELS, { ...DEFAULT_PRIORITY_MAP, P1: ['Highest', 'Blocker', 'P1'], P2: ['High', 'Major', 'P2', 'Critical'] }, DEFAULT_PRIORITY_MAP)).toBe(false);
  });
});
