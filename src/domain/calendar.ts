/**
 * Working calendar of a sprint: which local dates of a sprint window are working days.
 *
 * Everything is judged in the team's IANA time zone (never the process's): a worklog at 23:30 in
 * Berlin belongs to that Berlin date even when the server runs in UTC. Dates are plain
 * 'yyyy-MM-dd' strings in that zone, so they compare, sort and store without any clock attached.
 *
 * The counting rule (see {@link workingDays}):
 * - the start's local date counts;
 * - the end's local date counts only if the window ends after 12:00 local time that day, so a
 *   sprint "Mon 10:00 → Mon 10:00 two weeks later" has 10 working days (the final Monday morning is
 *   the review, not a working day) and "Mon 09:00 → Fri 17:00 next week" has 10 as well;
 * - a window that starts and ends on the same local date counts that date once (if it is a working
 *   day), whatever the hour: a one-day sprint is one day;
 * - an empty or inverted window (end ≤ start) has no days;
 * - of those dates, only the calendar's working weekdays that are not listed non-working dates count.
 */
import { tz } from '@date-fns/tz';
import { eachDayOfInterval, format, isValid, parseISO } from 'date-fns';

/** A sprint's time span, epoch ms: from its start to its complete date (or planned end while active). */
export interface SprintWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Is this instant inside the half-open window [startMs, endMs)? An absent or non-finite instant is
 * never inside: a ticket with no resolution date has not been closed "at some time".
 */
export function inWindow(ms: number | undefined, window: SprintWindow): boolean {
  return ms !== undefined && Number.isFinite(ms) && ms >= window.startMs && ms < window.endMs;
}

export interface WorkCalendar {
  /** IANA time zone of the team, e.g. "Europe/Berlin". */
  readonly timeZone: string;
  /** Weekdays the team works, 0 = Sunday … 6 = Saturday. */
  readonly workingWeekdays: readonly number[];
  /** Local dates ('yyyy-MM-dd') that are not worked although their weekday is: holidays, offsites. */
  readonly nonWorkingDates: readonly string[];
}

/** What a new install gets: UTC, Monday to Friday, no holidays. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = {
  timeZone: 'UTC',
  workingWeekdays: [1, 2, 3, 4, 5],
  nonWorkingDates: [],
};

const DATE_FORMAT = 'yyyy-MM-dd';
/** Wall-clock time with a fixed width, so "later today" is a plain string comparison. */
const CLOCK_FORMAT = 'HH:mm:ss.SSS';
const NOON = '12:00:00.000';

/**
 * Is this a real calendar date written 'yyyy-MM-dd'? The shape alone lets `2026-13-45` or
 * `2026-02-30` through. It must parse as a valid date and write back as the same string, so nothing
 * is silently read as another day (`0000-01-01` parses, but as year 1).
 */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = parseISO(date);
  return isValid(parsed) && format(parsed, DATE_FORMAT) === date;
}

/** True when the runtime knows this IANA time zone name (settings validation uses it too). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError for a zone it does not know
    return true;
  } catch {
    return false;
  }
}

/**
 * Zone contexts by name, made once per zone: checking a zone builds an `Intl.DateTimeFormat`, whose
 * ICU data lives outside the JavaScript heap, so building one per worklog (a 5,000-issue sprint has
 * ~100,000) grew the process by ~170 MB before the garbage collector noticed. A sprint uses one zone.
 */
const zoneContexts = new Map<string, ReturnType<typeof tz>>();

/** Fail loudly on a bad zone: silently falling back to UTC would shift every date by hours. */
function zoneContext(timeZone: string): ReturnType<typeof tz> {
  const known = zoneContexts.get(timeZone);
  if (known) return known;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
  const context = tz(timeZone);
  zoneContexts.set(timeZone, context);
  return context;
}

/**
 * The local date ('yyyy-MM-dd') of an instant in a time zone.
 * @throws RangeError for an unknown time zone.
 */
export function localDate(ms: number, timeZone: string): string {
  return format(ms, DATE_FORMAT, { in: zoneContext(timeZone) });
}

/** Is this local date a working day under the calendar? (Weekday of a date is zone-independent.) */
export function isWorkingDate(date: string, calendar: WorkCalendar): boolean {
  if (calendar.nonWorkingDates.includes(date)) return false;
  // Noon UTC of the date: far from any midnight, so its UTC weekday is the date's weekday.
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return calendar.workingWeekdays.includes(weekday);
}

/**
 * The local dates of the window that are working days, ascending (rule in the module comment).
 * @throws RangeError for an unknown time zone.
 */
export function workingDays(window: SprintWindow, calendar: WorkCalendar): string[] {
  if (!(window.endMs > window.startMs)) return []; // also rejects NaN bounds
  const zone = zoneContext(calendar.timeZone);
  const firstDate = format(window.startMs, DATE_FORMAT, { in: zone });
  const endDate = format(window.endMs, DATE_FORMAT, { in: zone });
  const endCounts = endDate === firstDate || format(window.endMs, CLOCK_FORMAT, { in: zone }) > NOON;

  const days: string[] = [];
  // `in: zone` makes every step a local midnight, so DST days (23 h or 25 h) are still one day each.
  for (const day of eachDayOfInterval({ start: window.startMs, end: window.endMs }, { in: zone })) {
    const date = format(day, DATE_FORMAT, { in: zone });
    if (date === endDate && !endCounts) continue;
    if (isWorkingDate(date, calendar)) days.push(date);
  }
  return days;
}

/**
 * How many of the window's working days have begun by `nowMs`: those on or before now's local date.
 * 0 before the window starts (even earlier on the start date: the sprint has not begun), all of them
 * once it has ended. Always between 0 and `workingDays(window, calendar).length`.
 */
export function elapsedWorkingDays(window: SprintWindow, calendar: WorkCalendar, nowMs: number): number {
  const days = workingDays(window, calendar);
  if (nowMs < window.startMs) return 0;
  // After the end, today is past every date of the window, so this counts all of them.
  const today = localDate(nowMs, calendar.timeZone);
  return days.filter((date) => date <= today).length;
}
