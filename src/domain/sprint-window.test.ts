import fc from 'fast-check';
import { burnSeries } from './burn';
import { DEFAULT_WORK_CALENDAR } from './calendar';
import { DEFAULT_HOURS_MODEL } from './capacity';
import { recommendAllocation } from './recommendation';
import { checkSprintDates, dayText, MAX_SPRINT_DAYS, noCapacityProblem, type SprintDates } from './sprint-window';
import { DEFAULT_CLASSIFICATION } from './triage-facts';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const START = Date.UTC(2026, 10, 17, 9);

describe('checkSprintDates: implausible Jira dates get a sentence naming the sprint', () => {
  const sprint = (over: Partial<SprintDates>): SprintDates => ({ name: 'SUP Sprint 9', state: 'active', startDate: iso(START), endDate: iso(START + 14 * DAY), ...over });

  it.each<[string, Partial<SprintDates>, string]>([
    ['end before start', { endDate: iso(Date.UTC(2026, 10, 3, 9)) }, 'SUP Sprint 9 ends before it starts (ends 3 Nov 2026, starts 17 Nov 2026): fix its dates on the board.'],
    ['end equal to start', { endDate: iso(START) }, 'SUP Sprint 9 ends before it starts (ends 17 Nov 2026, starts 17 Nov 2026): fix its dates on the board.'],
    ['closed, completed before start', { state: 'closed', completeDate: iso(START - DAY) }, 'SUP Sprint 9 was completed before it starts (completed 16 Nov 2026, starts 17 Nov 2026): fix its dates on the board.'],
    ['decades long', { endDate: iso(Date.UTC(2056, 10, 17, 9)) }, 'SUP Sprint 9 spans 10958 days (17 Nov 2026 to 17 Nov 2056), more than the 56 days a sprint can last here: fix its dates on the board.'],
    ['unparseable start', { startDate: 'next Monday' }, 'SUP Sprint 9 has a start date Jira gives as "next Monday", which is not a date: fix its dates on the board.'],
    ['loose number as start', { startDate: '1' }, 'SUP Sprint 9 has a start date Jira gives as "1", which is not a date: fix its dates on the board.'],
    ['impossible calendar date', { startDate: '2026-13-45T00:00:00.000Z' }, 'SUP Sprint 9 has a start date Jira gives as "2026-13-45T00:00:00.000Z", which is not a date: fix its dates on the board.'],
    ['unparseable end', { endDate: 'soon' }, 'SUP Sprint 9 has an end date Jira gives as "soon", which is not a date: fix its dates on the board.'],
    ['active without start', { startDate: undefined }, 'SUP Sprint 9 is active but Jira gives it no start date: fix its dates on the board.'],
    ['active without end', { endDate: undefined }, 'SUP Sprint 9 has no end date in Jira: fix its dates on the board.'],
  ])('%s', (_, over, problem) => {
    expect(checkSprintDates(sprint(over))).toEqual({ kind: 'implausible', problem });
  });

  it('accepts a normal sprint, up to the longest plausible one, and the complete date of a closed one', () => {
    expect(checkSprintDates(sprint({}))).toEqual({ kind: 'window', window: { startMs: START, endMs: START + 14 * DAY } });
    expect(checkSprintDates(sprint({ endDate: iso(START + MAX_SPRINT_DAYS * DAY) })).kind).toBe('window');
    expect(checkSprintDates(sprint({ endDate: iso(START + MAX_SPRINT_DAYS * DAY + 1) })).kind).toBe('implausible');
    expect(checkSprintDates(sprint({ state: 'closed', completeDate: iso(START + 10 * DAY) }))).toEqual({ kind: 'window', window: { startMs: START, endMs: START + 10 * DAY } });
  });

  it('a future sprint, or a closed one Jira never started, has not started (nothing wrong)', () => {
    expect(checkSprintDates(sprint({ state: 'future', startDate: 'garbage' }))).toEqual({ kind: 'not-started' });
    expect(checkSprintDates(sprint({ state: 'closed', startDate: undefined }))).toEqual({ kind: 'not-started' });
  });

  it('names dates as people read them and quotes at most 40 characters of a bad one', () => {
    expect(dayText(Date.UTC(2026, 0, 5, 23))).toBe('5 Jan 2026');
    const { problem } = checkSprintDates(sprint({ startDate: 'x'.repeat(100) })) as { problem: string };
    expect(problem).toContain(`"${'x'.repeat(40)}…"`);
  });

  it('any window it accepts gives a burn series of at most MAX_SPRINT_DAYS + 1 points', () => {
    const anyMs = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
    // Lengths around the limit, plus any at all (decades, negative).
    const length = fc.oneof(fc.integer({ min: -10 * DAY, max: 2 * MAX_SPRINT_DAYS * DAY }), fc.integer({ min: -Date.UTC(2000, 0, 1), max: Date.UTC(2000, 0, 1) }));
    fc.assert(
      fc.property(anyMs, length, fc.constantFrom<'active' | 'closed'>('active', 'closed'), (a, d, state) => {
        const b = a + d;
        const checked = checkSprintDates({ name: 'S', state, startDate: iso(a), endDate: iso(b), completeDate: iso(b) });
        if (checked.kind !== 'window') return;
        const { startMs, endMs } = checked.window;
        expect(endMs).toBeGreaterThan(startMs);
        expect(endMs - startMs).toBeLessThanOrEqual(MAX_SPRINT_DAYS * DAY);
        const series = burnSeries(
          { sprintTickets: [], window: checked.window, calendar: { ...DEFAULT_WORK_CALENDAR, workingWeekdays: [0, 1, 2, 3, 4, 5, 6] }, model: DEFAULT_HOURS_MODEL, allocationPct: 20, classification: DEFAULT_CLASSIFICATION },
          endMs,
        );
        expect(series.length).toBeLessThanOrEqual(MAX_SPRINT_DAYS + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a closed sprint without capacity', () => {
  it('is left out of the recommendation instead of pulling it to 0%', () => {
    const rows = [{ sharePct: 30, capacity: 300 }, { sharePct: 0, capacity: 0 }, { sharePct: 0, capacity: 0 }, { sharePct: 30, capacity: 280 }];
    expect(recommendAllocation({ rows })).toMatchObject({ pct: 30, basis: { sprints: 2, minPct: 30 } });
    expect(recommendAllocation({ rows: [{ sharePct: 0, capacity: 0 }] }).pct).toBeNull();
    expect(recommendAllocation({ rows: [{ sharePct: 0, capacity: Number.NaN }, { sharePct: 20 }] }).pct).toBe(20);
  });

  it('has a sentence naming it', () => {
    expect(noCapacityProblem('SUP Sprint 3', 'hours')).toBe('SUP Sprint 3 had no capacity (0 h: no working day between its start and its end, or no team hours), so it is left out of the recommendation.');
    expect(noCapacityProblem('SUP Sprint 3', 'points')).toBe('SUP Sprint 3 had no capacity (0 story points committed), so it is left out of the recommendation.');
  });
});
