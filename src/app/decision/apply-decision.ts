/**
 * Apply decision (`panel.applyDecision`): the product owner's outcome for the ticket in context,
 * carried out in Jira and recorded on the issue.
 *
 * Order of business: load (two round trips, reads only), check the user may apply and that an
 * override has a reason — both refused before anything is written — then plan against the ticket as
 * it is and run the steps, the decision property included, side by side (the third round trip).
 * Re-applying plans again from the new state, so it does only what is missing: labels already there,
 * a sprint already joined, a comment the app already signed for this outcome, the same decision
 * already recorded are all skipped. Finally the active sprint's stored rollup is dropped when the
 * decision changed it, so the next view recomputes the budget with this ticket in it.
 *
 * One apply at a time per issue (issue 11, F4): once the user is known to be allowed, apply takes
 * the issue's apply lock (apply-lock.ts; the loser answers CONFLICT and writes nothing in Jira),
 * then reads the app's own record of the decision (storage/decision-audit.ts) and answers CONFLICT
 * when it is no longer the one the panel based itself on (`basedOn`; for a client that does not
 * send it, the one recorded when this apply began). The decision is written to that record before
 * the lock is released, so the next apply sees it. The record, not the issue property (which
 * anyone who can edit the issue can rewrite), decides whether the app already commented.
 */
import type { ApplyDecisionPayload, ApplyDecisionResult, DecisionStepName, StepResult } from '../../contract/panel';
import { decide, sameDecision, type TriageDecision } from '../../domain/decision';
import { draftInfoRequest, missingInformation } from '../../domain/missing-information';
import { supportContact } from '../../domain/rotation';
import { readDecisionProperty, writeDecisionProperty } from '../../jira/decision-property';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { rotationOf } from '../settings/project-settings';
import { projectRegistry, sprintRecords } from '../storage/sprint-records';
import { applyPermissions } from './apply-permissions';
import { readLatestDecision, recordDecision, type LatestDecision } from '../storage/decision-audit';
import { acquireApplyLock, type LockRecord } from './apply-lock';
import { decisionComment, infoRequestComment, newCommentRef, postedCommentFor } from './decision-comment';
import { evaluateTicket } from './evaluate-ticket';
import { executePlan } from './execute-plan';
import { planDecision } from './plan';
import { loadTriageContext, type TriageContext, type TriageTarget } from './triage-context';

export interface ApplyRequest extends TriageTarget {
  /** The trusted caller (context.accountId), never the payload. */
  readonly accountId: string;
}


function summary(issueKey: string, steps: readonly StepResult[], uncertain: readonly DecisionStepName[]): string {
  const failed = steps.filter((s) => s.status === 'failed');
  if (failed.length === 0) return `The decision is applied to ${issueKey}.`;
  const names = failed.map((s) => s.step).join(', ');
  const head = `${failed.length} of ${steps.length} steps did not complete (${names}).`;
  // Only the comment can be uncertain (the one write that is not idempotent).
  if (uncertain.length > 0) return `${head} Jira did not confirm the comment, so it may have been posted: check the issue's comments before applying the decision again.`;
  return `${head} What is done stays done: apply the decision again to finish the rest.`;
}

/**
 * Mark the active sprint's numbers out of date when this decision changed what the sprint counts:
 * views keep showing the stored rollup (marked stale) until it is brought up to date, which then
 * reads the ticket again (it was updated, so the incremental update finds it). The mark is its own
 * record with the time, not a field of the rollup: a rollup whose reads began before this moment and
 * that is written after it stays stale (freshness.ts), instead of erasing the mark.
 */
async function invalidateRollup(ports: Ports, context: TriageContext, steps: readonly StepResult[], now: number, waitingChanged: boolean): Promise<void> {
  const sprint = context.activeSprint;
  if (!sprint || !steps.some((s) => s.status === 'done')) return;
  // The ledger's "Waiting for information" (issue 12, item 4) follows needs-info decisions wherever the ticket is.
  const touched = waitingChanged || context.issue.ticket.sprints.some((s) => s.id === sprint.id) || steps.some((s) => s.step === 'move-to-sprint' && s.status === 'done');
  if (!touched) return;
  await sprintRecords.invalidation.write(ports.store, context.projectKey, { schemaVersion: 1, sprintId: sprint.id, at: now });
}

const clockTime = (iso: string): string => `${new Date(Date.parse(iso)).toISOString().slice(11, 16)} UTC`;

function busy(issueKey: string, accountId: string, holder: LockRecord | null): AppError {
  const who = holder?.accountId === accountId ? 'You are' : 'Another user is';
  return new AppError('CONFLICT', `${who} applying a decision to ${issueKey} right now, so this one was not applied. Reload the panel in a moment to see that decision, then decide again.`);
}

function changed(issueKey: string, accountId: string, recorded: TriageDecision | undefined): AppError {
  if (!recorded) return new AppError('CONFLICT', `The decision on ${issueKey} changed while you were looking, so yours was not applied. Reload the panel to see it, then decide again.`);
  const who = recorded.decidedBy === accountId ? 'You' : 'Another user';
  return new AppError('CONFLICT', `${who} decided ${recorded.outcome} at ${clockTime(recorded.decidedAt)} while you were looking, so your decision was not applied. Reload the panel to see it, then decide again.`);
}

/** The decision the app holds for the issue: its own record, else (decided before the record existed) the property. */
const recordedDecision = (latest: LatestDecision, property: TriageDecision | undefined): TriageDecision | undefined => latest.entry?.decision ?? (latest.problem ? undefined : property);

function basedOnHolds(basedOn: NonNullable<ApplyDecisionPayload['basedOn']> | null, recorded: TriageDecision | undefined): boolean {
  if (basedOn === null) return recorded === undefined;
  return recorded !== undefined && recorded.outcome === basedOn.outcome && Date.parse(recorded.decidedAt) === Date.parse(basedOn.decidedAt);
}

export async function applyDecision(ports: Ports, request: ApplyRequest, payload: ApplyDecisionPayload): Promise<ApplyDecisionResult> {
  const wantsComment = (commentOnDecision: boolean) => payload.comment ?? commentOnDecision;
  const context = await loadTriageContext(ports, request, { comments: (settings) => wantsComment(settings.commentOnDecision) });
  const { settings } = context.loaded;
  const allowed = applyPermissions(context.permissions, context.projectKey);
  if (allowed.reason !== null) throw new AppError('FORBIDDEN', allowed.reason);
  // An older client does not say what it saw: then the record as it is once the user is known to be
  // allowed (nothing stored is read before that) is the base. Weaker than `basedOn` — an apply that
  // finished while this one read Jira goes unnoticed — which is why the panel always sends it.
  const latestAtStart = payload.basedOn === undefined ? await readLatestDecision(ports.store, request.issueKey) : undefined;

  const now = ports.clock.now();
  const { ticket } = context.issue;
  const { facts, verdict, policyVersion } = evaluateTicket(ticket, settings, context.policy.policyVersion, now);
  // Needs info (issue 12, item 4): what the policy cannot decide without is what the reporter is asked for.
  const asked = payload.outcome === 'needs-info' ? missingInformation(facts) : undefined;
  const active = context.activeSprint;
  const decided = decide({
    outcome: payload.outcome,
    verdict,
    policyVersion,
    ...(payload.reason !== undefined ? { reason: payload.reason } : {}),
    decidedBy: request.accountId,
    decidedAt: new Date(now),
    ...(active ? { sprintId: active.id } : {}),
  });
  if (!decided.ok) throw new AppError('VALIDATION', decided.error, { reason: decided.error });
  const { decision } = decided;

  const lock = await acquireApplyLock(ports.store, ticket.key, request.accountId, now);
  if (!lock.ok) throw busy(ticket.key, request.accountId, lock.holder);
  try {
    const recorded = readDecisionProperty(context.issue.property);
    const latest = await readLatestDecision(ports.store, ticket.key);
    const current = recordedDecision(latest, recorded.decision);
    const holds = payload.basedOn !== undefined ? basedOnHolds(payload.basedOn, current) : latestAtStart?.entry?.seq === latest.entry?.seq;
    if (!holds) throw changed(ticket.key, request.accountId, current);

    const sameAsLatest = latest.entry !== undefined && sameDecision(latest.entry.decision, decision);
    const kept = sameAsLatest && latest.entry ? latest.entry.decision : decision;
    const posted = postedCommentFor(latest.entry, context.comments ?? [], payload.outcome);
    const contact = active ? supportContact(rotationOf(settings), context.sprints.map((s) => s.id), active.id) : null;
    const plan = planDecision({
      outcome: payload.outcome,
      ticket,
      hasBoard: context.board !== null,
      activeSprint: active ? { id: active.id, name: active.name } : null,
      labels: settings.labels,
      contact: contact?.accountId ?? null,
      assign: payload.assign ?? settings.assignToSupportContact,
      comment: wantsComment(settings.commentOnDecision),
      canAssign: allowed.canAssign,
      canComment: allowed.canComment,
      postedCommentId: posted,
      needsInfoLabel: settings.needsInfo.label,
      addNeedsInfoLabel: payload.label ?? settings.needsInfo.addLabel,
      ...(asked ? { asked } : {}),
    });
    // The property mirrors the app's record; one changed outside the app is written back.
    const unchanged = sameDecision(recorded.decision, kept);
    const commentRef = newCommentRef();
    const { steps, uncertain, commentId } = await executePlan(ports.jira, ticket.key, plan, {
      comment: asked
        ? infoRequestComment(kept, ticket.reporterAccountId ?? null, payload.request ?? draftInfoRequest(asked), commentRef)
        : decisionComment(kept, verdict, plan.targetSprint?.name ?? null, commentRef),
      commentRef,
      property: unchanged ? null : writeDecisionProperty(kept, recorded.suggestion),
      recordedAlready: `This decision was already recorded on ${recorded.decision?.decidedAt ?? 'the issue'}.`,
    });
    // Recorded once something of it reached Jira (or the issue already carries it).
    const reached = steps.some((s) => s.status === 'done') || steps.some((s) => s.step === 'record' && s.status === 'skipped');
    const commentUnconfirmed = uncertain.includes('comment');
    if (reached || commentUnconfirmed) {
      await recordDecision(ports.store, ticket.key, latest.entry, {
        decision: kept,
        commentId: commentId ?? (sameAsLatest ? posted : null),
        ...(commentUnconfirmed ? { commentRef } : {}),
        recordedAt: now,
        sameAsLatest,
        ...(asked ? { asked } : {}),
      });
    }
    const waitingChanged = kept.outcome === 'needs-info' || current?.outcome === 'needs-info';
    await Promise.all([invalidateRollup(ports, context, steps, now, waitingChanged), projectRegistry.register(ports.store, context.projectKey, now)]);
    return { decision: kept, steps, complete: steps.every((s) => s.status !== 'failed'), message: summary(ticket.key, steps, uncertain) };
  } finally {
    await lock.release();
  }
}
