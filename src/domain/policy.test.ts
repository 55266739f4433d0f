import fc from 'fast-check';
import { OUTCOMES, type Outcome } from './outcome';
import { DEFAULT_POLICY, evaluatePolicy, formatDuration, holds, type Condition, type Policy, type Rule, type TriageFacts } from './policy';
import { PRIORITY_LEVELS, type PriorityLevel } from './priority';
import { SEVERITY_LEVELS, type Severity } from './severity';
import { SLA_STATES, type SlaState } from './sla';

const facts = (overrides: Partial<TriageFacts> = {}): TriageFacts => ({
  priority: 'P3',
  severity: 'S3',
  sla: { state: 'none' },
  issueType: 'Bug',
  labels: [],
  components: [],
  isSupport: true,
  ...overrides,
});

describe('the default policy', () => {
  it('has the rules p1, sev1, sla, unclassified in that order and defaults to backlog', () => {
    expect(DEFAULT_POLICY.rules.map((r) => r.id)).toEqual(['p1', 'sev1', 'sla', 'unclassified']);
    expect(DEFAULT_POLICY.defaultOutcome).toBe('backlog');
  });

  it.each<[string, Partial<TriageFacts>, Outcome, string | null, string[]]>([
    ['P1 interrupts', { priority: 'P1' }, 'interrupt', 'p1', ['Priority is P1.']],
    ['P1 wins over Sev1 (first match)', { priority: 'P1', severity: 'S1' }, 'interrupt', 'p1', ['Priority is P1.']],
    ['Sev1 interrupts', { severity: 'S1' }, 'interrupt', 'sev1', ['Severity is S1.']],
    ['Sev1 with unknown priority interrupts', { priority: 'unknown', severity: 'S1' }, 'interrupt', 'sev1', ['Severity is S1.']],
    ['breached SLA interrupts', { sla: { state: 'breached', clockName: 'Time to resolution' } }, 'interrupt', 'sla', ['SLA "Time to resolution" is breached.']],
    [
      'at-risk SLA interrupts',
      { sla: { state: 'at-risk', clockName: 'Time to first response', remainingMs: 5_400_000 } },
      'interrupt',
      'sla',
      ['SLA "Time to first response" is at risk: 1h 30m left.'],
    ],
    ['a healthy SLA does not', { sla: { state: 'ok', clockName: 'TTR' } }, 'backlog', null, []],
    ['a paused SLA does not', { sla: { state: 'paused', clockName: 'TTR' } }, 'backlog', null, []],
    [
      'unknown priority and severity need info',
      { priority: 'unknown', severity: 'unknown' },
      'needs-info',
      'unclassified',
      ['Priority is not set or not recognised.', 'Severity is not set or not recognised.'],
    ],
    ['only priority unknown goes to the backlog', { priority: 'unknown', severity: 'S3' }, 'backlog', null, []],
    ['only severity unknown goes to the backlog', { priority: 'P2', severity: 'unknown' }, 'backlog', null, []],
    ['P2/S2 goes to the backlog', { priority: 'P2', severity: 'S2' }, 'backlog', null, []],
    ['unclassified but SLA breached interrupts', { priority: 'unknown', severity: 'unknown', sla: { state: 'breached' } }, 'interrupt', 'sla', ['The SLA is breached.']],
  ])('%s', (_label, overrides, outcome, ruleId, reasons) => {
    const verdict = evaluatePolicy(DEFAULT_POLICY, facts(overrides));
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.ruleId).toBe(ruleId);
    if (ruleId === null) {
      expect(verdict.ruleName).toBeNull();
      expect(verdict.reasons).toHaveLength(1);
      expect(verdict.reasons[0]).toMatch(/^No rule matched .* goes to the backlog for the next planning\.$/);
    } else {
      expect(verdict.reasons).toEqual(reasons);
    }
  });
});

describe('conditions', () => {
  it.each<[Condition, Partial<TriageFacts>, boolean]>([
    [{ kind: 'priority-in', levels: ['P1', 'P2'] }, { priority: 'P2' }, true],
    [{ kind: 'priority-in', levels: ['P1', 'P2'] }, { priority: 'P3' }, false],
    [{ kind: 'priority-in', levels: ['unknown'] }, { priority: 'unknown' }, true],
    [{ kind: 'severity-in', levels: ['S1'] }, { severity: 'S1' }, true],
    [{ kind: 'severity-in', levels: ['S1'] }, { severity: 'unknown' }, false],
    [{ kind: 'sla-in', states: ['paused'] }, { sla: { state: 'paused' } }, true],
    [{ kind: 'sla-in', states: ['breached'] }, { sla: { state: 'ok' } }, false],
    [{ kind: 'issue-type-in', types: ['incident'] }, { issueType: 'Incident' }, true],
    [{ kind: 'issue-type-in', types: ['Incident'] }, { issueType: 'Bug' }, false],
    [{ kind: 'labels-any', labels: ['Customer'] }, { labels: ['eu', 'customer'] }, true],
    [{ kind: 'labels-any', labels: ['customer'] }, { labels: [] }, false],
    [{ kind: 'components-any', components: ['Payments'] }, { components: ['payments '] }, true],
    [{ kind: 'components-any', components: ['Payments'] }, { components: ['Search'] }, false],
    [{ kind: 'is-support', value: true }, { isSupport: true }, true],
    [{ kind: 'is-support', value: false }, { isSupport: true }, false],
    [{ kind: 'is-support', value: false }, { isSupport: false }, true],
  ])('%j with %j holds: %s', (condition, overrides, expected) => {
    expect(holds(condition, facts(overrides))).toBe(expected);
  });
});

describe('reasons', () => {
  const ruleWith = (...conditions: Condition[]): Policy => ({ rules: [{ id: 'r', name: 'R', conditions, outcome: 'interrupt' }], defaultOutcome: 'backlog' });

  it.each<[Condition, Partial<TriageFacts>, string]>([
    [{ kind: 'issue-type-in', types: ['incident'] }, { issueType: 'Incident' }, 'Issue type is Incident.'],
    [{ kind: 'priority-in', levels: ['unknown'] }, { priority: 'unknown' }, 'Priority is not set or not recognised.'],
    [{ kind: 'priority-in', levels: ['unknown'] }, { priority: 'unknown', unmapped: { priority: 'Normal' } }, 'Priority "Normal" is not mapped to a level — map it in the settings.'],
    [{ kind: 'severity-in', levels: ['unknown'] }, { severity: 'unknown', unmapped: { severity: 'Catastrophic' } }, 'Severity "Catastrophic" is not mapped to a level — map it in the settings.'],
    [{ kind: 'severity-in', levels: ['unknown'] }, { severity: 'unknown', unmapped: { priority: 'Normal' } }, 'Severity is not set or not recognised.'],
    [{ kind: 'labels-any', labels: ['customer', 'vip'] }, { labels: ['VIP', 'eu', 'customer'] }, 'Labelled VIP, customer.'],
    [{ kind: 'components-any', components: ['api'] }, { components: ['API'] }, 'In component API.'],
    [{ kind: 'is-support', value: true }, { isSupport: true }, 'It is a support ticket.'],
    [{ kind: 'is-support', value: false }, { isSupport: false }, 'It is not a support ticket.'],
    [{ kind: 'sla-in', states: ['ok'] }, { sla: { state: 'ok', clockName: 'TTR' } }, 'SLA "TTR" is on track.'],
    [{ kind: 'sla-in', states: ['paused'] }, { sla: { state: 'paused', clockName: 'TTR' } }, 'SLA "TTR" is paused.'],
    [{ kind: 'sla-in', states: ['none'] }, { sla: { state: 'none' } }, 'The ticket has no SLA.'],
    [{ kind: 'sla-in', states: ['at-risk'] }, { sla: { state: 'at-risk' } }, 'The SLA is at risk: 0m left.'],
  ])('%j explains itself', (condition, overrides, reason) => {
    expect(evaluatePolicy(ruleWith(condition), facts(overrides)).reasons).toEqual([reason]);
  });

  it('says so when a rule has no conditions', () => {
    expect(evaluatePolicy(ruleWith(), facts()).reasons).toEqual(['Rule "R" applies to every ticket.']);
  });

  it.each<[Outcome, RegExp]>([
    ['interrupt', /may interrupt the sprint\.$/],
    ['needs-info', /needs the product owner to judge\.$/],
  ])('explains the default outcome %s', (defaultOutcome, pattern) => {
    expect(evaluatePolicy({ rules: [], defaultOutcome }, facts()).reasons[0]).toMatch(pattern);
  });

  it.each([
    [0, '0m'],
    [59_000, '1m'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30m'],
    [-5_400_000, '1h 30m'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

const arbCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ kind: fc.constant('priority-in' as const), levels: fc.subarray<PriorityLevel>([...PRIORITY_LEVELS, 'unknown'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('severity-in' as const), levels: fc.subarray<Severity>([...SEVERITY_LEVELS, 'unknown'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('sla-in' as const), states: fc.subarray<SlaState>([...SLA_STATES], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('issue-type-in' as const), types: fc.subarray(['Bug', 'Incident', 'Story'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('labels-any' as const), labels: fc.subarray(['support', 'vip', 'eu'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('components-any' as const), components: fc.subarray(['API', 'Web'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('is-support' as const), value: fc.boolean() }),
);
const arbOutcome = fc.constantFrom<Outcome>(...OUTCOMES);
const arbPolicy: fc.Arbitrary<Policy> = fc.record({
  rules: fc
    .array(fc.record({ name: fc.string({ minLength: 1, maxLength: 5 }), conditions: fc.array(arbCondition, { maxLength: 3 }), outcome: arbOutcome }), { maxLength: 6 })
    .map((rules) => rules.map((r, i): Rule => ({ ...r, id: `r${i}` }))),
  defaultOutcome: arbOutcome,
});
const arbFacts: fc.Arbitrary<TriageFacts> = fc.record({
  priority: fc.constantFrom<PriorityLevel>(...PRIORITY_LEVELS, 'unknown'),
  severity: fc.constantFrom<Severity>(...SEVERITY_LEVELS, 'unknown'),
  sla: fc.record({ state: fc.constantFrom<SlaState>(...SLA_STATES) }),
  issueType: fc.constantFrom('Bug', 'Incident', 'Story', 'Task'),
  labels: fc.subarray(['support', 'vip', 'eu', 'other']),
  components: fc.subarray(['API', 'Web', 'Mobile']),
  isSupport: fc.boolean(),
});

describe('policy evaluation properties', () => {
  it('the first matching rule always decides, with one reason per condition', () => {
    fc.assert(
      fc.property(arbPolicy, arbFacts, (policy, f) => {
        const verdict = evaluatePolicy(policy, f);
        const first = policy.rules.find((r) => r.conditions.every((c) => holds(c, f)));
        if (first) {
          expect(verdict).toMatchObject({ outcome: first.outcome, ruleId: first.id, ruleName: first.name });
          expect(verdict.reasons).toHaveLength(Math.max(1, first.conditions.length));
        } else {
          expect(verdict).toMatchObject({ outcome: policy.defaultOutcome, ruleId: null, ruleName: null });
          expect(verdict.reasons).toHaveLength(1);
        }
      }),
    );
  });

  it('rules after the deciding one never change the verdict', () => {
    fc.assert(
      fc.property(arbPolicy, arbPolicy, arbFacts, (policy, extra, f) => {
        const verdict = evaluatePolicy(policy, f);
        fc.pre(verdict.ruleId !== null);
        const extended: Policy = { ...policy, rules: [...policy.rules, ...extra.rules.map((r) => ({ ...r, id: `x-${r.id}` }))] };
        expect(evaluatePolicy(extended, f)).toEqual(verdict);
      }),
    );
  });

  it('every reason is a non-empty sentence', () => {
    fc.assert(
      fc.property(arbPolicy, arbFacts, (policy, f) => {
        for (const reason of evaluatePolicy(policy, f).reasons) expect(reason).toMatch(/^\S.*\.$/);
      }),
    );
  });
});
