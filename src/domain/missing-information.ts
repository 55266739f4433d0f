/**
 * "Needs info" as a question (issue 12, item 4): what the policy could not decide without, so the
 * product owner can ask the reporter for exactly that, and notice when it arrives.
 *
 * The policy reads priority and severity from the ticket; when either is unknown the deciding rule
 * (by default "Unclassified") cannot tell an outage from a question. Those are the items asked for.
 * When both are known and the product owner still wants more (an override to needs-info), what is
 * missing is the impact — who is affected and how badly — which no field says, so it is asked in
 * words and never counts as answered by itself.
 *
 * Pure: facts in, items and sentences out.
 */
import type { TriageFacts } from './policy';

export const MISSING_ITEMS = ['severity', 'priority', 'impact'] as const;

/** Longest request to the reporter we post (a comment; the panel and the resolver both check it). */
export const MAX_REQUEST_LENGTH = 4000;
export type MissingItem = (typeof MISSING_ITEMS)[number];

/** How each item is named in a sentence, and what it asks the reporter. */
export const MISSING_ITEM_WORDS: Readonly<Record<MissingItem, { readonly name: string; readonly question: string }>> = {
  severity: { name: 'Severity', question: 'the severity: how badly does this affect the people using the product?' },
  priority: { name: 'Priority', question: 'the priority: how urgent is it for you?' },
  impact: { name: 'Impact', question: 'the impact: who is affected (how many customers or users), and what can they not do?' },
};

/** What the policy could not decide without, for these facts (never empty: impact at least). */
export function missingInformation(facts: Pick<TriageFacts, 'priority' | 'severity'>): MissingItem[] {
  const missing: MissingItem[] = [];
  if (facts.severity === 'unknown') missing.push('severity');
  if (facts.priority === 'unknown') missing.push('priority');
  return missing.length > 0 ? missing : ['impact'];
}

/** Of what was asked, what the ticket now says (impact is never set by a field, so it is never answered here). */
export function answeredSince(asked: readonly MissingItem[], facts: Pick<TriageFacts, 'priority' | 'severity'>): MissingItem[] {
  return asked.filter((item) => (item === 'severity' ? facts.severity !== 'unknown' : item === 'priority' ? facts.priority !== 'unknown' : false));
}

/** "Severity", "Severity and priority", "Severity, priority and impact". */
export function itemList(items: readonly MissingItem[]): string {
  const names = items.map((item, i) => (i === 0 ? MISSING_ITEM_WORDS[item].name : MISSING_ITEM_WORDS[item].name.toLowerCase()));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The comment the product owner starts from (editable before it is sent): one line per item asked,
 * and why the team asks. The mention of the reporter is added in front of it when it is posted.
 */
export function draftInfoRequest(items: readonly MissingItem[]): string {
  const lines = items.map((item) => `- ${MISSING_ITEM_WORDS[item].question}`);
  return [
    'Thanks for reporting this. Before the team can decide whether it interrupts the current sprint, could you tell us',
    ...lines,
    'We will look at it again as soon as you add this to the ticket.',
  ].join('\n');
}
