import fc from 'fast-check';
import { parsePolicy } from './policy-schema';
import { DEFAULT_POLICY } from './policy';

describe('parsePolicy', () => {
  it('accepts the default policy unchanged', () => {
    expect(parsePolicy(DEFAULT_POLICY)).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it('accepts every condition kind', () => {
    const policy = {
      rules: [
        {
          id: 'all-kinds',
          name: 'All kinds',
          outcome: 'needs-info',
          conditions: [
            { kind: 'priority-in', levels: ['P2', 'unknown'] },
            { kind: 'severity-in', levels: ['S2'] },
            { kind: 'sla-in', states: ['paused'] },
            { kind: 'issue-type-in', types: ['Incident'] },
            { kind: 'labels-any', labels: ['vip'] },
            { kind: 'components-any', components: ['API'] },
            { kind: 'is-support', value: true },
          ],
        },
      ],
      defaultOutcome: 'interrupt',
    };
    expect(parsePolicy(policy).ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'nope', /^The policy: must be an object\.$/],
    ['an unknown outcome', { ...DEFAULT_POLICY, defaultOutcome: 'maybe' }, /defaultOutcome/],
    ['a duplicate rule id', { ...DEFAULT_POLICY, rules: [...DEFAULT_POLICY.rules, DEFAULT_POLICY.rules[0]] }, /rule 5, id: repeats the id "p1"; rule ids must be unique\.$/],
    ['a bad rule id', { rules: [{ id: 'Has Spaces', name: 'x', conditions: [], outcome: 'backlog' }], defaultOutcome: 'backlog' }, /rule 1, id: must be 1–40 lower-case/],
    ['an empty name', { rules: [{ id: 'a', name: '  ', conditions: [], outcome: 'backlog' }], defaultOutcome: 'backlog' }, /rule 1, name: Give the rule a name\./],
    [
      'an empty level list',
      { rules: [{ id: 'a', name: 'A', conditions: [{ kind: 'priority-in', levels: [] }], outcome: 'backlog' }], defaultOutcome: 'backlog' },
      /rule 1, condition 1, levels: needs at least one value\.$/,
    ],
    [
      'an unknown priority level',
      { rules: [{ id: 'a', name: 'A', conditions: [{ kind: 'priority-in', levels: ['P9'] }], outcome: 'backlog' }], defaultOutcome: 'backlog' },
      /rule 1, condition 1, levels, item 1: must be one of P1, P2, P3, P4, P5, unknown\./,
    ],
    [
      'an unknown condition kind',
      { rules: [{ id: 'a', name: 'A', conditions: [{ kind: 'moon-phase' }], outcome: 'backlog' }], defaultOutcome: 'backlog' },
      /rule 1, condition 1, kind: kind must be one of priority-in, severity-in/,
    ],
    ['a missing default outcome', { rules: [] }, /^The policy's defaultOutcome: must be one of interrupt, backlog, needs-info\.$/],
    ['rules that are not a list', { rules: 'p1', defaultOutcome: 'backlog' }, /^The policy's rules: must be a list\.$/],
    ['a rule without an outcome', { rules: [{ id: 'a', name: 'A', conditions: [] }], defaultOutcome: 'backlog' }, /rule 1, outcome: must be one of/],
    ['a condition list that is not a list', { rules: [{ id: 'a', name: 'A', conditions: 3, outcome: 'backlog' }], defaultOutcome: 'backlog' }, /rule 1, conditions: must be a list\./],
    ['a missing name', { rules: [{ id: 'a', conditions: [], outcome: 'backlog' }], defaultOutcome: 'backlog' }, /rule 1, name: is missing\./],
    ['a misspelt key', { rules: [{ id: 'a', name: 'A', condtions: [], outcome: 'backlog' }], defaultOutcome: 'backlog' }, /rule 1: has unknown fields: condtions\./],
    ['a misspelt condition key', { rules: [{ id: 'a', name: 'A', conditions: [{ kind: 'priority-in', level: ['P1'] }], outcome: 'backlog' }], defaultOutcome: 'backlog' }, /rule 1, condition 1, levels: is missing\. .*rule 1, condition 1: has unknown fields: level\./],
    ['too many rules', { rules: Array.from({ length: 51 }, (_, i) => ({ id: `r${i}`, name: 'R', conditions: [], outcome: 'backlog' })), defaultOutcome: 'backlog' }, /^The policy's rules: A policy can have at most 50 rules\.$/],
    ['a name that is too long', { rules: [{ id: 'a', name: 'n'.repeat(101), conditions: [], outcome: 'backlog' }], defaultOutcome: 'backlog' }, /name: A rule name must be at most 100 characters/],
  ])('rejects %s with a sentence that locates the problem', (_label, input, pattern) => {
    const result = parsePolicy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join(' ')).toMatch(pattern);
      for (const error of result.errors) expect(error).toMatch(/^The policy.*\.$/);
    }
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => parsePolicy(input)).not.toThrow();
      }),
    );
  });

  it('refuses a hidden character in a condition value (it must match Jira exactly), saying which one and what to do', () => {
    const result = parsePolicy({ rules: [{ id: 'vip', name: 'VIP', conditions: [{ kind: 'labels-any', labels: ['vip', 'escal\u202eation'] }], outcome: 'interrupt' }], defaultOutcome: 'backlog' });
    expect(result).toEqual({ ok: false, errors: ["The policy's rule 1, condition 1, labels: value 2 contains an invisible character, U+202E (right-to-left override): remove it (retype the value if you cannot see it)."] });
  });

  it("strips hidden characters from a rule's name (prose shown in the panel and the comment)", () => {
    const result = parsePolicy({ rules: [{ id: 'p1', name: '\u202eP1 \u200boutage\u0007', conditions: [], outcome: 'interrupt' }], defaultOutcome: 'backlog' });
    expect(result).toMatchObject({ ok: true, policy: { rules: [{ name: 'P1 outage' }] } });
    expect(parsePolicy({ rules: [{ id: 'p1', name: '\u200b\u200f', conditions: [], outcome: 'interrupt' }], defaultOutcome: 'backlog' })).toEqual({ ok: false, errors: ["The policy's rule 1, name: Give the rule a name."] });
  });
});
