/** How the dashboard writes amounts, shares and dates: one place, so the tables, charts and CSV agree. */
import type { DashboardStatus, DashboardUnit, OverflowChoice, StaleBecause } from '../../../../src/contract';
import { formatAmount, formatNumber } from '../../components/amount';

/** `12.5`: an amount in the sprint's unit, at most one decimal (the panel's formatter: components/amount.ts). */
export function amount(value: number): string {
  return formatNumber(value);
}

export function unitWord(unit: DashboardUnit, value?: number): string {
  if (unit === 'points') return value === 1 ? 'point' : 'points';
  return value === 1 ? 'hour' : 'hours';
}

/** `12.5 h` or `8 pts`, for compact places (chart axes, table cells). */
export function withUnit(value: number, unit: DashboardUnit): string {
  return `${amount(value)} ${unit === 'hours' ? 'h' : 'pts'}`;
}

/** `58.3 h` or `3 points`, for sentences: the same words as the panel (components/amount.ts). */
export function inWords(value: number, unit: DashboardUnit): string {
  return formatAmount(value, unit);
}

const DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/**
 * The viewer's locale and time zone (the Forge context's), for instants: set once by the view that
 * has the context, so each component that writes a time need not be handed it. Calendar days
 * (sprint dates) are days, not instants, and stay as they are.
 */
let viewerZone: { locale: string; timeZone: string | undefined } = { locale: 'en-US', timeZone: 'UTC' };
export function setViewerDates(locale: string | undefined, timeZone: string | undefined): void {
  viewerZone = { locale: locale || 'en-US', timeZone: timeZone || undefined };
}

function inViewerZone(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(viewerZone.locale, { ...options, timeZone: viewerZone.timeZone });
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
}

/** `Nov 16` from `2026-11-16` (a calendar day) or an ISO instant (its day where the viewer is). */
export function day(iso: string): string {
  if (iso.length === 10) {
    const date = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? 'an unknown day' : DAY.format(date);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an unknown day' : inViewerZone({ month: 'short', day: 'numeric' }).format(date);
}

export function dayYear(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an unknown day' : DAY_YEAR.format(date);
}

/** `Dec 2, 2026, 10:42 AM GMT+1`: an instant in the viewer's locale and time zone, never ISO text. */
export function instant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an unknown time' : inViewerZone({ month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);
}

/** `11:00 AM UTC`: the time of day of an instant in the viewer's locale and time zone (one within the day ahead). */
export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an unknown time' : inViewerZone({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);
}

/**
 * Issue 13, item 2: why the numbers shown are older than usual, as one sentence — "Numbers as of
 * Nov 23, 2026, 9:00 AM UTC — Jira's hourly quota for apps was reached; they update when it resets
 * (about 10:00 AM UTC)." Without a reset time (Jira did not say, or it is past) the next hourly run is named.
 */
export function staleSentence(stale: StaleBecause): string {
  const when = stale.resetsAt ? `they update when it resets (about ${timeOfDay(stale.resetsAt)})` : 'they update with the first hourly run after it resets';
  return `Numbers as of ${instant(stale.asOf)} — Jira's hourly quota for apps was reached; ${when}.`;
}

/** `2026-11-16`: the ISO calendar day, for the CSV. */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

export const STATUS_LABEL: Record<DashboardStatus, string> = { ok: 'On track', 'at-risk': 'At risk', over: 'Over budget' };

export const CHOICE_LABEL: Record<OverflowChoice, string> = {
  'swap-out': 'Swap out planned work',
  'abort-sprint': 'Abort and re-plan the sprint',
  'accept-overrun': 'Accept the overrun',
};

/** How long something has waited, in words: "less than an hour", "5 hours", "1 day", "3 days". */
export function waitedFor(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 24) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}
