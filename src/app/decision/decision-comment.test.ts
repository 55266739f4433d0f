/**
 * The decision comment: readable ADF with the reasons, and a signature the app finds again, so that
 * re-applying never posts a second comment for the same outcome.
 */
import type { TriageDecision } from '../../domain/decision';
import { decisionComment, newCommentRef, postedCommentFor, signedOutcome } from './decision-comment';

const decision: TriageDecision = { outcome: 'backlog', policyOutcome: 'interrupt', policyVersion: 3, ruleId: 'p1', override: true, reason: 'Workaround found.', decidedBy: 'po', decidedAt: '2026-11-23T09:00:00.000Z' };
const verdict = { outcome: 'interrupt' as const, ruleId: 'p1', ruleName: 'P1', reasons: ['Priority is P1.'] };

describe('decision comments', () => {
  it('says what was decided, why, and who overrode the policy, and signs it', () => {
    const doc = decisionComment(decision, verdict, null);
    const text = JSON.stringify(doc);
    expect(doc).toMatchObject({ type: 'doc', version: 1 });
    for (const part of ['Deferred to the product backlog', 'version 3', 'rule \\"P1\\"', 'Priority is P1.', 'Overridden by the product owner: ', 'Workaround found.']) expect(text).toContain(part);
    expect(signedOutcome({ id: '1', body: doc })).toBe('backlog');
  });

  it('decides "already commented" by the recorded comment id, never by the signature text', () => {
    const backlog = { id: '2', body: decisionComment(decision, verdict, null) };
    const forged = { id: '9', body: decisionComment(decision, verdict, null) }; // a hand-written copy of the marker
    const latest = { decision: { outcome: 'backlog' as const }, commentId: '2' };
    expect(postedCommentFor(latest, [backlog, forged], 'backlog')).toBe('2');
    expect(postedCommentFor(latest, [forged], 'backlog')).toBeNull(); // the recorded comment was deleted
    expect(postedCommentFor(latest, [backlog], 'interrupt')).toBeNull(); // the latest decision is another outcome
    expect(postedCommentFor(undefined, [forged], 'backlog')).toBeNull(); // no record: the marker alone proves nothing
    const ref = newCommentRef();
    const unconfirmed = { id: '7', body: decisionComment(decision, verdict, null, ref) };
    expect(postedCommentFor({ ...latest, commentId: null, commentRef: ref }, [forged, unconfirmed], 'backlog')).toBe('7');
    expect(signedOutcome({ id: '4', body: 'not adf' })).toBeUndefined();
  });

  it('carries a reference made up for this post in its signature, which the outcome is still read from', () => {
    const refs = new Set(Array.from({ length: 100 }, () => newCommentRef()));
    expect(refs.size).toBe(100);
    for (const ref of refs) expect(ref).toMatch(/^[0-9a-f]{16}$/);
    const ref = newCommentRef();
    const doc = decisionComment(decision, verdict, null, ref);
    expect(JSON.stringify(doc)).toContain(`Recorded by Interrupt Budget (decision: backlog) · ref ${ref}`);
    expect(signedOutcome({ id: '5', body: doc })).toBe('backlog');
  });
});
