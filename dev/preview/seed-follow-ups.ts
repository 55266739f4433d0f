/**
 * Follow-ups (src/app/storage/follow-ups.ts) for the demo's past interrupts, written into the
 * preview's store at start, so the retrospective shows real shares and an open list (issue 14,
 * item 2). On a real site the team ticks them in the panel once an interrupt is resolved; the seed
 * writes no app storage. Only interrupts of the closed sprints whose tickets are resolved get any
 * (as the panel asks only those), mixed by issue number: a third have both the root cause and the
 * regression test done, with links; a third only the root cause; a third nothing recorded.
 * Deterministic: the same site gives the same records.
 */
import { followUpRecords } from '../../src/app/storage/follow-ups';
import { DECISION_PROPERTY_KEY } from '../../src/domain/decision';
import type { FollowUps } from '../../src/domain/follow-ups';
import { readDecisionProperty } from '../../src/jira/decision-property';
import type { KeyValueStore } from '../../src/ports';
import type { Simulator } from '../sim';

const DAY = 86_400_000;

/** The follow-ups the seed gives issue number `n`, or undefined for none. */
export function seededFollowUps(key: string, n: number): FollowUps | undefined {
  const analysis = { done: true, link: `https://example.com/post-incident/${key}` };
  if (n % 3 === 0) return { 'root-cause': analysis, 'regression-test': { done: true, link: `https://example.com/pull/${n}` } };
  if (n % 3 === 1) return { 'root-cause': analysis, 'regression-test': { done: false } };
  return undefined;
}

export async function seedFollowUps(sim: Simulator, store: KeyValueStore, projectKey = 'SUP'): Promise<number> {
  const closed = new Set(sim.store.sprints.filter((s) => s.state === 'closed').map((s) => s.id));
  let written = 0;
  for (const issue of sim.store.issues) {
    if (!issue.key.startsWith(`${projectKey}-`) || !issue.sprintIds.some((id) => closed.has(id))) continue;
    const { decision } = readDecisionProperty(issue.properties[DECISION_PROPERTY_KEY]);
    const category = sim.store.projectOf(issue).statuses.find((s) => s.id === issue.statusId)?.category;
    if (decision?.outcome !== 'interrupt' || category !== 'done') continue;
    const items = seededFollowUps(issue.key, Number(issue.key.split('-')[1]));
    if (!items) continue;
    const at = (issue.resolvedMs ?? Date.parse(decision.decidedAt)) + DAY;
    const saved = await followUpRecords.write(store, issue.key, { items, baseRevision: 0, accountId: decision.decidedBy, at });
    if (saved.ok) written++;
  }
  return written;
}
