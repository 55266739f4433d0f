import fc from 'fast-check';
import { readDecisionProperty, writeDecisionProperty } from './decision-property';
import { OUTCOMES } from '../domain/outcome';
import type { TriageDecision } from '../domain/decision';

const decision: TriageDecision = {
  outcome: 'backlog',
  policyOutcome: 'backlog',
  policyVersion: 1,
  ruleId: null,
  override: false,
  decidedBy: 'acc-1',
  decidedAt: '2026-11-23T10:00:00.000Z',
};
const suggestion = { outcome: 'backlog' as const, ruleId: null, policyVersion: 1, evaluatedAt: '2026-11-23T09:00:00.000Z' };

describe('the decision property', () => {
  it('round-trips a decision with the suggestion kept beside it', () => {
    expect(readDecisionProperty(JSON.parse(JSON.stringify(writeDecisionProperty(decision, suggestion))))).toEqual({ decision, suggestion });
  });

  it('holds a suggestion alone before anyone decides', () => {
    expect(readDecisionProperty(writeDecisionProperty(undefined, suggestion))).toEqual({ suggestion });
  });

  it.each([[null], [undefined]])('reads %j as nothing recorded', (value) => {
    expect(readDecisionProperty(value)).toEqual({});
  });

  it.each([['text'], [[1, 2]], [7]])('ignores a value that is not an object (%j) and says so', (value) => {
    expect(readDecisionProperty(value)).toEqual({ problem: 'The recorded triage decision is not an object; it was ignored.' });
  });

  it.each([
    ['an unknown outcome', { ...decision, outcome: 'later' }],
    ['a missing decider', { ...decision, decidedBy: undefined }],
    ['a date that is not an instant', { ...decision, decidedAt: 'yesterday' }],
    ['a negative version', { ...decision, policyVersion: -1 }],
  ])('ignores a decision with %s (someone edited the property by hand)', (_label, value) => {
    expect(readDecisionProperty({ ...value, suggestion })).toEqual({
      suggestion,
      problem: 'The recorded triage decision is incomplete or malformed; it was ignored.',
    });
  });

  it('drops a malformed suggestion silently', () => {
    expect(readDecisionProperty({ suggestion: { outcome: 'x' } })).toEqual({});
  });
});

describe('decision property round trip', () => {
  it('reads back exactly what it wrote, through JSON', () => {
    const outcome = fc.constantFrom(...OUTCOMES);
    const instant = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString());
    const arbDecision = fc.record(
      {
        outcome,
        policyOutcome: outcome,
        policyVersion: fc.nat(),
        ruleId: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
        override: fc.boolean(),
        reason: fc.string({ maxLength: 50 }),
        decidedBy: fc.string({ minLength: 1, maxLength: 20 }),
        decidedAt: instant,
        sprintId: fc.integer({ min: 1, max: 100000 }),
      },
      { requiredKeys: ['outcome', 'policyOutcome', 'policyVersion', 'ruleId', 'override', 'decidedBy', 'decidedAt'] },
    );
    const arbSuggestion = fc.record({ outcome, ruleId: fc.option(fc.string({ maxLength: 10 }), { nil: null }), policyVersion: fc.nat(), evaluatedAt: instant });
    fc.assert(
      fc.property(fc.option(arbDecision, { nil: undefined }), fc.option(arbSuggestion, { nil: undefined }), (d, s) => {
        const read = readDecisionProperty(JSON.parse(JSON.stringify(writeDecisionProperty(d, s))));
        expect(read).toEqual({ ...(d ? { decision: d } : {}), ...(s ? { suggestion: s } : {}) });
      }),
    );
  });
});
