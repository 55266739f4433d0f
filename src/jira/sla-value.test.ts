import fc from 'fast-check';
import { mapSlaValue, slaValueError } from './sla-value';

describe('mapSlaValue', () => {
  it('maps a NEW_SLA_FORMAT running cycle (real capture)', () => {
    const value = {
      id: '58',
      name: '해결 시간 SLA',
      _links: { self: 'https://example.atlassian.net/rest/servicedeskapi/request/49224/sla/58' },
      completedCycles: [],
      ongoingCycle: {
        startTime: { iso8601: '2026-07-06T18:02:13+0900', jira: '2026-07-06T18:02:13.432+0900', friendly: '어제 18:02', epochMillis: 1783328533432 },
        breachTime: { iso8601: '2026-07-27T18:00:00+0900', jira: '2026-07-27T18:00:00.000+0900', friendly: '2026/07/27 18:00', epochMillis: 1785142800000 },
        breached: false,
        paused: false,
        withinCalendarHours: false,
        goalDuration: { millis: 432000000, friendly: '120시간' },
        elapsedTime: { millis: 10800000, friendly: '3시간' },
        remainingTime: { millis: 421200000, friendly: '117시간' },
      },
      slaDisplayFormat: 'NEW_SLA_FORMAT',
    };
    expect(mapSlaValue(value, 'fallback')).toEqual({
      name: '해결 시간 SLA',
      completedCycles: [],
      ongoingCycle: { breached: false, paused: false, remainingMs: 421200000, breachAtMs: 1785142800000 },
    });
  });

  it('maps a completed cycle with a stop time', () => {
    const value = {
      name: 'TTR',
      completedCycles: [{ stopTime: { epochMillis: 1783386100376 }, breachTime: { epochMillis: 1783400400000 }, breached: false, goalDuration: { millis: 14400000 }, remainingTime: { millis: 10699624 } }],
      slaDisplayFormat: 'NEW_SLA_FORMAT',
    };
    expect(mapSlaValue(value, 'x')).toEqual({ name: 'TTR', completedCycles: [{ breached: false, remainingMs: 10699624, breachAtMs: 1783400400000 }] });
  });

  it('maps an OLD_SLA_FORMAT breached value with only completed cycles', () => {
    const value = { id: '76', name: 'First Reply Time', completedCycles: [{ breached: true, goalDuration: { millis: 1800000 }, elapsedTime: { millis: 14929216 }, remainingTime: { millis: -13129216 } }], slaDisplayFormat: 'OLD_SLA_FORMAT' };
    expect(mapSlaValue(value, 'x')).toEqual({ name: 'First Reply Time', completedCycles: [{ breached: true, remainingMs: -13129216 }] });
  });

  it.each([
    ['a negative remaining time without a breached flag', { completedCycles: [{ remainingTime: { millis: -1 } }] }, true],
    ['neither flag nor time', { completedCycles: [{}] }, false],
  ])('infers breached from %s', (_label, value, breached) => {
    expect(mapSlaValue(value, 'Fallback')?.completedCycles[0]?.breached).toBe(breached);
  });

  it('defaults paused to false and the name to the field name', () => {
    expect(mapSlaValue({ ongoingCycle: { breached: false } }, 'Time to resolution')).toEqual({
      name: 'Time to resolution',
      completedCycles: [],
      ongoingCycle: { breached: false, paused: false },
    });
  });

  it('returns null for the error Jira Cloud puts in place of a value, and names it', () => {
    const value = { errorMessage: 'The service project you are trying to view does not exist.', i18nErrorMessage: { i18nKey: 'sd.jsm.agent.servicedesk.error.servicedesk.missing', parameters: [] } };
    expect(mapSlaValue(value, 'Time to resolution')).toBeNull();
    expect(slaValueError(value)).toBe('The service project you are trying to view does not exist.');
    expect(slaValueError({ name: 'TTR', completedCycles: [] })).toBeUndefined();
  });

  it.each([[null], [undefined], ['8h'], [{ completedCycles: 'none' }], [{ ongoingCycle: { breached: 'yes' } }]])('returns null for %j', (value) => {
    expect(mapSlaValue(value, 'x')).toBeNull();
  });
});

describe('mapSlaValue properties', () => {
  const cycle = fc.record(
    { breached: fc.boolean(), paused: fc.boolean(), remainingTime: fc.record({ millis: fc.integer() }), breachTime: fc.record({ epochMillis: fc.nat() }) },
    { requiredKeys: [] },
  );
  it('never throws, and keeps every completed cycle and the breached flags as Jira gave them', () => {
    fc.assert(
      fc.property(fc.record({ name: fc.string(), completedCycles: fc.array(cycle, { maxLength: 4 }), ongoingCycle: fc.option(cycle, { nil: undefined }) }, { requiredKeys: [] }), (value) => {
        const clock = mapSlaValue(value, 'Fallback');
        expect(clock).not.toBeNull();
        expect(clock?.completedCycles).toHaveLength(value.completedCycles?.length ?? 0);
        value.completedCycles?.forEach((c, i) => {
          if (c.breached !== undefined) expect(clock?.completedCycles[i]?.breached).toBe(c.breached);
        });
        expect(clock?.ongoingCycle === undefined).toBe(value.ongoingCycle === undefined);
      }),
    );
  });

  it('returns a clock or null for any JSON at all', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(() => mapSlaValue(value, 'x')).not.toThrow()));
  });
});
