/**
 * Sprint dates as Jira gives them, checked before anything is computed from them.
 *
 * Jira's `SprintBean` has `startDate`, `endDate` and `completeDate` as optional strings, and Jira
 * accepts any end date a board admin types, so a sprint can end before it starts, or span decades.
 * Every figure the app computes (capacity, budget, burn series, the stored rollup's size) is a
 * function of the window, so an implausible window is refused here with a sentence naming the sprint
 * and what is wrong, instead of computing "Capacity 0 h" or a burn series of thousands of days.
 *
 * The longest sprint accepted is {@link MAX_SPRINT_DAYS}: the Scrum Guide caps a sprint at one month
 * and Jira's own duration presets go up to 4 weeks; twice that leaves room for a custom schedule
 * (a sprint stretched over the holidays) while a burn series stays at most ~60 points, which keeps
 * the stored rollup far under KVS's 240 KiB per value (see app/sprint/rollup-size.ts).
 *
 * Pure: the caller passes the strings it read; nothing here reads the clock.
 */

/** The longest plausible sprint, in calendar days (8 weeks): see the module comment for why. */
export const MAX_SPRINT_DAYS = 56;
const DAY_MS = 86_400_000;

export interface SprintDates {
  readonly name: string;
  readonly state: 'future' | 'active' | 'closed';
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
  readonly completeDate?: string | undefined;
}

export interface SprintWindowMs {
  readonly startMs: number;
  readonly endMs: number;
}

export type SprintWindowCheck =
  | { readonly kind: 'window'; readonly window: SprintWindowMs }
  /** A future sprint (or one Jira gives no start for): nothing to compute yet, and nothing wrong. */
  | { readonly kind: 'not-started' }
  /** Dates that cannot be a sprint's: `problem` is the sentence to show. */
  | { readonly kind: 'implausible'; readonly problem: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Nov 2026" (UTC): how the sentences name a date. */
export function dayText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Parse an ISO date-time; NaN when it is not one (Date.parse alone accepts too much, e.g. "1"). */
function parseDate(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(text)) return NaN;
  return Date.parse(text);
}

const quoted = (text: string): string => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

/**
 * The sprint's window (start → complete date when closed, else the planned end), or why there is
 * none. Active and closed sprints must have a readable start and end, end after start, and last at
 * most {@link MAX_SPRINT_DAYS}.
 */
export function checkSprintDates(sprint: SprintDates): SprintWindowCheck {
  const { name, state } = sprint;
  const fix = 'fix its dates on the board.';
  if (state === 'future') return { kind: 'not-started' };
  if (sprint.startDate === undefined) {
    return state === 'active' ? { kind: 'implausible', problem: `${name} is active but Jira gives it no start date: ${fix}` } : { kind: 'not-started' };
  }
  const startMs = parseDate(sprint.startDate);
  if (!Number.isFinite(startMs)) return { kind: 'implausible', problem: `${name} has a start date Jira gives as ${quoted(sprint.startDate)}, which is not a date: ${fix}` };
  const endField = state === 'closed' && sprint.completeDate !== undefined ? 'complete' : 'end';
  const endText = endField === 'complete' ? sprint.completeDate : sprint.endDate;
  if (endText === undefined) return { kind: 'implausible', problem: `${name} has no end date in Jira: ${fix}` };
  const endMs = parseDate(endText);
  if (!Number.isFinite(endMs)) return { kind: 'implausible', problem: `${name} has an ${endField} date Jira gives as ${quoted(endText)}, which is not a date: ${fix}` };
  const ends = endField === 'complete' ? 'was completed' : 'ends';
  if (endMs <= startMs) {
    return { kind: 'implausible', problem: `${name} ${ends} before it starts (${endField === 'complete' ? 'completed' : 'ends'} ${dayText(endMs)}, starts ${dayText(startMs)}): ${fix}` };
  }
  const days = Math.ceil((endMs - startMs) / DAY_MS);
  if (days > MAX_SPRINT_DAYS) {
    return {
      kind: 'implausible',
      problem: `${name} spans ${days} days (${dayText(startMs)} to ${dayText(endMs)}), more than the ${MAX_SPRINT_DAYS} days a sprint can last here: ${fix}`,
    };
  }
  return { kind: 'window', window: { startMs, endMs } };
}

/** The sentence for a closed sprint whose capacity was zero: its share means nothing. */
export function noCapacityProblem(name: string, unit: 'hours' | 'points'): string {
  return unit === 'hours'
    ? `${name} had no capacity (0 h: no working day between its start and its end, or no team hours), so it is left out of the recommendation.`
    : `${name} had no capacity (0 story points committed), so it is left out of the recommendation.`;
}
