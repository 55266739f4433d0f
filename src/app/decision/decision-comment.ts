/**
 * The comment the app posts when a decision is applied (Atlassian Document Format, as API v3
 * requires), and how it recognises its own comments again.
 *
 * Every comment ends with a visible signature line naming the outcome. Whether the app already
 * commented is decided by the comment id the app recorded in its own storage (decision-audit.ts),
 * never by that text, which anyone can type into a comment: re-applying the latest decision posts
 * nothing while its recorded comment is still there. A new outcome (the PO changed their mind) gets
 * a new comment, since the thread should say so.
 *
 * The signature also carries a reference made up for this one post (`newCommentRef`): random, so
 * no one can have typed it before the app posted it. When Jira answers a post with a 5xx or not at
 * all, the client looks for that reference among the issue's newest comments before posting again
 * (IssueClient.addComment), so a lost answer never becomes a second comment.
 */
import type { TriageDecision } from '../../domain/decision';
import { OUTCOMES, type Outcome } from '../../domain/outcome';
import type { Verdict } from '../../domain/policy';
import type { Comment } from './triage-context';

const SIGNATURE = 'Recorded by Interrupt Budget (decision: ';
const SIGNATURE_PATTERN = /Recorded by Interrupt Budget \(decision: ([a-z-]+)\)/g;

const HEADLINES: Record<Outcome, (sprintName: string | null) => string> = {
  interrupt: (sprint) => (sprint ? `Pulled into ${sprint} as a sanctioned interrupt.` : 'Allowed to interrupt the sprint.'),
  backlog: () => 'Deferred to the product backlog for the next sprint planning.',
  'needs-info': () => 'Waiting for more information before the product owner decides.',
};

type AdfNode = Record<string, unknown>;
const text = (value: string, marks?: string[]): AdfNode => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

/** A fresh reference for one comment: 16 hex digits from a random UUID. */
export function newCommentRef(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

/** The ADF document for a decision, its verdict's reasons and the signature line (with `ref`, when given). */
export function decisionComment(decision: TriageDecision, verdict: Verdict, sprintName: string | null, ref?: string): AdfNode {
  const rule = verdict.ruleName ? `rule "${verdict.ruleName}"` : 'the default outcome';
  const content: AdfNode[] = [
    paragraph(text('Triage decision: ', ['strong']), text(HEADLINES[decision.outcome](sprintName))),
    paragraph(text(`${decision.policyVersion === 0 ? 'The built-in default policy' : `The interrupt policy (version ${decision.policyVersion})`} says "${verdict.outcome}" by ${rule}:`)),
    { type: 'bulletList', content: verdict.reasons.map((reason) => ({ type: 'listItem', content: [paragraph(text(reason))] })) },
  ];
  if (decision.override) content.push(paragraph(text('Overridden by the product owner: ', ['strong']), text(decision.reason ?? '')));
  content.push(paragraph(text(`${SIGNATURE}${decision.outcome})${ref ? refText(ref) : ''}`, ['em'])));
  return { type: 'doc', version: 1, content };
}

/**
 * The comment a needs-info decision posts (issue 12, item 4): the reporter mentioned first (an ADF
 * `mention` node, so Jira notifies them), then the request as the product owner edited it — lines
 * starting with "- " become a bullet list, other lines paragraphs — and the same signature line as
 * every decision comment, so re-applying finds it and posts nothing twice.
 */
export function infoRequestComment(decision: TriageDecision, reporterAccountId: string | null, request: string, ref?: string): AdfNode {
  const blocks: AdfNode[] = [];
  let bullets: AdfNode[] = [];
  const flush = () => {
    if (bullets.length > 0) blocks.push({ type: 'bulletList', content: bullets });
    bullets = [];
  };
  for (const line of request.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    if (line.startsWith('- ')) bullets.push({ type: 'listItem', content: [paragraph(text(line.slice(2)))] });
    else {
      flush();
      blocks.push(paragraph(text(line)));
    }
  }
  flush();
  const mention: AdfNode[] = reporterAccountId ? [{ type: 'mention', attrs: { id: reporterAccountId } }, text(' ')] : [];
  const [first, ...rest] = blocks;
  const opening = first && first.type === 'paragraph' ? [paragraph(...mention, ...((first.content as AdfNode[]) ?? [])), ...rest] : [...(mention.length > 0 ? [paragraph(...mention)] : []), ...blocks];
  const content: AdfNode[] = [...opening];
  if (decision.override && decision.reason) content.push(paragraph(text('Why the product owner asks: ', ['strong']), text(decision.reason)));
  content.push(paragraph(text(`${SIGNATURE}${decision.outcome})${ref ? refText(ref) : ''}`, ['em'])));
  return { type: 'doc', version: 1, content };
}

/** All text in an ADF node, in document order. */
function textOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  if (!node || typeof node !== 'object') return '';
  const record = node as Record<string, unknown>;
  return `${typeof record.text === 'string' ? record.text : ''} ${textOf(record.content)}`;
}

/** The outcome the app's signature in this comment names, if it carries one. */
export function signedOutcome(comment: Comment): Outcome | undefined {
  const matches = [...textOf(comment.body).matchAll(SIGNATURE_PATTERN)];
  const named = matches[matches.length - 1]?.[1];
  return OUTCOMES.find((o) => o === named);
}

/** The part of the signature that carries a post's own reference. */
export const refText = (ref: string): string => ` · ref ${ref}`;

/**
 * The comment the app already posted for `outcome`, decided by the app's own record (never by the
 * signature text, which anyone can type): the latest recorded decision must be for this outcome, and
 * the comment it recorded must still be on the issue. A post Jira did not confirm is recorded by its
 * random reference instead (made up for that post, so nobody could have typed it before), and found
 * by it once.
 */
export function postedCommentFor(
  latest: { readonly decision: { readonly outcome: Outcome }; readonly commentId: string | null; readonly commentRef?: string } | undefined,
  comments: readonly Comment[],
  outcome: Outcome,
): string | null {
  if (!latest || latest.decision.outcome !== outcome) return null;
  if (latest.commentId !== null) return comments.some((c) => c.id === latest.commentId) ? latest.commentId : null;
  const ref = latest.commentRef;
  if (!ref) return null;
  return comments.find((c) => textOf(c.body).includes(refText(ref)))?.id ?? null;
}
