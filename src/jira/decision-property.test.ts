import fc from 'fast-check';
import { readDecisionProperty, writeDecisionProperty } from './decision-property';
import { OUTCOMES } from '../domain/outcome';
import { indexedInstant, type TriageDecision } from '../domain/decision';

/**
 * The `date` format the issue property index takes, from Forge's `jira:entityProperty` reference:
 * "The expected date time format is [YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ] where [TZ] is an offset from
 * UTC of +/-[hh]:[mm] or Z for no offset. For example: 2021-05-15, 2021-05-15T13:44:11+02:00,
 * 2021-05-15T13:44:11Z" — no milliseconds.
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
 */
const DOCUMENTED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const decision: TriageDecision = {
  outcome: 'backlog',
  policyOutcome: 'backlog',
  policyVersion: 1,
  ruleId: null,
  override: false,
  decidedBy: '712020:a8d41c77-2e90-4b1f-8c35-6f7e9d0b2c21',
  decidedAt: '2026-11-23T10:00:00Z',
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

  it('writes decidedAt in the date time format the index documents, whatever instant it is given', () => {
    expect(DOCUMENTED_DATE_TIME.test('2021-05-15T13:44:11Z') && DOCUMENTED_DATE_TIME.test('2021-05-15T13:44:11+02:00')).toBe(true); // the docs' examples
    expect(DOCUMENTED_DATE_TIME.test(new Date(0).toISOString())).toBe(false); // what older releases wrote
    for (const [given, written] of [
      ['2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00Z'],
      ['2026-11-23T10:00:59.999Z', '2026-11-23T10:00:59Z'],
      ['2026-11-23T11:30:00.250+01:00', '2026-11-23T10:30:00Z'],
      ['2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z'],
    ]) {
      const value = writeDecisionProperty({ ...decision, decidedAt: given as string }, suggestion);
      expect(value.decidedAt).toBe(written);
      expect(value.decidedAt).toMatch(DOCUMENTED_DATE_TIME);
    }
  });

  it.each([
    ['milliseconds (what toISOString gave before)', '2026-11-23T10:00:00.000Z'],
    ['an offset', '2026-11-23T11:00:00+01:00'],
    ['whole seconds (what is written now)', '2026-11-23T10:00:00Z'],
  ])('still reads a recorded decidedAt with %s, as it is', (_what, decidedAt) => {
    expect(readDecisionProperty({ ...decision, decidedAt, suggestion })).toEqual({ decision: { ...decision, decidedAt }, suggestion });
  });

  it.each([
    ['empty', ''],
    ['a display name', 'Priya Shah'],
    ['an email address', 'po@demo.test'],
  ])('never writes a decidedBy that is not an account id (%s)', (_what, decidedBy) => {
    expect(() => writeDecisionProperty({ ...decision, decidedBy }, suggestion)).toThrow(/decidedBy/);
  });

  it('writes decidedBy as the account id it is given', () => {
    expect(writeDecisionProperty(decision, undefined).decidedBy).toBe('712020:a8d41c77-2e90-4b1f-8c35-6f7e9d0b2c21');
    expect(writeDecisionProperty({ ...decision, decidedBy: '5b10ac8d82e05b22cc7d4ef5' }, undefined).decidedBy).toBe('5b10ac8d82e05b22cc7d4ef5');
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
        decidedBy: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:_-]{0,40}$/),
        decidedAt: instant,
        sprintId: fc.integer({ min: 1, max: 100000 }),
      },
      { requiredKeys: ['outcome', 'policyOutcome', 'policyVersion', 'ruleId', 'override', 'decidedBy', 'decidedAt'] },
    );
    const arbSuggestion = fc.record({ outcome, ruleId: fc.option(fc.string({ maxLength: 10 }), { nil: null }), policyVersion: fc.nat(), evaluatedAt: instant });
    fc.assert(
      fc.property(fc.option(arbDecision, { nil: undefined }), fc.option(arbSuggestion, { nil: undefined }), (d, s) => {
        const read = readDecisionProperty(JSON.parse(JSON.stringify(writeDecisionProperty(d, s))));
        // decidedAt comes back in the indexed form: the same instant, to the second.
        const written = d ? { ...d, decidedAt: indexedInstant(new Date(d.decidedAt)) } : undefined;
        expect(read).toEqual({ ...(written ? { decision: written } : {}), ...(s ? { suggestion: s } : {}) });
        if (read.decision) expect(read.decision.decidedAt).toMatch(DOCUMENTED_DATE_TIME);
      }),
    );
  });
});
