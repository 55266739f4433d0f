/** How the dashboard writes amounts, shares and dates: one place, so the tables, charts and CSV agree. */
import type { DashboardStatus, DashboardUnit, OverflowChoice } from '../../../../src/contract';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `12.5`: an amount in the sprint's unit, at most two decimals. */
export function amount(value: number): string {
  return NUMBER.format(value);
}

export function unitWord(unit: DashboardUnit, value?: number): string {
  if (unit === 'points') return value === 1 ? 'point' : 'points';
  return value === 1 ? 'hour' : 'hours';
}

/** `12.5 h` or `8 pts`, for compact places (chart axes, table cells). */
export function withUnit(value: number, unit: DashboardUnit): string {
  return `${amount(value)} ${unit === 'hours' ? 'h' : 'pts'}`;
}

/** `12.5 hours`, for sentences. */
export function inWords(value: number, unit: DashboardUnit): string {
  return `${amount(value)} ${unitWord(unit, value)}`;
}

const DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/** `Nov 16` from `2026-11-16` or an ISO instant (dates are calendar days, shown as such). */
export function day(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}

export function dayYear(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY_YEAR.format(date);
}

export function instant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : INSTANT.format(date);
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
