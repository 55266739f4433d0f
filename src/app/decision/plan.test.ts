/**
 * The decision planner on its edge cases (pure, no Jira): what is blocked, what is skipped and why,
 * and which labels change when the product owner changes their mind.
 */
import { aTicket } from '../../../test/builders/ticket';
import { planDecision, previewOf, type PlanInput } from './plan';

const active = { id: 13, name: 'Sprint 13' };
const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  outcome: 'interrupt',
  ticket: aTicket({ labels: ['support'] }),
  hasBoard: true,
  activeSprint: active,
  labels: { interrupt: 'interrupt', deferred: 'deferred' },
  contact: 'acc-1',
  assign: true,
  comment: true,
  canAssign: true,
  canComment: true,
  ...overrides,
});
const actions = (plan: ReturnType<typeof planDecision>) => plan.steps.map((s) => [s.step, s.action]);

describe('planDecision', () => {
  it('plans every interrupt step for a fresh ticket', () => {
    const plan = planDecision(input());
    expect(actions(plan)).toEqual([['move-to-sprint', 'do'], ['labels', 'do'], ['assign', 'do'], ['comment', 'do'], ['record', 'do']]);
    expect(plan).toMatchObject({ targetSprint: active, labels: { add: ['interrupt'], remove: [] }, assignTo: 'acc-1', comment: true, moveToBacklog: false });
  });

  it('blocks the sprint move without a board or an active sprint, saying what to do', () => {
    expect(planDecision(input({ hasBoard: false })).steps[0]).toMatchObject({ action: 'blocked', message: 'The project has no Scrum board, so the ticket cannot be pulled into a sprint.' });
    expect(planDecision(input({ activeSprint: null })).steps[0]).toMatchObject({ action: 'blocked', message: 'The board has no active sprint. Start the sprint, then apply the decision again.' });
  });

  it('skips what is already so, and optional steps the user may not take', () => {
    const ticket = aTicket({ labels: ['interrupt'], sprints: [{ ...active, state: 'active' }], assigneeAccountId: 'acc-1' });
    expect(actions(planDecision(input({ ticket, postedCommentId: '10001' })))).toEqual([['move-to-sprint', 'skip'], ['labels', 'skip'], ['assign', 'skip'], ['comment', 'skip'], ['record', 'do']]);
    const denied = planDecision(input({ canAssign: false, canComment: false }));
    expect(denied.steps.filter((s) => s.action === 'skip').map((s) => s.message)).toEqual([
      'You may not assign issues in this project, so the ticket is not assigned.',
      'You may not comment on this issue, so no comment is posted.',
    ]);
    expect(planDecision(input({ contact: null })).steps[2]?.message).toMatch(/^No support contact is set/);
  });

  it('defers out of a future sprint too, swapping the interrupt label for the deferred one', () => {
    const ticket = aTicket({ labels: ['support', 'interrupt'], sprints: [{ id: 12, name: 'Sprint 12', state: 'closed' }, { id: 14, name: 'Sprint 14', state: 'future' }] });
    const plan = planDecision(input({ outcome: 'backlog', ticket, comment: false }));
    expect(actions(plan)).toEqual([['move-to-backlog', 'do'], ['labels', 'do'], ['record', 'do']]);
    expect(plan.steps[0]?.message).toBe('Move out of Sprint 14 to the backlog.');
    expect(plan).toMatchObject({ moveToBacklog: true, labels: { add: ['deferred'], remove: ['interrupt'] }, assignTo: null, targetSprint: null });
  });

  it('records only for needs-info without comment or label, and the preview drops the internal done sentences', () => {
    const plan = planDecision(input({ outcome: 'needs-info', comment: false, needsInfoLabel: 'needs-info', addNeedsInfoLabel: false }));
    expect(actions(plan)).toEqual([['record', 'do']]);
    expect(previewOf(plan).steps).toEqual([{ step: 'record', action: 'do', message: 'Record the decision on the issue.' }]);
  });

  it('needs-info asks the reporter for what is missing and adds its label, leaving the sprint and the other labels alone', () => {
    const ticket = aTicket({ labels: ['support', 'deferred'], sprints: [{ ...active, state: 'active' }] });
    const plan = planDecision(input({ outcome: 'needs-info', ticket, needsInfoLabel: 'needs-info', addNeedsInfoLabel: true, asked: ['severity', 'priority'] }));
    expect(actions(plan)).toEqual([['labels', 'do'], ['comment', 'do'], ['record', 'do']]);
    expect(plan.labels).toEqual({ add: ['needs-info'], remove: [] });
    expect(plan.steps[1]?.message).toBe('Ask the reporter in a comment for the severity and priority.');
    expect(plan).toMatchObject({ comment: true, targetSprint: null, moveToBacklog: false, assignTo: null });
    const labelled = aTicket({ labels: ['support', 'needs-info'] });
    expect(planDecision(input({ outcome: 'needs-info', ticket: labelled, needsInfoLabel: 'needs-info', addNeedsInfoLabel: true })).steps[0]).toMatchObject({ action: 'skip', message: 'Already labelled needs-info.' });
  });

  it('takes the needs-info label off when the ticket is decided', () => {
    const ticket = aTicket({ labels: ['support', 'needs-info'] });
    expect(planDecision(input({ ticket, needsInfoLabel: 'needs-info' })).labels).toEqual({ add: ['interrupt'], remove: ['needs-info'] });
    expect(planDecision(input({ outcome: 'backlog', ticket: aTicket({ labels: ['needs-info', 'deferred'] }), needsInfoLabel: 'needs-info' })).labels).toEqual({ add: [], remove: ['needs-info'] });
  });
});
