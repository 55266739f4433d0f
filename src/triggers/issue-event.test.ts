/**
 * The issue trigger's core on created/updated events, against the simulator over HTTP with the
 * admin login playing the app: the suggestion written once and only when it changes, a PO's
 * decision never touched, and events it must not handle dropped before Jira is asked anything.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { FIELD_LIST_MAX_AGE_MS } from '../app/storage/field-list';
import { keys } from '../app/storage/keys';
import { MemoryStore } from '../app/storage/memory-store';
import { projectRegistry } from '../app/storage/sprint-records';
import { DEFAULT_POLICY, evaluatePolicy } from '../domain/policy';
import { isSupportTicket } from '../domain/support-filter';
import { DEFAULT_CLASSIFICATION, triageFacts } from '../domain/triage-facts';
import { BasicAuthTransport } from '../jira/basic-auth-transport';
import { JiraClient } from '../jira/jira-client';
import type { JiraTransport } from '../jira/transport';
import { routePath } from '../forge/route';
import type { KeyValueStore, Ports } from '../ports';
import { NOW } from '../../test/builders/clocks';
import { writesTo } from '../../test/builders/sim-requests';
import { ticketFromSite } from '../../test/builders/sim-tickets';
import { handleIssueEvent, issueEventHandler, onIssueEvent } from './issue-event';
import { oneIdentity } from '../../test/builders/one-identity';

let sim: Simulator;
let store: MemoryStore;

const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
/** One trigger invocation's ports: a new client each time, as Forge runs each event in its own invocation. */
function appPorts(wrap: (t: JiraTransport) => JiraTransport = (t) => t, on: { store?: KeyValueStore; nowMs?: number } = {}): Ports {
  const { email, token } = sim.users.admin;
  const nowMs = on.nowMs ?? NOW;
  return { ...oneIdentity(JiraClient.create({ transport: wrap(new BasicAuthTransport({ baseUrl: sim.url, email, apiToken: token })) })), store: on.store ?? store, clock: { now: () => nowMs } };
}
const eventFor = (key: string, changes?: Array<Record<string, string | null>>) => ({
  eventType: changes ? 'avi:jira:updated:issue' : 'avi:jira:created:issue',
  issue: { id: issue(key).id, key, fields: { summary: issue(key).summary, project: { id: issue(key).projectId, key: key.split('-')[0] } } },
  atlassianId: sim.users.po.accountId,
  associatedUsers: [{ accountId: sim.users.po.accountId }],
  ...(changes ? { changelog: { id: '10500', items: changes } } : {}),
});
const expectedSuggestion = (key: string) => {
  const facts = triageFacts(ticketFromSite(sim, key), DEFAULT_CLASSIFICATION, NOW);
  const verdict = evaluatePolicy(DEFAULT_POLICY, facts);
  // The facts it was made from are kept, so the panel can later say which changed (issue 12, item 5).
  const recorded = { priority: facts.priority, severity: facts.severity, sla: facts.sla.state };
  return { outcome: verdict.outcome, ruleId: verdict.ruleId, policyVersion: 0, evaluatedAt: new Date(NOW).toISOString(), facts: recorded };
};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
  await projectRegistry.register(store, 'SUP', NOW);
});
afterAll(() => sim.close());
beforeEach(() => sim.clearRequests());

describe('recording the suggestion', () => {
  it('a created support ticket gets the policy\'s verdict as its suggestion, written once', async () => {
    const outcome = await handleIssueEvent(eventFor('SUP-247'), appPorts());
    expect(outcome).toEqual({ status: 'written', suggestion: expectedSuggestion('SUP-247') });
    expect(issue('SUP-247').properties.interruptBudget).toEqual({ suggestion: expectedSuggestion('SUP-247') });
    expect(writesTo(sim)).toEqual(['setIssueProperty /rest/api/3/issue/SUP-247/properties/interruptBudget']);
  });

  it('the same event again writes nothing: the suggestion has not changed', async () => {
    expect(await handleIssueEvent(eventFor('SUP-247'), appPorts())).toMatchObject({ status: 'unchanged' });
    expect(writesTo(sim)).toEqual([]);
  });

  it('a priority change that changes the verdict\'s rule rewrites it', async () => {
    sim.store.write(issue('SUP-247'), (i) => (i.priorityId = '1'));
    const outcome = await handleIssueEvent(eventFor('SUP-247', [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '3', fromString: 'Medium', to: '1', toString: 'Highest' }]), appPorts());
    expect(outcome).toEqual({ status: 'written', suggestion: { ...expectedSuggestion('SUP-247'), ruleId: 'p1' } });
    expect(writesTo(sim)).toHaveLength(1);
  });

  it('a stale seeded suggestion is replaced when the ticket changes (a Severity change counts)', async () => {
    expect((issue('SUP-244').properties.interruptBudget as { suggestion: { outcome: string } }).suggestion.outcome).toBe('backlog');
    const outcome = await handleIssueEvent(eventFor('SUP-244', [{ field: 'Severity', fieldtype: 'custom', fieldId: 'customfield_10081', fromString: 'Sev 3', toString: 'Sev 4' }]), appPorts());
    expect(outcome).toEqual({ status: 'written', suggestion: expectedSuggestion('SUP-244') });
    expect(expectedSuggestion('SUP-244').outcome).toBe('interrupt');
  });
});

describe('what the trigger leaves alone', () => {
  it('never touches a product owner\'s decision', async () => {
    const before = structuredClone(issue('SUP-252').properties.interruptBudget);
    expect(await handleIssueEvent(eventFor('SUP-252'), appPorts())).toEqual({ status: 'ignored', reason: 'SUP-252 already has the product owner\'s decision.' });
    expect(issue('SUP-252').properties.interruptBudget).toEqual(before);
    expect(writesTo(sim)).toEqual([]);
  });

  it('does not overwrite a decision recorded while it was evaluating', async () => {
    const decision = { outcome: 'backlog', policyOutcome: 'backlog', policyVersion: 0, ruleId: null, override: false, decidedBy: sim.users.po.accountId, decidedAt: new Date(NOW).toISOString() };
    const racing = (inner: JiraTransport): JiraTransport => ({
      async send(request) {
        const response = await inner.send(request);
        if (request.method === 'GET' && routePath(request.route).includes('/issue/SUP-250?')) issue('SUP-250').properties.interruptBudget = decision;
        return response;
      },
    });
    sim.store.write(issue('SUP-250'), (i) => (i.priorityId = '1')); // so the suggestion would change
    expect(await handleIssueEvent(eventFor('SUP-250'), appPorts(racing))).toEqual({ status: 'ignored', reason: 'SUP-250 was decided by the product owner a moment ago.' });
    expect(issue('SUP-250').properties.interruptBudget).toEqual(decision);
    expect(writesTo(sim)).toEqual([]);
  });

  it('ignores tickets that are not support tickets', async () => {
    const story = sim.store.issues.find((i) => i.key.startsWith('SUP-') && sim.store.projectOf(i).issueTypes.find((t) => t.id === i.typeId)?.name === 'Story' && !i.labels.includes('support'));
    if (!story) throw new Error('no story in the seed');
    expect(await handleIssueEvent(eventFor(story.key), appPorts())).toEqual({ status: 'ignored', reason: `${story.key} is not a support ticket.` });
    expect(writesTo(sim)).toEqual([]);
  });

  it('ignores projects that do not use the app, without asking Jira', async () => {
    const team = sim.store.issues.find((i) => i.key.startsWith('TEAM-'));
    expect(await handleIssueEvent(eventFor(team?.key ?? 'TEAM-1'), appPorts())).toEqual({ status: 'ignored', reason: 'Project TEAM does not use Interrupt Budget.' });
    expect(sim.requests()).toEqual([]);
  });

  it.each([
    ['a sprint move', [{ field: 'Sprint', fieldtype: 'custom', fieldId: 'customfield_10020', fromString: '', toString: 'SUP Sprint 13' }]],
    ['an assignee change', [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', fromString: null, toString: 'Mia Krystof' }]],
    ['the app\'s own labels', [{ field: 'labels', fieldtype: 'jira', fieldId: 'labels', fromString: 'support deferred', toString: 'support interrupt' }]],
  ])('ignores an update that changed nothing the policy reads (%s), without asking Jira', async (_what, items) => {
    expect(await handleIssueEvent(eventFor('SUP-248', items), appPorts())).toEqual({ status: 'ignored', reason: 'Nothing the policy reads has changed.' });
    expect(sim.requests()).toEqual([]);
  });

  it('a label change that is not the app\'s own is relevant', async () => {
    const outcome = await handleIssueEvent(eventFor('SUP-248', [{ field: 'labels', fieldId: 'labels', fromString: 'eu', toString: 'eu customer-reported' }]), appPorts());
    expect(outcome.status).toBe('written');
  });

  it.each([
    ['no issue', { eventType: 'avi:jira:created:issue' }],
    ['a forged key', { eventType: 'avi:jira:created:issue', issue: { id: '1', key: '../../myself' } }],
    ['another event', { eventType: 'avi:jira:deleted:issue', issue: { id: '1', key: 'SUP-1' } }],
    ['not an object', 'SUP-1'],
  ])('drops a payload that is not a valid issue event (%s) without asking Jira', async (_what, event) => {
    expect(await handleIssueEvent(event, appPorts())).toEqual({ status: 'ignored', reason: 'The payload is not an issue created or updated event.' });
    expect(sim.requests()).toEqual([]);
  });

  it.each([
    ['its Security field set', (key: string) => eventFor(key, [{ field: 'security', fieldId: 'security', fromString: null, toString: 'Staff only' }])],
    ['created with a security level', (key: string) => ({ ...eventFor(key), issue: { ...eventFor(key).issue, fields: { ...eventFor(key).issue.fields, security: { id: '10100' } } } })],
  ])('an issue %s is added to the project\'s secured issues at once (views check it per viewer from then on)', async (_what, event) => {
    const own = new MemoryStore();
    await projectRegistry.register(own, 'SUP', NOW);
    await own.set(keys.issueSecurity('SUP'), { schemaVersion: 2, checkedAt: NOW - 60_000, secured: ['10001'] });
    await handleIssueEvent(event('SUP-248'), appPorts(undefined, { store: own }));
    const id = String(sim.store.issue('SUP-248')?.id);
    expect(await own.get(keys.issueSecurity('SUP'))).toEqual({ schemaVersion: 2, checkedAt: NOW - 60_000, secured: ['10001', id] });
  });

  it('without a current answer to add to, a newly secured issue makes views check every listed issue until Jira is asked (fails closed)', async () => {
    const own = new MemoryStore();
    await projectRegistry.register(own, 'SUP', NOW);
    await handleIssueEvent(eventFor('SUP-248', [{ field: 'security', fieldId: 'security', fromString: null, toString: 'Staff only' }]), appPorts(undefined, { store: own }));
    expect(await own.get(keys.issueSecurity('SUP'))).toEqual({ schemaVersion: 2, checkedAt: NOW, secured: 'many' });
  });

  it('a level taken off, or another field changed, leaves the answer alone', async () => {
    const own = new MemoryStore();
    await projectRegistry.register(own, 'SUP', NOW);
    const before = { schemaVersion: 2, checkedAt: NOW - 60_000, secured: [] };
    await own.set(keys.issueSecurity('SUP'), before);
    await handleIssueEvent(eventFor('SUP-248', [{ field: 'security', fieldId: 'security', fromString: 'Staff only', toString: null }]), appPorts(undefined, { store: own }));
    await handleIssueEvent(eventFor('SUP-248', [{ field: 'summary', fieldId: 'summary', fromString: 'a', toString: 'b' }]), appPorts(undefined, { store: own }));
    expect(await own.get(keys.issueSecurity('SUP'))).toEqual(before);
  });

  it('the Forge handler never throws on a malformed event', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(onIssueEvent({ nonsense: true }, {})).resolves.toBeUndefined();
    jest.restoreAllMocks();
  });
});

describe('the trace each event leaves in the logs (issue 16, item 6)', () => {
  let warn: jest.SpyInstance;
  let info: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
  const lines = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => JSON.parse(String(c[0])) as Record<string, unknown>);
  const storyKey = () => sim.store.issues.find((i) => i.key.startsWith('SUP-') && !isSupportTicket(ticketFromSite(sim, i.key), DEFAULT_CLASSIFICATION.supportFilter))?.key;

  it('an event it ignores writes one line: event type, issue key, why — and nothing of the payload', async () => {
    const key = storyKey();
    if (!key) throw new Error('the seed has a SUP ticket that is not support work');
    await issueEventHandler(() => appPorts())(eventFor(key), {});
    expect(lines(warn)).toEqual([{ app: 'interrupt-budget', trigger: 'issue-event', event: 'avi:jira:created:issue', issue: key, outcome: 'ignored', why: `${key} is not a support ticket.` }]);
    const text = String(warn.mock.calls[0]?.[0]);
    for (const secret of [issue(key).summary, sim.users.po.accountId]) expect(text).not.toContain(secret);
  });

  it('an irrelevant change and an unknown shape are traced too; a suggestion made is traced as info', async () => {
    await issueEventHandler(() => appPorts())(eventFor('SUP-247', [{ field: 'summary', fieldId: 'summary', fromString: 'a', toString: 'b' }]), {});
    await issueEventHandler(() => appPorts())({ eventType: 'avi:jira:updated:issue', issue: { summary: 'Customer Jane Doe cannot pay' } }, {});
    expect(lines(warn)).toEqual([
      { app: 'interrupt-budget', trigger: 'issue-event', event: 'avi:jira:updated:issue', issue: 'SUP-247', outcome: 'ignored', why: 'Nothing the policy reads has changed.' },
      { app: 'interrupt-budget', trigger: 'issue-event', event: 'avi:jira:updated:issue', outcome: 'ignored', why: 'The payload is not an issue created or updated event.' },
    ]);
    expect(String(warn.mock.calls[1]?.[0])).not.toContain('Jane Doe');
    const own = new MemoryStore();
    await projectRegistry.register(own, 'SUP', NOW);
    await issueEventHandler(() => appPorts(undefined, { store: own }))(eventFor('SUP-247'), {});
    expect(lines(info)).toEqual([expect.objectContaining({ trigger: 'issue-event', issue: 'SUP-247', outcome: expect.stringMatching(/^(written|unchanged)$/), suggestion: expectedSuggestion('SUP-247').outcome })]);
  });
});

describe('the field list (GET /rest/api/3/field), remembered a day in storage', () => {
  const fieldReads = () => sim.requests().filter((r) => r.operationId === 'getFields').length;
  let own: MemoryStore;
  const event = (key: string, nowMs = NOW) => handleIssueEvent(eventFor(key, [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', fromString: 'Low', toString: 'Medium' }]), appPorts(undefined, { store: own, nowMs }));
  beforeEach(async () => {
    own = new MemoryStore();
    await projectRegistry.register(own, 'SUP', NOW);
  });

  it('two events in a row ask Jira for the field list once, and the second still finds Severity', async () => {
    expect(await event('SUP-248')).toMatchObject({ suggestion: expectedSuggestion('SUP-248') });
    expect(await event('SUP-244')).toMatchObject({ suggestion: expectedSuggestion('SUP-244') }); // interrupt: read from its Severity
    expect(expectedSuggestion('SUP-244').outcome).toBe('interrupt');
    expect(fieldReads()).toBe(1);
  });

  it('a day later it is asked again', async () => {
    await event('SUP-248');
    await event('SUP-248', NOW + FIELD_LIST_MAX_AGE_MS - 1);
    expect(fieldReads()).toBe(1);
    await event('SUP-248', NOW + FIELD_LIST_MAX_AGE_MS);
    expect(fieldReads()).toBe(2);
  });

  it.each([
    ['garbage', 'not a record'],
    ['a wrong shape', { schemaVersion: 1, readAt: NOW, fields: [{ id: 'customfield_10081', name: 'Severity' }] }],
  ])('a corrupt stored record (%s) is read again from Jira and replaced, not a crash', async (_what, raw) => {
    await own.setRaw(keys.fieldList('SUP'), raw);
    expect(await event('SUP-244')).toMatchObject({ suggestion: expectedSuggestion('SUP-244') });
    expect(fieldReads()).toBe(1);
    expect(await own.get(keys.fieldList('SUP'))).toMatchObject({ schemaVersion: 1, readAt: NOW, fields: expect.arrayContaining([['customfield_10081', 'Severity']]) });
  });
});
