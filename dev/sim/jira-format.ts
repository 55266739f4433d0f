/**
 * The text formats Jira Cloud uses on the wire: platform timestamps ("2026-11-18T09:12:44.120+0000"),
 * Agile timestamps ("2026-11-10T08:00:00.000Z"), time-tracking durations ("1h 30m", with 8-hour days
 * and 5-day weeks as on a default site) and SLA durations ("-3h 38m"). All in UTC: the demo users'
 * time zone is UTC, so what JQL means by a date and what the responses show agree.
 */
const DAY_SECONDS = 8 * 3600;
const WEEK_SECONDS = 5 * DAY_SECONDS;

/** Platform REST timestamp, e.g. `2026-11-18T09:12:44.120+0000`. */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Agile REST timestamp, e.g. `2026-11-10T08:00:00.000Z`. */
export function agileTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO-8601 without milliseconds, as in SLA `iso8601` values: `2026-07-06T18:02:13+0000`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The "friendly" form Jira shows people: `18/Nov/26 9:12 AM`. */
export function friendlyTime(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const minutes = String(d.getUTCMinutes()).padStart(2, '0');
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const year = String(d.getUTCFullYear() % 100).padStart(2, '0');
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${year} ${twelve}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** Time-tracking duration, e.g. 5400 → `1h 30m`, 36000 → `1d 2h`. */
export function trackingDuration(seconds: number): string {
  let rest = Math.round(seconds / 60) * 60;
  const parts: string[] = [];
  for (const [unit, size] of [['w', WEEK_SECONDS], ['d', DAY_SECONDS], ['h', 3600], ['m', 60]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

/** SLA duration in hours and minutes, negative once breached: `7h`, `1h 30m`, `-3h 38m`, `0m`. */
export function slaDuration(millis: number): string {
  const sign = millis < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(millis) / 60000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}
