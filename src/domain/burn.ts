/**
 * Burn series: the sprint's support usage day by day, for the dashboard chart and the hourly rollup.
 *
 * One point per working day of the sprint window (see `workingDays`):
 * - `sanctioned`, `planned`, `untriaged`, `total`: cumulative used up to the end of that local day;
 *   `null` on days that have not begun yet (after now's local date, or every day before the start);
 * - `budget`: the budget as it stood that day (`SteppedBudget.line` in `budget-terms.ts`): flat at the
 *   sprint's budget while the terms do not change; where the allocation % or capacity model changed
 *   during the sprint, flat at the old terms' full-sprint budget up to the change and stepping on
 *   the change day, to end exactly at the allocation's budget;
 * - `forecast`: the linear projection, a straight line from the last actual total (0 if the sprint
 *   has not started) to `forecastUsed` on the last day; `null` on days before the last actual one.
 *
 * When effort happened (see `supportEfforts`): hours — each in-window worklog at its start; points —
 * planned tickets at the sprint start, sanctioned ones at their decision (clamped into the window),
 * untriaged ones when created (never before the start). Effort on a date that is not in the series
 * (a weekend, a holiday, the uncounted end date) counts on the next working day of the series, or on
 * the last one if none follows, so every piece of effort lands somewhere.
 *
 * Invariants (property-tested): the actual values never decrease; once the sprint is over the last
 * point's values are exactly the allocation's `used` (same hundredths, same sum); forecast values
 * never decrease and end at the forecast of the sprint status; the last point's budget is the
 * allocation's budget, and so the one the forecast and the sprint status are judged against.
 */
import {
  allocate,
  supportBudget,
  supportEfforts,
  usedFromHundredths,
  type AllocationCategory,
  type AllocationInput,
} from './allocation';
import { elapsedWorkingDays, localDate } from './calendar';
import { forecastUsed } from './sprint-status';

export interface BurnPoint {
  /** Local date, 'yyyy-MM-dd'. */
  readonly date: string;
  readonly sanctioned: number | null;
  readonly planned: number | null;
  readonly untriaged: number | null;
  readonly total: number | null;
  readonly budget: number;
  readonly forecast: number | null;
}

type Hundredths = Record<AllocationCategory, number>;

/** The daily burn series of the sprint at `nowMs`. Empty when the window has no working day. */
export function burnSeries(input: AllocationInput, nowMs: number): BurnPoint[] {
  const { window, calendar } = input;
  // The budget line has one point per working day of the window, in order: the series' days.
  const days = supportBudget(input).line.map(({ date, budget }): { date: string; budget: number; added: Hundredths } => ({
    date,
    budget,
    added: { sanctioned: 0, planned: 0, untriaged: 0 },
  }));
  const lastDay = days[days.length - 1];
  if (!lastDay) return [];

  // Whole hundredths added on each day, per category; summed as integers so nothing drifts.
  // Dates sort as strings, so the first series date on or after the effort's date is where it lands.
  for (const effort of supportEfforts(input)) {
    const date = localDate(effort.atMs, calendar.timeZone);
    const day = days.find((d) => d.date >= date) ?? lastDay;
    day.added[effort.category] += effort.hundredths;
  }

  const allocation = allocate(input);
  const elapsed = elapsedWorkingDays(window, calendar, nowMs);
  const anchorIndex = elapsed - 1; // the last actual point; -1 before the sprint starts
  const lastIndex = days.length - 1;
  const forecastEnd = forecastUsed(allocation.used.total, elapsed, days.length);

  const running: Hundredths = { sanctioned: 0, planned: 0, untriaged: 0 };
  let anchorTotal = 0;
  return days.map(({ date, budget, added }, index): BurnPoint => {
    if (index > anchorIndex) {
      // A straight line from the last actual total to the projected end. It ends exactly on the
      // projection and never overshoots it, whatever floating-point rounding does in between.
      const line = anchorTotal + ((forecastEnd - anchorTotal) * (index - anchorIndex)) / (lastIndex - anchorIndex);
      const forecast = index === lastIndex ? forecastEnd : Math.min(forecastEnd, line);
      return { date, sanctioned: null, planned: null, untriaged: null, total: null, budget, forecast };
    }
    running.sanctioned += added.sanctioned;
    running.planned += added.planned;
    running.untriaged += added.untriaged;
    const used = usedFromHundredths(running);
    anchorTotal = used.total;
    return { date, ...used, budget, forecast: index === anchorIndex ? used.total : null };
  });
}
