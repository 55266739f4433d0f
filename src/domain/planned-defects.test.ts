import fc from 'fast-check';
import { aDecision } from '../../test/builders/decision';
import { aTicket } from '../../test/builders/ticket';
import { DEFAULT_DEFECT_RULES } from './defects';
import { defectsPlannedInto, doesNotEstimateDefects, plannedDefectsOf, type PlannedDefects } from './planned-defects';
import type { Ticket } from './ticket';

const START = Date.UTC(2026, 0, 5);
const SPRINT = { sprintId: 7, startMs: START };
const bug = (o: Partial<Ticket> = {}): Ticket => aTicket({ id: String(Math.random()), issueType: 'Bug', createdMs: START - 1, sprints: [{ id: 7, name: 'S7', state: 'closed' }], ...o });

describe('plannedDefectsOf: defects there to be planned at the sprint start', () => {
  it.each<[string, Partial<Ticket>, PlannedDefects]>([
    ['a bug created before the start', {}, { count: 1, estimated: 0 }],
    ['an estimated bug', { storyPoints: 3 }, { count: 1, estimated: 1 }],
    ['a bug with 0 points is not estimated', { storyPoints: 0 }, { count: 1, estimated: 0 }],
    ['a bug with unreadable points is not estimated', { storyPoints: Number.NaN }, { count: 1, estimated: 0 }],
    ['a bug created at the start arrived mid-sprint', { createdMs: START }, { count: 0, estimated: 0 }],
    ['a bug without a created date cannot be said planned', { createdMs: undefined }, { count: 0, estimated: 0 }],
    ['a bug pulled in as an interrupt of this sprint', { decision: aDecision({ outcome: 'interrupt', sprintId: 7 }) }, { count: 0, estimated: 0 }],
    ['a bug pulled into another sprint and carried over into this one is planned here', { decision: aDecision({ outcome: 'interrupt', sprintId: 6 }) }, { count: 1, estimated: 0 }],
    ['a story is not a defect', { issueType: 'Story', storyPoints: 5 }, { count: 0, estimated: 0 }],
  ])('%s', (_name, overrides, expected) => {
    expect(plannedDefectsOf([bug(overrides)], SPRINT, DEFAULT_DEFECT_RULES)).toEqual(expected);
  });

  it('counts an issue listed twice once, and takes the configured defect types', () => {
    const one = bug({ id: '1' });
    expect(plannedDefectsOf([one, one], SPRINT, DEFAULT_DEFECT_RULES).count).toBe(1);
    expect(plannedDefectsOf([bug({ issueType: 'Defect' })], SPRINT, { defectTypes: [' defect '] }).count).toBe(1);
  });
});

describe('defectsPlannedInto: the open defects of a sprint not started', () => {
  it('counts the open defects that list the sprint, whenever created', () => {
    const next = [{ id: 8, name: 'S8', state: 'future' as const }];
    const tickets = [bug({ id: '1', sprints: next, createdMs: START + 99 }), bug({ id: '2', sprints: next, statusCategory: 'done' }), bug({ id: '3' }), bug({ id: '4', sprints: next, storyPoints: 2 })];
    expect(defectsPlannedInto(tickets, 8, DEFAULT_DEFECT_RULES)).toEqual({ count: 2, estimated: 1 });
  });
});

describe('doesNotEstimateDefects: decided from the planned defects seen', () => {
  it.each<[string, (PlannedDefects | undefined)[], boolean]>([
    ['4 planned over the sprints, none estimated', [{ count: 1, estimated: 0 }, { count: 3, estimated: 0 }], true],
    ['one estimated defect: the points count defect work already', [{ count: 3, estimated: 0 }, { count: 2, estimated: 1 }], false],
    ['a single defect is too few to tell', [{ count: 1, estimated: 0 }, { count: 0, estimated: 0 }], false],
    ['no defects planned at all', [{ count: 0, estimated: 0 }], false],
    ['rows from before it was kept are left out', [undefined, { count: 2, estimated: 0 }, undefined], true],
    ['nothing known', [undefined], false],
  ])('%s → %p', (_name, seen, expected) => {
    expect(doesNotEstimateDefects(seen)).toBe(expected);
  });

  it('property: true exactly when at least 2 were planned and none estimated; never depends on order', () => {
    const arb = fc.option(fc.integer({ min: 0, max: 6 }).chain((count) => fc.integer({ min: 0, max: count }).map((estimated) => ({ count, estimated }))), { nil: undefined });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), (seen) => {
        const known = seen.filter((p): p is PlannedDefects => p !== undefined);
        const expected = known.reduce((n, p) => n + p.count, 0) >= 2 && known.every((p) => p.estimated === 0);
        expect(doesNotEstimateDefects(seen)).toBe(expected);
        expect(doesNotEstimateDefects([...seen].reverse())).toBe(expected);
      }),
    );
  });
});
