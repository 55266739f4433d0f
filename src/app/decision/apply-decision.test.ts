/**
 * `panel.applyDecision` through the resolver handler against the simulator over HTTP: each outcome
 * verified in the simulator's own store, and re-applying that sends no write at all.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { ApplyDecisionResult, PanelBudgetView, PanelView } from '../../contract/panel';
import { DEFAULT_POLICY, evaluatePolicy } from '../../domain/policy';
import { supportContact } from '../../domain/rotation';
import { DEFAULT_CLASSIFICATION, triageFacts } from '../../domain/triage-facts';
import { defaultSettings } from '../settings/project-settings';
import { keys } from '../storage/keys';
import { MemoryStore } from '../storage/memory-store';
import { siteOrderSource } from '../storage/site-order';
import { storeSettings } from '../storage/settings-repository';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { writesTo } from '../../../test/builders/sim-requests';
import { sprintIdsInTurnOrder, ticketFromSite } from '../../../test/builders/sim-tickets';

const MIA = '5b10a2844c20165700ede21g';
const SAM = '712020:8c1e5d2a-3f6b-4e7c-9d0a-1b2c3d4e5f64';
let sim: Simulator;
let store: MemoryStore;
let panel: ResolverHarness;
let activeId: number;

const apply = (key: string, payload: unknown, role: 'po' | 'dev' = 'po') => panel.call(role, 'panel.applyDecision', payload, { issueKey: key });
const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const signed = (key: string, outcome: string) => issue(key).comments.filter((c) => JSON.stringify(c.body).includes(`Recorded by Interrupt Budget (decision: ${outcome})`));
const statuses = (result: ApplyDecisionResult) => result.steps.map((s) => [s.step, s.status]);
const verdictOf = (key: string) => evaluatePolicy(DEFAULT_POLICY, triageFacts(ticketFromSite(sim, key), DEFAULT_CLASSIFICATION, NOW));

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
  await storeSettings(store, 'SUP', { ...defaultSettings(), rotation: { roster: [MIA, SAM], overrides: {} } });
  panel = resolverHarness(sim, { store });
  // The site's order, as the project's first view of the day leaves it (storage/site-order.ts): the
  // round trips pinned below are apply's own.
  const order = siteOrderSource(panel.portsAs('app'), 'SUP');
  await order.load();
  await order.order([], undefined);
  activeId = sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active')?.id ?? -1;
});
afterAll(() => sim.close());
beforeEach(() => sim.clearRequests());

describe('interrupt', () => {
  it('pulls the ticket into the active sprint, labels, assigns to the support contact, comments and records — in 3 round trips', async () => {
    expect(verdictOf('SUP-246').outcome).toBe('interrupt');
    const contact = supportContact({ roster: [MIA, SAM], overrides: {} }, sprintIdsInTurnOrder(sim, 1), activeId)?.accountId;
    const suggestion = (issue('SUP-246').properties.interruptBudget as { suggestion: unknown }).suggestion;
    const before = panel.meters.length;
    const result = dataOf<ApplyDecisionResult>(await apply('SUP-246', { outcome: 'interrupt', assign: true, comment: true }));
    expect(statuses(result)).toEqual([['move-to-sprint', 'done'], ['labels', 'done'], ['assign', 'done'], ['comment', 'done'], ['record', 'done']]);
    expect(result).toMatchObject({ complete: true, message: 'The decision is applied to SUP-246.' });
    expect(issue('SUP-246').sprintIds).toContain(activeId);
    expect(issue('SUP-246').labels).toEqual(['support', 'interrupt']);
    expect(issue('SUP-246').assigneeId).toBe(contact);
    expect(signed('SUP-246', 'interrupt')).toHaveLength(1);
    expect(issue('SUP-246').properties.interruptBudget).toEqual({
      outcome: 'interrupt', policyOutcome: 'interrupt', policyVersion: 0, ruleId: 'p1', override: false,
      decidedBy: sim.users.po.accountId, decidedAt: '2026-11-23T09:00:00Z', sprintId: activeId, suggestion,
      facts: { priority: 'P1', severity: 'S1', sla: 'breached' }, // what the verdict was made from (issue 12, item 5)
    });
    // What the jira:entityProperty index takes (manifest.yml: decidedAt is a `date`, decidedBy a `user`):
    // "[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]" with [TZ] "+/-[hh]:[mm]" or "Z", and "an Atlassian account ID string".
    // https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
    const recorded = issue('SUP-246').properties.interruptBudget as { decidedAt: string; decidedBy: string };
    expect(recorded.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    expect(Date.parse(recorded.decidedAt)).toBe(NOW);
    expect(recorded.decidedBy).toBe(sim.users.po.accountId); // the caller's account id, from the invocation context
    expect(recorded.decidedBy).not.toBe(sim.users.po.displayName);
    expect(recorded.decidedBy).not.toBe('');
    const meter = panel.meters[before];
    expect({ roundTrips: meter?.roundTrips, requests: meter?.requests }).toEqual({ roundTrips: 3, requests: 11 });
  });

  it('re-applying adds nothing: every step skipped, no write sent, 1 round trip (the permissions remembered from the first apply: storage/issue-permissions.ts)', async () => {
    const before = panel.meters.length;
    const result = dataOf<ApplyDecisionResult>(await apply('SUP-246', { outcome: 'interrupt', assign: true, comment: true }));
    expect(result.steps.every((s) => s.status === 'skipped')).toBe(true);
    expect(result.steps.find((s) => s.step === 'comment')?.message).toBe(`Already commented (comment ${signed('SUP-246', 'interrupt')[0]?.id}).`);
    expect(writesTo(sim)).toEqual([]);
    expect(signed('SUP-246', 'interrupt')).toHaveLength(1);
    expect(panel.meters[before]?.roundTrips).toBe(1);
  });

  it('the panel then shows the decision, and its budget update counts the ticket', async () => {
    expect(await store.get(keys.rollup('SUP', activeId))).toBeUndefined(); // none was stored before the apply
    const view = dataOf<PanelView>(await panel.call('po', 'panel.get', {}, { issueKey: 'SUP-246' }));
    expect(view.decision).toMatchObject({ outcome: 'interrupt', decidedBy: sim.users.po.accountId });
    expect([view.budget, view.budgetNeedsUpdate]).toEqual([null, true]);
    const update = dataOf<PanelBudgetView>(await panel.call('po', 'panel.budget', {}, { issueKey: 'SUP-246' }));
    expect(update.budget).toMatchObject({ source: 'computed', counted: true });
    // The preview does not read comments (a request more), so it cannot know the comment is there yet.
    expect(view.previews.interrupt.steps.map((s) => [s.step, s.action])).toEqual([['move-to-sprint', 'skip'], ['labels', 'skip'], ['comment', 'do'], ['record', 'do']]);
  });
});

describe('backlog', () => {
  it('when the PO changes their mind: out of the sprint, deferred on, interrupt off, a new comment', async () => {
    const result = dataOf<ApplyDecisionResult>(await apply('SUP-246', { outcome: 'backlog', reason: 'The customer found a workaround.', comment: true }));
    expect(statuses(result)).toEqual([['move-to-backlog', 'done'], ['labels', 'done'], ['comment', 'done'], ['record', 'done']]);
    expect(result.steps[1]?.message).toBe('Added the label deferred and removed the label interrupt.');
    expect(issue('SUP-246').sprintIds.filter((id) => sim.store.sprint(id)?.state !== 'closed')).toEqual([]);
    expect(issue('SUP-246').labels).toEqual(['support', 'deferred']);
    expect(signed('SUP-246', 'backlog')).toHaveLength(1);
    expect(issue('SUP-246').comments).toHaveLength(2);
    expect(issue('SUP-246').properties.interruptBudget).toMatchObject({ outcome: 'backlog', policyOutcome: 'interrupt', override: true, reason: 'The customer found a workaround.' });
  });

  it('moves a ticket the policy defers out of the active sprint, as the policy says (no reason needed)', async () => {
    const key = sim.store.issues.map((i) => i.key).find((k) => k.startsWith('SUP-') && issue(k).sprintIds.includes(activeId) && ticketFromSite(sim, k).decision === undefined && verdictOf(k).outcome === 'backlog' && issue(k).resolvedMs === null && ['Bug', 'Incident', 'Support request'].includes(ticketFromSite(sim, k).issueType));
    if (!key) throw new Error('the seed has no open support ticket in the sprint that the policy defers');
    const result = dataOf<ApplyDecisionResult>(await apply(key, { outcome: 'backlog', comment: false }));
    expect(statuses(result)).toEqual([['move-to-backlog', 'done'], ['labels', 'done'], ['record', 'done']]);
    expect(issue(key).sprintIds).not.toContain(activeId);
    expect(issue(key).labels).toContain('deferred');
    expect(issue(key).properties.interruptBudget).toMatchObject({ outcome: 'backlog', override: false });
    expect(writesTo(sim).filter((w) => w.startsWith('addComment'))).toEqual([]);
  });
});

describe('needs-info', () => {
  it('with the comment and the label left off, records the decision only: one property write, nothing else', async () => {
    expect(verdictOf('SUP-250').outcome).toBe('backlog');
    const labels = [...issue('SUP-250').labels];
    const result = dataOf<ApplyDecisionResult>(await apply('SUP-250', { outcome: 'needs-info', reason: 'Asked the reporter which customers are affected.', comment: false, label: false }));
    expect(statuses(result)).toEqual([['record', 'done']]);
    expect(writesTo(sim)).toEqual([`setIssueProperty /rest/api/3/issue/SUP-250/properties/interruptBudget`]);
    expect(issue('SUP-250').labels).toEqual(labels);
    expect(issue('SUP-250').properties.interruptBudget).toMatchObject({ outcome: 'needs-info', override: true, suggestion: { outcome: 'backlog' } });
  });
});

describe('outside the policy\'s scope (issue 12, item 2): refused by the server, whatever the client shows', () => {
  const typeOf = (k: string) => ticketFromSite(sim, k).issueType;
  const categoryOf = (k: string) => ticketFromSite(sim, k).statusCategory;

  it('a Story without a support label: VALIDATION with a sentence naming the support filter, nothing written in Jira or recorded', async () => {
    const key = sim.store.issues.map((i) => i.key).find((k) => k.startsWith('SUP-') && typeOf(k) === 'Story' && !issue(k).labels.includes('support') && categoryOf(k) !== 'done');
    if (!key) throw new Error('the seed has no open Story in SUP');
    const before = structuredClone(issue(key));
    const answer = await apply(key, { outcome: 'interrupt', reason: 'Pull it in anyway.', comment: true, basedOn: null });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (answer.ok) return;
    expect(answer.error.message).toBe(`The interrupt policy applies to support tickets only, and ${key} is a Story without a support label: the support filter takes Bug, Incident, Support request, [System] Incident or [System] Service request, or the label support. Nothing was applied.`);
    expect(writesTo(sim)).toEqual([]);
    expect(issue(key)).toEqual(before);
    expect(await store.get(keys.decisionLatest(key))).toBeUndefined();
  });

  it('a done support ticket: VALIDATION saying it is done, no move into the sprint, nothing written', async () => {
    const key = sim.store.issues.map((i) => i.key).find((k) => k.startsWith('SUP-') && ['Bug', 'Incident', 'Support request'].includes(typeOf(k)) && categoryOf(k) === 'done' && ticketFromSite(sim, k).decision === undefined);
    if (!key) throw new Error('the seed has no done, undecided support ticket in SUP');
    const before = structuredClone(issue(key));
    const answer = await apply(key, { outcome: 'interrupt', comment: true, basedOn: null });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (answer.ok) return;
    expect(answer.error.message).toMatch(new RegExp(`^${key} is (done|Resolved \\(done\\)): there is nothing left to triage, so nothing here moves it into or out of a sprint\\. Nothing was applied\\.$`));
    expect(writesTo(sim)).toEqual([]);
    expect(issue(key)).toEqual(before);
  });
});
