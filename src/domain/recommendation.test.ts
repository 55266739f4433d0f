import fc from 'fast-check';
import { NO_HISTORY_EXPLANATION, percentile, recommendAllocation, roundToFivePct } from './recommendation';

const rows = (...shares: number[]) => shares.map((sharePct) => ({ sharePct }));

describe('percentile: linear interpolation between closest ranks (numpy default, PERCENTILE.INC)', () => {
  it.each<[number[], number, number]>([
    [[7], 0, 7],
    [[7], 75, 7],
    [[7], 100, 7],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 25, 1.75],
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4], 75, 3.25],
    [[1, 2, 3, 4], 100, 4],
    [[1, 3, 2, 4], 30, 1.9], // Excel's own example: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9
    [[15, 20, 35, 40, 50], 40, 29], // numpy.percentile([15, 20, 35, 40, 50], 40) = 29.0
    [[50, 15, 40, 20, 35], 40, 29], // order of the input does not matter
    [[10, 20], 75, 17.5],
    [[5, 5, 5], 75, 5],
    [[18, 22, 24, 24, 27, 31], 50, 24],
    [[18, 22, 24, 24, 27, 31], 75, 26.25],
    [[-3, 3], 50, 0],
  ])('%j at p%p → %p', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it.each<[string, number[], number]>([
    ['empty list', [], 50],
    ['p below 0', [1, 2], -1],
    ['p above 100', [1, 2], 100.5],
    ['p NaN', [1, 2], Number.NaN],
    ['a NaN value', [1, Number.NaN], 50],
    ['an infinite value', [1, Number.POSITIVE_INFINITY], 50],
  ])('rejects %s', (_name, values, p) => {
    expect(() => percentile(values, p)).toThrow(RangeError);
  });

  it('does not sort the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile properties', () => {
  const valuesArb = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 30 });
  const pArb = fc.double({ min: 0, max: 100, noNaN: true });

  it('is monotone non-decreasing in p', () => {
    fc.assert(
      fc.property(valuesArb, pArb, pArb, (values, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(percentile(values, lo)).toBeLessThanOrEqual(percentile(values, hi));
      }),
    );
  });

  it('lies within [min, max], with p0 = min and p100 = max', () => {
    fc.assert(
      fc.property(valuesArb, pArb, (values, p) => {
        const min = Math.min(...values);
        const max = Math.max(...values);
        const v = percentile(values, p);
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(max);
        // === rather than toBe: -0 and 0 are the same share, Object.is would tell them apart.
        expect(percentile(values, 0) === min).toBe(true);
        expect(percentile(values, 100) === max).toBe(true);
      }),
    );
  });
});

describe('roundToFivePct: nearest 5, half up, within 0–100', () => {
  it.each([
    [0, 0],
    [2.4, 0],
    [2.5, 5],
    [7.4, 5],
    [22.5, 25],
    [22.499999999, 25],
    [22.4, 20],
    [23.75, 25],
    [27.4, 25],
    [27.5, 30],
    [97.5, 100],
    [130, 100],
    [-3, 0],
  ])('%p → %p', (pct, expected) => {
    expect(roundToFivePct(pct)).toBe(expected);
  });
});

describe('recommendAllocation', () => {
  it('with no closed sprint recommends nothing and says why', () => {
    expect(recommendAllocation({ rows: [] })).toEqual({ pct: null, explanation: NO_HISTORY_EXPLANATION, basis: null });
    expect(NO_HISTORY_EXPLANATION).toBe(
      'No closed sprints yet: keep the current allocation until a sprint has been completed.',
    );
  });

  it.each<[string, number[], number | undefined, number, string]>([
    [
      'six sprints (the design example)',
      [24, 18, 31, 22, 27, 24],
      undefined,
      25,
      'Support took 18–31% of capacity over the last 6 sprints, median 24%: reserve 25%.',
    ],
    ['one sprint', [22], undefined, 20, 'Support took 22% of capacity over the last sprint: reserve 20%.'],
    ['one sprint on a tie rounds up', [22.5], undefined, 25, 'Support took 23% of capacity over the last sprint: reserve 25%.'],
    ['all equal', [20, 20, 20], undefined, 20, 'Support took 20% of capacity in each of the last 3 sprints: reserve 20%.'],
    [
      'different shares that read the same',
      [19.6, 20.4],
      undefined,
      20,
      'Support took about 20% of capacity in each of the last 2 sprints: reserve 20%.',
    ],
    ['no support at all', [0, 0], undefined, 0, 'Support took 0% of capacity in each of the last 2 sprints: reserve 0%.'],
    [
      'support overran capacity: clamped to 100',
      [120, 130],
      undefined,
      100,
      'Support took 120–130% of capacity over the last 2 sprints, median 125%: reserve 100%.',
    ],
    [
      'two sprints: p75 is three quarters of the way',
      [10, 30],
      undefined,
      25,
      'Support took 10–30% of capacity over the last 2 sprints, median 20%: reserve 25%.',
    ],
    [
      'raising the current allocation',
      [24, 18, 31, 22, 27, 24],
      20,
      25,
      'Support took 18–31% of capacity over the last 6 sprints, median 24%: reserve 25%, up from 20%.',
    ],
    [
      'lowering the current allocation',
      [10, 12, 15],
      30,
      15,
      'Support took 10–15% of capacity over the last 3 sprints, median 12%: reserve 15%, down from 30%.',
    ],
    ['same as the current allocation', [20, 20, 20], 20, 20, 'Support took 20% of capacity in each of the last 3 sprints: reserve 20%.'],
    ['an unreadable current allocation is ignored', [22], Number.NaN, 20, 'Support took 22% of capacity over the last sprint: reserve 20%.'],
  ])('%s', (_name, shares, currentAllocationPct, pct, explanation) => {
    const rec = recommendAllocation({ rows: rows(...shares), currentAllocationPct });
    expect(rec.pct).toBe(pct);
    expect(rec.explanation).toBe(explanation);
  });

  it('reports the basis it computed from', () => {
    expect(recommendAllocation({ rows: rows(24, 18, 31, 22, 27, 24) }).basis).toEqual({
      sprints: 6,
      minPct: 18,
      maxPct: 31,
      medianPct: 24,
      p75Pct: 26.25,
    });
  });

  it('uses the 75th percentile, not the mean or the median', () => {
    // sorted 5, 10, 10, 20, 25: p75 = 20 → 20, where the median (10) would give 10 and the mean (14) 15.
    expect(recommendAllocation({ rows: rows(5, 10, 10, 25, 20) }).pct).toBe(20);
  });
});

describe('recommendAllocation properties', () => {
  const sharesArb = fc.array(fc.integer({ min: 0, max: 2_000 }).map((n) => n / 10), { minLength: 1, maxLength: 12 });

  it('is a multiple of 5 within 0–100, between the smallest and largest share rounded to 5', () => {
    fc.assert(
      fc.property(sharesArb, (shares) => {
        const { pct } = recommendAllocation({ rows: rows(...shares) });
        expect(pct).not.toBeNull();
        const value = pct as number;
        expect(value % 5).toBe(0);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(value).toBeGreaterThanOrEqual(roundToFivePct(Math.min(...shares)));
        expect(value).toBeLessThanOrEqual(roundToFivePct(Math.max(...shares)));
      }),
    );
  });

  it('does not depend on the order of the sprints, and its sentence ends with the reserve', () => {
    fc.assert(
      fc.property(sharesArb, fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), (shares, current) => {
        const rec = recommendAllocation({ rows: rows(...shares), currentAllocationPct: current });
        const reversed = recommendAllocation({ rows: rows(...[...shares].reverse()), currentAllocationPct: current });
        expect(reversed).toEqual(rec);
        const change = current === undefined || current === rec.pct ? '' : `, ${(rec.pct as number) > current ? 'up' : 'down'} from ${current}%`;
        expect(rec.explanation.endsWith(`: reserve ${rec.pct}%${change}.`)).toBe(true);
      }),
    );
  });
});
