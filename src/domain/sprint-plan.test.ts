import fc from 'fast-check';
import { capacityLeft, sprintPlan, type PlanRow, type SprintPlanInput } from './sprint-plan';

const pts = (velocityPoints: number, sharePct: number, capacity = 100): PlanRow => ({ velocityPoints, sharePct, capacity, unit: 'points' });
const hrs = (velocityPoints: number, sharePct: number, capacity = 300): PlanRow => ({ velocityPoints, sharePct, capacity, unit: 'hours' });

describe('sprintPlan: capacity left and a suggested commitment', () => {
  it.each<[string, SprintPlanInput, { capacityLeft: number | null; suggestedCommitment: { low: number; high: number } | null; method: string; sprints: number }, string]>([
    [
      "seed 004's example: 60 points with 4 defects planned, 2 this sprint → 65–70",
      { unit: 'points', capacity: null, allocationPct: 20, history: [pts(55, 10), pts(60, 15)], defects: { lastSprint: 4, thisSprint: 2 } },
      { capacityLeft: null, suggestedCommitment: { low: 65, high: 70 }, method: 'defect-count', sprints: 1 },
      'Last sprint the team completed 60 points with 4 defects planned; this sprint has 2: plan about 65–70 points (a defect counted as 2.5–5 points).',
    ],
    [
      'more defects than last sprint: fewer points',
      { unit: 'points', capacity: null, allocationPct: 20, history: [pts(60, 15)], defects: { lastSprint: 2, thisSprint: 4 } },
      { capacityLeft: null, suggestedCommitment: { low: 50, high: 55 }, method: 'defect-count', sprints: 1 },
      'Last sprint the team completed 60 points with 2 defects planned; this sprint has 4: plan about 50–55 points (a defect counted as 2.5–5 points).',
    ],
    [
      'the defect-count method in hours: the capacity left is said, the commitment stays in points',
      { unit: 'hours', capacity: 300, allocationPct: 20, history: [hrs(60, 15)], defects: { lastSprint: 1, thisSprint: 1 }, pointsPerDefect: { low: 3, high: 3 } },
      { capacityLeft: 240, suggestedCommitment: { low: 60, high: 60 }, method: 'defect-count', sprints: 1 },
      '240 h left for sprint work after reserving 20% for support. Last sprint the team completed 60 points with 1 defect planned; this sprint has 1: plan about 60 points (a defect counted as 3–3 points).',
    ],
    [
      'velocity in points, scaled to the planned reserve: a sprint support ate into counts as it would have been',
      { unit: 'points', capacity: null, allocationPct: 20, history: [pts(40, 20), pts(30, 40)] },
      { capacityLeft: null, suggestedCommitment: { low: 40, high: 40 }, method: 'velocity', sprints: 2 },
      "From the last 2 sprints' velocity, scaled to a 20% support reserve: commit to about 40 points.",
    ],
    [
      'track mode (nothing reserved): the same maths with the share support is expected to take, said so',
      { unit: 'hours', capacity: 300, allocationPct: 10, history: [hrs(60, 15), hrs(54, 10)], support: 'expected' },
      { capacityLeft: 270, suggestedCommitment: { low: 56, high: 62 }, method: 'velocity', sprints: 2 },
      '270 h left for sprint work after the 10% of capacity support is expected to take (nothing is reserved). From the points the team completed per hour left for sprint work over the last 2 sprints: commit to about 56–62 points.',
    ],
    [
      'track mode in points: scaled to the expected share, not a reserve',
      { unit: 'points', capacity: null, allocationPct: 20, history: [pts(40, 20), pts(30, 40)], support: 'expected' },
      { capacityLeft: null, suggestedCommitment: { low: 40, high: 40 }, method: 'velocity', sprints: 2 },
      "From the last 2 sprints' velocity, scaled to the 20% support is expected to take: commit to about 40 points.",
    ],
    [
      'the range is the 25th–75th percentile, low down and high up',
      { unit: 'points', capacity: null, allocationPct: 0, history: [pts(30, 0), pts(40, 0), pts(50, 0), pts(60, 0)] },
      { capacityLeft: null, suggestedCommitment: { low: 37, high: 53 }, method: 'velocity', sprints: 4 },
      "From the last 4 sprints' velocity, scaled to a 0% support reserve: commit to about 37–53 points.",
    ],
    [
      'points with a known capacity: capped at what is left for sprint work',
      { unit: 'points', capacity: 40, allocationPct: 20, history: [pts(40, 0), pts(44, 0)] },
      { capacityLeft: 32, suggestedCommitment: { low: 32, high: 32 }, method: 'velocity', sprints: 2 },
      "32 points left for sprint work after reserving 20% for support. From the last 2 sprints' velocity, scaled to a 20% support reserve: commit to about 32 points, capped at the 32 points left for sprint work in what is planned so far.",
    ],
    [
      "hours: through the team's own points per hour left for sprint work",
      { unit: 'hours', capacity: 300, allocationPct: 20, history: [hrs(48, 20), hrs(50, 0, 250)] },
      { capacityLeft: 240, suggestedCommitment: { low: 48, high: 48 }, method: 'velocity', sprints: 2 },
      '240 h left for sprint work after reserving 20% for support. From the points the team completed per hour left for sprint work over the last 2 sprints: commit to about 48 points.',
    ],
    [
      'a shorter sprint (half the hours) suggests half the points',
      { unit: 'hours', capacity: 150, allocationPct: 20, history: [hrs(48, 20), hrs(50, 0, 250)] },
      { capacityLeft: 120, suggestedCommitment: { low: 24, high: 24 }, method: 'velocity', sprints: 2 },
      '120 h left for sprint work after reserving 20% for support. From the points the team completed per hour left for sprint work over the last 2 sprints: commit to about 24 points.',
    ],
    [
      'no history: a sentence, not a number',
      { unit: 'hours', capacity: 300, allocationPct: 20, history: [] },
      { capacityLeft: 240, suggestedCommitment: null, method: 'velocity', sprints: 0 },
      '240 h left for sprint work after reserving 20% for support. No closed sprint measured in hours yet (0 sprints): the suggested commitment follows from the velocity of the first sprints.',
    ],
    [
      'rows of the other unit, without capacity, or all support are left out',
      { unit: 'points', capacity: null, allocationPct: 20, history: [hrs(40, 10), pts(40, 100), pts(40, 10, 0), pts(Number.NaN, 10)] },
      { capacityLeft: null, suggestedCommitment: null, method: 'velocity', sprints: 0 },
      'No closed sprint measured in points yet (0 sprints): the suggested commitment follows from the velocity of the first sprints.',
    ],
    [
      'a team that does not estimate: points are needed',
      { unit: 'hours', capacity: 300, allocationPct: 20, history: [hrs(0, 20), hrs(0, 30)] },
      { capacityLeft: 240, suggestedCommitment: null, method: 'velocity', sprints: 2 },
      '240 h left for sprint work after reserving 20% for support. No completed story points in the last 2 sprints: a commitment in points needs estimated stories.',
    ],
    [
      'defect count without history',
      { unit: 'points', capacity: null, allocationPct: 20, history: [], defects: { lastSprint: 4, thisSprint: 2 } },
      { capacityLeft: null, suggestedCommitment: null, method: 'defect-count', sprints: 0 },
      "No closed sprint yet (0 sprints): the defect-count method starts from last sprint's completed points.",
    ],
    [
      'defect count after a sprint without points',
      { unit: 'points', capacity: null, allocationPct: 20, history: [pts(0, 10)], defects: { lastSprint: 4, thisSprint: 2 } },
      { capacityLeft: null, suggestedCommitment: null, method: 'defect-count', sprints: 1 },
      'Last sprint completed no story points: the defect-count method needs estimated stories.',
    ],
    [
      'defect count capped by a known points capacity; a negative or fractional count is read as a whole one ≥ 0',
      { unit: 'points', capacity: 70, allocationPct: 10, history: [pts(60, 15)], defects: { lastSprint: 4.2, thisSprint: -1 } },
      { capacityLeft: 63, suggestedCommitment: { low: 63, high: 63 }, method: 'defect-count', sprints: 1 },
      '63 points left for sprint work after reserving 10% for support. Last sprint the team completed 60 points with 4 defects planned; this sprint has 0: plan about 63 points (a defect counted as 2.5–5 points), capped at the 63 points left for sprint work in what is planned so far.',
    ],
  ])('%s', (_name, input, expected, sentence) => {
    const plan = sprintPlan(input);
    expect(plan).toMatchObject(expected);
    expect(plan.sentence).toBe(sentence);
  });

  it('reads an unreadable allocation as 0% and one above 100 as 100%, a negative capacity as 0', () => {
    expect(sprintPlan({ unit: 'hours', capacity: 100, allocationPct: Number.NaN, history: [] }).capacityLeft).toBe(100);
    expect(sprintPlan({ unit: 'hours', capacity: 100, allocationPct: 150, history: [] }).capacityLeft).toBe(0);
    expect(sprintPlan({ unit: 'hours', capacity: -5, allocationPct: 20, history: [] }).capacityLeft).toBe(0);
    expect(sprintPlan({ unit: 'hours', capacity: Number.NaN, allocationPct: 20, history: [] }).capacityLeft).toBeNull();
  });

  it('ignores a points-per-defect range that cannot be one', () => {
    const input: SprintPlanInput = { unit: 'points', capacity: null, allocationPct: 20, history: [pts(60, 15)], defects: { lastSprint: 4, thisSprint: 2 } };
    for (const pointsPerDefect of [{ low: 5, high: 2 }, { low: -1, high: 2 }, { low: Number.NaN, high: 2 }]) {
      expect(sprintPlan({ ...input, pointsPerDefect }).suggestedCommitment).toEqual({ low: 65, high: 70 });
    }
  });

  it('capacity left is the capacity minus the budget the allocation maths reserves', () => {
    expect(capacityLeft(270, 20)).toBe(216);
    expect(capacityLeft(33.33, 25)).toBe(25);
    expect(sprintPlan({ unit: 'points', capacity: 1, allocationPct: 0, history: [] }).sentence).toMatch(/^1 point left for sprint work/);
  });
});

const rowArb = fc.record({
  velocityPoints: fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.constant(0), fc.constant(Number.NaN)),
  sharePct: fc.oneof(fc.double({ min: 0, max: 150, noNaN: true }), fc.constant(99.9)),
  capacity: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constant(1e-3)),
  unit: fc.constantFrom('hours' as const, 'points' as const),
});
const inputArb = fc.record({
  unit: fc.constantFrom('hours' as const, 'points' as const),
  capacity: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 500, noNaN: true })),
  allocationPct: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: -10, max: 110, noNaN: true })),
  history: fc.array(rowArb, { maxLength: 8 }),
  defects: fc.option(fc.record({ lastSprint: fc.integer({ min: 0, max: 10 }), thisSprint: fc.integer({ min: 0, max: 10 }) }), { nil: undefined }),
});

describe('sprintPlan properties', () => {
  it('no NaN or Infinity; 0 ≤ low ≤ high; in points the suggestion never exceeds the capacity left', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = sprintPlan(input);
        expect(plan.sentence).not.toMatch(/NaN|Infinity|undefined|null/);
        if (plan.capacityLeft !== null) expect(Number.isFinite(plan.capacityLeft) && plan.capacityLeft >= 0).toBe(true);
        const s = plan.suggestedCommitment;
        if (s) {
          expect(Number.isInteger(s.low) && Number.isInteger(s.high)).toBe(true);
          expect(0 <= s.low && s.low <= s.high).toBe(true);
          if (input.unit === 'points' && plan.capacityLeft !== null) expect(s.high).toBeLessThanOrEqual(plan.capacityLeft);
        }
      }),
    );
  });

  it('without any closed sprint: a sentence, never a number', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = sprintPlan({ ...input, history: [] });
        expect(plan.suggestedCommitment).toBeNull();
        expect(plan.sentence).toContain('0 sprints');
      }),
    );
  });

  it('a larger support reserve never suggests a larger commitment (velocity method)', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (input, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const plain = { ...input, defects: undefined };
        const more = sprintPlan({ ...plain, allocationPct: hi }).suggestedCommitment;
        const less = sprintPlan({ ...plain, allocationPct: lo }).suggestedCommitment;
        if (more && less) {
          expect(more.low).toBeLessThanOrEqual(less.low);
          expect(more.high).toBeLessThanOrEqual(less.high);
        }
      }),
    );
  });

  it('the capacity left never exceeds the capacity, and falls as the reserve grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 100 }), (capacity, pct) => {
        expect(capacityLeft(capacity, pct)).toBeLessThanOrEqual(Math.round(capacity * 100) / 100 + 1e-9);
        if (pct < 100) expect(capacityLeft(capacity, pct + 1)).toBeLessThanOrEqual(capacityLeft(capacity, pct));
      }),
    );
  });
});
