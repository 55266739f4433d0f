/**
 * Carry out a decision plan against Jira and report every step. The steps touch different parts of
 * the issue (sprint, labels, assignee, comments, the decision property), so they run side by side in
 * one round trip; each one's failure is caught and reported on its own, so one refused request never
 * hides what the others did. Skipped and blocked steps send nothing.
 *
 * A step Jira may or may not have done (the comment, when Jira did not answer the post and the
 * client could not check: `UncertainWrite`) is not done and not simply failed either: it is reported
 * as failed with the sentence saying what may have happened, and named in `uncertain`.
 */
import type { DecisionStepName, StepResult } from '../../contract/panel';
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import { JiraError, UncertainWrite } from '../../jira/errors';
import { isPlatformSignal } from '../../jira/transport';
import type { JiraPort } from '../../ports';
import { AppError } from '../app-error';
import { ASSIGN_DENIED_STEP, type DecisionPlan, type PlanStep } from './plan';

export interface StepPayloads {
  /** The ADF comment to post, when the plan posts one. */
  readonly comment: unknown;
  /** A string unique to this comment that it contains, so a post Jira did not answer can be found. */
  readonly commentRef?: string;
  /** The decision property value to write; null when the same decision is already recorded. */
  readonly property: unknown;
  /** Why `record` is skipped when `property` is null. */
  readonly recordedAlready: string;
}

const reasonOf = (error: unknown): string => {
  if (error instanceof JiraError) return error.userMessage;
  if (error instanceof AppError) return error.message;
  return 'Something went wrong in Interrupt Budget. Apply the decision again; if it keeps failing, tell your Jira admin.';
};

/** A step Jira told us the user may not do: reported as skipped, as when that was known before. */
class SkippedStep extends Error {}

const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`.replace(/\.$/, '');

async function run(jira: JiraPort, issueKey: string, plan: DecisionPlan, payloads: StepPayloads, s: PlanStep, post: () => Promise<string>): Promise<string> {
  switch (s.step) {
    case 'move-to-sprint':
      if (!plan.targetSprint) throw new AppError('INTERNAL', 'No target sprint.');
      await jira.agile.moveToSprint(plan.targetSprint.id, [issueKey]);
      return s.doneMessage;
    case 'move-to-backlog':
      await jira.agile.moveToBacklog([issueKey]);
      return s.doneMessage;
    case 'labels':
      await jira.issues.updateLabels(issueKey, plan.labels);
      return s.doneMessage;
    case 'assign':
      try {
        await jira.issues.assign(issueKey, plan.assignTo);
      } catch (error) {
        // Assign Issues is not asked up front (triage-context.ts): Jira's refusal is the answer.
        if (error instanceof JiraError && error.kind === 'Forbidden') throw new SkippedStep(ASSIGN_DENIED_STEP);
        throw error;
      }
      return s.doneMessage;
    case 'comment': {
      const id = await post();
      return `${s.doneMessage.replace(/\.$/, '')} (comment ${id}).`;
    }
    case 'record':
      await jira.issues.setProperty(issueKey, DECISION_PROPERTY_KEY, payloads.property);
      return s.doneMessage;
  }
}

export interface Executed {
  readonly steps: StepResult[];
  /** Steps that may or may not have been done in Jira (each reported failed, with what to check). */
  readonly uncertain: readonly DecisionStepName[];
  /** The id of the comment posted, when the comment step was done. */
  readonly commentId: string | null;
}

export async function executePlan(jira: JiraPort, issueKey: string, plan: DecisionPlan, payloads: StepPayloads): Promise<Executed> {
  let commentId: string | null = null;
  const post = async (): Promise<string> => {
    const id = await jira.issues.addComment(issueKey, payloads.comment, payloads.commentRef ? { marker: payloads.commentRef } : {});
    commentId = id;
    return id;
  };
  const steps = plan.steps.map((s) => (s.step === 'record' && payloads.property === null ? { ...s, action: 'skip' as const, message: payloads.recordedAlready } : s));
  const settled = await Promise.allSettled(steps.map((s) => (s.action === 'do' ? run(jira, issueKey, plan, payloads, s, post) : Promise.resolve(s.message))));
  // Forge asking for the user's consent is not a failed step: it must reach the platform.
  const signal = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected' && isPlatformSignal(o.reason));
  if (signal) throw signal.reason;
  const uncertain = steps.filter((s, i) => s.action === 'do' && settled[i]?.status === 'rejected' && (settled[i] as PromiseRejectedResult).reason instanceof UncertainWrite).map((s) => s.step);
  const results = steps.map((s, i): StepResult => {
    const outcome = settled[i];
    if (s.action === 'skip') return { step: s.step, status: 'skipped', message: s.message };
    if (s.action === 'blocked') return { step: s.step, status: 'failed', message: s.message };
    if (outcome?.status === 'fulfilled') return { step: s.step, status: 'done', message: outcome.value };
    if (outcome?.reason instanceof SkippedStep) return { step: s.step, status: 'skipped', message: outcome.reason.message };
    // Not "could not": it may well have been done.
    if (outcome?.reason instanceof UncertainWrite) return { step: s.step, status: 'failed', message: outcome.reason.userMessage };
    return { step: s.step, status: 'failed', message: `Could not ${lowerFirst(s.message)}: ${reasonOf(outcome?.reason)}` };
  });
  return { steps: results, uncertain, commentId };
}
