/** The time in a CONFLICT message: plain, unambiguous, in the project's time zone. */
import { plainTime } from './settings-conflict';

describe('plainTime', () => {
  it.each([
    ['2026-11-23T09:05:00.000Z', 'UTC', '23 November 2026 at 09:05 (UTC)'],
    ['2026-11-23T09:05:00.000Z', 'Europe/Berlin', '23 November 2026 at 10:05 (Europe/Berlin)'],
    ['2026-11-23T23:30:00.000Z', 'Asia/Tokyo', '24 November 2026 at 08:30 (Asia/Tokyo)'],
    ['2026-11-23T00:00:00.000Z', 'UTC', '23 November 2026 at 00:00 (UTC)'],
  ])('%s in %s is %s', (iso, zone, text) => {
    expect(plainTime(iso, zone)).toBe(text);
  });

  it('falls back to UTC for a zone it does not know, and leaves a non-time as it is', () => {
    expect(plainTime('2026-11-23T09:05:00.000Z', 'Mars/Olympus')).toBe('23 November 2026 at 09:05 (UTC)');
    expect(plainTime('yesterday', 'UTC')).toBe('yesterday');
  });
});
