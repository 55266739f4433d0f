/**
 * Calendar arithmetic for generating the demo site: working days, sprint-length steps and random
 * instants inside working hours, all in UTC (the demo users' time zone).
 */
import type { Prng } from '../prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const isWeekend = (ms: number): boolean => {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
};

/** Midnight UTC of the day `ms` falls in. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** 09:00 UTC on the working day `count` working days before the day of `ms`. */
export function workingDaysBefore(ms: number, count: number): number {
  let day = startOfDay(ms);
  let left = count;
  while (left > 0) {
    day -= DAY;
    if (!isWeekend(day)) left -= 1;
  }
  return day + 9 * HOUR;
}

/**
 * A random instant in [fromMs, toMs), moved into working hours (09:00–17:00 on a weekday) when the
 * window allows it, rounded to the minute.
 */
export function workingInstant(prng: Prng, fromMs: number, toMs: number): number {
  if (toMs - fromMs <= MINUTE) return fromMs;
  for (let attempt = 0; attempt < 6; attempt++) {
    const raw = fromMs + prng.next() * (toMs - fromMs);
    const day = startOfDay(raw);
    const candidate = day + 9 * HOUR + prng.int(0, 8 * 60 - 1) * MINUTE;
    if (!isWeekend(candidate) && candidate >= fromMs && candidate < toMs) return candidate;
  }
  return Math.floor((fromMs + prng.next() * (toMs - fromMs)) / MINUTE) * MINUTE;
}

/** A random instant in [fromMs, toMs), to the second. */
export function anyInstant(prng: Prng, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return fromMs;
  return Math.floor((fromMs + prng.next() * (toMs - fromMs)) / 1000) * 1000;
}
