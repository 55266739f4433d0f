import fc from 'fast-check';
import { DEFAULT_WORK_CALENDAR } from './calendar';
import { assessSprint, forecastUsed, SPRINT_STATUSES, sprintStatus, type SprintStatus, type StatusFigures } from './sprint-status';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Mon 2026-03-02 10:00 UTC → Mon 2026-03-16 10:00 UTC: 10 working days.
const WINDOW = { startMs: Date.UTC(2026, 2, 2, 10), endMs: Date.UTC(2026, 2, 16, 10) };

describe('forecastUsed', () => {
  it.each<[string, number, number, number, number]>([
    ['halfway: double what is used', 10, 5, 10, 20],
    ['after 2 of 10 days', 3, 2, 10, 15],
    ['after 3 of 10 days (not a whole number)', 1, 3, 10, 10 / 3],
    ['nothing used projects to nothing', 0, 4, 10, 0],
  ])('%s', (_name, used, elapsed, total, expected) => {
    expect(forecastUsed(used, elapsed, total)).toBeCloseTo(expected, 10);
  });

  it.each<[string, number, number, number]>([
    ['no day elapsed yet: no pace, so exactly what is used', 7, 0, 10],
    ['every day elapsed: exactly what is used (0.1 × 3 / 3 would not be)', 0.1, 3, 3],
    ['more days elapsed than the sprint has: exactly what is used', 0.1, 4, 3],
    ['a sprint without working days', 5, 0, 0],
    ['a negative elapsed count is treated like none', 5, -1, 10],
    ['an unreadable elapsed count is treated like none', 5, Number.NaN, 10],
  ])('%s', (_name, used, elapsed, total) => {
    expect(forecastUsed(used, elapsed, total)).toBe(used);
  });

  it('is never below used, and never above used × total when a day has elapsed', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat(30), fc.nat(30), (used, elapsed, total) => {
        const forecast = forecastUsed(used, elapsed, total);
        expect(forecast).toBeGreaterThanOrEqual(used);
        if (elapsed > 0) expect(forecast).toBeLessThanOrEqual(used * Math.max(total, 1) * (1 + 1e-12));
      }),
    );
  });

  it('does not fall as more is used on the same day', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), fc.nat(30), fc.nat(30), (used, more, elapsed, total) => {
        expect(forecastUsed(used + more, elapsed, total)).toBeGreaterThanOrEqual(forecastUsed(used, elapsed, total));
      }),
    );
  });
});

describe('sprintStatus', () => {
  it.each<[string, StatusFigures, SprintStatus]>([
    ['well inside the budget', { used: 10, budget: 60, forecast: 30 }, 'ok'],
    ['forecast just under the budget', { used: 10, budget: 60, forecast: 59.99 }, 'ok'],
    ['forecast exactly at the budget', { used: 10, budget: 60, forecast: 60 }, 'at-risk'],
    ['forecast above the budget', { used: 40, budget: 60, forecast: 80 }, 'at-risk'],
    ['used exactly the budget is not over (yet at risk)', { used: 60, budget: 60, forecast: 60 }, 'at-risk'],
    ['used above the budget', { used: 60.01, budget: 60, forecast: 60.01 }, 'over'],
    ['over wins even if the forecast were lower', { used: 70, budget: 60, forecast: 0 }, 'over'],
    ['zero budget, nothing used: ok, not at risk', { used: 0, budget: 0, forecast: 0 }, 'ok'],
    ['zero budget, something used: over', { used: 0.5, budget: 0, forecast: 1 }, 'over'],
    ['zero budget, forecast positive but nothing used yet: at risk', { used: 0, budget: 0, forecast: 0.5 }, 'at-risk'],
  ])('%s → %s', (_name, figures, expected) => {
    expect(sprintStatus(figures)).toBe(expected);
  });

  it('is over exactly when used exceeds the budget, and otherwise at-risk exactly when the forecast reaches it', () => {
    const amount = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(amount, amount, amount, (used, budget, extra) => {
        const forecast = used + extra;
        const status = sprintStatus({ used, budget, forecast });
        expect(SPRINT_STATUSES).toContain(status);
        expect(status === 'over').toBe(used > budget);
        if (used <= budget) expect(status === 'at-risk').toBe(forecast >= budget && forecast > 0);
      }),
    );
  });
});

describe('assessSprint', () => {
  const allocation = (used: number, budget: number) => ({
    budget,
    used: { sanctioned: used, planned: 0, untriaged: 0, total: used },
  });

  it.each<[string, number, number, number, Partial<ReturnType<typeof assessSprint>>]>([
    ['before the start: no pace yet', 0, 60, WINDOW.startMs - DAY, { status: 'ok', forecast: 0, elapsedDays: 0, totalDays: 10 }],
    ['planned work already counts before the start', 20, 60, WINDOW.startMs - DAY, { status: 'ok', forecast: 20, elapsedDays: 0 }],
    ['day 2 of 10 with 12 used: heading for 60 = at risk', 12, 60, WINDOW.startMs + DAY, { status: 'at-risk', forecast: 60, elapsedDays: 2 }],
    ['day 5 of 10 with 20 used: heading for 40 = ok', 20, 60, WINDOW.startMs + 4 * DAY, { status: 'ok', forecast: 40, elapsedDays: 5 }],
    ['over the budget mid-sprint', 61, 60, WINDOW.startMs + 4 * DAY, { status: 'over', forecast: 122 }],
    ['after the end: the forecast is what was used', 50, 60, WINDOW.endMs + DAY, { status: 'ok', forecast: 50, elapsedDays: 10, totalDays: 10 }],
  ])('%s', (_name, used, budget, nowMs, expected) => {
    expect(assessSprint(allocation(used, budget), WINDOW, DEFAULT_WORK_CALENDAR, nowMs)).toMatchObject(expected);
  });

  it('counts in the team calendar: a holiday shortens the sprint and changes the pace', () => {
    const calendar = { ...DEFAULT_WORK_CALENDAR, nonWorkingDates: ['2026-03-03'] };
    // Wednesday: days elapsed are Mon and Wed (Tue is a holiday) out of 9, so 10 used heads for 45.
    expect(assessSprint(allocation(10, 45), WINDOW, calendar, WINDOW.startMs + 2 * DAY)).toEqual({
      status: 'at-risk',
      forecast: 45,
      elapsedDays: 2,
      totalDays: 9,
    });
  });
});
