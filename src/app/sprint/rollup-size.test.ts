/**
 * fitRollup: a sprint's rollup always fits one KVS value, losing as little as it must — summaries
 * before items, planned and untriaged before interrupts, small items before large — and never a total.
 */
import fc from 'fast-check';
import type { SprintRollup } from '../storage/sprint-records';
import { fitRollup, ROLLUP_MAX_BYTES } from './rollup-size';

type Item = SprintRollup['items'][number];
const CATEGORIES = ['sanctioned', 'planned', 'untriaged'] as const;
const size = (r: SprintRollup): number => Buffer.byteLength(JSON.stringify(r), 'utf8');

function rollupWith(items: Item[]): SprintRollup {
  return {
    schemaVersion: 1, sprintId: 7, sprintName: 'Sprint 7', state: 'active', startMs: 0, endMs: 14 * 86_400_000, computedAt: 1,
    unit: 'hours', capacity: 300, budget: 60, used: { sanctioned: 10, planned: 20, untriaged: 5, total: 35 }, remaining: 25,
    status: 'ok', forecast: 50, items, burn: [], wip: { inProgress: [], count: 0, limit: 1, breached: false }, supportContact: null,
  };
}
const item = (n: number, category: Item['category'], amount: number, summary = `Customer ${n} cannot log in to the portal since the upgrade`): Item => ({ key: `SUP-${n}`, summary, category, amount, estimated: false });
const many = (count: number, category: Item['category']) => Array.from({ length: count }, (_, i) => item(i + (category === 'sanctioned' ? 0 : category === 'planned' ? 100_000 : 200_000), category, (i % 17) + 1));

describe('fitRollup', () => {
  it('leaves a rollup that fits as it is (the same object)', () => {
    const rollup = rollupWith(many(50, 'planned'));
    expect(fitRollup(rollup)).toBe(rollup);
  });

  it.each([
    ['planned summaries only', [...many(20, 'sanctioned'), ...many(10, 'untriaged'), ...many(2_000, 'planned')], { plannedSummaries: false, untriagedSummaries: true, sanctionedSummaries: true, omitted: undefined }],
    ['planned and untriaged summaries', [...many(20, 'sanctioned'), ...many(1_200, 'planned'), ...many(1_200, 'untriaged')], { plannedSummaries: false, untriagedSummaries: false, sanctionedSummaries: true, omitted: undefined }],
    ['every summary, then the smallest planned items', [...many(300, 'sanctioned'), ...many(4_000, 'planned')], { plannedSummaries: false, untriagedSummaries: false, sanctionedSummaries: false, omitted: 'some' }],
  ] as const)('drops %s when the list is too long, keeping the totals', (_name, items, expected) => {
    const rollup = rollupWith([...items]);
    expect(size(rollup)).toBeGreaterThan(ROLLUP_MAX_BYTES);
    const fitted = fitRollup(rollup);
    expect(size(fitted)).toBeLessThanOrEqual(ROLLUP_MAX_BYTES);
    const has = (category: Item['category']) => fitted.items.filter((i) => i.category === category).some((i) => i.summary !== undefined);
    expect({ plannedSummaries: has('planned'), untriagedSummaries: has('untriaged'), sanctionedSummaries: has('sanctioned') }).toEqual({ plannedSummaries: expected.plannedSummaries, untriagedSummaries: expected.untriagedSummaries, sanctionedSummaries: expected.sanctionedSummaries });
    if (expected.omitted === undefined) expect(fitted.itemsOmitted).toBeUndefined();
    else expect(fitted.itemsOmitted).toBe(rollup.items.length - fitted.items.length);
    expect({ ...fitted, items: [], itemsOmitted: undefined }).toEqual({ ...rollup, items: [], itemsOmitted: undefined });
    // Interrupts are the last to go: all 300 (or 20) are still listed.
    expect(fitted.items.filter((i) => i.category === 'sanctioned')).toHaveLength(rollup.items.filter((i) => i.category === 'sanctioned').length);
  });

  it('property: fits under any limit the empty list fits, keeps the order, omits the fewest items, least important first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), amount: fc.integer({ min: 0, max: 40 }), summary: fc.string({ maxLength: 80 }) }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 30_000 }),
        (raw, extra) => {
          const rollup = rollupWith(raw.map((r, i) => item(i, r.category, r.amount, r.summary)));
          const max = size(rollupWith([])) + 20 + extra;
          const fitted = fitRollup(rollup, max);
          expect(size(fitted)).toBeLessThanOrEqual(max);
          const keys = fitted.items.map((i) => i.key);
          expect(keys).toEqual(rollup.items.map((i) => i.key).filter((k) => keys.includes(k)));
          const omitted = fitted.itemsOmitted ?? 0;
          expect(fitted.items.length + omitted).toBe(rollup.items.length);
          if (omitted > 0) {
            // One item fewer omitted would not fit (the fewest), and nothing kept is less important than something dropped.
            expect(fitted.items.every((i) => i.summary === undefined)).toBe(true);
            const dropped = rollup.items.filter((i) => !keys.includes(i.key));
            const rank = (i: Item) => ['planned', 'untriaged', 'sanctioned'].indexOf(i.category) * 1_000 + i.amount;
            expect(Math.min(...fitted.items.map(rank), Infinity)).toBeGreaterThanOrEqual(Math.max(...dropped.map(rank)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
