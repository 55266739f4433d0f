/**
 * The issue panel (`panel.get`): is this ticket allowed to interrupt the sprint? For the issue in
 * the Jira context, as the current user (an issue they cannot see is NOT_FOUND, as Jira says):
 * the ticket and its classification, the policy's verdict with its reasons, the recorded decision
 * (or the trigger's suggestion), the active sprint's budget and WIP with this ticket's effect on
 * them, the support contact, what applying each outcome would do, and what this user may do.
 *
 * Cost: two round trips to Jira (see triage-context.ts), at most five requests, never a search: the
 * budget is the stored rollup as it is, and when that is missing or stale `budgetNeedsUpdate` tells
 * the panel to ask `panel.budget` for an up-to-date one (see active-rollup.ts).
 */
import type { PanelView } from '../../contract/panel';
import { mirrorsDecision } from '../../domain/decision';
import { verdictChange } from '../../domain/verdict-change';
import { answeredSince, draftInfoRequest, missingInformation } from '../../domain/missing-information';
import { OUTCOMES, type Outcome } from '../../domain/outcome';
import { supportContact } from '../../domain/rotation';
import { isSupportTicket } from '../../domain/support-filter';
import { triageScope } from '../../domain/triage-scope';
import { readDecisionProperty } from '../../jira/decision-property';
import type { Ports } from '../../ports';
import { classificationOf, rotationOf } from '../settings/project-settings';
import { projectRegistry } from '../storage/sprint-records';
import { readLatestDecision } from '../storage/decision-audit';
import { followUpRecords } from '../storage/follow-ups';
import { followUpsView } from '../follow-ups/follow-up-view';
import { followUpsApply } from '../../domain/follow-ups';
import { sameSuggestion, suggestionRecord } from '../storage/suggestion-record';
import { applyPermissions } from '../decision/apply-permissions';
import { evaluateTicket } from '../decision/evaluate-ticket';
import { planDecision, previewOf } from '../decision/plan';
import { loadTriageContext, projectContextOf, type TriageTarget } from '../decision/triage-context';
import { peopleDirectory } from '../people/people-directory';
import { storedActiveRollup } from './active-rollup';
import { panelBudget, panelWip } from './panel-budget';

export async function getPanel(ports: Ports, target: TriageTarget): Promise<PanelView> {
  const context = await loadTriageContext(ports, target);
  const { settings } = context.loaded;
  const { ticket } = context.issue;
  const now = ports.clock.now();
  const { facts, verdict, policyVersion, recordedFacts } = evaluateTicket(ticket, settings, context.policy.policyVersion, now);
  const recorded = readDecisionProperty(context.issue.property);
  const scope = triageScope(ticket, classificationOf(settings).supportFilter);
  // Only where the policy does not apply does the panel offer admins the link to widen the filter: ask then (3 points).
  const canAdminister = scope.applies ? false : (await ports.jira.people.myPermissions({ projectKey: context.projectKey }, ['ADMINISTER_PROJECTS'])).ADMINISTER_PROJECTS === true;
  const permissions = applyPermissions(context.permissions, context.projectKey, canAdminister);
  const active = context.activeSprint;
  const project = projectContextOf(context);
  const [loadedRollup, latest, suggested] = await Promise.all([
    active && project ? storedActiveRollup(ports, project, active) : Promise.resolve(undefined),
    readLatestDecision(ports.store, ticket.key),
    suggestionRecord.read(ports.store, ticket.key),
    projectRegistry.register(ports.store, context.projectKey, now),
  ]);
  // The app's own record is trusted over the issue property (which anyone who can edit the issue can
  // rewrite); a decision recorded before the app kept its own record is shown from the property.
  const decision = latest.entry?.decision ?? (latest.problem ? undefined : recorded.decision);
  // Issue 14, item 2: a resolved interrupt's follow-ups (a store read; Edit Issues is already in the panel's permissions).
  // None chosen in the settings: nothing is asked for.
  const followUpsShown = settings.followUpKinds.length > 0 && followUpsApply(decision?.outcome, ticket.statusCategory);
  const followUpRecord = followUpsShown ? await followUpRecords.read(ports.store, ticket.key) : undefined;
  const decisionNotes = [
    ...(latest.problem ? [latest.problem] : []),
    ...(latest.entry && !mirrorsDecision(recorded.decision, latest.entry.decision)
      ? ["The decision stored on the issue (its interruptBudget property) differs from Interrupt Budget's own record: it was changed outside the app, or the last apply did not finish. The panel shows the app's record; applying the decision again writes it back to the issue."]
      : []),
    ...(suggested.problem ? [suggested.problem] : []),
    ...(followUpRecord?.problem ? [`Interrupt Budget's record of the follow-ups of ${ticket.key} is damaged; it was ignored, and saving them again replaces it.`] : []),
    ...(!decision && suggested.suggestion && !sameSuggestion(recorded.suggestion, suggested.suggestion)
      ? ["The suggestion stored on the issue (its interruptBudget property) differs from the one Interrupt Budget recorded: it was changed outside the app. The panel shows the app's record."]
      : []),
  ];
  // The app's record of the suggestion over the property's; one from before the record was kept, from the property.
  const suggestion = suggested.suggestion ?? (suggested.problem ? undefined : recorded.suggestion);
  const rollup = loadedRollup && 'rollup' in loadedRollup ? loadedRollup : undefined;
  // What today's verdict is compared with: the verdict the decision was made against, else the suggestion.
  const compared = decision
    ? { outcome: decision.policyOutcome, policyVersion: decision.policyVersion, ...(decision.facts ? { facts: decision.facts } : {}) }
    : suggestion;
  const change = compared ? verdictChange(compared, { outcome: verdict.outcome, policyVersion, facts: recordedFacts }) : ({ changed: false } as const);
  const contact = active ? supportContact(rotationOf(settings), context.sprints.map((s) => s.id), active.id) : null;
  const defaults = { assign: settings.assignToSupportContact, comment: settings.commentOnDecision };
  const preview = (outcome: Outcome) =>
    previewOf(
      planDecision({
        outcome,
        ticket,
        hasBoard: context.board !== null,
        activeSprint: active ? { id: active.id, name: active.name } : null,
        labels: settings.labels,
        contact: contact?.accountId ?? null,
        assign: defaults.assign,
        comment: defaults.comment,
        canAssign: permissions.canAssign,
        canComment: permissions.canComment,
        needsInfoLabel: settings.needsInfo.label,
        addNeedsInfoLabel: settings.needsInfo.addLabel,
        ...(outcome === 'needs-info' ? { asked: missing } : {}),
      }),
    );
  const missing = missingInformation(facts);
  // What the current needs-info decision asked for, as the app recorded it (null: not recorded by the app).
  const asked = decision?.outcome === 'needs-info' ? (latest.entry?.decision.outcome === 'needs-info' ? (latest.entry.asked ?? null) : null) : null;
  const previews = Object.fromEntries(OUTCOMES.map((o) => [o, preview(o)])) as PanelView['previews'];
  // After the store reads (the decider may be in the app's record): one lookup, none when all are remembered.
  // The reporter is named where the view is about asking them (the verdict or the decision is needs info);
  // elsewhere the needs-info choice says "the reporter", so a plain ticket's panel stays in its request budget.
  const reporter = verdict.outcome === 'needs-info' || decision?.outcome === 'needs-info' ? ticket.reporterAccountId : undefined;
  const { people } = await peopleDirectory(ports, [decision?.decidedBy, followUpRecord?.value?.updatedBy, contact?.accountId, ticket.assigneeAccountId, reporter, ...OUTCOMES.map((o) => previews[o].assignTo)]);
  return {
    ticket: {
      key: ticket.key,
      id: ticket.id,
      summary: ticket.summary ?? null,
      issueType: ticket.issueType,
      statusCategory: ticket.statusCategory,
      status: ticket.statusName ?? null,
      isSupport: isSupportTicket(ticket, classificationOf(settings).supportFilter),
      labels: [...ticket.labels],
      assigneeAccountId: ticket.assigneeAccountId ?? null,
      inActiveSprint: active !== undefined && ticket.sprints.some((s) => s.id === active.id),
    },
    scope,
    priority: { level: facts.priority, name: ticket.priorityName ?? null },
    severity: { level: facts.severity, value: ticket.severityValue ?? null },
    sla: { state: facts.sla.state, clockName: facts.sla.clockName ?? null, remainingMs: facts.sla.remainingMs ?? null },
    verdict: { outcome: verdict.outcome, ruleId: verdict.ruleId, ruleName: verdict.ruleName, reasons: [...verdict.reasons], policyVersion },
    decision: decision ?? null,
    suggestion: decision ? null : (suggestion ?? null),
    activeSprint: active ? { id: active.id, name: active.name } : null,
    budget: rollup ? panelBudget(rollup, ticket, settings) : null,
    wip: rollup ? panelWip(rollup.rollup, ticket, settings) : null,
    budgetNeedsUpdate: active !== undefined && project !== undefined && (rollup === undefined || rollup.stale),
    supportContact: contact,
    defaults,
    previews,
    permissions,
    verdictChange: change,
    infoRequest: {
      missing,
      draft: draftInfoRequest(missing),
      reporterAccountId: ticket.reporterAccountId ?? null,
      label: settings.needsInfo.label,
      addLabelByDefault: settings.needsInfo.addLabel,
      asked,
      answered: asked ? answeredSince(asked, facts) : [],
    },
    followUps: followUpRecord ? followUpsView(followUpRecord.value, settings.followUpKinds, context.permissions.EDIT_ISSUES, context.projectKey) : null,
    notes: [...context.notes, ...decisionNotes, ...(loadedRollup?.notes ?? []), ...(active ? [] : context.board ? ['The board has no active sprint, so there is no support budget to show. Start a sprint to see it.'] : [])],
    people,
  };
}
