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
