import fc from 'fast-check';
import { aDecision } from '../../test/builders/decision';
import { aTicket } from '../../test/builders/ticket';
import { allocate, type AllocationInput } from './allocation';
import type { BudgetTerms } from './budget-terms';
import { burnSeries, type BurnPoint } from './burn';
import { DEFAULT_WORK_CALENDAR, elapsedWorkingDays, localDate, workingDays, type WorkCalendar } from './calendar';
import { DEFAULT_HOURS_MODEL, DEFAULT_POINTS_MODEL, type CapacityModel } from './capacity';
import type { TriageDecision } from './decision';
import type { Outcome } from './outcome';
import { assessSprint } from './sprint-status';
import type { Ticket, Worklog } from './ticket';
import { DEFAULT_CLASSIFICATION } from './triage-facts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Mon 2026-03-02 10:00 UTC → Mon 2026-03-16 10:00 UTC: 10 working days; default team: 300 h, budget 60 h.
const START = Date.UTC(2026, 2, 2, 10);
const END = Date.UTC(2026, 2, 16, 10);
const DATES = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'].map((d) => `2026-03-${d}`);
const utc = (day: number, hour = 12, minute = 0): number => Date.UTC(2026, 2, day, hour, minute);
const AFTER_END = END + 7 * DAY;

const log = (startedMs: number, hours: number): Worklog => ({ startedMs, seconds: Math.round(hours * 3600) });
const decided = (outcome: Outcome, atMs: number): TriageDecision => aDecision({ outcome, decidedAt: new Date(atMs).toISOString() });
const input = (overrides: Partial<AllocationInput> = {}): AllocationInput => ({
  sprintTickets: [],
  window: { startMs: START, endMs: END },
  calendar: DEFAULT_WORK_CALENDAR,
  model: DEFAULT_HOURS_MODEL,
  allocationPct: 20,
  classification: DEFAULT_CLASSIFICATION,
  ...overrides,
});
const column = (series: readonly BurnPoint[], field: keyof BurnPoint) => series.map((p) => p[field]);

describe('burnSeries, hours', () => {
  const tickets: Ticket[] = [
    // planned: Mon 2 h, Wed 1 h, and 1 h on the final Monday morning (not a series day → last day)
    aTicket({ key: 'SUP-1', createdMs: START - DAY, worklogs: [log(utc(2, 11), 2), log(utc(4), 1), log(utc(16, 9), 1)] }),
    // sanctioned: 3 h on Saturday → counts on Monday 9th
    aTicket({ key: 'SUP-2', decision: decided('interrupt', utc(5)), worklogs: [log(utc(7), 3)] }),
    // untriaged: 0.5 h on Friday 13th
    aTicket({ key: 'SUP-3', createdMs: utc(11), worklogs: [log(utc(13), 0.5)] }),
    // not support: never plotted
    aTicket({ key: 'APP-1', issueType: 'Story', worklogs: [log(utc(3), 20)] }),
  ];

  it('after the end: cumulative per category, weekend and out-of-series work on the next/last day', () => {
    const series = burnSeries(input({ sprintTickets: tickets }), AFTER_END);
    expect(column(series, 'date')).toEqual(DATES);
    expect(column(series, 'planned')).toEqual([2, 2, 3, 3, 3, 3, 3, 3, 3, 4]);
    expect(column(series, 'sanctioned')).toEqual([0, 0, 0, 0, 0, 3, 3, 3, 3, 3]);
    expect(column(series, 'untriaged')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]);
    expect(column(series, 'total')).toEqual([2, 2, 3, 3, 3, 6, 6, 6, 6, 7.5]);
    expect(column(series, 'budget')).toEqual(Array(10).fill(60));
    // every day is actual, so only the last one carries the forecast: what was used
    expect(column(series, 'forecast')).toEqual([...Array(9).fill(null), 7.5]);
    expect(series[9]?.total).toBe(allocate(input({ sprintTickets: tickets })).used.total);
  });

  it('mid-sprint: actual values up to today, null after, a straight forecast line from today', () => {
    const early = [aTicket({ key: 'SUP-1', worklogs: [log(utc(2, 11), 2), log(utc(4, 9), 1)] })];
    const series = burnSeries(input({ sprintTickets: early }), utc(4, 15)); // Wednesday: 3 of 10 days
    expect(column(series, 'total')).toEqual([2, 2, 3, ...Array(7).fill(null)]);
    expect(column(series, 'planned')).toEqual([2, 2, 3, ...Array(7).fill(null)]);
    expect(column(series, 'sanctioned')).toEqual([0, 0, 0, ...Array(7).fill(null)]);
    expect(column(series, 'untriaged')).toEqual([0, 0, 0, ...Array(7).fill(null)]);
    // 3 h in 3 days → 10 h in 10 days: 3, 4, …, 10 from Wednesday on
    const forecast = column(series, 'forecast') as (number | null)[];
    expect(forecast.slice(0, 2)).toEqual([null, null]);
    forecast.slice(2).forEach((value, i) => expect(value).toBeCloseTo(3 + i, 10));
    expect(forecast[9]).toBe(10);
  });

  it('on the first day, the first point is actual and the forecast starts there', () => {
    const series = burnSeries(input({ sprintTickets: [aTicket({ worklogs: [log(utc(2, 11), 1.5)] })] }), utc(2, 13));
    expect(series[0]).toEqual({ date: '2026-03-02', sanctioned: 0, planned: 1.5, untriaged: 0, total: 1.5, budget: 60, forecast: 1.5 });
    expect(series[1]?.total).toBeNull();
    expect(series[9]?.forecast).toBe(15);
  });

  it('before the start: no actual values; the forecast rises from 0 to what is already used', () => {
    const planned = [aTicket({ worklogs: [log(utc(2, 11), 5)] })];
    const series = burnSeries(input({ sprintTickets: planned }), START - DAY);
    expect(column(series, 'total')).toEqual(Array(10).fill(null));
    const forecast = column(series, 'forecast') as number[];
    forecast.forEach((value, i) => expect(value).toBeCloseTo(((i + 1) * 5) / 10, 10));
    expect(forecast[9]).toBe(5);
  });

  it('a worklog on a non-working date counts on the next working day', () => {
    const calendar: WorkCalendar = { ...DEFAULT_WORK_CALENDAR, nonWorkingDates: ['2026-03-04'] };
    const series = burnSeries(input({ calendar, sprintTickets: [aTicket({ worklogs: [log(utc(4), 2)] })] }), AFTER_END);
    expect(column(series, 'date')).not.toContain('2026-03-04');
    expect(column(series, 'total').slice(0, 4)).toEqual([0, 0, 2, 2]); // Mon, Tue, Thu, Fri
  });

  it('a sprint starting on Saturday: weekend work counts on the first Monday', () => {
    const window = { startMs: utc(7, 9), endMs: utc(13, 17) };
    const series = burnSeries(input({ window, sprintTickets: [aTicket({ worklogs: [log(utc(7, 10), 1), log(utc(8, 10), 1)] })] }), AFTER_END);
    expect(column(series, 'date')).toEqual(DATES.slice(5));
    expect(column(series, 'total')).toEqual([2, 2, 2, 2, 2]);
  });

  it('days are the team’s local days: Tue 23:30 UTC is Wednesday in Berlin', () => {
    const ticket = aTicket({ worklogs: [log(utc(3, 23, 30), 1)] });
    const inUtc = burnSeries(input({ sprintTickets: [ticket] }), AFTER_END);
    const inBerlin = burnSeries(input({ sprintTickets: [ticket], calendar: { ...DEFAULT_WORK_CALENDAR, timeZone: 'Europe/Berlin' } }), AFTER_END);
    expect(column(inUtc, 'total').slice(0, 3)).toEqual([0, 1, 1]);
    expect(column(inBerlin, 'total').slice(0, 3)).toEqual([0, 0, 1]);
  });

  it('a one-day sprint has one point, actual and forecast alike', () => {
    const window = { startMs: utc(4, 9), endMs: utc(4, 17) };
    const series = burnSeries(input({ window, sprintTickets: [aTicket({ worklogs: [log(utc(4, 10), 2)] })] }), utc(4, 12));
    expect(series).toEqual([{ date: '2026-03-04', sanctioned: 0, planned: 2, untriaged: 0, total: 2, budget: 1.2 * 5, forecast: 2 }]);
  });

  it.each<[string, { startMs: number; endMs: number }]>([
    ['a weekend-only window', { startMs: utc(7, 0), endMs: utc(8, 23) }],
    ['an empty window', { startMs: START, endMs: START }],
  ])('%s has no points', (_name, window) => {
    expect(burnSeries(input({ window, sprintTickets: [aTicket({ worklogs: [log(utc(7), 1)] })] }), AFTER_END)).toEqual([]);
  });
});

describe('burnSeries, points', () => {
  const baseline = { issueKeys: ['SUP-1'], committedPoints: 40 };
  const tickets: Ticket[] = [
    aTicket({ key: 'SUP-1', storyPoints: 3 }), // planned: at the start
    aTicket({ key: 'SUP-2', storyPoints: 5, decision: decided('interrupt', utc(5, 9)) }), // Thursday
    aTicket({ key: 'SUP-3', storyPoints: 1, decision: decided('interrupt', START - 3 * DAY) }), // clamped to the start
    aTicket({ key: 'SUP-4', storyPoints: 2, decision: decided('interrupt', END + DAY) }), // clamped to the end → last day
    aTicket({ key: 'SUP-5', severityValue: 'Sev 1', createdMs: utc(7, 9) }), // untriaged, unestimated S1 = 5, Saturday → Monday
  ];

  it('plots each ticket when it entered the sprint', () => {
    const series = burnSeries(input({ sprintTickets: tickets, model: DEFAULT_POINTS_MODEL, baseline, allocationPct: 25 }), AFTER_END);
    expect(column(series, 'planned')).toEqual(Array(10).fill(3));
    expect(column(series, 'sanctioned')).toEqual([1, 1, 1, 6, 6, 6, 6, 6, 6, 8]);
    expect(column(series, 'untriaged')).toEqual([0, 0, 0, 0, 0, 5, 5, 5, 5, 5]);
    expect(column(series, 'budget')).toEqual(Array(10).fill(10));
    expect(series[9]).toMatchObject({ total: 16, forecast: 16 });
  });
});

describe('burnSeries, terms that change during the sprint: the budget line steps', () => {
  const DAY_6 = utc(9, 9); // the 6th working day, Monday 9 March
  const at = (fromMs: number, allocationPct: number, model: CapacityModel = DEFAULT_HOURS_MODEL): BudgetTerms => ({ fromMs, allocationPct, model });
  const team = (teamSize: number): CapacityModel => ({ kind: 'hours', teamSize, focusHoursPerDay: 6 });
  const pts = (fromMs: number, pct: number): BudgetTerms => at(fromMs, pct, DEFAULT_POINTS_MODEL);
  const points = { model: DEFAULT_POINTS_MODEL, baseline: { issueKeys: [], committedPoints: 40 } };

  it.each<[string, Partial<AllocationInput>, number[]]>([
    ['20 % → 30 % from day 6: 60 h, then 0.2 × 150 + 0.3 × 150 = 75 h', { terms: [at(START, 20), at(DAY_6, 30)] }, [...Array(5).fill(60), ...Array(5).fill(75)]],
    ['team 5 → 4 from day 6 at 20 %: 60 h, then 30 + 24 = 54 h', { terms: [at(START, 20), at(DAY_6, 20, team(4))] }, [...Array(5).fill(60), ...Array(5).fill(54)]],
    ['saved during Wednesday: Wednesday steps', { terms: [at(START, 20), at(utc(4, 16), 50)] }, [60, 60, ...Array(8).fill(132)]],
    ['saved before the start: flat at the new budget', { terms: [at(START - DAY, 20), at(START - HOUR, 30)] }, Array(10).fill(90)],
    ['saved after the end: flat as ever', { terms: [at(START, 20), at(END + HOUR, 30)] }, Array(10).fill(60)],
    ['points, 20 % → 50 % from day 6: 8, then 4 + 10 = 14', { ...points, terms: [pts(START, 20), pts(DAY_6, 50)] }, [...Array(5).fill(8), ...Array(5).fill(14)]],
  ])('%s', (_name, overrides, budgets) => {
    const i = input(overrides);
    const series = burnSeries(i, AFTER_END);
    expect(column(series, 'budget')).toEqual(budgets);
    expect(series[series.length - 1]?.budget).toBe(allocate(i).budget);
  });

  it('the forecast and the status are judged against the final budget', () => {
    // 40 h used by day 5 of 10 → forecast 80 h: at risk against the final 75 h, not the 60 h of day 5.
    const tickets = [aTicket({ key: 'SUP-1', worklogs: [log(utc(2), 20), log(utc(5), 20)] })];
    const i = input({ sprintTickets: tickets, terms: [at(START, 20), at(DAY_6, 30)] });
    const now = utc(6, 18);
    const series = burnSeries(i, now);
    expect(series[4]).toMatchObject({ total: 40, budget: 60, forecast: 40 });
    expect(series[9]).toMatchObject({ budget: 75, forecast: 80 });
    expect(assessSprint(allocate(i), i.window, i.calendar, now)).toMatchObject({ status: 'at-risk', forecast: 80 });
  });
});

// ---- properties ----
const offset = fc.integer({ min: -3 * DAY, max: 20 * DAY });
const arbTicket = (key: string): fc.Arbitrary<Ticket> =>
  fc
    .record({
      issueType: fc.constantFrom('Bug', 'Incident', 'Story'),
      storyPoints: fc.option(fc.double({ min: 0, max: 13, noNaN: true }), { nil: undefined }),
      severityValue: fc.option(fc.constantFrom('Sev 1', 'Major', 'S3', 'Low'), { nil: undefined }),
      createdMs: fc.option(offset.map((o) => START + o), { nil: undefined }),
      worklogs: fc.array(fc.record({ startedMs: offset.map((o) => START + o), seconds: fc.integer({ min: 0, max: 8 * 3600 }) }), { maxLength: 4 }),
      decision: fc.option(fc.tuple(fc.constantFrom<Outcome>('interrupt', 'backlog'), offset).map(([o, at]) => decided(o, START + at)), { nil: undefined }),
    })
    .map((fields) => aTicket({ key, ...fields }));
const arbCase = fc.record({
  tickets: fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbTicket(`T-${i}`)))),
  model: fc.constantFrom<CapacityModel>(DEFAULT_HOURS_MODEL, DEFAULT_POINTS_MODEL),
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
  holidays: fc.subarray(DATES),
  startShift: fc.integer({ min: -2 * DAY, max: 2 * DAY }),
  length: fc.integer({ min: 0, max: 21 * DAY }),
  baseline: fc.option(fc.subarray(['T-0', 'T-1', 'T-2']), { nil: undefined }),
  now: offset.map((o) => START + o),
});
type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;
const arbTerms: fc.Arbitrary<BudgetTerms[]> = fc.array(
  fc.record({
    fromMs: offset.map((o) => START + o),
    allocationPct: fc.integer({ min: 0, max: 100 }),
    model: fc.oneof(
      fc.record({ kind: fc.constant('hours' as const), teamSize: fc.integer({ min: 0, max: 9 }), focusHoursPerDay: fc.double({ min: 0, max: 8, noNaN: true }) }),
      fc.constant(DEFAULT_POINTS_MODEL),
    ),
  }),
  { maxLength: 5 },
);
const toInput = (c: Case): AllocationInput =>
  input({
    sprintTickets: c.tickets,
    model: c.model,
    calendar: { ...DEFAULT_WORK_CALENDAR, timeZone: c.timeZone, nonWorkingDates: c.holidays },
    window: { startMs: START + c.startShift, endMs: START + c.startShift + c.length },
    ...(c.baseline === undefined ? {} : { baseline: { issueKeys: c.baseline, committedPoints: 30 } }),
  });

describe('burnSeries properties', () => {
  it('one point per working day; actual values never decrease and stop after today', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const i = toInput(c);
        const series = burnSeries(i, c.now);
        expect(column(series, 'date')).toEqual(workingDays(i.window, i.calendar));
        const actual = series.filter((p) => p.total !== null);
        expect(actual).toEqual(series.slice(0, elapsedWorkingDays(i.window, i.calendar, c.now)));
        for (const field of ['sanctioned', 'planned', 'untriaged', 'total'] as const) {
          actual.forEach((p, k) => {
            expect(p[field]).toBeGreaterThanOrEqual(k === 0 ? 0 : (actual[k - 1]?.[field] ?? 0));
          });
        }
        const hundredths = (x: number | null): number => Math.round((x ?? 0) * 100);
        for (const p of actual) expect(hundredths(p.total)).toBe(hundredths(p.sanctioned) + hundredths(p.planned) + hundredths(p.untriaged));
      }),
    );
  });

  it('once the sprint is over, the last point is exactly the allocation’s used', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const i = toInput(c);
        const series = burnSeries(i, i.window.endMs + DAY);
        fc.pre(series.length > 0);
        const { used, budget } = allocate(i);
        expect(series[series.length - 1]).toMatchObject({ ...used, budget, forecast: used.total });
      }),
    );
  });

  it('the forecast starts at the last actual value, never decreases, and ends at the sprint status forecast', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const i = toInput(c);
        const series = burnSeries(i, c.now);
        fc.pre(series.length > 0);
        const elapsed = elapsedWorkingDays(i.window, i.calendar, c.now);
        const forecast = column(series, 'forecast') as (number | null)[];
        expect(forecast.slice(0, Math.max(0, elapsed - 1)).every((v) => v === null)).toBe(true);
        const line = forecast.slice(Math.max(0, elapsed - 1)) as number[];
        if (elapsed > 0) expect(line[0]).toBe(series[elapsed - 1]?.total);
        line.forEach((v, k) => {
          expect(typeof v).toBe('number');
          if (k > 0) expect(v).toBeGreaterThanOrEqual(line[k - 1] ?? 0);
        });
        expect(forecast[forecast.length - 1]).toBe(assessSprint(allocate(i), i.window, i.calendar, c.now).forecast);
        for (const p of series) expect(p.budget).toBe(allocate(i).budget);
      }),
    );
  });

  it('with terms: the last budget is the allocation’s, and the line moves only on a change day', () => {
    fc.assert(
      fc.property(arbCase, arbTerms, (c, terms) => {
        const i = { ...toInput(c), terms };
        const series = burnSeries(i, c.now);
        fc.pre(series.length > 0);
        expect(series[series.length - 1]?.budget).toBe(allocate(i).budget);
        const changeDates = terms.map((t) => localDate(t.fromMs, i.calendar.timeZone));
        series.forEach((p, k) => {
          expect(Number.isFinite(p.budget) && p.budget >= 0).toBe(true);
          const previous = series[k - 1];
          if (previous && !changeDates.some((date) => date > previous.date && date <= p.date)) expect(p.budget).toBe(previous.budget);
        });
        // The actual values and the forecast do not depend on the terms.
        const plain = burnSeries(toInput(c), c.now);
        expect(series.map(({ budget: _b, ...rest }) => rest)).toEqual(plain.map(({ budget: _b, ...rest }) => rest));
      }),
    );
  });

  it('terms that all equal the input’s model and pct draw exactly the series without terms', () => {
    fc.assert(
      fc.property(arbCase, fc.array(offset, { maxLength: 4 }), (c, offsets) => {
        const i = toInput(c);
        const terms = offsets.map((o): BudgetTerms => ({ fromMs: START + o, allocationPct: i.allocationPct, model: i.model }));
        expect(burnSeries({ ...i, terms }, c.now)).toEqual(burnSeries(i, c.now));
      }),
    );
  });
});
