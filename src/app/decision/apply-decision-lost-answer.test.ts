/**
 * `panel.applyDecision` when Jira posts the comment but the answer never arrives (a gateway 503 or a
 * dropped connection after the write), through the resolver handler against the simulator over real
 * HTTP: the apply looks before posting again, ends with exactly one comment and says done; when it
 * cannot look either, it says the comment may have been posted — never done, never a second comment.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { ApplyDecisionResult } from '../../contract/panel';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { PortsFactory } from '../../ports';
import { buildResolverHandler } from '../../resolvers';
import { MemoryStore } from '../storage/memory-store';
import { NOW, recordingClock } from '../../../test/builders/clocks';
import { LosingTransport, type Loss } from '../../../test/builders/losing-transport';
import { dataOf } from '../../../test/builders/resolver-harness';
import type { Envelope } from '../../contract/envelope';
import { oneIdentity } from '../../../test/builders/one-identity';
import { addOpenSupportTickets } from '../../../test/builders/open-support-tickets';

let sim: Simulator;
let store: MemoryStore;

const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const signed = (key: string) => issue(key).comments.filter((c) => JSON.stringify(c.body).includes('Recorded by Interrupt Budget (decision: interrupt)'));
const sent = (operationId: string) => sim.requests().filter((r) => r.operationId === operationId);
const statuses = (result: ApplyDecisionResult) => result.steps.map((s) => [s.step, s.status]);

/** Apply as the product owner, with these answers lost on the way back. */
async function apply(key: string, payload: unknown, losses: Loss[] = []): Promise<Envelope<unknown>> {
  const login = sim.users.po;
  const portsFor: PortsFactory = () => {
    const transport = new LosingTransport(new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token })).lose(...losses);
    return { ...oneIdentity(JiraClient.create({ transport, clock: recordingClock() })), store, clock: { now: () => NOW } };
  };
  const context = { extension: { type: 'jira:issuePanel', issue: { key, id: issue(key).id }, project: { key: 'SUP' } }, moduleKey: 'triage-panel' };
  return (await buildResolverHandler(portsFor)({ call: { functionKey: 'panel.applyDecision', payload }, context }, { principal: { accountId: login.accountId }, installContext: 'ari:cloud:jira::site/1' })) as Envelope<unknown>;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

describe('the comment posted, its answer lost', () => {
  it.each([
    ['a 503', 'SUP-246', 503],
    ['a 504', 'SUP-247', 504],
    ['a dropped connection', 'SUP-248', 'reset'],
  ] as const)('after %s: exactly one comment, and the apply says done with its id', async (_what, key, as) => {
    expect(signed(key)).toHaveLength(0);
    const result = dataOf<ApplyDecisionResult>(await apply(key, { outcome: 'interrupt', comment: true }, [{ operation: 'addComment', as }]));
    expect(signed(key)).toHaveLength(1);
    expect(sent('addComment')).toHaveLength(1);
    expect(result.steps.find((s) => s.step === 'comment')).toEqual({ step: 'comment', status: 'done', message: `Posted a comment with the verdict and its reasons (comment ${signed(key)[0]?.id}).` });
    expect(result).toMatchObject({ complete: true, message: `The decision is applied to ${key}.` });
  });

  it('when the look fails too: the step says the comment may have been posted, the summary says to check first, nothing is posted twice', async () => {
    const [key] = addOpenSupportTickets(sim, 1); // open, Low priority, Sev 3: the verdict is backlog
    if (!key) throw new Error('no ticket made');
    const payload = { outcome: 'interrupt', comment: true, reason: 'The customer is blocked.' };
    // The load reads the comments once (getComments #1); the look after the lost post is #2 and is lost four times.
    const lostLooks: Loss[] = [2, 3, 4, 5].map((nth) => ({ operation: 'getComments', as: 503, nth }));
    const result = dataOf<ApplyDecisionResult>(await apply(key, payload, [{ operation: 'addComment', as: 503 }, ...lostLooks]));
    expect(signed(key)).toHaveLength(1); // Jira did post it: the app just could not tell
    expect(sent('addComment')).toHaveLength(1);
    expect(result.steps.find((s) => s.step === 'comment')).toEqual({
      step: 'comment',
      status: 'failed',
      message: "Jira did not confirm the comment and the app could not check the issue, so the comment may have been posted: check the issue's comments before applying again.",
    });
    expect(result.complete).toBe(false);
    expect(result.message).toBe(`1 of ${result.steps.length} steps did not complete (comment). Jira did not confirm the comment, so it may have been posted: check the issue's comments before applying the decision again.`);
    expect(statuses(result).filter(([, status]) => status === 'failed')).toEqual([['comment', 'failed']]);

    // Applying again finds the signed comment and does not post another.
    sim.clearRequests();
    const again = dataOf<ApplyDecisionResult>(await apply(key, payload));
    expect(again.steps.find((s) => s.step === 'comment')).toMatchObject({ status: 'skipped' });
    expect(sent('addComment')).toHaveLength(0);
    expect(signed(key)).toHaveLength(1);
  });
});

describe('the comment refused before Jira did anything', () => {
  it('a 503 from Jira itself: the apply looks, finds nothing, posts again — one comment, done', async () => {
    const key = 'SUP-237';
    sim.faults.set({ unavailable: { operationId: 'addComment', next: 1 } });
    const result = dataOf<ApplyDecisionResult>(await apply(key, { outcome: 'interrupt', comment: true }));
    expect(sent('addComment').map((r) => r.status)).toEqual([503, 201]);
    expect(signed(key)).toHaveLength(1);
    expect(result.steps.find((s) => s.step === 'comment')).toMatchObject({ status: 'done' });
    expect(result.complete).toBe(true);
  });

  it('a hand-written copy of the signature does not count as the post: the look wants this post\'s own reference', async () => {
    const key = 'SUP-254';
    const copied = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Recorded by Interrupt Budget (decision: backlog) · ref 0123456789abcdef' }] }] };
    sim.store.write(issue(key), (i) => i.comments.push({ id: '990001', authorId: sim.users.dev.accountId, body: copied, createdMs: NOW }));
    sim.faults.set({ unavailable: { operationId: 'addComment', next: 1 } });
    const result = dataOf<ApplyDecisionResult>(await apply(key, { outcome: 'interrupt', comment: true }));
    expect(sent('addComment').map((r) => r.status)).toEqual([503, 201]);
    expect(signed(key)).toHaveLength(1);
    expect(result.steps.find((s) => s.step === 'comment')?.message).not.toContain('990001');
  });
});
