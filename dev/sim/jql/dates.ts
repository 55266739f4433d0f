/**
 * JQL date values: absolute dates ("2026-11-01", "2026/11/01 10:00"), periods relative to now
 * ("-14d", "-2w", "-1h", "4w 2d"), epoch milliseconds, and the date functions (now(), startOfDay(-1d)…).
 * Interpreted in the searching user's time zone, which is UTC for every demo user.
 */
import { JqlError } from './errors';

const MINUTE = 60_000;
const UNITS: Record<string, number> = { m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE, w: 7 * 24 * 60 * MINUTE };
const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD = /^([-+]?)((?:\s*\d+\s*[wdhm])+)$/i;

export const INVALID_DATE_FORMATS = "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

/** Milliseconds of a period such as `-4w 2d`, or undefined when it is not one. */
export function periodMs(text: string): number | undefined {
  const match = text.trim().match(PERIOD);
  if (!match) return undefined;
  let total = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+)\s*([wdhm])/gi)) total += Number(part[1]) * (UNITS[(part[2] ?? 'm').toLowerCase()] ?? MINUTE);
  return match[1] === '-' ? -total : total;
}

export function parseDateValue(text: string, nowMs: number, fieldName: string): number {
  const absolute = text.trim().match(ABSOLUTE);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    if (!Number.isNaN(ms) && new Date(ms).getUTCDate() === Number(d)) return ms;
  }
  if (/^\d{9,}$/.test(text.trim())) return Number(text.trim());
  const period = periodMs(text);
  if (period !== undefined) return nowMs + period;
  throw new JqlError([`Date value '${text}' for field '${fieldName}' is invalid. ${INVALID_DATE_FORMATS}`]);
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / UNITS.d!) * UNITS.d!;
}

type Boundary = (nowMs: number) => number;
const BOUNDARIES: Record<string, Boundary> = {
  startofday: (now) => startOfUtcDay(now),
  endofday: (now) => startOfUtcDay(now) + UNITS.d! - 1,
  startofweek: (now) => startOfUtcDay(now) - new Date(now).getUTCDay() * UNITS.d!,
  endofweek: (now) => startOfUtcDay(now) + (7 - new Date(now).getUTCDay()) * UNITS.d! - 1,
  startofmonth: (now) => Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1),
  endofmonth: (now) => Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1, 1) - 1,
  startofyear: (now) => Date.UTC(new Date(now).getUTCFullYear(), 0, 1),
  endofyear: (now) => Date.UTC(new Date(now).getUTCFullYear() + 1, 0, 1) - 1,
};

/** The date functions; undefined when `name` is not one. */
export function dateFunction(name: string, args: readonly string[], nowMs: number): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'now') return nowMs;
  const boundary = BOUNDARIES[lower];
  if (!boundary) return undefined;
  const increment = args[0];
  if (increment === undefined) return boundary(nowMs);
  const signed = /^[-+]?\d+$/.test(increment.trim()) ? `${increment.trim()}${lower.includes('week') ? 'w' : 'd'}` : increment;
  const shift = periodMs(signed);
  if (shift === undefined) throw new JqlError([`The argument '${increment}' for the function '${name}' is not a valid period.`]);
  return boundary(nowMs + shift);
}
