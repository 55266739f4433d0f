/**
 * An override reason with hidden characters (a right-to-left override that reverses it, zero-width
 * characters), through `panel.applyDecision` against the simulator: what is recorded on the issue
 * and posted in the comment is the reason without them.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { ApplyDecisionResult } from '../../contract/panel';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';

let sim: Simulator;
let panel: ResolverHarness;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  panel = resolverHarness(sim);
});
afterAll(() => sim.close());

it('records and comments the reason without its hidden characters', async () => {
  const result = dataOf<ApplyDecisionResult>(await panel.call('po', 'panel.applyDecision', { outcome: 'backlog', comment: true, reason: '\u202eWork\u200baround found.' }, { issueKey: 'SUP-246' }));
  expect(result.complete).toBe(true);
  expect(result.decision).toMatchObject({ override: true, reason: 'Workaround found.' });
  const issue = sim.store.issue('SUP-246');
  expect(issue?.properties.interruptBudget).toMatchObject({ reason: 'Workaround found.' });
  const posted = JSON.stringify(issue?.comments.at(-1)?.body);
  expect(posted).toContain('Workaround found.');
  expect(posted).not.toMatch(/\u202e|\u200b/);
});
