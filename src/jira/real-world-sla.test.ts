/**
 * Jira Service Management SLA field values shaped like real Cloud answers (test/fixtures/real-world/sla,
 * origins in SOURCES.md) through `mapSlaValue`, and the state the domain gives the clock at an instant.
 * One row per fixture; a new fixture fails here until it has one.
 */
import { realWorldFixtures } from '../../test/fixtures/real-world/load';
import { assessClock, type SlaClock, type SlaState } from '../domain/sla';
import { mapSlaValue, slaValueError } from './sla-value';

const FIELD_NAME = 'SLA field name';
/** 2026-07-10: after every breach instant in these values but the future one of the running cycle. */
const NOW = Date.UTC(2026, 6, 10);

const EXPECTED: Record<string, { readonly clock: SlaClock | null; readonly state?: SlaState; readonly error?: string }> = {
  'new-format-completed.json': {
    clock: { name: 'Time to resolution', completedCycles: [{ breached: false, remainingMs: 160472808, breachAtMs: 1773698400000 }] },
    state: 'ok',
  },
  'new-format-not-started.json': { clock: { name: 'QA review', completedCycles: [] }, state: 'none' },
  'new-format-ongoing.json': {
    clock: { name: 'Time to resolution', completedCycles: [], ongoingCycle: { breached: false, paused: false, remainingMs: 421200000, breachAtMs: 1785142800000 } },
    state: 'ok',
  },
  'old-format-breached.json': { clock: { name: 'First Reply Time', completedCycles: [{ breached: true, remainingMs: -13129216 }] }, state: 'breached' },
  // Jira's own flag wins over the pause: a breached clock stays breached while it waits.
  'ongoing-paused-breached.json': {
    clock: { name: 'Time to resolution', completedCycles: [], ongoingCycle: { breached: true, paused: true, remainingMs: -1200000, breachAtMs: 1790028800000 } },
    state: 'breached',
  },
  'service-project-missing.json': { clock: null, error: 'The service project you are trying to view does not exist.' },
};

const values = realWorldFixtures('sla');

it('has one expectations row per SLA value fixture', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(values.map(([name]) => name));
});

it.each(values)('maps %s', (name, value) => {
  const expected = EXPECTED[name];
  const clock = mapSlaValue(value, FIELD_NAME);
  expect(clock).toEqual(expected?.clock);
  expect(slaValueError(value)).toBe(expected?.error);
  if (clock) expect(assessClock(clock, { nowMs: NOW }).state).toBe(expected?.state);
});
