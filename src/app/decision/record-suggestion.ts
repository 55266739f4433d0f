/**
 * The issue trigger's use case: evaluate the policy for a ticket and record the verdict as the
 * *suggestion* in the decision property (for JQL) and in app storage (what the panel trusts:
 * storage/suggestion-record.ts), for the panel to show until the product owner decides.
 *
 * It acts as the app (there is no user), so it writes as little as it can and never what is not its
 * own: only support tickets; only when the suggestion changed (outcome, rule or policy version — not
 * merely the time it was evaluated), so repeated events write nothing; and never once a decision is
 * recorded (even one it cannot read), since the PO's word replaces the suggestion. The property is
 * read again just before writing, which keeps a PO applying a decision at that moment from being
 * overwritten.
 *
 * One decision does not end the trigger's interest: needs-info (issue 12, item 4) is a question to
 * the reporter, so when its ticket changes the policy is asked again and the app's suggestion record
 * follows the new verdict (the panel then says the information arrived). The issue property is not
 * touched then: it holds the product owner's decision, which the app, acting as itself, never
 * rewrites; the record is what the panel and dashboard trust anyway.
 */
import type { SuggestedVerdict } from '../../domain/decision';
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import { isSupportTicket } from '../../domain/support-filter';
import { readDecisionProperty, writeDecisionProperty } from '../../jira/decision-property';
import type { Ports } from '../../ports';
import { classificationOf, withSiteOrder } from '../settings/project-settings';
import { fieldSource } from '../storage/field-list';
import { loadPolicyVersion } from '../storage/policy-versions';
import { loadSettings, type LoadedSettings } from '../storage/settings-repository';
import { siteOrderSource } from '../storage/site-order';
import { readLatestDecision } from '../storage/decision-audit';
import { sameSuggestion, suggestionRecord } from '../storage/suggestion-record';
import { evaluateTicket } from './evaluate-ticket';
import { readIssue } from './issue-snapshot';
import type { TriageTarget } from './triage-context';

export type SuggestionOutcome =
  | { readonly status: 'written'; readonly suggestion: SuggestedVerdict }
  | { readonly status: 'unchanged'; readonly suggestion: SuggestedVerdict }
  | { readonly status: 'ignored'; readonly reason: string };

const ignored = (reason: string): SuggestionOutcome => ({ status: 'ignored', reason });
const decidedOrUnreadable = (property: unknown): boolean => {
  const read = readDecisionProperty(property);
  return read.decision !== undefined || read.problem !== undefined;
};

/**
 * A decided ticket: only a needs-info decision (the app's own record first, as everywhere) has its
 * suggestion record brought up to date; any other decision stands as it is.
 */
async function waitingForInformation(ports: Ports, issueKey: string, property: unknown, suggestion: SuggestedVerdict, now: number): Promise<SuggestionOutcome> {
  const read = readDecisionProperty(property);
  const latest = await readLatestDecision(ports.store, issueKey);
  const decision = latest.entry?.decision ?? (latest.problem || read.problem ? undefined : read.decision);
  if (decision?.outcome !== 'needs-info') return ignored(`${issueKey} already has the product owner's decision.`);
  const recorded = await suggestionRecord.read(ports.store, issueKey);
  if (recorded.suggestion && sameSuggestion(recorded.suggestion, suggestion)) return { status: 'unchanged', suggestion: recorded.suggestion };
  await suggestionRecord.write(ports.store, issueKey, suggestion, now);
  return { status: 'written', suggestion };
}

export async function recordSuggestion(ports: Ports, target: TriageTarget, known?: LoadedSettings): Promise<SuggestionOutcome> {
  const fields = fieldSource(ports, target.projectKey); // the field list from storage, read from Jira once a day
  const order = siteOrderSource(ports, target.projectKey); // likewise the site's order of priorities and severities
  const [loaded] = await Promise.all([known ?? loadSettings(ports.store, target.projectKey), fields.load(), order.load()]);
  const { catalog } = await fields.discover(loaded.settings.severityFieldId ? { severityFieldId: loaded.settings.severityFieldId } : {});
  const [issue, policy, siteOrder] = await Promise.all([
    readIssue(ports.jira, target.issueKey, catalog),
    loadPolicyVersion(ports.store, target.projectKey, loaded.settings.policyVersion),
    order.order(loaded.settings.supportFilter.issueTypes, catalog.severity?.id),
  ]);
  const settings = withSiteOrder(loaded.settings, siteOrder);
  const { ticket } = issue;
  if (issue.projectKey !== undefined && issue.projectKey !== target.projectKey) return ignored(`${ticket.key} is now in project ${issue.projectKey}.`);
  if (!isSupportTicket(ticket, classificationOf(settings).supportFilter)) return ignored(`${ticket.key} is not a support ticket.`);
  const now = ports.clock.now();
  const { verdict, policyVersion, recordedFacts } = evaluateTicket(ticket, settings, policy.policyVersion, now);
  const suggestion: SuggestedVerdict = { outcome: verdict.outcome, ruleId: verdict.ruleId, policyVersion, evaluatedAt: new Date(now).toISOString(), facts: recordedFacts };
  if (decidedOrUnreadable(issue.property)) return waitingForInformation(ports, ticket.key, issue.property, suggestion, now);

  const [current, recorded] = [readDecisionProperty(issue.property).suggestion, await suggestionRecord.read(ports.store, ticket.key)];
  if (current && sameSuggestion(current, suggestion)) {
    // The property already says so; the app's own record catches up without a Jira write.
    if (!sameSuggestion(recorded.suggestion, current)) await suggestionRecord.write(ports.store, ticket.key, current, now);
    return { status: 'unchanged', suggestion: current };
  }

  const latest = await ports.jira.issues.getProperty(ticket.key, DECISION_PROPERTY_KEY);
  if (decidedOrUnreadable(latest)) return ignored(`${ticket.key} was decided by the product owner a moment ago.`);
  await ports.jira.issues.setProperty(ticket.key, DECISION_PROPERTY_KEY, writeDecisionProperty(undefined, suggestion));
  await suggestionRecord.write(ports.store, ticket.key, suggestion, now);
  return { status: 'written', suggestion };
}
