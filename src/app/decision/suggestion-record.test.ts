/**
 * The policy's suggestion is the app's own record too (issue 11, item 6): the issue trigger writes
 * it to app storage as well as to the issue property, and the panel shows the app's record, so a
 * suggestion written on the issue by hand is not shown as the policy's. Against the simulator: the
 * trigger core as the app, the panel use case as po.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { readDecisionProperty, writeDecisionProperty } from '../../jira/decision-property';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { handleIssueEvent } from '../../triggers/issue-event';
import { getPanel } from '../panel/get-panel';
import { keys } from '../storage/keys';
import { MemoryStore } from '../storage/memory-store';
import { projectRegistry } from '../storage/sprint-records';
import { suggestionRecord } from '../storage/suggestion-record';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
let store: MemoryStore;

const client = (login: { email: string; token: string }) => JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) });
const appPorts = (): Ports => ({ jira: client(sim.users.app), appJira: client(sim.users.app), store, clock: { now: () => NOW } });
const poPorts = (): Ports => ({ jira: client(sim.users.po), appJira: client(sim.users.app), store, clock: { now: () => NOW } });
const created = (key: string) => {
  const issue = sim.store.issue(key);
  if (!issue) throw new Error(`no ${key}`);
  return { eventType: 'avi:jira:created:issue', issue: { id: issue.id, key, fields: { project: { key: 'SUP' } } } };
};
/** An undecided SUP support ticket without a suggestion yet, nobody's secured one. */
const fresh = () => {
  const issue = sim.store.issues.find((i) => i.key.startsWith('SUP-') && i.securityLevelId === null && i.properties[DECISION_PROPERTY_KEY] === undefined && ['10004', '10005', '10006'].includes(i.typeId));
  if (!issue) throw new Error('an undecided support ticket expected');
  return issue.key;
};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
  await projectRegistry.register(store, 'SUP', NOW);
});
afterAll(() => sim.close());

describe('the suggestion as the app recorded it', () => {
  let key: string;
  beforeAll(async () => {
    key = fresh();
    expect(await handleIssueEvent(created(key), appPorts())).toMatchObject({ status: 'written' });
  });

  it('the trigger writes the same suggestion to the property and to app storage', async () => {
    const property = readDecisionProperty(sim.store.issue(key)?.properties[DECISION_PROPERTY_KEY]).suggestion;
    expect(property).toBeDefined();
    expect((await suggestionRecord.read(store, key)).suggestion).toEqual(property);
  });

  it("a suggestion written on the issue by hand is not shown as the policy's: the panel shows the app's record and says so", async () => {
    const recorded = (await suggestionRecord.read(store, key)).suggestion;
    if (!recorded) throw new Error('a recorded suggestion expected');
    const forged = { ...recorded, outcome: recorded.outcome === 'interrupt' ? 'backlog' : 'interrupt', ruleId: 'p1' } as const;
    await client(sim.users.po).issues.setProperty(key, DECISION_PROPERTY_KEY, writeDecisionProperty(undefined, forged));
    const view = await getPanel(poPorts(), { issueKey: key, projectKey: 'SUP' });
    expect(view.suggestion).toEqual(recorded);
    expect(view.notes.join(' ')).toContain('changed outside the app');
  });

  it("a suggestion the property already carries but the app has no record of is recorded, without writing to Jira", async () => {
    const other = fresh();
    expect(await handleIssueEvent(created(other), appPorts())).toMatchObject({ status: 'written' });
    const written = (await suggestionRecord.read(store, other)).suggestion;
    await store.delete(keys.suggestion(other));
    sim.clearRequests();
    expect(await handleIssueEvent(created(other), appPorts())).toEqual({ status: 'unchanged', suggestion: written });
    expect((await suggestionRecord.read(store, other)).suggestion).toEqual(written);
    expect(sim.requests().filter((r) => r.method !== 'GET' && !r.path.includes('/search'))).toEqual([]);
  });

  it('a suggestion from before the record was kept is shown from the property', async () => {
    const seeded = sim.store.issues.find((i) => i.key !== key && i.key.startsWith('SUP-') && i.securityLevelId === null && readDecisionProperty(i.properties[DECISION_PROPERTY_KEY]).suggestion && !readDecisionProperty(i.properties[DECISION_PROPERTY_KEY]).decision);
    if (!seeded) throw new Error('a seeded suggestion expected');
    const view = await getPanel(poPorts(), { issueKey: seeded.key, projectKey: 'SUP' });
    expect(view.suggestion).toEqual(readDecisionProperty(seeded.properties[DECISION_PROPERTY_KEY]).suggestion);
  });
});
