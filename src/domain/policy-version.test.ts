import fc from 'fast-check';
import { nextPolicyVersion, samePolicy, type PolicyVersion } from './policy-version';
import { DEFAULT_POLICY, type Policy } from './policy';

const by = { accountId: 'acc-admin', at: new Date('2026-11-23T09:00:00.000Z') };

describe('policy versions', () => {
  it('the first save is version 1', () => {
    expect(nextPolicyVersion(null, DEFAULT_POLICY, by)).toEqual({
      version: 1,
      policy: DEFAULT_POLICY,
      createdBy: 'acc-admin',
      createdAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('a change makes a new version and leaves the old one as it was', () => {
    const v1 = nextPolicyVersion(null, DEFAULT_POLICY, by);
    const frozen = JSON.stringify(v1);
    const changed: Policy = { ...DEFAULT_POLICY, defaultOutcome: 'needs-info' };
    const v2 = nextPolicyVersion(v1, changed, { ...by, accountId: 'acc-other' });
    expect(v2).toMatchObject({ version: 2, policy: changed, createdBy: 'acc-other' });
    expect(JSON.stringify(v1)).toBe(frozen);
  });

  it('saving an unchanged policy (even with keys in another order) creates no version', () => {
    const v1 = nextPolicyVersion(null, DEFAULT_POLICY, by);
    const reordered = JSON.parse(JSON.stringify({ defaultOutcome: DEFAULT_POLICY.defaultOutcome, rules: DEFAULT_POLICY.rules })) as Policy;
    expect(nextPolicyVersion(v1, reordered, by)).toBe(v1);
  });

  it('rule order is part of the policy', () => {
    const swapped: Policy = { ...DEFAULT_POLICY, rules: [...DEFAULT_POLICY.rules].reverse() };
    expect(samePolicy(DEFAULT_POLICY, swapped)).toBe(false);
  });

  it('versions only ever increase by one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Policy['defaultOutcome']>('interrupt', 'backlog', 'needs-info'), { maxLength: 10 }), (outcomes) => {
        let latest: PolicyVersion | null = null;
        for (const outcome of outcomes) {
          const next: PolicyVersion = nextPolicyVersion(latest, { ...DEFAULT_POLICY, defaultOutcome: outcome }, by);
          const expected: number = latest === null ? 1 : latest.policy.defaultOutcome === outcome ? latest.version : latest.version + 1;
          expect(next.version).toBe(expected);
          latest = next;
        }
      }),
    );
  });
});

describe('samePolicy', () => {
  const rule = DEFAULT_POLICY.rules[0]!;
  it.each<[string, Policy, boolean]>([
    ['the same policy', { ...DEFAULT_POLICY }, true],
    ['another default outcome', { ...DEFAULT_POLICY, defaultOutcome: 'interrupt' }, false],
    ['a renamed rule', { ...DEFAULT_POLICY, rules: [{ ...rule, name: 'Top priority' }, ...DEFAULT_POLICY.rules.slice(1)] }, false],
    ['a rule removed', { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.slice(1) }, false],
    ['an undefined optional key', { ...DEFAULT_POLICY, ...({ note: undefined } as object) }, true],
    ['a copy built anew', { ...DEFAULT_POLICY, rules: [{ ...rule, conditions: [{ kind: 'priority-in', levels: ['P1'] }] }, ...DEFAULT_POLICY.rules.slice(1)] }, true],
  ])('%s → %s', (_label, other, same) => {
    expect(samePolicy(DEFAULT_POLICY, other)).toBe(same);
  });
});
