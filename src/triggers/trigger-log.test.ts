import { eventIdentity, triggerLogLine } from './trigger-log';

describe('what a log line may name of an event', () => {
  it.each([
    ['an issue event', { eventType: 'avi:jira:updated:issue', issue: { key: 'SUP-12', fields: { summary: 'Jane cannot pay' } } }, { event: 'avi:jira:updated:issue', issue: 'SUP-12' }],
    ['a sprint event', { eventType: 'avi:jira-software:started:sprint', sprint: { id: 3 } }, { event: 'avi:jira-software:started:sprint' }],
    ['a key with a line break (log injection)', { eventType: 'avi:jira:updated:issue', issue: { key: 'SUP-1\n{"forged":true}' } }, { event: 'avi:jira:updated:issue' }],
    ['a free-text event type', { eventType: 'Jane Doe <jane@example.com>', issue: { key: 'SUP-1' } }, { issue: 'SUP-1' }],
    ['not an object', 'SUP-1', {}],
    ['null', null, {}],
  ])('%s', (_label, event, identity) => {
    expect(eventIdentity(event)).toEqual(identity);
  });

  it('writes one JSON line with the app named first', () => {
    const line = triggerLogLine({ trigger: 'issue-event', event: 'avi:jira:created:issue', issue: 'SUP-1', outcome: 'ignored', why: 'SUP-1 is not a support ticket.' });
    expect(line).toBe('{"app":"interrupt-budget","trigger":"issue-event","event":"avi:jira:created:issue","issue":"SUP-1","outcome":"ignored","why":"SUP-1 is not a support ticket."}');
    expect(line).not.toContain('\n');
  });
});
