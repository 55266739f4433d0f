import fc from 'fast-check';
import { aTicket } from '../../test/builders/ticket';
import {
  DEFAULT_HOURS_MODEL,
  DEFAULT_POINTS_MODEL,
  DEFAULT_UNESTIMATED_POINTS,
  hoursCapacity,
  nonNegative,
  pointsCapacity,
  roundAmount,
  toHundredths,
} from './capacity';

describe('defaults', () => {
  it('hours: a team of 5 with 6 focus hours a day', () => {
    expect(DEFAULT_HOURS_MODEL).toEqual({ kind: 'hours', teamSize: 5, focusHoursPerDay: 6 });
  });

  it('points: worse severities count more when unestimated; unknown counts like S2', () => {
    expect(DEFAULT_UNESTIMATED_POINTS).toEqual({ S1: 5, S2: 3, S3: 2, S4: 1, unknown: 3 });
    expect(DEFAULT_POINTS_MODEL).toEqual({ kind: 'points', unestimatedPoints: DEFAULT_UNESTIMATED_POINTS });
  });
});

describe('hoursCapacity', () => {
  it.each<[string, number, number, number, number]>([
    ['the default team over a two-week sprint', 5, 6, 10, 300],
    ['one person, one day', 1, 6, 1, 6],
    ['zero team size', 0, 6, 10, 0],
    ['zero focus hours', 5, 0, 10, 0],
    ['no working days (a weekend-only sprint)', 5, 6, 0, 0],
    ['a part-timer makes the team fractional', 2.5, 6, 10, 150],
    ['fractional focus hours round to hundredths', 3, 5.333, 1, 16],
    ['a negative team size counts 0, not negative capacity', -3, 6, 10, 0],
    ['negative focus hours count 0', 5, -6, 10, 0],
    ['a NaN day count counts 0', 5, 6, Number.NaN, 0],
    ['an infinite team size counts 0', Number.POSITIVE_INFINITY, 6, 10, 0],
  ])('%s: %d × %d h × %d days = %d h', (_name, teamSize, focusHoursPerDay, days, expected) => {
    expect(hoursCapacity({ teamSize, focusHoursPerDay }, days)).toBe(expected);
  });

  const factor = fc.double({ min: 0, max: 50, noNaN: true });
  it('never falls when a day, a person or a focus hour is added', () => {
    fc.assert(
      fc.property(factor, factor, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 5 }), (team, focus, days, more) => {
        const base = hoursCapacity({ teamSize: team, focusHoursPerDay: focus }, days);
        expect(hoursCapacity({ teamSize: team, focusHoursPerDay: focus }, days + more)).toBeGreaterThanOrEqual(base);
        expect(hoursCapacity({ teamSize: team + more, focusHoursPerDay: focus }, days)).toBeGreaterThanOrEqual(base);
        expect(hoursCapacity({ teamSize: team, focusHoursPerDay: focus + more }, days)).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('is never negative and always a whole number of hundredths, even for nonsense settings', () => {
    // Any plausible or mistyped setting (negative, NaN, ±Infinity); not astronomically large ones.
    const setting = fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.constantFrom(Number.NaN, Infinity, -Infinity));
    fc.assert(
      fc.property(setting, setting, fc.integer({ min: -10, max: 60 }), (team, focus, days) => {
        const capacity = hoursCapacity({ teamSize: team, focusHoursPerDay: focus }, days);
        expect(capacity).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(capacity)).toBe(true);
        expect(roundAmount(capacity)).toBe(capacity);
      }),
    );
  });
});

describe('pointsCapacity', () => {
  const sprint = [aTicket({ key: 'A-1', storyPoints: 5 }), aTicket({ key: 'A-2', storyPoints: 8 }), aTicket({ key: 'A-3' })];

  it.each<[string, number | undefined, ReturnType<typeof aTicket>[], number]>([
    ['the baseline wins over the current sum (scope added later does not inflate it)', 20, sprint, 20],
    ['a baseline of 0 is still a baseline', 0, sprint, 0],
    ['without a baseline: the current sum, unestimated tickets count 0', undefined, sprint, 13],
    ['without a baseline and without tickets: 0', undefined, [], 0],
    ['half points add up exactly', undefined, [aTicket({ storyPoints: 0.5 }), aTicket({ storyPoints: 0.5 }), aTicket({ storyPoints: 0.25 })], 1.25],
    ['0.1 + 0.2 is 0.3 here (summed in hundredths)', undefined, [aTicket({ storyPoints: 0.1 }), aTicket({ storyPoints: 0.2 })], 0.3],
    ['negative points count 0', undefined, [aTicket({ storyPoints: -5 }), aTicket({ storyPoints: 3 })], 3],
    ['a negative baseline counts 0', -4, sprint, 0],
    ['a fractional baseline rounds to hundredths', 12.345, sprint, 12.35],
  ])('%s', (_name, baseline, tickets, expected) => {
    expect(pointsCapacity(baseline, tickets)).toBe(expected);
  });
});

describe('arithmetic helpers', () => {
  it.each<[number | undefined, number]>([
    [1.005, 1.01],
    [2.5, 2.5],
    [0.004, 0],
    [-1, 0],
    [Number.NaN, 0],
    [undefined, 0],
  ])('roundAmount / toHundredths of %p', (value, expected) => {
    expect(toHundredths(value)).toBe(Math.round(expected * 100));
    if (value !== undefined) expect(roundAmount(value)).toBe(expected);
  });

  it.each<[number | undefined, number]>([
    [3, 3],
    [0, 0],
    [-0.5, 0],
    [Number.NEGATIVE_INFINITY, 0],
    [undefined, 0],
  ])('nonNegative(%p) = %p', (value, expected) => {
    expect(nonNegative(value)).toBe(expected);
  });
});
