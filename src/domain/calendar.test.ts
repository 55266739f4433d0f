import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import {
  DEFAULT_WORK_CALENDAR,
  elapsedWorkingDays,
  isCalendarDate,
  isValidTimeZone,
  isWorkingDate,
  localDate,
  workingDays,
  type SprintWindow,
  type WorkCalendar,
} from './calendar';

const BERLIN = 'Europe/Berlin';
const UTC = 'UTC';

/** An instant given as local wall-clock time 'yyyy-MM-dd HH:mm' in a zone. */
function at(local: string, zone: string = UTC): number {
  const [date = '', time = '00:00'] = local.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, 0, zone).getTime();
}
const windowOf = (start: string, end: string, zone: string = UTC): SprintWindow => ({
  startMs: at(start, zone),
  endMs: at(end, zone),
});
const calendarIn = (timeZone: string, extra: Partial<WorkCalendar> = {}): WorkCalendar => ({
  ...DEFAULT_WORK_CALENDAR,
  timeZone,
  ...extra,
});

// 2026-03-02 is a Monday. In Berlin, DST starts on Sunday 2026-03-29 and ends on Sunday 2026-10-25.
const TWO_WEEKS_MON_TO_FRI = [
  ...['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'].map((d) => `2026-03-${d}`),
];

describe('DEFAULT_WORK_CALENDAR', () => {
  it('is UTC, Monday to Friday, with no holidays', () => {
    expect(DEFAULT_WORK_CALENDAR).toEqual({ timeZone: 'UTC', workingWeekdays: [1, 2, 3, 4, 5], nonWorkingDates: [] });
  });
});

describe('localDate', () => {
  it.each<[string, number, string, string]>([
    ['UTC midnight', Date.UTC(2026, 2, 2, 0, 0), UTC, '2026-03-02'],
    ['UTC one ms before midnight', Date.UTC(2026, 2, 2, 23, 59, 59, 999), UTC, '2026-03-02'],
    ['23:30 UTC is already tomorrow in Berlin (CET, +1)', Date.UTC(2026, 2, 2, 23, 30), BERLIN, '2026-03-03'],
    ['22:30 UTC is still today in Berlin in winter', Date.UTC(2026, 2, 2, 22, 30), BERLIN, '2026-03-02'],
    ['22:30 UTC is tomorrow in Berlin in summer (CEST, +2)', Date.UTC(2026, 5, 2, 22, 30), BERLIN, '2026-06-03'],
    ['early UTC morning is yesterday in New York', Date.UTC(2026, 2, 2, 3, 0), 'America/New_York', '2026-03-01'],
    ['Kiritimati (+14) is a day ahead of UTC noon-ish', Date.UTC(2026, 2, 2, 11, 0), 'Pacific/Kiritimati', '2026-03-03'],
  ])('%s', (_name, ms, zone, expected) => {
    expect(localDate(ms, zone)).toBe(expected);
  });

  it('rejects an unknown time zone instead of falling back to UTC', () => {
    expect(() => localDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDate(0, 'Mars/Olympus_Mons')).toThrow('Unknown time zone "Mars/Olympus_Mons".');
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(localDate(Date.UTC(2026, 2, 2, 22, 30), UTC)).toBe('2026-03-02');
      expect(workingDays(windowOf('2026-03-06 09:00', '2026-03-06 17:00'), DEFAULT_WORK_CALENDAR)).toEqual(['2026-03-06']);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('zone contexts are made once per zone', () => {
  it('localDate over many instants builds no new Intl.DateTimeFormat per call (its ICU data is memory the GC does not see)', () => {
    const zone = 'Pacific/Chatham'; // a zone no other test uses first, so its context is made here
    const spy = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      localDate(Date.UTC(2026, 0, 1), zone);
      const afterFirst = spy.mock.calls.length;
      for (let i = 0; i < 2_000; i++) localDate(Date.UTC(2026, 0, 1) + i * 3_600_000, zone);
      expect(spy.mock.calls.length).toBe(afterFirst);
    } finally {
      spy.mockRestore();
    }
  });

  it('an unknown zone is refused every time, never remembered', () => {
    expect(() => localDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it.each<[string, boolean]>([
    ['UTC', true],
    ['Europe/Berlin', true],
    ['Etc/GMT+5', true],
    ['', false],
    ['Mars/Olympus_Mons', false],
    ['+01:00', false],
  ])('%j → %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});

describe('isCalendarDate', () => {
  it.each<[string, boolean]>([
    ['2026-12-24', true],
    ['2028-02-29', true],
    ['2026-13-45', false],
    ['2026-00-10', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['0000-01-01', false], // parses, but as year 1: the round trip catches it
    ['2026-1-5', false],
    ['2026-12-24T00:00', false],
    ['', false],
  ])('%j → %s', (date, expected) => {
    expect(isCalendarDate(date)).toBe(expected);
  });

  it('accepts exactly the dates localDate writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        expect(isCalendarDate(localDate(ms, UTC))).toBe(true);
      }),
    );
  });
});

describe('isWorkingDate', () => {
  it.each<[string, Partial<WorkCalendar>, boolean]>([
    ['2026-03-02', {}, true], // Monday
    ['2026-03-06', {}, true], // Friday
    ['2026-03-07', {}, false], // Saturday
    ['2026-03-08', {}, false], // Sunday
    ['2026-03-02', { nonWorkingDates: ['2026-03-02'] }, false],
    ['2026-03-08', { workingWeekdays: [0, 1, 2, 3, 4] }, true], // Sunday in a Sun–Thu week
    ['2026-03-06', { workingWeekdays: [0, 1, 2, 3, 4] }, false], // Friday in a Sun–Thu week
    ['not a date', {}, false],
  ])('%s with %j → %s', (date, extra, expected) => {
    expect(isWorkingDate(date, calendarIn(UTC, extra))).toBe(expected);
  });
});

describe('workingDays', () => {
  it.each<[string, SprintWindow, WorkCalendar, readonly string[]]>([
    ['Mon 10:00 → Mon 10:00 two weeks later: the final Monday morning is not a day', windowOf('2026-03-02 10:00', '2026-03-16 10:00'), DEFAULT_WORK_CALENDAR, TWO_WEEKS_MON_TO_FRI],
    ['Mon 09:00 → Fri 17:00 next week: the final Friday counts', windowOf('2026-03-02 09:00', '2026-03-13 17:00'), DEFAULT_WORK_CALENDAR, TWO_WEEKS_MON_TO_FRI],
    ['ending at 12:00 sharp does not count the end date', windowOf('2026-03-02 09:00', '2026-03-04 12:00'), DEFAULT_WORK_CALENDAR, ['2026-03-02', '2026-03-03']],
    ['ending one minute after noon counts the end date', windowOf('2026-03-02 09:00', '2026-03-04 12:01'), DEFAULT_WORK_CALENDAR, ['2026-03-02', '2026-03-03', '2026-03-04']],
    ['start and end on the same working date count it once', windowOf('2026-03-04 09:00', '2026-03-04 10:00'), DEFAULT_WORK_CALENDAR, ['2026-03-04']],
    ['start and end on the same Saturday count nothing', windowOf('2026-03-07 09:00', '2026-03-07 17:00'), DEFAULT_WORK_CALENDAR, []],
    ['a weekend-only window has no days', windowOf('2026-03-07 00:00', '2026-03-08 23:59'), DEFAULT_WORK_CALENDAR, []],
    ['an empty window has no days', windowOf('2026-03-02 10:00', '2026-03-02 10:00'), DEFAULT_WORK_CALENDAR, []],
    ['an inverted window has no days', windowOf('2026-03-13 17:00', '2026-03-02 09:00'), DEFAULT_WORK_CALENDAR, []],
    ['a start on Saturday begins with Monday', windowOf('2026-03-07 10:00', '2026-03-11 17:00'), DEFAULT_WORK_CALENDAR, ['2026-03-09', '2026-03-10', '2026-03-11']],
    ['non-working dates are left out', windowOf('2026-03-02 09:00', '2026-03-06 17:00'), calendarIn(UTC, { nonWorkingDates: ['2026-03-03', '2026-03-05', '2026-12-25'] }), ['2026-03-02', '2026-03-04', '2026-03-06']],
    ['a Sunday-to-Thursday week', windowOf('2026-03-01 09:00', '2026-03-07 17:00'), calendarIn(UTC, { workingWeekdays: [0, 1, 2, 3, 4] }), ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']],
    ['a calendar with no working weekdays has no days', windowOf('2026-03-02 09:00', '2026-03-13 17:00'), calendarIn(UTC, { workingWeekdays: [] }), []],
    [
      'Berlin, across the spring DST change (Sun 29 Mar): still 10 days',
      windowOf('2026-03-23 10:00', '2026-04-06 10:00', BERLIN),
      calendarIn(BERLIN),
      ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03'],
    ],
    [
      'Berlin, across the autumn DST change (Sun 25 Oct): still 10 days',
      windowOf('2026-10-19 10:00', '2026-11-02 10:00', BERLIN),
      calendarIn(BERLIN),
      ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30'],
    ],
    [
      'noon is wall-clock time on the 23-hour spring DST day: 12:30 counts (only 11.5 h after midnight)',
      windowOf('2026-03-28 09:00', '2026-03-29 12:30', BERLIN),
      calendarIn(BERLIN, { workingWeekdays: [0, 1, 2, 3, 4, 5, 6] }),
      ['2026-03-28', '2026-03-29'],
    ],
    [
      'noon is wall-clock time on the 25-hour autumn DST day: 11:30 does not count (12.5 h after midnight)',
      windowOf('2026-10-24 09:00', '2026-10-25 11:30', BERLIN),
      calendarIn(BERLIN, { workingWeekdays: [0, 1, 2, 3, 4, 5, 6] }),
      ['2026-10-24'],
    ],
    [
      'dates are Berlin dates: Sun 23:30 UTC is Monday 00:30 in Berlin',
      { startMs: Date.UTC(2026, 2, 1, 23, 30), endMs: Date.UTC(2026, 2, 3, 16, 0) },
      calendarIn(BERLIN),
      ['2026-03-02', '2026-03-03'],
    ],
  ])('%s', (_name, window, calendar, expected) => {
    expect(workingDays(window, calendar)).toEqual(expected);
  });

  it('judges the noon rule in the team zone: Fri 11:30 UTC is 12:30 in Berlin', () => {
    const window = { startMs: Date.UTC(2026, 2, 2, 9, 0), endMs: Date.UTC(2026, 2, 6, 11, 30) };
    expect(workingDays(window, calendarIn(UTC))).toHaveLength(4);
    expect(workingDays(window, calendarIn(BERLIN))).toHaveLength(5);
  });

  it('rejects an unknown time zone', () => {
    expect(() => workingDays(windowOf('2026-03-02 09:00', '2026-03-06 17:00'), calendarIn('Nowhere/Town'))).toThrow(RangeError);
  });

  it('has no days for a window with an unreadable bound', () => {
    expect(workingDays({ startMs: Number.NaN, endMs: at('2026-03-06 17:00') }, DEFAULT_WORK_CALENDAR)).toEqual([]);
  });
});

// ---- properties ----
const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const zones = fc.constantFrom(UTC, BERLIN, 'America/New_York', 'Australia/Sydney', 'Pacific/Kiritimati');
const instant = fc.integer({ min: T0, max: T0 + 2 * 365 * DAY });
const span = fc.integer({ min: 0, max: 40 * DAY });
const weekdays = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 });
const calendars = fc.record({
  timeZone: zones,
  workingWeekdays: weekdays,
  nonWorkingDates: fc.array(instant.map((ms) => localDate(ms, UTC)), { maxLength: 20 }),
});

describe('workingDays properties', () => {
  it('returns ascending, distinct working dates between the local start and end dates', () => {
    fc.assert(
      fc.property(instant, span, calendars, (start, length, calendar) => {
        const days = workingDays({ startMs: start, endMs: start + length }, calendar);
        const first = localDate(start, calendar.timeZone);
        const last = localDate(start + length, calendar.timeZone);
        days.forEach((date, i) => {
          expect(isWorkingDate(date, calendar)).toBe(true);
          expect(date >= first && date <= last).toBe(true);
          if (i > 0) expect(date > (days[i - 1] ?? '')).toBe(true);
        });
      }),
    );
  });

  it('adding a working weekday never lowers the count (and removes no date)', () => {
    fc.assert(
      fc.property(instant, span, calendars, fc.integer({ min: 0, max: 6 }), (start, length, calendar, extra) => {
        const window = { startMs: start, endMs: start + length };
        const before = workingDays(window, calendar);
        const after = workingDays(window, { ...calendar, workingWeekdays: [...calendar.workingWeekdays, extra] });
        expect(after.length).toBeGreaterThanOrEqual(before.length);
        expect(after).toEqual(expect.arrayContaining(before));
      }),
    );
  });

  it('extending the end never lowers the count', () => {
    fc.assert(
      fc.property(instant, span, span, calendars, (start, length, later, calendar) => {
        const base = workingDays({ startMs: start, endMs: start + length }, calendar);
        const longer = workingDays({ startMs: start, endMs: start + length + later }, calendar);
        expect(longer).toEqual(expect.arrayContaining(base));
      }),
    );
  });

  it('moving the start earlier never lowers the count, except for a one-date window ending by noon', () => {
    fc.assert(
      fc.property(instant, span, span, calendars, (start, length, earlier, calendar) => {
        const end = start + length;
        const base = workingDays({ startMs: start, endMs: end }, calendar);
        const longer = workingDays({ startMs: start - earlier, endMs: end }, calendar);
        // The same-date rule counts a morning-only one-day window; once it spans two dates, its end
        // date follows the noon rule again. That is the only date an earlier start can lose.
        const endDate = localDate(end, calendar.timeZone);
        const mayLose = localDate(start, calendar.timeZone) === endDate ? [endDate] : [];
        expect(longer).toEqual(expect.arrayContaining(base.filter((d) => !mayLose.includes(d))));
      }),
    );
  });

  it('the one exception, concretely: Mon 09:00–11:00 has Monday, Sun 09:00 → Mon 11:00 has none', () => {
    expect(workingDays(windowOf('2026-03-02 09:00', '2026-03-02 11:00'), DEFAULT_WORK_CALENDAR)).toEqual(['2026-03-02']);
    expect(workingDays(windowOf('2026-03-01 09:00', '2026-03-02 11:00'), DEFAULT_WORK_CALENDAR)).toEqual([]);
  });

  it('a non-working date removes exactly that date', () => {
    fc.assert(
      fc.property(instant, span, calendars, fc.nat(), (start, length, calendar, pick) => {
        const window = { startMs: start, endMs: start + length };
        const days = workingDays(window, calendar);
        fc.pre(days.length > 0);
        const holiday = days[pick % days.length] ?? '';
        const after = workingDays(window, { ...calendar, nonWorkingDates: [...calendar.nonWorkingDates, holiday] });
        expect(after).toEqual(days.filter((d) => d !== holiday));
      }),
    );
  });
});

describe('elapsedWorkingDays', () => {
  const window = windowOf('2026-03-02 10:00', '2026-03-16 10:00'); // 10 working days
  it.each<[string, number, WorkCalendar, number]>([
    ['a day before the start', at('2026-03-01 10:00'), DEFAULT_WORK_CALENDAR, 0],
    ['on the start date, before the start time', at('2026-03-02 09:59'), DEFAULT_WORK_CALENDAR, 0],
    ['at the start', at('2026-03-02 10:00'), DEFAULT_WORK_CALENDAR, 1],
    ['Wednesday of week one', at('2026-03-04 08:00'), DEFAULT_WORK_CALENDAR, 3],
    ['Saturday of week one', at('2026-03-07 15:00'), DEFAULT_WORK_CALENDAR, 5],
    ['Monday of week two', at('2026-03-09 00:00'), DEFAULT_WORK_CALENDAR, 6],
    ['on the (uncounted) end date before the end', at('2026-03-16 09:00'), DEFAULT_WORK_CALENDAR, 10],
    ['at the end', at('2026-03-16 10:00'), DEFAULT_WORK_CALENDAR, 10],
    ['a month after the end', at('2026-04-16 10:00'), DEFAULT_WORK_CALENDAR, 10],
    ['Tue 23:30 UTC is already Wednesday in Berlin', at('2026-03-03 23:30'), calendarIn(BERLIN), 3],
    ['Tue 23:30 UTC is Tuesday in UTC', at('2026-03-03 23:30'), DEFAULT_WORK_CALENDAR, 2],
    ['holidays are not counted as elapsed', at('2026-03-04 12:00'), calendarIn(UTC, { nonWorkingDates: ['2026-03-03'] }), 2],
  ])('%s', (_name, now, calendar, expected) => {
    expect(elapsedWorkingDays(window, calendar, now)).toBe(expected);
  });

  it('is 0 for a window without working days', () => {
    expect(elapsedWorkingDays(windowOf('2026-03-07 00:00', '2026-03-08 23:00'), DEFAULT_WORK_CALENDAR, at('2026-03-08 12:00'))).toBe(0);
  });

  it('stays between 0 and the working-day count and never decreases as time passes', () => {
    fc.assert(
      fc.property(instant, span, calendars, instant, span, (start, length, calendar, now, step) => {
        const w = { startMs: start, endMs: start + length };
        const total = workingDays(w, calendar).length;
        const e1 = elapsedWorkingDays(w, calendar, now);
        const e2 = elapsedWorkingDays(w, calendar, now + step);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeLessThanOrEqual(total);
        expect(e2).toBeGreaterThanOrEqual(e1);
      }),
    );
  });
});
