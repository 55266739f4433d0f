import fc from 'fast-check';
import { carryOverCost } from './carry-over';
import { deliveryCost } from './delivery-cost';
import type { DeliveryCostRow } from './delivery-groups';

/** Rows from [share %, carried-over points] pairs, capacity 100, 20 points completed. */
const rows = (...pairs: [number, number | undefined][]): DeliveryCostRow[] =>
  pairs.map(([sharePct, carriedOverPoints]) => ({ sharePct, velocityPoints: 20, capacity: 100, ...(carriedOverPoints === undefined ? {} : { carriedOverPoints }) }));

describe('carryOverCost: carry-over of high-support sprints against the others, with the sample size', () => {
  it.each<[string, DeliveryCostRow[], Partial<ReturnType<typeof carryOverCost>>, string]>([
    [
      '6 sprints, 2 above 25%: more carried over, said in points, not sure',
      rows([30, 8], [40, 10], [10, 3], [15, 2], [20, 4], [5, 3]),
      { sprints: 6, of: 6, differencePoints: 6, confident: false, highShare: { count: 2, avgPoints: 9 }, lowShare: { count: 4, avgPoints: 3 } },
      'Over 6 sprints, the 2 with more than 25% support carried over 6 points more of non-support work than the 4 with 25% or less (9 points on average against 3); too few sprints to be sure.',
    ],
    [
      'less carried over in the high-support sprints: "fewer"',
      rows([30, 1], [35, 1], [10, 4], [15, 4]),
      { differencePoints: -3 },
      'Over 4 sprints, the 2 with more than 25% support carried over 3 points fewer of non-support work than the 2 with 25% or less (1 point on average against 4); too few sprints to be sure.',
    ],
    [
      'the same averages: about as many',
      rows([30, 5], [35, 5], [10, 5], [15, 5]),
      { differencePoints: 0 },
      'Over 4 sprints, the 2 with more than 25% support carried over about as many non-support points as the 2 with 25% or less (5 points on average against 5); too few sprints to be sure.',
    ],
    [
      'nothing carried over in the low sprints: a difference in points, no percentage of 0',
      rows([30, 4], [35, 2], [10, 0], [15, 0]),
      { differencePoints: 3 },
      'Over 4 sprints, the 2 with more than 25% support carried over 3 points more of non-support work than the 2 with 25% or less (3 points on average against 0); too few sprints to be sure.',
    ],
    [
      '8 sprints, 3 and 5: a pattern, not a cause',
      rows([30, 9], [35, 9], [40, 9], [10, 3], [15, 3], [20, 3], [5, 3], [25, 3]),
      { sprints: 8, confident: true, differencePoints: 6 },
      'Over 8 sprints, the 3 with more than 25% support carried over 6 points more of non-support work than the 5 with 25% or less (9 points on average against 3); a pattern across these sprints, not proof that support caused it.',
    ],
    [
      'older rows without carry-over are left out, and the sentence says of how many',
      rows([30, 8], [40, 10], [10, 3], [15, 2], [20, undefined], [5, undefined]),
      { sprints: 4, of: 6, differencePoints: 6.5 },
      'Over 4 of the 6 sprints (the others were stored before carry-over was kept), the 2 with more than 25% support carried over 6.5 points more of non-support work than the 2 with 25% or less (9 points on average against 2.5); too few sprints to be sure.',
    ],
    [
      'one high sprint with carry-over: a sentence, no number',
      rows([30, 8], [40, undefined], [10, 3], [15, 2]),
      { sprints: 3, of: 4, differencePoints: null },
      'Over 3 of the 4 sprints (the others were stored before carry-over was kept), 1 had more than 25% support and 2 had 25% or less: too few in one group to compare carry-over.',
    ],
    [
      'no row recorded it',
      rows([30, undefined], [10, undefined]),
      { sprints: 0, of: 2, differencePoints: null },
      'Carry-over was not recorded for these 2 sprints (they were stored before it was kept): it shows for sprints that close from now on.',
    ],
    [
      'nothing ever carried over',
      rows([30, 0], [40, 0], [10, 0], [15, 0]),
      { sprints: 4, differencePoints: null },
      'Over 4 sprints no non-support story points were carried over.',
    ],
    ['no history', [], { sprints: 0, of: 0, differencePoints: null, confident: false }, 'Over 0 sprints there is no carry-over to compare yet: it shows once sprints have closed.'],
    [
      'unreadable carry-over or a sprint without capacity is not in the sample',
      [...rows([30, 8], [40, 10], [10, 3], [15, 2]), { sharePct: 50, velocityPoints: 1, capacity: 0, carriedOverPoints: 99 }, { sharePct: 50, velocityPoints: 1, carriedOverPoints: Number.NaN }, { sharePct: 5, velocityPoints: 1, carriedOverPoints: -2 }],
      { sprints: 4, of: 6, differencePoints: 6.5 },
      'Over 4 of the 6 sprints (the others were stored before carry-over was kept), the 2 with more than 25% support carried over 6.5 points more of non-support work than the 2 with 25% or less (9 points on average against 2.5); too few sprints to be sure.',
    ],
  ])('%s', (_name, input, expected, sentence) => {
    const result = carryOverCost(input);
    expect(result).toMatchObject(expected);
    expect(result.sentence).toBe(sentence);
  });

  it('is part of the delivery cost, with the same threshold', () => {
    const input = rows([15, 8], [18, 10], [5, 3], [8, 2]);
    expect(deliveryCost(input, 10).carryOver).toEqual(carryOverCost(input, 10));
    expect(carryOverCost(input, 10).sentence).toContain('the 2 with more than 10% support carried over');
    expect(() => carryOverCost([], 120)).toThrow(RangeError);
  });
});

const rowArb = fc.record(
  {
    sharePct: fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.constant(25), fc.constant(Number.NaN)),
    velocityPoints: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constant(0)),
    capacity: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(0)),
    carriedOverPoints: fc.oneof(fc.double({ min: 0, max: 300, noNaN: true }), fc.constant(0), fc.constant(Number.POSITIVE_INFINITY)),
  },
  { requiredKeys: ['sharePct', 'velocityPoints', 'capacity'] },
);

describe('carryOverCost properties', () => {
  it('names the sample size, never NaN or Infinity, never a cause; numbers only with 2 in each group; sure only with 8 and 3 each', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (input) => {
        const r = carryOverCost(input);
        if (r.sprints > 0) expect(r.sentence).toMatch(new RegExp(`^Over ${r.sprints}( of the ${r.of})? sprints?\\b`));
        else expect(r.sentence).toMatch(new RegExp(`\\b${r.of} sprints?\\b`));
        expect(r.sentence).not.toMatch(/NaN|Infinity|undefined|null/);
        expect(r.sentence).not.toMatch(/\bcaused\b(?! it\.)|because/);
        expect(r.sprints).toBe(r.highShare.count + r.lowShare.count);
        expect(r.sprints).toBeLessThanOrEqual(r.of);
        if (r.differencePoints !== null) {
          expect(Number.isFinite(r.differencePoints)).toBe(true);
          expect(Math.min(r.highShare.count, r.lowShare.count)).toBeGreaterThanOrEqual(2);
          if (!r.confident) expect(r.sentence).toContain('too few sprints to be sure');
        }
        if (r.confident) expect(r.sprints >= 8 && r.highShare.count >= 3 && r.lowShare.count >= 3).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 12 }), (input) => expect(carryOverCost([...input].reverse())).toEqual(carryOverCost(input))));
  });

  it('mirrored sprints (each high one carrying over what a low one does) differ by 0 points', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 26, max: 100 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 80 })), { minLength: 2, maxLength: 8 }), (pairs) => {
        expect(carryOverCost(pairs.flatMap(([hi, lo, points]) => rows([hi, points], [lo, points]))).differencePoints).toBe(0);
      }),
    );
  });
});
