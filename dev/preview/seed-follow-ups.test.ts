/**
 * The preview's follow-ups for the demo's past interrupts (seed-follow-ups.ts): only resolved
 * interrupts of closed sprints get a record, the records are mixed (all done with links, partly
 * done, none) and the same on every start.
 */
import { startSimulator, type Simulator } from '../sim';
import { MemoryStore } from '../../src/app/storage/memory-store';
import { followUpRecords } from '../../src/app/storage/follow-ups';
import { DECISION_PROPERTY_KEY } from '../../src/domain/decision';
import { readDecisionProperty } from '../../src/jira/decision-property';
import { seedFollowUps } from './seed-follow-ups';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());

describe('seedFollowUps', () => {
  it('writes mixed, deterministic follow-ups for the closed sprints\' resolved interrupts only', async () => {
    const store = new MemoryStore();
    const written = await seedFollowUps(sim, store);
    const closed = new Set(sim.store.sprints.filter((s) => s.state === 'closed').map((s) => s.id));
    const interrupts = sim.store.issues.filter((i) => i.key.startsWith('SUP-') && readDecisionProperty(i.properties[DECISION_PROPERTY_KEY]).decision?.outcome === 'interrupt');
    const records = await followUpRecords.readMany(store, interrupts.map((i) => i.key));
    expect(records.size).toBe(written);
    for (const key of records.keys()) {
      const issue = interrupts.find((i) => i.key === key);
      expect(issue?.sprintIds.some((id) => closed.has(id))).toBe(true);
      expect(sim.store.projectOf(issue as NonNullable<typeof issue>).statuses.find((s) => s.id === issue?.statusId)?.category).toBe('done');
    }
    const items = [...records.values()];
    expect(items.some((f) => f['root-cause']?.done && f['regression-test']?.done && f['regression-test'].link?.startsWith('https://example.com/'))).toBe(true);
    expect(items.some((f) => f['root-cause']?.done && f['regression-test']?.done === false)).toBe(true);
    expect(records.size).toBeLessThan(interrupts.length); // some have none

    const again = new MemoryStore();
    await seedFollowUps(sim, again);
    expect(await followUpRecords.readMany(again, interrupts.map((i) => i.key))).toEqual(records);
  });
});
