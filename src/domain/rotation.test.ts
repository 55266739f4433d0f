import fc from 'fast-check';
import { EMPTY_ROTATION, supportContact, upcomingContacts, type Rotation } from './rotation';

const SPRINTS = [101, 102, 103, 104, 105];
const ABC: Rotation = { roster: ['ann', 'bob', 'cem'], overrides: {} };

const rotationOf = (accountId: string) => ({ accountId, source: 'rotation' as const });
const overrideOf = (accountId: string) => ({ accountId, source: 'override' as const });

describe('supportContact: the i-th sprint gets roster[i mod n]', () => {
  it.each([
    [101, 'ann'],
    [102, 'bob'],
    [103, 'cem'],
    [104, 'ann'],
    [105, 'bob'],
  ])('sprint %p → %p', (sprintId, accountId) => {
    expect(supportContact(ABC, SPRINTS, sprintId)).toEqual(rotationOf(accountId));
  });

  it.each(SPRINTS)('a roster of one takes every sprint (sprint %p)', (sprintId) => {
    expect(supportContact({ roster: ['solo'], overrides: {} }, SPRINTS, sprintId)).toEqual(rotationOf('solo'));
  });

  it('follows the list order (start order), not the size of the ids', () => {
    expect(supportContact(ABC, [300, 200, 100], 100)).toEqual(rotationOf('cem'));
    expect(supportContact(ABC, [300, 200, 100], 300)).toEqual(rotationOf('ann'));
  });

  it('a person listed twice takes two turns per cycle', () => {
    const rotation = { roster: ['ann', 'bob', 'ann'], overrides: {} };
    expect(SPRINTS.map((s) => supportContact(rotation, SPRINTS, s)?.accountId)).toEqual(['ann', 'bob', 'ann', 'ann', 'bob']);
  });

  it('a repeated sprint id keeps its first position and does not shift later turns', () => {
    expect(supportContact(ABC, [101, 102, 101, 103], 103)).toEqual(rotationOf('cem'));
  });

  it.each<[string, Rotation, number[], number, ReturnType<typeof supportContact>]>([
    ['empty roster, no override', EMPTY_ROTATION, SPRINTS, 101, null],
    ['empty roster, with an override', { roster: [], overrides: { '101': 'ops' } }, SPRINTS, 101, overrideOf('ops')],
    ['sprint not in the list', ABC, SPRINTS, 999, null],
    ['sprint not in the list, with an override', { ...ABC, overrides: { '999': 'ops' } }, SPRINTS, 999, overrideOf('ops')],
    ['no sprints at all', ABC, [], 101, null],
    ['blank override is no override', { ...ABC, overrides: { '102': '  ' } }, SPRINTS, 102, rotationOf('bob')],
    ['empty override is no override', { ...ABC, overrides: { '102': '' } }, SPRINTS, 102, rotationOf('bob')],
  ])('%s', (_name, rotation, sprintIds, sprintId, expected) => {
    expect(supportContact(rotation, sprintIds, sprintId)).toEqual(expected);
  });

  it('an override replaces one sprint without shifting anyone else’s turn', () => {
    const rotation = { ...ABC, overrides: { '103': 'zoe' } };
    expect(SPRINTS.map((s) => supportContact(rotation, SPRINTS, s))).toEqual([
      rotationOf('ann'),
      rotationOf('bob'),
      overrideOf('zoe'),
      rotationOf('ann'),
      rotationOf('bob'),
    ]);
  });

  it('an override may name someone who is in the roster', () => {
    const rotation = { ...ABC, overrides: { '101': 'cem' } };
    expect(supportContact(rotation, SPRINTS, 101)).toEqual(overrideOf('cem'));
    expect(supportContact(rotation, SPRINTS, 103)).toEqual(rotationOf('cem'));
  });
});

describe('upcomingContacts', () => {
  it.each<[string, Rotation, number, number, unknown[]]>([
    [
      'three from the second sprint',
      ABC,
      102,
      3,
      [
        { sprintId: 102, contact: rotationOf('bob') },
        { sprintId: 103, contact: rotationOf('cem') },
        { sprintId: 104, contact: rotationOf('ann') },
      ],
    ],
    [
      'past the last created sprint the turn keeps going',
      ABC,
      104,
      4,
      [
        { sprintId: 104, contact: rotationOf('ann') },
        { sprintId: 105, contact: rotationOf('bob') },
        { sprintId: null, contact: rotationOf('cem') },
        { sprintId: null, contact: rotationOf('ann') },
      ],
    ],
    [
      'overrides show on the sprints they belong to',
      { ...ABC, overrides: { '104': 'zoe' } },
      103,
      3,
      [
        { sprintId: 103, contact: rotationOf('cem') },
        { sprintId: 104, contact: overrideOf('zoe') },
        { sprintId: 105, contact: rotationOf('bob') },
      ],
    ],
    [
      'empty roster: only overrides, nobody for the rest',
      { roster: [], overrides: { '105': 'ops' } },
      104,
      3,
      [
        { sprintId: 104, contact: null },
        { sprintId: 105, contact: overrideOf('ops') },
        { sprintId: null, contact: null },
      ],
    ],
    ['count 0', ABC, 101, 0, []],
    ['a starting sprint not in the list', ABC, 999, 3, []],
  ])('%s', (_name, rotation, from, count, expected) => {
    expect(upcomingContacts(rotation, SPRINTS, from, count)).toEqual(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects count = %p', (count) => {
    expect(() => upcomingContacts(ABC, SPRINTS, 101, count)).toThrow(RangeError);
  });
});

describe('rotation properties', () => {
  const rosterArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ''), {
    minLength: 1,
    maxLength: 8,
  });
  const sprintIdsArb = fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 40 });

  it('without overrides, any n consecutive sprints give each of the n roster members a turn', () => {
    fc.assert(
      fc.property(rosterArb, sprintIdsArb, fc.nat(), (roster, sprintIds, offset) => {
        fc.pre(sprintIds.length >= roster.length);
        const start = offset % (sprintIds.length - roster.length + 1);
        const window = sprintIds.slice(start, start + roster.length);
        const contacts = window.map((s) => supportContact({ roster, overrides: {} }, sprintIds, s)?.accountId);
        expect(new Set(contacts)).toEqual(new Set(roster));
      }),
    );
  });

  it('an override changes its own sprint and no other', () => {
    fc.assert(
      fc.property(rosterArb, sprintIdsArb, fc.nat(), (roster, sprintIds, pick) => {
        const target = sprintIds[pick % sprintIds.length]!;
        const plain = { roster, overrides: {} };
        const overridden = { roster, overrides: { [String(target)]: 'stand-in' } };
        for (const s of sprintIds) {
          const expected = s === target ? overrideOf('stand-in') : supportContact(plain, sprintIds, s);
          expect(supportContact(overridden, sprintIds, s)).toEqual(expected);
        }
      }),
    );
  });

  it('the preview agrees with supportContact for every sprint the board has', () => {
    const overridesArb = fc.dictionary(fc.integer({ min: 1, max: 10_000 }).map(String), fc.constantFrom('x', 'y'));
    fc.assert(
      fc.property(rosterArb, sprintIdsArb, overridesArb, fc.nat(), fc.nat({ max: 50 }), (roster, sprintIds, overrides, pick, count) => {
        const rotation = { roster, overrides };
        const from = sprintIds[pick % sprintIds.length]!;
        const preview = upcomingContacts(rotation, sprintIds, from, count);
        expect(preview).toHaveLength(count);
        for (const { sprintId, contact } of preview) {
          if (sprintId !== null) expect(contact).toEqual(supportContact(rotation, sprintIds, sprintId));
        }
      }),
    );
  });
});
