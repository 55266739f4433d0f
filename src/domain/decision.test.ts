import fc from 'fast-check';
import { decide, indexedInstant, MAX_REASON_LENGTH, mirrorsDecision, sameDecision, type DecisionRequest, type TriageDecision } from './decision';
import { OUTCOMES, type Outcome } from './outcome';
import type { Verdict } from './policy';

const AT = new Date('2026-11-23T10:00:00.000Z');
const verdict = (outcome: Outcome, ruleId: string | null = 'p1'): Verdict => ({ outcome, ruleId, ruleName: ruleId, reasons: ['Priority is P1.'] });
const request = (overrides: Partial<DecisionRequest> = {}): DecisionRequest => ({
  outcome: 'interrupt',
  verdict: verdict('interrupt'),
  policyVersion: 3,
  decidedBy: 'acc-po',
  decidedAt: AT,
  sprintId: 42,
  ...overrides,
});

describe('decide', () => {
  it('records a decision that follows the policy', () => {
    expect(decide(request())).toEqual({
      ok: true,
      decision: {
        outcome: 'interrupt',
        policyOutcome: 'interrupt',
        policyVersion: 3,
        ruleId: 'p1',
        override: false,
        decidedBy: 'acc-po',
        decidedAt: '2026-11-23T10:00:00Z', // the issue property index's date time format: no milliseconds
        sprintId: 42,
      },
    });
  });

  it('records decidedAt to the second, in UTC, as the property index takes dates (jira:entityProperty, type date)', () => {
    const result = decide(request({ decidedAt: new Date('2026-11-23T10:00:59.999Z') }));
    expect(result.ok && result.decision.decidedAt).toBe('2026-11-23T10:00:59Z');
    expect(indexedInstant(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05Z');
  });

  it.each<[Outcome, Outcome, string | undefined]>([
    ['backlog', 'interrupt', undefined],
    ['backlog', 'interrupt', ''],
    ['backlog', 'interrupt', '   '],
    ['interrupt', 'needs-info', undefined],
  ])('rejects an override (policy %s, chosen %s) without a reason (%j)', (policyOutcome, outcome, reason) => {
    const result = decide(request({ verdict: verdict(policyOutcome), outcome, ...(reason === undefined ? {} : { reason }) }));
    expect(result).toEqual({ ok: false, error: `The policy says "${policyOutcome}"; to choose "${outcome}" instead, give a reason.` });
  });

  it('accepts an override with a reason, trimmed, and flags it', () => {
    const result = decide(request({ verdict: verdict('backlog', null), outcome: 'interrupt', reason: '  Largest customer is down  ' }));
    expect(result).toMatchObject({ ok: true, decision: { override: true, reason: 'Largest customer is down', policyOutcome: 'backlog', ruleId: null } });
  });

  it('keeps the sprint only for interrupts', () => {
    const result = decide(request({ verdict: verdict('backlog', null), outcome: 'backlog' }));
    expect(result.ok && result.decision.sprintId).toBeUndefined();
  });

  it('rejects a reason longer than the limit', () => {
    const result = decide(request({ reason: 'x'.repeat(MAX_REASON_LENGTH + 1) }));
    expect(result).toEqual({ ok: false, error: `Shorten the reason to at most ${MAX_REASON_LENGTH} characters.` });
  });

  it('an override is exactly an outcome different from the verdict, and never lacks a reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OUTCOMES), fc.constantFrom(...OUTCOMES), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (policy, chosen, reason) => {
        const result = decide(request({ verdict: verdict(policy), outcome: chosen, ...(reason === undefined ? {} : { reason }) }));
        if (result.ok) {
          expect(result.decision.override).toBe(policy !== chosen);
          if (result.decision.override) expect(result.decision.reason?.trim()).toBeTruthy();
        } else {
          expect(policy).not.toBe(chosen);
          expect(reason?.trim() ?? '').toBe('');
        }
      }),
    );
  });
});

describe('sameDecision', () => {
  const base: TriageDecision = { outcome: 'backlog', policyOutcome: 'interrupt', policyVersion: 3, ruleId: 'p1', override: true, reason: 'customer can wait', decidedBy: 'acc-1', decidedAt: '2026-11-23T10:00:00Z', sprintId: 7 };
  it.each<[string, Partial<TriageDecision>, boolean]>([
    ['recorded at another time', { decidedAt: '2026-11-24T09:00:00Z' }, true],
    ['another outcome', { outcome: 'interrupt' }, false],
    ['another policy outcome', { policyOutcome: 'backlog' }, false],
    ['another policy version', { policyVersion: 4 }, false],
    ['another rule', { ruleId: null }, false],
    ['not an override', { override: false }, false],
    ['another reason', { reason: 'changed my mind' }, false],
    ['someone else', { decidedBy: 'acc-2' }, false],
    ['another sprint', { sprintId: 8 }, false],
  ])('%s → %s', (_name, change, same) => {
    expect(sameDecision({ ...base, ...change }, base)).toBe(same);
  });
  it('nothing recorded is never the same', () => {
    expect(sameDecision(undefined, base)).toBe(false);
  });
});

describe('mirrorsDecision (the issue property against the app record)', () => {
  const record: TriageDecision = { outcome: 'backlog', policyOutcome: 'interrupt', policyVersion: 3, ruleId: 'p1', override: true, reason: 'customer can wait', decidedBy: 'acc-1', decidedAt: '2026-11-23T10:00:00.789Z', sprintId: 7 };
  it.each<[string, Partial<TriageDecision>, boolean]>([
    ['written to the second, as the property is', { decidedAt: '2026-11-23T10:00:00Z' }, true],
    ['the same instant exactly', {}, true],
    ['a second later', { decidedAt: '2026-11-23T10:00:01Z' }, false],
    ['another day (a re-decision written by hand)', { decidedAt: '2026-11-24T10:00:00Z' }, false],
    ['someone else named', { decidedBy: 'acc-2' }, false],
  ])('%s → %s', (_name, change, mirrors) => {
    expect(mirrorsDecision({ ...record, ...change }, record)).toBe(mirrors);
  });
  it('no property mirrors nothing', () => {
    expect(mirrorsDecision(undefined, record)).toBe(false);
  });
});
