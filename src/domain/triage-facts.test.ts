import fc from 'fast-check';
import { aTicket } from '../../test/builders/ticket';
import { DEFAULT_POLICY, evaluatePolicy } from './policy';
import { DEFAULT_CLASSIFICATION, triageFacts, type Classification } from './triage-facts';

const NOW = Date.UTC(2026, 10, 23, 12);

describe('triageFacts', () => {
  it('normalises a ticket through the default classification', () => {
    const ticket = aTicket({
      priorityName: 'Highest',
      severityValue: 'Sev 2',
      issueType: 'Story',
      labels: ['support', 'eu'],
      components: ['API'],
      slaClocks: [{ name: 'TTR', completedCycles: [], ongoingCycle: { breached: false, paused: false, breachAtMs: NOW + 3_600_000 } }],
    });
    expect(triageFacts(ticket, DEFAULT_CLASSIFICATION, NOW)).toEqual({
      priority: 'P1',
      severity: 'S2',
      sla: { state: 'at-risk', clockName: 'TTR', remainingMs: 3_600_000 },
      issueType: 'Story',
      labels: ['support', 'eu'],
      components: ['API'],
      isSupport: true,
    });
  });

  it('a ticket with nothing set is unclassified and needs the product owner', () => {
    const facts = triageFacts(aTicket(), DEFAULT_CLASSIFICATION, NOW);
    expect(facts).toMatchObject({ priority: 'unknown', severity: 'unknown', sla: { state: 'none' } });
    expect(evaluatePolicy(DEFAULT_POLICY, facts)).toMatchObject({ outcome: 'needs-info', ruleId: 'unclassified' });
  });

  it.each([
    ['a priority name the map does not know', { priorityName: 'Normal', severityValue: 'Sev 2' }, { priority: 'Normal' }],
    ['a severity value the map does not know', { priorityName: 'High', severityValue: ' Catastrophic ' }, { severity: 'Catastrophic' }],
    ['both', { priorityName: 'Normal', severityValue: 'Catastrophic' }, { priority: 'Normal', severity: 'Catastrophic' }],
  ])('keeps %s, so the reason can name it (issue 16, item 2)', (_label, fields, unmapped) => {
    expect(triageFacts(aTicket(fields), DEFAULT_CLASSIFICATION, NOW).unmapped).toEqual(unmapped);
  });

  it('keeps nothing unmapped for a value it maps or a field that is not set', () => {
    expect(triageFacts(aTicket({ priorityName: 'Highest', severityValue: 'Sev 1' }), DEFAULT_CLASSIFICATION, NOW).unmapped).toBeUndefined();
    expect(triageFacts(aTicket({ priorityName: '   ' }), DEFAULT_CLASSIFICATION, NOW).unmapped).toBeUndefined();
    expect(evaluatePolicy(DEFAULT_POLICY, triageFacts(aTicket({ priorityName: 'Normal' }), DEFAULT_CLASSIFICATION, NOW)).reasons).toContain('Priority "Normal" is not mapped to a level — map it in the settings.');
  });

  it('uses the project classification: maps, support filter and SLA threshold', () => {
    const classification: Classification = {
      ...DEFAULT_CLASSIFICATION,
      severityMap: { ...DEFAULT_CLASSIFICATION.severityMap, S1: ['Outage'] },
      supportFilter: { issueTypes: ['Incident'], labels: [] },
      atRiskThresholdMs: 30 * 60_000,
    };
    const ticket = aTicket({
      issueType: 'Bug',
      severityValue: 'Outage',
      slaClocks: [{ name: 'TTR', completedCycles: [], ongoingCycle: { breached: false, paused: false, breachAtMs: NOW + 3_600_000 } }],
    });
    expect(triageFacts(ticket, classification, NOW)).toMatchObject({ severity: 'S1', isSupport: false, sla: { state: 'ok' } });
  });
});

describe('default policy on tickets as Jira sends them', () => {
  it.each<[string, Parameters<typeof aTicket>[0], string, string | null]>([
    ['Highest priority', { priorityName: 'Highest', severityValue: 'Sev 3' }, 'interrupt', 'p1'],
    ['"1 - Critical" severity', { priorityName: 'Medium', severityValue: '1 - Critical' }, 'interrupt', 'sev1'],
    ['breached OLD-format SLA', { priorityName: 'Low', slaClocks: [{ name: 'First reply', completedCycles: [{ breached: true }] }] }, 'interrupt', 'sla'],
    ['renamed priority the map does not know, no severity', { priorityName: 'Whenever' }, 'needs-info', 'unclassified'],
    ['Major priority, Minor severity', { priorityName: 'Major', severityValue: 'Minor' }, 'backlog', null],
  ])('%s', (_label, overrides, outcome, ruleId) => {
    expect(evaluatePolicy(DEFAULT_POLICY, triageFacts(aTicket(overrides), DEFAULT_CLASSIFICATION, NOW))).toMatchObject({ outcome, ruleId });
  });

  it('needs info exactly when neither priority nor severity is recognised and the SLA is not in trouble', () => {
    const names = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 12 }), fc.constantFrom('Highest', 'High', 'P3', 'Sev 1', 'S2', 'Blocker', '4 - Low'));
    fc.assert(
      fc.property(names, names, fc.boolean(), (priorityName, severityValue, breached) => {
        const ticket = aTicket({
          ...(priorityName === undefined ? {} : { priorityName }),
          ...(severityValue === undefined ? {} : { severityValue }),
          slaClocks: breached ? [{ name: 'TTR', completedCycles: [{ breached: true }] }] : [],
        });
        const facts = triageFacts(ticket, DEFAULT_CLASSIFICATION, NOW);
        const verdict = evaluatePolicy(DEFAULT_POLICY, facts);
        const unclassified = facts.priority === 'unknown' && facts.severity === 'unknown';
        expect(verdict.outcome === 'needs-info').toBe(unclassified && !breached);
        if (facts.priority === 'P1' || facts.severity === 'S1' || breached) expect(verdict.outcome).toBe('interrupt');
      }),
    );
  });
});
