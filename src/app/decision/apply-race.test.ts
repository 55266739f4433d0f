/**
 * Issue 11, F4: two applies with different outcomes on one ticket at the same moment, through the
 * resolver handler against the simulator, with 25 ms per storage call. Every round exactly one is
 * applied and the other answers CONFLICT with a sentence, and the ticket (labels, sprint, property,
 * comments) and the app's record say what the winner decided — never a mix.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { ApplyDecisionResult } from '../../contract/panel';
import { defaultSettings } from '../settings/project-settings';
import { readLatestDecision } from '../storage/decision-audit';
import { MemoryStore } from '../storage/memory-store';
import { storeSettings } from '../storage/settings-repository';
import { NOW } from '../../../test/builders/clocks';
import { resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { addOpenSupportTickets } from '../../../test/builders/open-support-tickets';
import { SlowStore } from '../../../test/builders/slow-store';

const ROUNDS = 50;
const BATCH = 10;
let sim: Simulator;
let store: SlowStore;
let panel: ResolverHarness<SlowStore>;
let activeId: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  const memory = new MemoryStore();
  await storeSettings(memory, 'SUP', defaultSettings());
  store = new SlowStore(memory, 25);
  panel = resolverHarness(sim, { store });
  activeId = sim.store.sprints.find((s) => s.boardId === 1 && s.state === 'active')?.id ?? -1;
});
afterAll(() => sim.close());

const issue = (key: string) => {
  const found = sim.store.issue(key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const signedWith = (body: unknown, outcome: string) => JSON.stringify(body).includes(`Recorded by Interrupt Budget (decision: ${outcome})`);

/** Apply is for open support tickets only, and the seed has about ten undecided ones: each round gets its own. */
const candidates = (): string[] => addOpenSupportTickets(sim, ROUNDS);

interface Round {
  readonly key: string;
  readonly winner: 'interrupt' | 'backlog' | 'none';
  readonly conflicts: number;
  readonly problems: string[];
  readonly loserMessage?: string;
}

async function round(key: string, index: number): Promise<Round> {
  const commentsBefore = issue(key).comments.length;
  const [first, second] = index % 2 === 0 ? (['interrupt', 'backlog'] as const) : (['backlog', 'interrupt'] as const);
  const payload = (outcome: string) => ({ outcome, reason: `Round ${index}: ${outcome}.`, comment: true, basedOn: null });
  const answers = await Promise.all([panel.call('po', 'panel.applyDecision', payload(first), { issueKey: key }), panel.call('po', 'panel.applyDecision', payload(second), { issueKey: key })]);
  const applied = answers.flatMap((a) => (a.ok ? [(a.data as ApplyDecisionResult).decision.outcome] : []));
  const conflicts = answers.filter((a) => !a.ok && a.error.code === 'CONFLICT');
  const problems: string[] = [];
  if (applied.length !== 1 || conflicts.length !== 1) problems.push(`${applied.length} applied, ${conflicts.length} CONFLICT: ${JSON.stringify(answers.map((a) => (a.ok ? 'ok' : a.error)))}`);
  const winner = applied.length === 1 ? (applied[0] as 'interrupt' | 'backlog') : 'none';
  if (winner !== 'none') {
    const loser = winner === 'interrupt' ? 'backlog' : 'interrupt';
    const now = issue(key);
    const wantedLabel = winner === 'interrupt' ? 'interrupt' : 'deferred';
    const unwantedLabel = winner === 'interrupt' ? 'deferred' : 'interrupt';
    if (!now.labels.includes(wantedLabel) || now.labels.includes(unwantedLabel)) problems.push(`labels ${now.labels.join(',')}`);
    const open = now.sprintIds.filter((id) => sim.store.sprint(id)?.state !== 'closed');
    if (winner === 'interrupt' ? !open.includes(activeId) : open.length > 0) problems.push(`sprints ${open.join(',')}`);
    if ((now.properties.interruptBudget as { outcome?: string } | undefined)?.outcome !== winner) problems.push(`property ${JSON.stringify(now.properties.interruptBudget)}`);
    const added = now.comments.slice(commentsBefore);
    if (added.length !== 1 || !signedWith(added[0]?.body, winner) || added.some((c) => signedWith(c.body, loser))) problems.push(`${added.length} comments added`);
    const latest = await readLatestDecision(store, key);
    if (latest.entry?.decision.outcome !== winner || latest.entry.commentId !== added[0]?.id) problems.push(`audit ${JSON.stringify(latest.entry)}`);
  }
  const loserMessage = conflicts[0] && !conflicts[0].ok ? conflicts[0].error.message : undefined;
  return { key, winner, conflicts: conflicts.length, problems, ...(loserMessage ? { loserMessage } : {}) };
}

it(`of two parallel applies with different outcomes, exactly one wins in each of ${ROUNDS} rounds, and the ticket says what it decided`, async () => {
  const keys = candidates();
  expect(keys).toHaveLength(ROUNDS);
  const rounds: Round[] = [];
  for (let start = 0; start < ROUNDS; start += BATCH) rounds.push(...(await Promise.all(keys.slice(start, start + BATCH).map((key, i) => round(key, start + i)))));
  expect(rounds.filter((r) => r.problems.length > 0).map((r) => `${r.key}: ${r.problems.join('; ')}`)).toEqual([]);
  expect(rounds.every((r) => r.winner !== 'none' && r.conflicts === 1)).toBe(true);
  // Both outcomes win sometimes: the test is not one-sided.
  expect(new Set(rounds.map((r) => r.winner)).size).toBe(2);
  for (const r of rounds) expect(r.loserMessage).toMatch(/^(Another user is applying a decision to SUP-\d+ right now|You are applying a decision to SUP-\d+ right now|You decided (to interrupt the sprint with it|to send it to the backlog) (less than a minute|\d+ minutes?) ago, while you were looking)[^]*\.$/);
}, 120_000);
