/**
 * Issue 13, item 2: the sentence the dashboard and the gadget show when Jira's hourly quota for apps
 * kept their numbers from updating, with its times in the viewer's locale and time zone.
 */
import type { StaleBecause } from '../src/contract';
import { setViewerDates, staleSentence } from '../static/src/views/dashboard/format';

// ICU puts a narrow no-break space before AM/PM in some versions: compared with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

afterAll(() => setViewerDates('en-US', 'UTC')); // format.ts's default

describe('staleSentence', () => {
  it.each<[string, string | undefined, StaleBecause, string]>([
    ['en-US', 'UTC', { kind: 'quota', asOf: '2026-11-23T09:00:00.000Z', resetsAt: '2026-11-23T10:00:00.000Z' }, "Numbers as of Nov 23, 2026, 9:00 AM UTC — Jira's hourly quota for apps was reached; they update when it resets (about 10:00 AM UTC)."],
    ['en-GB', 'Europe/Berlin', { kind: 'quota', asOf: '2026-11-23T09:00:00.000Z', resetsAt: '2026-11-23T10:00:00.000Z' }, "Numbers as of 23 Nov 2026, 10:00 CET — Jira's hourly quota for apps was reached; they update when it resets (about 11:00 CET)."],
    ['en-US', 'UTC', { kind: 'quota', asOf: '2026-11-23T09:00:00.000Z' }, "Numbers as of Nov 23, 2026, 9:00 AM UTC — Jira's hourly quota for apps was reached; they update with the first hourly run after it resets."],
    ['en-US', 'UTC', { kind: 'quota', asOf: 'not a time' }, "Numbers as of an unknown time — Jira's hourly quota for apps was reached; they update with the first hourly run after it resets."],
  ])('%s %s %j', (locale, zone, stale, sentence) => {
    setViewerDates(locale, zone);
    expect(plain(staleSentence(stale))).toBe(sentence);
  });
});
