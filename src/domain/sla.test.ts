import fc from 'fast-check';
import { assessClock, assessSla, DEFAULT_AT_RISK_THRESHOLD_MS, type SlaClock, type SlaState } from './sla';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const HOUR = 3_600_000;

const running = (remainingMs: number, extra: Partial<{ paused: boolean; breached: boolean; withBreachAt: boolean }> = {}): SlaClock => ({
  name: 'Time to resolution',
  completedCycles: [],
  ongoingCycle: {
    breached: extra.breached ?? false,
    paused: extra.paused ?? false,
    remainingMs,
    ...(extra.withBreachAt === false ? {} : { breachAtMs: NOW + remainingMs }),
  },
});
const completed = (name: string, breached: boolean): SlaClock => ({ name, completedCycles: [{ breached, remainingMs: breached ? -HOUR : HOUR }] });

describe('assessClock', () => {
  it.each<[string, SlaClock, SlaState]>([
    ['running with plenty of time', running(8 * HOUR), 'ok'],
    ['running with exactly the threshold left', running(4 * HOUR), 'ok'],
    ['running just under the threshold', running(4 * HOUR - 1), 'at-risk'],
    ['running with 1 minute left', running(60_000), 'at-risk'],
    ['running, Jira already flags it breached', running(-HOUR, { breached: true }), 'breached'],
    ['running, breach instant passed since Jira computed it', running(0), 'breached'],
    ['paused with little time left is never at risk', running(10 * 60_000, { paused: true }), 'paused'],
    ['paused but already breached', running(-HOUR, { paused: true, breached: true }), 'breached'],
    ['no time objects (OLD format running cycle)', { name: 'x', completedCycles: [], ongoingCycle: { breached: false, paused: false } }, 'ok'],
    ['a completed cycle met its goal', completed('First response', false), 'ok'],
    ['a completed cycle breached', completed('First response', true), 'breached'],
    ['no cycles at all', { name: 'x', completedCycles: [] }, 'none'],
    [
      'completed breach wins over a healthy running cycle',
      { name: 'x', completedCycles: [{ breached: true }], ongoingCycle: { breached: false, paused: false, remainingMs: 10 * HOUR } },
      'breached',
    ],
  ])('%s → %s', (_label, clock, state) => {
    expect(assessClock(clock, { nowMs: NOW }).state).toBe(state);
  });

  it('ages a stale reading by the breach instant rather than the stored remaining time', () => {
    // Jira said 5h left, but that was computed 2h ago: the breach instant is 3h from now.
    const clock: SlaClock = { name: 'TTR', completedCycles: [], ongoingCycle: { breached: false, paused: false, remainingMs: 5 * HOUR, breachAtMs: NOW + 3 * HOUR } };
    expect(assessClock(clock, { nowMs: NOW })).toEqual({ state: 'at-risk', clockName: 'TTR', remainingMs: 3 * HOUR });
  });

  it('falls back to the stored remaining time without a breach instant', () => {
    expect(assessClock(running(2 * HOUR, { withBreachAt: false }), { nowMs: NOW })).toEqual({
      state: 'at-risk',
      clockName: 'Time to resolution',
      remainingMs: 2 * HOUR,
    });
  });

  it.each([
    [30 * 60_000, 1 * HOUR, 'at-risk'],
    [2 * HOUR, 1 * HOUR, 'ok'],
    [2 * HOUR, 8 * HOUR, 'at-risk'],
  ])('uses the configured threshold: %d ms left with threshold %d → %s', (left, threshold, state) => {
    expect(assessClock(running(left), { nowMs: NOW, atRiskThresholdMs: threshold }).state).toBe(state);
  });

  it('defaults the threshold to 4 hours', () => {
    expect(DEFAULT_AT_RISK_THRESHOLD_MS).toBe(4 * HOUR);
  });
});

describe('assessSla over several clocks', () => {
  it('has state none without clocks', () => {
    expect(assessSla([], { nowMs: NOW })).toEqual({ state: 'none' });
  });

  it('takes the most urgent clock and names it', () => {
    const first = { ...running(10 * HOUR), name: 'Time to first response' };
    const second = { ...running(HOUR), name: 'Time to resolution' };
    expect(assessSla([first, second], { nowMs: NOW })).toEqual({ state: 'at-risk', clockName: 'Time to resolution', remainingMs: HOUR });
  });

  it('among clocks of the same state, the one with least time left decides', () => {
    const a = { ...running(3 * HOUR), name: 'A' };
    const b = { ...running(1 * HOUR), name: 'B' };
    const c = { ...running(2 * HOUR), name: 'C' };
    expect(assessSla([a, b, c], { nowMs: NOW }).clockName).toBe('B');
  });

  it('prefers a running ok clock over a paused one', () => {
    expect(assessSla([running(HOUR, { paused: true }), running(10 * HOUR)], { nowMs: NOW }).state).toBe('ok');
  });

  it('is paused when every running clock is paused', () => {
    expect(assessSla([running(HOUR, { paused: true }), { name: 'none', completedCycles: [] }], { nowMs: NOW }).state).toBe('paused');
  });

  const arbClock: fc.Arbitrary<SlaClock> = fc.record({
    name: fc.string({ maxLength: 8 }),
    completedCycles: fc.array(fc.record({ breached: fc.boolean() }), { maxLength: 3 }),
    ongoingCycle: fc.option(
      fc.record({ breached: fc.boolean(), paused: fc.boolean(), remainingMs: fc.integer({ min: -10 * HOUR, max: 20 * HOUR }) }),
      { nil: undefined },
    ),
  });
  const rank: SlaState[] = ['none', 'paused', 'ok', 'at-risk', 'breached'];

  it('is at least as urgent as every single clock, and equal to one of them', () => {
    fc.assert(
      fc.property(fc.array(arbClock, { maxLength: 5 }), (clocks) => {
        const overall = assessSla(clocks, { nowMs: NOW }).state;
        const each = clocks.map((c) => assessClock(c, { nowMs: NOW }).state);
        for (const s of each) expect(rank.indexOf(overall)).toBeGreaterThanOrEqual(rank.indexOf(s));
        if (clocks.length > 0) expect(each).toContain(overall);
      }),
    );
  });

  it('never calls a paused cycle at risk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * HOUR }), (left) => {
        expect(assessSla([running(left, { paused: true })], { nowMs: NOW }).state).toBe('paused');
      }),
    );
  });

  it('does not depend on the order of the clocks', () => {
    fc.assert(
      fc.property(fc.array(arbClock, { maxLength: 5 }), (clocks) => {
        expect(assessSla([...clocks].reverse(), { nowMs: NOW }).state).toBe(assessSla(clocks, { nowMs: NOW }).state);
      }),
    );
  });
});
