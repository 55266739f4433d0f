import { readDecisionProperty, writeDecisionProperty } from './decision-property';
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
