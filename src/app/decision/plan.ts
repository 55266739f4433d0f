/**
 * What applying an outcome to a ticket takes, step by step, worked out from the ticket as it is now
 * (pure: no Jira, no clock). Planning against the current state is what makes applying idempotent:
 * a step whose effect is already there is a `skip`, so applying again — after a success, or after
 * Jira failed half-way — does only what is still missing. The panel shows the same plan as a preview.
 *
 * - interrupt: into the board's active sprint, the interrupt label on (the deferred one off, the PO
 *   changed their mind), optionally assigned to the sprint's support contact, optionally a comment;
 * - backlog: out of any active or future sprint, the deferred label on (the interrupt one off),
 *   optionally a comment;
 * - needs-info (issue 12, item 4): optionally a comment asking the reporter for what the policy could
 *   not decide without (the items in `asked`), optionally the needs-info label; then recorded. The
 *   app's interrupt and deferred labels are left as they are: needs-info is a question, not a
 *   decision about the sprint, so it moves and unlabels nothing.
 * - interrupt and backlog also take the needs-info label off when it is on: the ticket is decided,
 *   so it no longer waits for information (and leaves the dashboard's "Waiting for information").
 */
import type { DecisionStepName, OutcomePreview, PlannedStep } from '../../contract/panel';
import { itemList, type MissingItem } from '../../domain/missing-information';
import type { Outcome } from '../../domain/outcome';
import type { Ticket } from '../../domain/ticket';

export interface PlanInput {
  readonly outcome: Outcome;
  readonly ticket: Pick<Ticket, 'key' | 'labels' | 'sprints' | 'assigneeAccountId'>;
  readonly hasBoard: boolean;
  readonly activeSprint: { readonly id: number; readonly name: string } | null;
  readonly labels: { readonly interrupt: string; readonly deferred: string };
  /** The active sprint's support contact (accountId), if the rotation names one. */
  readonly contact: string | null;
  readonly assign: boolean;
  readonly comment: boolean;
  /** False: the user may not assign; null: not known until Jira is asked to assign (a refusal is then a skipped step). */
  readonly canAssign: boolean | null;
  readonly canComment: boolean;
  /** A comment the app already posted for this outcome (apply looks it up; the panel does not). */
  readonly postedCommentId?: string | null;
  /** The label a needs-info decision adds (and any other decision removes); none: no such label. */
  readonly needsInfoLabel?: string;
  /** For needs-info: add `needsInfoLabel`. */
  readonly addNeedsInfoLabel?: boolean;
  /** For needs-info: what the comment asks the reporter for. */
  readonly asked?: readonly MissingItem[];
}

/** A planned step, with the sentence to report once it is done. */
export interface PlanStep extends PlannedStep {
  readonly doneMessage: string;
}

export interface DecisionPlan extends Omit<OutcomePreview, 'steps'> {
  readonly steps: readonly PlanStep[];
}

const step = (name: DecisionStepName, action: PlanStep['action'], message: string, doneMessage = message): PlanStep => ({ step: name, action, message, doneMessage });
const has = (labels: readonly string[], label: string): boolean => labels.includes(label);

function sprintStep(input: PlanInput): PlanStep {
  const sprint = input.activeSprint;
  if (!input.hasBoard) return step('move-to-sprint', 'blocked', 'The project has no Scrum board, so the ticket cannot be pulled into a sprint.');
  if (!sprint) return step('move-to-sprint', 'blocked', 'The board has no active sprint. Start the sprint, then apply the decision again.');
  if (input.ticket.sprints.some((s) => s.id === sprint.id)) return step('move-to-sprint', 'skip', `Already in ${sprint.name}.`);
  return step('move-to-sprint', 'do', `Move into ${sprint.name}.`, `Moved into ${sprint.name}.`);
}

function backlogStep(input: PlanInput): PlanStep {
  const open = input.ticket.sprints.filter((s) => s.state !== 'closed');
  if (open.length === 0) return step('move-to-backlog', 'skip', 'Not in an active or future sprint, so it is already in the backlog.');
  const names = open.map((s) => s.name).join(' and ');
  return step('move-to-backlog', 'do', `Move out of ${names} to the backlog.`, `Moved out of ${names} to the backlog.`);
}

function labelChange(input: PlanInput): { add: string[]; remove: string[] } {
  const { interrupt, deferred } = input.labels;
  const labels = input.ticket.labels;
  const info = input.needsInfoLabel;
  if (input.outcome === 'needs-info') return { add: info && input.addNeedsInfoLabel && !has(labels, info) ? [info] : [], remove: [] };
  const [wanted, unwanted] = input.outcome === 'interrupt' ? [interrupt, deferred] : [deferred, interrupt];
  const remove = [unwanted, ...(info ? [info] : [])].filter((l, i, all) => l !== wanted && has(labels, l) && all.indexOf(l) === i);
  return { add: has(labels, wanted) ? [] : [wanted], remove };
}

function wantedLabel(input: PlanInput): string {
  if (input.outcome === 'needs-info') return input.needsInfoLabel ?? '';
  return input.outcome === 'interrupt' ? input.labels.interrupt : input.labels.deferred;
}

function labelStep(input: PlanInput, change: { add: string[]; remove: string[] }): PlanStep {
  const wanted = wantedLabel(input);
  if (change.add.length === 0 && change.remove.length === 0) return step('labels', 'skip', `Already labelled ${wanted}.`);
  const parts = [...change.add.map((l) => `add the label ${l}`), ...change.remove.map((l) => `remove the label ${l}`)].join(' and ');
  const done = [...change.add.map((l) => `added the label ${l}`), ...change.remove.map((l) => `removed the label ${l}`)].join(' and ');
  return step('labels', 'do', `${parts[0]?.toUpperCase()}${parts.slice(1)}.`, `${done[0]?.toUpperCase()}${done.slice(1)}.`);
}

/** The assign step's sentence when the user may not assign (known up front, or from Jira's refusal). */
export const ASSIGN_DENIED_STEP = 'You may not assign issues in this project, so the ticket is not assigned.';

function assignStep(input: PlanInput): PlanStep {
  if (input.canAssign === false) return step('assign', 'skip', ASSIGN_DENIED_STEP);
  if (!input.contact) return step('assign', 'skip', 'No support contact is set for this sprint: set up the rotation in the project settings to assign automatically.');
  if (input.ticket.assigneeAccountId === input.contact) return step('assign', 'skip', 'Already assigned to the support contact.');
  return step('assign', 'do', 'Assign to the support contact.', 'Assigned to the support contact.');
}

function commentStep(input: PlanInput): PlanStep {
  if (!input.canComment) return step('comment', 'skip', 'You may not comment on this issue, so no comment is posted.');
  if (input.postedCommentId) return step('comment', 'skip', `Already commented (comment ${input.postedCommentId}).`);
  if (input.outcome === 'needs-info') {
    const what = itemList(input.asked ?? ['impact']).toLowerCase();
    return step('comment', 'do', `Ask the reporter in a comment for the ${what}.`, `Asked the reporter in a comment for the ${what}.`);
  }
  return step('comment', 'do', 'Post a comment with the verdict and its reasons.', 'Posted a comment with the verdict and its reasons.');
}

export function planDecision(input: PlanInput): DecisionPlan {
  const steps: PlanStep[] = [];
  const none = { add: [] as string[], remove: [] as string[] };
  let labels = none;
  if (input.outcome !== 'needs-info') {
    steps.push(input.outcome === 'interrupt' ? sprintStep(input) : backlogStep(input));
    labels = labelChange(input);
    steps.push(labelStep(input, labels));
    if (input.outcome === 'interrupt' && input.assign) steps.push(assignStep(input));
  } else if (input.addNeedsInfoLabel && input.needsInfoLabel) {
    labels = labelChange(input);
    steps.push(labelStep(input, labels));
  }
  if (input.comment) steps.push(commentStep(input));
  steps.push(step('record', 'do', 'Record the decision on the issue.', 'Recorded the decision on the issue.'));
  return {
    outcome: input.outcome,
    targetSprint: input.outcome === 'interrupt' && input.activeSprint ? { id: input.activeSprint.id, name: input.activeSprint.name } : null,
    moveToBacklog: steps.some((s) => s.step === 'move-to-backlog' && s.action === 'do'),
    labels,
    assignTo: input.outcome === 'interrupt' && input.assign ? input.contact : null,
    comment: input.comment,
    steps,
  };
}

/** The plan as the contract shows it (without the internal done sentences). */
export function previewOf(plan: DecisionPlan): OutcomePreview {
  return { ...plan, steps: plan.steps.map(({ step: name, action, message }) => ({ step: name, action, message })) };
}
