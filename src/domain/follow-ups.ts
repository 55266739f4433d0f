/**
 * Follow-ups after an interrupt (issue 14, item 2): a short checklist per interrupt — root cause
 * analysed, regression test added, corrective action — so the retrospective can see whether the
 * team learns from what interrupted it, not only how much it cost. The team chooses which follow-ups
 * it uses; shares and the open list count only those, so turning a kind off never makes the numbers
 * look worse (or better) for work nobody was asked to do.
 *
 * Pure: no storage, no clock. The app stores one checklist per issue (app/storage/follow-ups.ts).
 */

export const FOLLOW_UP_KINDS = ['root-cause', 'regression-test', 'corrective-action'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** What a team uses until it chooses: the two follow-ups that need no extra Jira issue. */
export const DEFAULT_FOLLOW_UP_KINDS: readonly FollowUpKind[] = ['root-cause', 'regression-test'];

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  'root-cause': 'Root cause analysed',
  'regression-test': 'Regression test added',
  'corrective-action': 'Corrective action',
};

/**
 * One follow-up's state. `link` is an http(s) URL (the analysis, the test's commit or pull request)
 * for root cause and regression test; `issueKey` is the corrective-action issue.
 */
export interface FollowUpItem {
  readonly done: boolean;
  readonly link?: string;
  readonly issueKey?: string;
}

export type FollowUps = Partial<Record<FollowUpKind, FollowUpItem>>;

/** What the retrospective needs of an interrupt: its key and its follow-ups (none recorded: undefined). */
export interface InterruptFollowUps {
  readonly key: string;
  readonly followUps?: FollowUps;
}

export interface FollowUpShare {
  readonly kind: FollowUpKind;
  readonly done: number;
  readonly total: number;
  /** done / total as a percentage with one decimal; 0 when there is no interrupt. */
  readonly pct: number;
}

/** The first entry per key: an interrupt listed twice (two sprints' lists joined) counts once. */
function distinct(interrupts: ReadonlyArray<InterruptFollowUps>): InterruptFollowUps[] {
  const seen = new Set<string>();
  return interrupts.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}

/** Kinds in the team's order, each once, known kinds only. */
function usedKinds(kinds: readonly FollowUpKind[]): FollowUpKind[] {
  return FOLLOW_UP_KINDS.filter((k) => kinds.includes(k)).sort((a, b) => kinds.indexOf(a) - kinds.indexOf(b));
}

const isDone = (interrupt: InterruptFollowUps, kind: FollowUpKind): boolean => interrupt.followUps?.[kind]?.done === true;

/** One share per used kind, in `kinds` order: how many of the distinct interrupts have it done. */
export function followUpShares(interrupts: ReadonlyArray<InterruptFollowUps>, kinds: readonly FollowUpKind[]): FollowUpShare[] {
  const all = distinct(interrupts);
  return usedKinds(kinds).map((kind) => {
    const done = all.filter((i) => isDone(i, kind)).length;
    const total = all.length;
    return { kind, done, total, pct: total === 0 ? 0 : Math.round((done / total) * 1000) / 10 };
  });
}

/** The interrupts with at least one used follow-up not done, in input order, each with what is missing. */
export function openFollowUps(interrupts: ReadonlyArray<InterruptFollowUps>, kinds: readonly FollowUpKind[]): Array<{ key: string; missing: FollowUpKind[] }> {
  const used = usedKinds(kinds);
  return distinct(interrupts).flatMap((i) => {
    const missing = used.filter((kind) => !isDone(i, kind));
    return missing.length > 0 ? [{ key: i.key, missing }] : [];
  });
}

/**
 * Follow-ups are asked of an interrupt once it is resolved: a ticket decided "interrupt" (pulled into
 * the sprint as one) whose status is in Jira's Done category. Before that there is nothing to learn
 * from yet; a backlog or needs-info ticket did not interrupt anyone.
 */
export function followUpsApply(decisionOutcome: string | undefined, statusCategory: string): boolean {
  return decisionOutcome === 'interrupt' && statusCategory === 'done';
}
