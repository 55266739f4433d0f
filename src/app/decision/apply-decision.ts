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
import { ledgerJournal } from '../sprint/ledger-journal';
import type { Outcome } from '../../domain/outcome';
import { formatDistance } from 'date-fns';
import type { ApplyDecisionPayload, ApplyDecisionResult, DecisionStepName, StepResult } from '../../contract/panel';
import { decide, sameDecision, type TriageDecision } from '../../domain/decision';
import { draftInfoRequest, missingInformation } from '../../domain/missing-information';
import { supportContact } from '../../domain/rotation';
import { triageScope } from '../../domain/triage-scope';
import { readDecisionProperty, writeDecisionProperty } from '../../jira/decision-property';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { classificationOf, rotationOf } from '../settings/project-settings';
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

/**
 * When a recorded decision was made, as these sentences say it: relative to now ("3 minutes ago",
 * "about 2 hours ago"), never an ISO timestamp — the resolver does not know the reader's time zone,
 * and the panel shows the exact time in it next to the decision.
 */
const ago = (iso: string, now: number): string => {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 'earlier' : formatDistance(Math.min(at, now), now, { addSuffix: true });
};

function busy(issueKey: string, accountId: string, holder: LockRecord | null): AppError {
  const who = holder?.accountId === accountId ? 'You are' : 'Another user is';
  return new AppError('CONFLICT', `${who} applying a decision to ${issueKey} right now, so this one was not applied. Reload the panel in a moment to see that decision, then decide again.`);
}

/** What a recorded decision did, in words for a sentence ("decided to send it to the backlog"). */
const DECIDED_TO: Record<Outcome, string> = {
  interrupt: 'to interrupt the sprint with it',
  backlog: 'to send it to the backlog',
  'needs-info': 'to ask for more information',
};

function changed(issueKey: string, accountId: string, recorded: TriageDecision | undefined, now: number): AppError {
  if (!recorded) return new AppError('CONFLICT', `The decision on ${issueKey} changed while you were looking, so yours was not applied. The panel now shows it: decide again if you still disagree.`);
  const who = recorded.decidedBy === accountId ? 'You' : 'Another user';
  return new AppError('CONFLICT', `${who} decided ${DECIDED_TO[recorded.outcome]} ${ago(recorded.decidedAt, now)}, while you were looking, so your decision was not applied. The panel now shows it: decide again if you still disagree.`);
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
  // The panel offers no apply outside the policy's scope, but the server never trusts the client:
  // a Story is not support work and a done ticket has nothing left to triage (issue 12, item 2).
  const scope = triageScope(context.issue.ticket, classificationOf(settings).supportFilter);
  if (!scope.applies) throw new AppError('VALIDATION', `${scope.reason} Nothing was applied.`);
  // An older client does not say what it saw: then the record as it is once the user is known to be
  // allowed (nothing stored is read before that) is the base. Weaker than `basedOn` — an apply that
  // finished while this one read Jira goes unnoticed — which is why the panel always sends it.
  const latestAtStart = payload.basedOn === undefined ? await readLatestDecision(ports.store, request.issueKey) : undefined;

  const now = ports.clock.now();
  const { ticket } = context.issue;
  const { facts, verdict, policyVersion, recordedFacts } = evaluateTicket(ticket, settings, context.policy.policyVersion, now);
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
    facts: recordedFacts,
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
    if (!holds) throw changed(ticket.key, request.accountId, current, now);

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
      recordedAlready: recorded.decision ? `This decision was already recorded on the issue ${ago(recorded.decision.decidedAt, now)}.` : 'This decision was already recorded on the issue.',
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
    await Promise.all([
      invalidateRollup(ports, context, steps, now, waitingChanged),
      projectRegistry.register(ports.store, context.projectKey, now),
      // The app's own writes raise no event (ignoreSelf): the ledger's journal says the ticket changed,
      // so the next reconciliation reads it and Jira's count of changed issues is explained.
      steps.some((s) => s.status === 'done') ? ledgerJournal.record(ports.store, { kind: 'read', issueId: ticket.id, atMs: now }, now, context.projectKey) : undefined,
    ]);
    return { decision: kept, steps, complete: steps.every((s) => s.status !== 'failed'), message: summary(ticket.key, steps, uncertain) };
  } finally {
    await lock.release();
  }
}
