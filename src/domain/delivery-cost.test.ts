import fc from 'fast-check';
import { deliveryCost, type DeliveryCostRow } from './delivery-cost';

/** Rows from [share %, completed points] pairs, capacity 100. */
const rows = (...pairs: [number, number][]): DeliveryCostRow[] => pairs.map(([sharePct, velocityPoints]) => ({ sharePct, velocityPoints, capacity: 100 }));

describe('deliveryCost: high-support sprints against the others, said with the sample size', () => {
  it.each<[string, DeliveryCostRow[], Partial<ReturnType<typeof deliveryCost>>, string]>([
    [
      'the issue\'s example: 6 sprints, 2 above 25%, a third fewer points',
      rows([30, 20], [40, 21.4], [10, 30], [15, 31], [20, 30], [5, 33]),
      { sprints: 6, differencePct: 33, confident: false, highShare: { count: 2, avgPoints: 20.7 }, lowShare: { count: 4, avgPoints: 31 } },
      'Over 6 sprints, the 2 with more than 25% support completed 33% fewer points than the 4 with 25% or less (20.7 points on average against 31); too few sprints to be sure.',
    ],
    [
      'more points in the high-support sprints: "more", not a negative',
      rows([30, 40], [35, 40], [10, 20], [15, 20]),
      { sprints: 4, differencePct: -100, confident: false },
      'Over 4 sprints, the 2 with more than 25% support completed 100% more points than the 2 with 25% or less (40 points on average against 20); too few sprints to be sure.',
    ],
    [
      'the same averages: about as many, 0%',
      rows([30, 20], [35, 20], [10, 20], [15, 20]),
      { differencePct: 0 },
      'Over 4 sprints, the 2 with more than 25% support completed about as many points as the 2 with 25% or less (20 points on average against 20); too few sprints to be sure.',
    ],
    [
      'enough sprints in each group: a pattern, still not a cause',
      rows([30, 20], [35, 20], [40, 20], [10, 40], [15, 40], [20, 40], [5, 40], [25, 40]),
      { sprints: 8, differencePct: 50, confident: true, highShare: { count: 3, avgPoints: 20 }, lowShare: { count: 5, avgPoints: 40 } },
      'Over 8 sprints, the 3 with more than 25% support completed 50% fewer points than the 5 with 25% or less (20 points on average against 40); a pattern across these sprints, not proof that support caused it.',
    ],
    [
      '8 sprints but only 2 high ones: not sure',
      rows([30, 20], [35, 20], [10, 40], [15, 40], [20, 40], [5, 40], [25, 40], [12, 40]),
      { sprints: 8, confident: false, differencePct: 50 },
      'Over 8 sprints, the 2 with more than 25% support completed 50% fewer points than the 6 with 25% or less (20 points on average against 40); too few sprints to be sure.',
    ],
    [
      'one high-support sprint: a sentence, no number',
      rows([30, 20], [10, 30], [15, 31]),
      { sprints: 3, differencePct: null, confident: false, highShare: { count: 1, avgPoints: 20 } },
      'Over 3 sprints, 1 had more than 25% support and 2 had 25% or less: too few in one group to compare what they completed.',
    ],
    [
      'every sprint low: no comparison',
      rows([10, 20], [12, 30]),
      { differencePct: null, highShare: { count: 0, avgPoints: null } },
      'Over 2 sprints, 0 had more than 25% support and 2 had 25% or less: too few in one group to compare what they completed.',
    ],
    [
      'a team that does not estimate in points',
      rows([30, 0], [10, 0], [40, 0], [5, 0]),
      { sprints: 4, differencePct: null },
      'Over 4 sprints no completed story points were recorded: estimate stories in points to see what support costs in delivery.',
    ],
    [
      'the low-support sprints completed nothing: no percentage of 0',
      rows([30, 1], [35, 1], [10, 0], [15, 0]),
      { differencePct: null },
      'Over 4 sprints, the 2 with more than 25% support completed 1 point on average and the 2 with 25% or less none; too few sprints to be sure.',
    ],
    [
      'no history',
      [],
      { sprints: 0, differencePct: null, confident: false },
      'Over 0 sprints there is nothing to compare yet: the cost of support on delivery shows once sprints have closed.',
    ],
    [
      'one sprint',
      rows([30, 10]),
      { sprints: 1 },
      'Over 1 sprint, 1 had more than 25% support and 0 had 25% or less: too few in one group to compare what they completed.',
    ],
    [
      'a sprint without capacity or with unreadable numbers is not in the sample',
      [...rows([30, 20], [35, 20], [10, 40], [15, 40]), { sharePct: 0, velocityPoints: 99, capacity: 0 }, { sharePct: Number.NaN, velocityPoints: 5 }, { sharePct: 10, velocityPoints: Number.POSITIVE_INFINITY }, { sharePct: 10, velocityPoints: -3 }],
      { sprints: 4, differencePct: 50 },
      'Over 4 sprints, the 2 with more than 25% support completed 50% fewer points than the 2 with 25% or less (20 points on average against 40); too few sprints to be sure.',
    ],
    [
      'exactly at the threshold counts as low',
      rows([25, 40], [25, 40], [26, 20], [30, 20]),
      { lowShare: { count: 2, avgPoints: 40 }, highShare: { count: 2, avgPoints: 20 } },
      'Over 4 sprints, the 2 with more than 25% support completed 50% fewer points than the 2 with 25% or less (20 points on average against 40); too few sprints to be sure.',
    ],
  ])('%s', (_name, input, expected, sentence) => {
    const result = deliveryCost(input);
    expect(result).toMatchObject({ thresholdPct: 25, ...expected });
    expect(result.sentence).toBe(sentence);
  });

  it('takes another threshold, and refuses one outside 0–100', () => {
    expect(deliveryCost(rows([15, 20], [18, 20], [5, 40], [8, 40]), 10).sentence).toContain('the 2 with more than 10% support completed 50% fewer points');
    expect(() => deliveryCost([], -1)).toThrow(RangeError);
    expect(() => deliveryCost([], Number.NaN)).toThrow(RangeError);
    expect(() => deliveryCost([], 101)).toThrow(RangeError);
  });

  it('rows without a capacity field are measured (a history row always has one; older callers may not)', () => {
    expect(deliveryCost([{ sharePct: 30, velocityPoints: 1 }]).sprints).toBe(1);
  });
});

const rowArb = fc.record({
  sharePct: fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.constant(25), fc.constant(Number.NaN)),
  velocityPoints: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constant(0), fc.constant(Number.POSITIVE_INFINITY)),
  capacity: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(0)),
});

describe('deliveryCost properties', () => {
  it('always names the sample size, never says NaN or Infinity, and never claims a cause', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (input) => {
        const r = deliveryCost(input);
        expect(r.sentence).toMatch(new RegExp(`^Over ${r.sprints} sprints?\\b`));
        expect(r.sentence).not.toMatch(/NaN|Infinity|undefined|null/);
        expect(r.sentence).not.toMatch(/\bcaused\b(?! it\.)|because/);
        expect(r.sprints).toBe(r.highShare.count + r.lowShare.count);
        if (r.differencePct !== null) expect(Number.isFinite(r.differencePct)).toBe(true);
        for (const g of [r.highShare, r.lowShare]) if (g.avgPoints !== null) expect(Number.isFinite(g.avgPoints)).toBe(true);
      }),
    );
  });

  it('gives a number only with at least 2 sprints in each group, and is sure only with 8 sprints and 3 in each', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (input) => {
        const r = deliveryCost(input);
        if (r.differencePct !== null) expect(Math.min(r.highShare.count, r.lowShare.count)).toBeGreaterThanOrEqual(2);
        if (r.confident) expect(r.sprints >= 8 && r.highShare.count >= 3 && r.lowShare.count >= 3).toBe(true);
        if (r.differencePct !== null && !r.confident) expect(r.sentence).toContain('too few sprints to be sure');
      }),
    );
  });

  it('symmetric inputs (each high sprint mirrored by a low one completing the same) give 0%', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 26, max: 100 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 80 })), { minLength: 2, maxLength: 8 }), (pairs) => {
        const input = pairs.flatMap(([hi, lo, points]) => rows([hi, points], [lo, points]));
        expect(deliveryCost(input).differencePct).toBe(0);
      }),
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (input) => {
        expect(deliveryCost([...input].reverse())).toEqual(deliveryCost(input));
      }),
    );
  });
});
