import { verdictChange, verdictChangeText, type VerdictAt, type VerdictFacts } from './verdict-change';

const facts = (over: Partial<VerdictFacts> = {}): VerdictFacts => ({ priority: 'P3', severity: 'S3', sla: 'ok', ...over });
const now = (over: Partial<VerdictAt> = {}, f: Partial<VerdictFacts> = {}) => ({ outcome: 'interrupt' as const, policyVersion: 1, ...over, facts: facts(f) });

describe('verdictChange / verdictChangeText: which changed since the recorded verdict', () => {
  it.each<[string, VerdictAt, ReturnType<typeof now>, string | null]>([
    ['same outcome: nothing to say, even with changed facts', { outcome: 'interrupt', policyVersion: 1, facts: facts() }, now({}, { priority: 'P1' }), null],
    ['only the SLA clock ran out', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now({}, { sla: 'breached' }), 'Its SLA breached since'],
    ['the SLA went at risk', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now({}, { sla: 'at-risk' }), 'Its SLA went from on track to at risk since'],
    ['the priority was raised', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now({}, { priority: 'P1' }), 'Its priority went from P3 to P1 since'],
    ['the severity was set', { outcome: 'needs-info', policyVersion: 1, facts: facts({ severity: 'unknown' }) }, now({}, { severity: 'S1' }), 'Its severity was set to S1 since'],
    ['the priority was cleared', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now({ outcome: 'needs-info' }, { priority: 'unknown' }), 'Its priority went from P3 to not set since'],
    ['two facts', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now({}, { priority: 'P2', sla: 'breached' }), 'Its priority went from P3 to P2 and its SLA breached since'],
    ['only the policy', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now({ policyVersion: 2 }), 'The policy changed (version 1 → version 2) since'],
    ['the policy and the ticket', { outcome: 'backlog', policyVersion: 0, facts: facts() }, now({ policyVersion: 2 }, { sla: 'breached' }), 'Its SLA breached and the policy changed (version 0 → version 2) since'],
    ['an old record without facts, same policy: the ticket, not which fact', { outcome: 'backlog', policyVersion: 1 }, now(), 'The ticket changed since'],
    ['an old record without facts, newer policy: the policy', { outcome: 'backlog', policyVersion: 1 }, now({ policyVersion: 3 }), 'The policy changed (version 1 → version 3) since'],
    ['facts kept, none moved, same policy (labels or type changed): the ticket', { outcome: 'backlog', policyVersion: 1, facts: facts() }, now(), 'The ticket changed since'],
  ])('%s', (_what, recorded, today, sentence) => {
    const change = verdictChange(recorded, today);
    expect(change.changed).toBe(sentence !== null);
    expect(verdictChangeText(change)).toBe(sentence);
  });

  it('names the facts that moved, not the ones that stayed', () => {
    const change = verdictChange({ outcome: 'backlog', policyVersion: 1, facts: facts() }, now({}, { sla: 'breached' }));
    expect(change).toEqual({ changed: true, policy: null, ticket: [{ fact: 'sla', from: 'ok', to: 'breached' }] });
  });

  it('a newer policy with no record of the facts blames only the policy', () => {
    expect(verdictChange({ outcome: 'backlog', policyVersion: 1 }, now({ policyVersion: 2 }))).toEqual({ changed: true, policy: { from: 1, to: 2 }, ticket: [] });
  });
});
