/**
 * `panel.applyDecision` under attack and under faults: refusals that write nothing, a context that
 * beats the payload, and Jira refusing requests (a 429 storm, one step refused, the record refused)
 * — each reported exactly, and finished by applying again without a duplicate.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { ApplyDecisionResult, StepResult } from '../../contract/panel';
import { MemoryStore } from '../storage/memory-store';
import { NOW, recordingClock } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { writesTo } from '../../../test/builders/sim-requests';

let sim: Simulator;
let store: MemoryStore;
let panel: ResolverHarness;
let retrying: ResolverHarness;
let activeId: number;

const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const signed = (key: string) => issue(key).comments.filter((c) => JSON.stringify(c.body).includes('Recorded by Interrupt Budget (decision: interrupt)'));
const stepOf = (result: ApplyDecisionResult, step: StepResult['step']) => result.steps.find((s) => s.step === step);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  store = new MemoryStore();
  panel = resolverHarness(sim, { store });
  retrying = resolverHarness(sim, { store, httpClock: recordingClock });
  activeId = sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active')?.id ?? -1;
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

describe('refusals write nothing', () => {
  it('an override without a reason is VALIDATION, before any write', async () => {
    const answer = await panel.call('po', 'panel.applyDecision', { outcome: 'backlog', reason: '   ' }, { issueKey: 'SUP-247' });
    expect(answer).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'The policy says "interrupt"; to choose "backlog" instead, give a reason.', fields: { reason: 'The policy says "interrupt"; to choose "backlog" instead, give a reason.' } } });
    expect(writesTo(sim)).toEqual([]);
  });

  it('an invalid payload is VALIDATION with a readable message', async () => {
    const answer = await panel.call('po', 'panel.applyDecision', { outcome: 'ship-it' }, { issueKey: 'SUP-247' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'The request is not valid (outcome): choose interrupt, backlog or needs-info.' } });
    expect(sim.requests()).toEqual([]);
  });

  it('a developer gets FORBIDDEN with what to ask for, and a spoofed accountId in the payload changes nothing', async () => {
    const answer = await panel.call('dev', 'panel.applyDecision', { outcome: 'interrupt', accountId: sim.users.po.accountId }, { issueKey: 'SUP-247' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('needs the Edit Issues and Schedule Issues permissions in SUP') } });
    expect(writesTo(sim)).toEqual([]);
  });

  it('an outsider gets NOT_FOUND', async () => {
    const answer = await panel.call('outsider', 'panel.applyDecision', { outcome: 'interrupt' }, { issueKey: 'SUP-247' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(writesTo(sim)).toEqual([]);
  });
});

describe('the context beats the payload', () => {
  it('applies to the issue in the context, not one named in the payload, as the calling user', async () => {
    const other = JSON.stringify(issue('SUP-254'));
    const result = dataOf<ApplyDecisionResult>(
      await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: false, issueKey: 'SUP-254', issue: { key: 'SUP-254' }, accountId: sim.users.admin.accountId, decidedBy: sim.users.admin.accountId }, { issueKey: 'SUP-237' }),
    );
    expect(result.complete).toBe(true);
    expect(result.decision.decidedBy).toBe(sim.users.po.accountId);
    expect(issue('SUP-237').labels).toContain('interrupt');
    expect(issue('SUP-237').properties.interruptBudget).toMatchObject({ decidedBy: sim.users.po.accountId });
    expect(JSON.stringify(issue('SUP-254'))).toBe(other);
    expect(writesTo(sim).every((w) => w.includes('SUP-237') || w.startsWith('moveIssues'))).toBe(true);
  });
});

describe('faults', () => {
  it('a 429 storm: what is reported done is done, what failed is not, and applying again finishes without duplicates', async () => {
    sim.faults.set({ rateLimit: { fraction: 0.4, headers: 'retry-after', retryAfterSeconds: 1 } });
    const answer = await retrying.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: true }, { issueKey: 'SUP-244' });
    sim.faults.clear();
    expect(sim.requests().some((r) => r.status === 429)).toBe(true);
    if (answer.ok) {
      const result = answer.data as ApplyDecisionResult;
      const state = {
        'move-to-sprint': issue('SUP-244').sprintIds.includes(activeId),
        labels: issue('SUP-244').labels.includes('interrupt'),
        comment: signed('SUP-244').length === 1,
        record: (issue('SUP-244').properties.interruptBudget as { outcome?: string }).outcome === 'interrupt',
      };
      for (const step of result.steps) expect([step.step, step.status === 'done']).toEqual([step.step, state[step.step as keyof typeof state]]);
      expect(result.complete).toBe(result.steps.every((s) => s.status === 'done'));
    } else {
      // A read ran out of retries: nothing was written.
      expect(answer.error.code).toBe('RATE_LIMITED');
      expect(writesTo(sim).filter((w) => sim.requests().some((r) => `${r.operationId} ${r.path}` === w && r.status < 300))).toEqual([]);
    }
    const again = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: true }, { issueKey: 'SUP-244' }));
    expect(again.complete).toBe(true);
    expect(issue('SUP-244').sprintIds).toContain(activeId);
    expect(issue('SUP-244').labels.filter((l) => l === 'interrupt')).toHaveLength(1);
    expect(signed('SUP-244')).toHaveLength(1);
    expect(issue('SUP-244').properties.interruptBudget).toMatchObject({ outcome: 'interrupt' });
  });

  it('one step refused to the end: the others are done, the result names it, and a re-run sends only that step', async () => {
    sim.faults.set({ rateLimit: { operationId: 'addComment', headers: 'retry-after', retryAfterSeconds: 1 } });
    const result = dataOf<ApplyDecisionResult>(await retrying.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: true }, { issueKey: 'SUP-247' }));
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([['move-to-sprint', 'done'], ['labels', 'done'], ['comment', 'failed'], ['record', 'done']]);
    expect(stepOf(result, 'comment')?.message).toBe('Could not post a comment with the verdict and its reasons: Jira is busy and asked the app to slow down. Try again in 1 second.');
    expect(result).toMatchObject({ complete: false, message: '1 of 4 steps did not complete (comment). What is done stays done: apply the decision again to finish the rest.' });
    expect(signed('SUP-247')).toHaveLength(0);

    sim.faults.clear();
    sim.clearRequests();
    const again = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: true }, { issueKey: 'SUP-247' }));
    expect(again.steps.map((s) => [s.step, s.status])).toEqual([['move-to-sprint', 'skipped'], ['labels', 'skipped'], ['comment', 'done'], ['record', 'skipped']]);
    // When it was recorded, in words a reader takes in (issue 12, item 6), not an ISO timestamp.
    expect(stepOf(again, 'record')?.message).toBe('This decision was already recorded on the issue less than a minute ago.');
    expect(writesTo(sim)).toEqual(['addComment /rest/api/3/issue/SUP-247/comment']);
    expect(signed('SUP-247')).toHaveLength(1);
  });

  it('the record refused after the comment was posted: the re-run finds the signed comment and does not post another', async () => {
    sim.faults.set({ rateLimit: { operationId: 'setIssueProperty', headers: 'retry-after', retryAfterSeconds: 1 } });
    const result = dataOf<ApplyDecisionResult>(await retrying.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: true }, { issueKey: 'SUP-248' }));
    expect(stepOf(result, 'comment')?.status).toBe('done');
    expect(stepOf(result, 'record')?.status).toBe('failed');
    expect(issue('SUP-248').properties.interruptBudget).toBeUndefined();

    sim.faults.clear();
    sim.clearRequests();
    const again = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'interrupt', comment: true }, { issueKey: 'SUP-248' }));
    expect(stepOf(again, 'comment')).toEqual({ step: 'comment', status: 'skipped', message: `Already commented (comment ${signed('SUP-248')[0]?.id}).` });
    expect(writesTo(sim)).toEqual(['setIssueProperty /rest/api/3/issue/SUP-248/properties/interruptBudget']);
    expect(signed('SUP-248')).toHaveLength(1);
    expect(issue('SUP-248').properties.interruptBudget).toMatchObject({ outcome: 'interrupt', decidedBy: sim.users.po.accountId });
  });
});
