/**
 * Issue 11, F6: the app's own record of decisions (storage/decision-audit.ts), through the resolver
 * handler against the simulator. A property rewritten by hand does not change what the panel shows
 * as decided (it says the property was changed outside the app); a hand-typed copy of the app's
 * signature does not stop the app from posting its comment; a re-decision keeps the earlier one.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { ApplyDecisionResult, PanelView } from '../../contract/panel';
import { defaultSettings } from '../settings/project-settings';
import { decisionHistory, readLatestDecision } from '../storage/decision-audit';
import { MemoryStore } from '../storage/memory-store';
import { storeSettings } from '../storage/settings-repository';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { addOpenSupportTickets } from '../../../test/builders/open-support-tickets';

let sim: Simulator;
let store: MemoryStore;
let panel: ResolverHarness;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
  await storeSettings(store, 'SUP', defaultSettings());
  panel = resolverHarness(sim, { store });
  fresh = addOpenSupportTickets(sim, 4);
});
afterAll(() => sim.close());

const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
/** Open, undecided support tickets without comments (apply refuses anything else), made for this file. */
let fresh: string[] = [];
const undecided = () => fresh;
const signed = (key: string, outcome: string) => issue(key).comments.filter((c) => JSON.stringify(c.body).includes(`Recorded by Interrupt Budget (decision: ${outcome})`));

/** A request to the simulator's REST API as a login with the token `demo` (po has Edit Issues). */
async function asUser(email: string, method: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${email}:demo`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('a decision property written outside the app', () => {
  it('the panel shows the app\'s record and says the property was changed outside the app', async () => {
    const [key] = undecided();
    if (!key) throw new Error('no undecided ticket');
    dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'backlog', reason: 'Not now.', comment: false, basedOn: null }, { issueKey: key }));
    const forged = { outcome: 'interrupt', policyOutcome: 'interrupt', policyVersion: 0, ruleId: null, override: false, decidedBy: sim.users.admin.accountId, decidedAt: '2026-11-23T08:00:00Z' };
    expect(await asUser(sim.users.po.email, 'PUT', `/rest/api/3/issue/${key}/properties/interruptBudget`, forged)).toBeLessThan(300);
    expect(issue(key).properties.interruptBudget).toEqual(forged);

    const view = dataOf<PanelView>(await panel.call('dev', 'panel.get', {}, { issueKey: key }));
    expect(view.decision).toMatchObject({ outcome: 'backlog', decidedBy: sim.users.po.accountId, reason: 'Not now.' });
    expect(view.notes).toContain("The decision stored on the issue (its interruptBudget property) differs from Interrupt Budget's own record: it was changed outside the app, or the last apply did not finish. The panel shows the app's record; applying the decision again writes it back to the issue.");

    // Applying on the basis of the forged property is refused: the record says otherwise.
    const stale = await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', reason: 'x', basedOn: { decidedAt: forged.decidedAt, outcome: 'interrupt' } }, { issueKey: key });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'You decided to send it to the backlog less than a minute ago, while you were looking, so your decision was not applied. The panel now shows it: decide again if you still disagree.' } });
    // Re-applying the recorded decision writes the mirror back.
    dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'backlog', reason: 'Not now.', comment: false, basedOn: { decidedAt: view.decision?.decidedAt ?? '', outcome: 'backlog' } }, { issueKey: key }));
    expect(issue(key).properties.interruptBudget).toMatchObject({ outcome: 'backlog', decidedBy: sim.users.po.accountId });
    const after = dataOf<PanelView>(await panel.call('po', 'panel.get', {}, { issueKey: key }));
    expect(after.notes.filter((n) => n.includes('interruptBudget property'))).toEqual([]);
  });
});

describe('"already commented"', () => {
  it('is decided by the recorded comment id: a hand-written comment with the signature does not stop the app\'s own', async () => {
    const key = undecided()[1];
    if (!key) throw new Error('no undecided ticket');
    const marker = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Recorded by Interrupt Budget (decision: backlog)' }] }] };
    expect(await asUser(sim.users.po.email, 'POST', `/rest/api/3/issue/${key}/comment`, { body: marker })).toBe(201);
    const result = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'backlog', reason: 'Later.', comment: true, basedOn: null }, { issueKey: key }));
    expect(result.steps.find((s) => s.step === 'comment')?.status).toBe('done');
    expect(signed(key, 'backlog')).toHaveLength(2);
    const own = issue(key).comments[1];
    expect((await readLatestDecision(store, key)).entry?.commentId).toBe(own?.id);
    // Applying again still posts nothing: the recorded comment is there.
    const again = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'backlog', reason: 'Later.', comment: true, basedOn: { decidedAt: result.decision.decidedAt, outcome: 'backlog' } }, { issueKey: key }));
    expect(again.steps.find((s) => s.step === 'comment')).toEqual({ step: 'comment', status: 'skipped', message: `Already commented (comment ${own?.id}).` });
    expect(signed(key, 'backlog')).toHaveLength(2);
  });
});

describe('the audit', () => {
  it('keeps every decision of a ticket: who, when, outcome, policy version, reason and the comment posted', async () => {
    const key = undecided()[2];
    if (!key) throw new Error('no undecided ticket');
    const first = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', reason: 'Customers are down.', comment: true, basedOn: null }, { issueKey: key }));
    const second = dataOf<ApplyDecisionResult>(await panel.call('admin', 'panel.applyDecision', { outcome: 'backlog', reason: 'A workaround exists.', comment: true, basedOn: { decidedAt: first.decision.decidedAt, outcome: 'interrupt' } }, { issueKey: key }));
    expect(second.complete).toBe(true);
    const history = await decisionHistory(store, key);
    const [c1, c2] = [signed(key, 'interrupt')[0]?.id, signed(key, 'backlog')[0]?.id];
    expect(history.map((e) => [e.seq, e.decision.outcome, e.decision.decidedBy, e.decision.policyVersion, e.decision.reason, e.commentId])).toEqual([
      [1, 'interrupt', sim.users.po.accountId, 0, 'Customers are down.', c1],
      [2, 'backlog', sim.users.admin.accountId, 0, 'A workaround exists.', c2],
    ]);
    expect(history.map((e) => Date.parse(e.decision.decidedAt))).toEqual([NOW, NOW]);
    expect((await readLatestDecision(store, key)).entry?.seq).toBe(2);
  });

  it('an apply based on a decision that is no longer the recorded one answers CONFLICT and writes nothing', async () => {
    const key = undecided()[3];
    if (!key) throw new Error('no undecided ticket');
    dataOf<ApplyDecisionResult>(await panel.call('admin', 'panel.applyDecision', { outcome: 'backlog', reason: 'No.', comment: true, basedOn: null }, { issueKey: key }));
    const before = JSON.stringify(issue(key));
    sim.clearRequests();
    const late = await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', reason: 'Yes.', comment: true, basedOn: null }, { issueKey: key });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Another user decided to send it to the backlog less than a minute ago, while you were looking, so your decision was not applied. The panel now shows it: decide again if you still disagree.' } });
    expect(JSON.stringify(issue(key))).toBe(before);
    expect(sim.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await decisionHistory(store, key)).toHaveLength(1);
  });
});
