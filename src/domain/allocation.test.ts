import fc from 'fast-check';
import { aDecision } from '../../test/builders/decision';
import { aTicket } from '../../test/builders/ticket';
import {
  allocate,
  usedFromHundredths,
  budgetFor,
  categorize,
  supportEfforts,
  type AllocationCategory,
  type AllocationInput,
  type SprintBaseline,
} from './allocation';
import type { BudgetTerms } from './budget-terms';
import { DEFAULT_WORK_CALENDAR, type SprintWindow } from './calendar';
import { DEFAULT_HOURS_MODEL, DEFAULT_POINTS_MODEL, type CapacityModel } from './capacity';
import type { TriageDecision } from './decision';
import type { Outcome } from './outcome';
import { DEFAULT_SEVERITY_MAP } from './severity';
import type { Ticket, Worklog } from './ticket';
import { DEFAULT_CLASSIFICATION } from './triage-facts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Mon 2026-03-02 10:00 UTC → Mon 2026-03-16 10:00 UTC: 10 working days, 300 h for the default team.
const START = Date.UTC(2026, 2, 2, 10, 0);
const END = Date.UTC(2026, 2, 16, 10, 0);
const WINDOW: SprintWindow = { startMs: START, endMs: END };

const log = (startedMs: number, hours: number): Worklog => ({ startedMs, seconds: Math.round(hours * 3600) });
const decided = (outcome: Outcome, atMs: number = START + DAY): TriageDecision => aDecision({ outcome, decidedAt: new Date(atMs).toISOString() });
const story = (overrides: Partial<Ticket> = {}): Ticket => aTicket({ issueType: 'Story', ...overrides });

const input = (overrides: Partial<AllocationInput> = {}): AllocationInput => ({
  sprintTickets: [],
  window: WINDOW,
  calendar: DEFAULT_WORK_CALENDAR,
  model: DEFAULT_HOURS_MODEL,
  allocationPct: 20,
  classification: DEFAULT_CLASSIFICATION,
  ...overrides,
});
const BASELINE: SprintBaseline = { issueKeys: ['SUP-1'], committedPoints: 40 };

describe('categorize', () => {
  it.each<[string, Partial<Ticket>, SprintBaseline | undefined, AllocationCategory]>([
    ['in the baseline → planned, even when later decided interrupt', { key: 'SUP-1', decision: decided('interrupt') }, BASELINE, 'planned'],
    ['in the baseline, no decision → planned', { key: 'SUP-1' }, BASELINE, 'planned'],
    ['not in the baseline, decided interrupt → sanctioned', { key: 'SUP-2', decision: decided('interrupt') }, BASELINE, 'sanctioned'],
    ['not in the baseline, decided backlog (but pulled in anyway) → untriaged', { key: 'SUP-2', decision: decided('backlog') }, BASELINE, 'untriaged'],
    ['not in the baseline, needs-info → untriaged', { key: 'SUP-2', decision: decided('needs-info') }, BASELINE, 'untriaged'],
    ['not in the baseline, created long before, no decision → untriaged', { key: 'SUP-2', createdMs: START - 30 * DAY }, BASELINE, 'untriaged'],
    ['an empty baseline still tells: nothing was planned', { key: 'SUP-1', createdMs: START - DAY }, { issueKeys: [], committedPoints: 0 }, 'untriaged'],
    ['no baseline, decided interrupt → sanctioned, whenever created', { decision: decided('interrupt'), createdMs: START - DAY }, undefined, 'sanctioned'],
    ['no baseline, created after the start → untriaged', { createdMs: START + HOUR }, undefined, 'untriaged'],
    ['no baseline, created exactly at the start → untriaged', { createdMs: START }, undefined, 'untriaged'],
    ['no baseline, created 1 ms before the start → planned', { createdMs: START - 1 }, undefined, 'planned'],
    ['no baseline, creation date unknown → planned', {}, undefined, 'planned'],
    ['no baseline, decided backlog, created after the start → untriaged', { decision: decided('backlog'), createdMs: START + HOUR }, undefined, 'untriaged'],
  ])('%s', (_name, overrides, baseline, expected) => {
    expect(categorize(aTicket(overrides), WINDOW, baseline)).toBe(expected);
  });
});

describe('hours: what a support ticket used', () => {
  it.each<[string, readonly Worklog[] | undefined, number]>([
    ['no worklogs loaded', undefined, 0],
    ['no worklogs at all', [], 0],
    ['a worklog exactly at the start counts', [log(START, 2)], 2],
    ['a worklog 1 ms before the start does not', [log(START - 1, 2)], 0],
    ['a worklog exactly at the end does not count', [log(END, 2)], 0],
    ['a worklog 1 ms before the end counts', [log(END - 1, 2)], 2],
    ['worklogs add up; 5400 s is 1.5 h', [log(START + HOUR, 1), { startedMs: START + DAY, seconds: 5400 }], 2.5],
    ['1000 s rounds to 0.28 h', [{ startedMs: START + HOUR, seconds: 1000 }], 0.28],
    ['a worklog on a Saturday inside the window counts', [log(Date.UTC(2026, 2, 7, 9), 3)], 3],
    ['a negative worklog counts 0', [{ startedMs: START + HOUR, seconds: -7200 }, log(START + 2 * HOUR, 1)], 1],
  ])('%s → %d h', (_name, worklogs, hours) => {
    const ticket = aTicket(worklogs === undefined ? {} : { worklogs });
    const allocation = allocate(input({ sprintTickets: [ticket] }));
    expect(allocation.items).toEqual([{ id: '10000', key: 'SUP-1', category: 'planned', amount: hours, estimated: false }]);
    expect(allocation.used.total).toBe(hours);
  });
});

describe('points: what a support ticket used', () => {
  const points = (overrides: Partial<Ticket>, model: CapacityModel = DEFAULT_POINTS_MODEL, classification = DEFAULT_CLASSIFICATION) =>
    allocate(input({ sprintTickets: [aTicket(overrides)], model, classification, baseline: BASELINE })).items[0];

  it.each<[string, Partial<Ticket>, number, boolean]>([
    ['estimated at 5', { storyPoints: 5 }, 5, false],
    ['estimated at 0 is an estimate, not missing', { storyPoints: 0, severityValue: 'Sev 1' }, 0, false],
    ['estimated at 0.5', { storyPoints: 0.5 }, 0.5, false],
    ['unestimated S1 ("Sev 1") counts 5', { severityValue: 'Sev 1' }, 5, true],
    ['unestimated S2 ("Major") counts 3', { severityValue: 'Major' }, 3, true],
    ['unestimated S3 ("3 - Moderate") counts 2', { severityValue: '3 - Moderate' }, 2, true],
    ['unestimated S4 ("Low") counts 1', { severityValue: 'Low' }, 1, true],
    ['unestimated without severity counts the unknown default, 3', {}, 3, true],
    ['unestimated with an unrecognised severity counts 3', { severityValue: 'Spicy' }, 3, true],
    ['unreadable points (NaN) count as unestimated', { storyPoints: Number.NaN, severityValue: 'S4' }, 1, true],
    ['negative points count 0', { storyPoints: -3 }, 0, false],
    ['worklogs are ignored in points', { storyPoints: 2, worklogs: [log(START + HOUR, 8)] }, 2, false],
  ])('%s', (_name, overrides, amount, estimated) => {
    expect(points(overrides)).toEqual({ id: '10000', key: 'SUP-1', category: 'planned', amount, estimated });
  });

  it('uses the model’s own defaults per severity', () => {
    const model: CapacityModel = { kind: 'points', unestimatedPoints: { S1: 13, S2: 8, S3: 5, S4: 2, unknown: 0 } };
    expect(points({ severityValue: 'Critical' }, model)?.amount).toBe(13);
    expect(points({}, model)).toEqual({ id: '10000', key: 'SUP-1', category: 'planned', amount: 0, estimated: true });
  });

  it('reads severity through the project’s severity map', () => {
    const classification = { ...DEFAULT_CLASSIFICATION, severityMap: { ...DEFAULT_SEVERITY_MAP, S1: ['Houston'] } };
    expect(points({ severityValue: 'Houston' }, DEFAULT_POINTS_MODEL, classification)?.amount).toBe(5);
    expect(points({ severityValue: 'Houston' })?.amount).toBe(3); // unknown under the default map
  });
});

describe('allocate', () => {
  const sprintTickets: Ticket[] = [
    aTicket({ key: 'SUP-1', worklogs: [log(START + HOUR, 4), log(END + HOUR, 9)] }), // planned: 4 h in window
    aTicket({ key: 'SUP-2', decision: decided('interrupt'), worklogs: [log(START + DAY, 6.5)] }), // sanctioned
    aTicket({ key: 'SUP-3', issueType: 'Task', labels: ['Support'], createdMs: START + DAY, worklogs: [log(START + 2 * DAY, 2.25)] }), // untriaged
    aTicket({ key: 'SUP-4', issueType: 'Incident' }), // untriaged, no worklogs
    story({ key: 'APP-1', worklogs: [log(START + HOUR, 30)], storyPoints: 13 }), // not support
  ];

  it('hours: capacity, budget, breakdown, remaining and one item per support ticket', () => {
    expect(allocate(input({ sprintTickets, baseline: BASELINE }))).toEqual({
      unit: 'hours',
      capacity: 300,
      budget: 60,
      used: { sanctioned: 6.5, planned: 4, untriaged: 2.25, total: 12.75 },
      remaining: 47.25,
      items: [
        { id: '10000', key: 'SUP-1', category: 'planned', amount: 4, estimated: false },
        { id: '10000', key: 'SUP-2', category: 'sanctioned', amount: 6.5, estimated: false },
        { id: '10000', key: 'SUP-3', category: 'untriaged', amount: 2.25, estimated: false },
        { id: '10000', key: 'SUP-4', category: 'untriaged', amount: 0, estimated: false },
      ],
    });
  });

  it("each item carries its ticket's Jira id (what a per-viewer permission check names it by)", () => {
    const tickets = [aTicket({ id: '10471', key: 'SUP-1' }), aTicket({ id: '10477', key: 'SUP-2', issueType: 'Incident' })];
    expect(allocate(input({ sprintTickets: tickets })).items.map((i) => [i.key, i.id])).toEqual([['SUP-1', '10471'], ['SUP-2', '10477']]);
  });

  it('points with a baseline: capacity is the committed points, unestimated tickets are flagged', () => {
    const pointsTickets = sprintTickets.map((t, i) => ({ ...t, storyPoints: i === 3 ? undefined : [3, 5, 2, 0, 13][i] }));
    const result = allocate(input({ sprintTickets: pointsTickets, model: DEFAULT_POINTS_MODEL, baseline: BASELINE, allocationPct: 25 }));
    expect(result).toMatchObject({ unit: 'points', capacity: 40, budget: 10, remaining: -3 });
    // untriaged: SUP-3's 2 points + SUP-4's 3 (unestimated, unknown severity)
    expect(result.used).toEqual({ sanctioned: 5, planned: 3, untriaged: 5, total: 13 });
    expect(result.items.find((i) => i.key === 'SUP-4')).toEqual({ id: '10000', key: 'SUP-4', category: 'untriaged', amount: 3, estimated: true });
  });

  it('points without a baseline: capacity is the current sum of every sprint ticket, support or not', () => {
    const result = allocate(input({ sprintTickets: [aTicket({ storyPoints: 3 }), story({ key: 'APP-1', storyPoints: 13 }), story({ key: 'APP-2' })], model: DEFAULT_POINTS_MODEL }));
    expect(result.capacity).toBe(16);
    expect(result.budget).toBe(3.2);
    expect(result.used.total).toBe(3);
  });

  it.each<[string, number, number]>([
    ['allocation 0 %: no budget', 0, 0],
    ['allocation 20 %', 20, 60],
    ['allocation 100 %: the whole capacity', 100, 300],
    ['above 100 % is clamped to 100', 150, 300],
    ['below 0 % is clamped to 0', -5, 0],
    ['NaN counts 0', Number.NaN, 0],
  ])('%s', (_name, pct, budget) => {
    const result = allocate(input({ sprintTickets, allocationPct: pct, baseline: BASELINE }));
    expect(result.budget).toBe(budget);
    expect(result.remaining).toBe(budget - 12.75);
  });

  it('is over budget with a negative remaining, to the hundredth', () => {
    const heavy = aTicket({ key: 'SUP-9', decision: decided('interrupt'), worklogs: [log(START + HOUR, 60.1)] });
    const result = allocate(input({ sprintTickets: [heavy] }));
    expect(result.remaining).toBe(-0.1);
  });

  it('zero team size gives no capacity and no budget, but still reports used', () => {
    const result = allocate(input({ sprintTickets, model: { kind: 'hours', teamSize: 0, focusHoursPerDay: 6 } }));
    expect(result).toMatchObject({ capacity: 0, budget: 0, remaining: -12.75 });
  });

  it('a weekend-only window has no hours capacity', () => {
    const weekend = { startMs: Date.UTC(2026, 2, 7, 0), endMs: Date.UTC(2026, 2, 8, 23) };
    expect(allocate(input({ window: weekend })).capacity).toBe(0);
  });

  it('counts working days in the team calendar: a holiday costs a day of capacity', () => {
    const calendar = { ...DEFAULT_WORK_CALENDAR, nonWorkingDates: ['2026-03-04'] };
    expect(allocate(input({ calendar })).capacity).toBe(270);
  });

  it('counts a ticket listed twice once', () => {
    const ticket = aTicket({ worklogs: [log(START + HOUR, 1)] });
    const result = allocate(input({ sprintTickets: [ticket, ticket] }));
    expect(result.items).toHaveLength(1);
    expect(result.used.total).toBe(1);
  });

  it('respects the project’s support filter', () => {
    const classification = { ...DEFAULT_CLASSIFICATION, supportFilter: { issueTypes: ['Story'], labels: [] } };
    const result = allocate(input({ sprintTickets, classification, baseline: BASELINE }));
    expect(result.items.map((i) => i.key)).toEqual(['APP-1']);
    expect(result.used).toEqual({ sanctioned: 0, planned: 0, untriaged: 30, total: 30 });
  });
});

describe('allocate, with terms that change during the sprint', () => {
  // The 6th working day is Monday 9 March.
  const DAY_6 = Date.UTC(2026, 2, 9, 9);
  const team = (teamSize: number): CapacityModel => ({ kind: 'hours', teamSize, focusHoursPerDay: 6 });
  const at = (fromMs: number, allocationPct: number, model: CapacityModel = DEFAULT_HOURS_MODEL): BudgetTerms => ({ fromMs, allocationPct, model });
  const worked = [aTicket({ key: 'SUP-1', worklogs: [log(START + HOUR, 4), log(DAY_6 + HOUR, 6)] })];
  const points = { model: DEFAULT_POINTS_MODEL, baseline: { issueKeys: ['SUP-1'], committedPoints: 40 } };
  const pts = (fromMs: number, pct: number): BudgetTerms => at(fromMs, pct, DEFAULT_POINTS_MODEL);

  it.each<[string, Partial<AllocationInput>, number, number]>([
    ['no terms: as ever', {}, 300, 60],
    ['20 % → 30 % from day 6: 0.2 × 150 h + 0.3 × 150 h', { terms: [at(START, 20), at(DAY_6, 30)] }, 300, 75],
    ['team 5 → 4 from day 6 at 20 %: 150 h + 120 h', { terms: [at(START, 20), at(DAY_6, 20, team(4))] }, 270, 54],
    ['the same terms re-saved: as ever', { terms: [at(START - DAY, 20), at(DAY_6, 20)] }, 300, 60],
    ['changed before the start: the whole sprint', { terms: [at(START - DAY, 20), at(START - HOUR, 30, team(4))] }, 240, 72],
    ['changed after the end: as ever', { terms: [at(START, 20), at(END, 90)] }, 300, 60],
    ['a points entry in an hours sprint is ignored', { terms: [at(START, 20), pts(DAY_6, 90)] }, 300, 60],
    ['points, 20 % → 50 % from day 6: 4 points a day', { ...points, terms: [pts(START, 20), pts(DAY_6, 50)] }, 40, 14],
    ['points, an hours entry is ignored', { ...points, terms: [pts(START, 20), at(DAY_6, 50)] }, 40, 8],
  ])('%s', (_name, overrides, capacity, budget) => {
    const result = allocate(input({ sprintTickets: worked, ...overrides }));
    const used = result.unit === 'hours' ? 10 : 3; // SUP-1: 4 h + 6 h, or its 3 default points
    expect(result).toMatchObject({ capacity, budget, remaining: budget - used, used: { total: used } });
    expect(result.unit).toBe((overrides.model ?? DEFAULT_HOURS_MODEL).kind);
  });

  it('terms never change used or the items: unestimated points count input.model’s defaults', () => {
    const unestimated = [aTicket({ key: 'SUP-1' })];
    const richer = { ...DEFAULT_POINTS_MODEL, unestimatedPoints: { ...DEFAULT_POINTS_MODEL.unestimatedPoints, unknown: 8 } };
    const plain = allocate(input({ sprintTickets: unestimated, ...points }));
    const stepped = allocate(input({ sprintTickets: unestimated, ...points, terms: [at(START, 20, richer), at(DAY_6, 50, richer)] }));
    expect(stepped.used).toEqual(plain.used);
    expect(stepped.items).toEqual(plain.items);
    expect(stepped.budget).toBe(14);
  });
});

describe('supportEfforts (when effort happened)', () => {
  const decidedAt = START + 3 * DAY;
  const tickets = [
    aTicket({ key: 'SUP-1', storyPoints: 2, createdMs: START - DAY }),
    aTicket({ key: 'SUP-2', storyPoints: 3, decision: decided('interrupt', decidedAt) }),
    aTicket({ key: 'SUP-3', storyPoints: 1, decision: decided('interrupt', START - 5 * DAY) }),
    aTicket({ key: 'SUP-4', storyPoints: 1, decision: decided('interrupt', END + DAY) }),
    aTicket({ key: 'SUP-5', storyPoints: 1, createdMs: START + 2 * DAY }),
    aTicket({ key: 'SUP-6', storyPoints: 1, createdMs: START - 9 * DAY }),
    aTicket({ key: 'SUP-7', storyPoints: 1, decision: { ...decided('interrupt'), decidedAt: 'not a date' } }),
    aTicket({ key: 'SUP-8', storyPoints: 1 }),
    story({ key: 'APP-1', storyPoints: 8, createdMs: START + DAY }),
  ];

  it.each<[string, string, number]>([
    ['planned: at the sprint start', 'SUP-1', START],
    ['sanctioned: at the decision', 'SUP-2', decidedAt],
    ['sanctioned before the sprint: clamped to the start', 'SUP-3', START],
    ['sanctioned after the sprint: clamped to the end', 'SUP-4', END],
    ['untriaged: when created', 'SUP-5', START + 2 * DAY],
    ['untriaged, created before the start: at the start', 'SUP-6', START],
    ['sanctioned with an unreadable decision date: at the start', 'SUP-7', START],
    ['untriaged with an unknown creation date: at the start', 'SUP-8', START],
  ])('points, %s', (_name, key, atMs) => {
    const efforts = supportEfforts(input({ sprintTickets: tickets, model: DEFAULT_POINTS_MODEL, baseline: BASELINE }));
    expect(efforts.find((e) => e.key === key)?.atMs).toBe(atMs);
    expect(efforts.map((e) => e.key)).not.toContain('APP-1');
  });

  it('hours: one effort per in-window worklog, at its start, in hundredths', () => {
    const ticket = aTicket({ worklogs: [log(START - 1, 1), log(START, 1.5), log(END - 1, 0.25), log(END, 4)] });
    expect(supportEfforts(input({ sprintTickets: [ticket] }))).toEqual([
      { key: 'SUP-1', category: 'planned', atMs: START, hundredths: 150, estimated: false },
      { key: 'SUP-1', category: 'planned', atMs: END - 1, hundredths: 25, estimated: false },
    ]);
  });

  it('an inverted window clamps to its start', () => {
    const inverted = { startMs: END, endMs: START };
    const efforts = supportEfforts(input({ window: inverted, model: DEFAULT_POINTS_MODEL, sprintTickets: [aTicket({ storyPoints: 1, decision: decided('interrupt', START + DAY) })] }));
    expect(efforts[0]?.atMs).toBe(END);
  });
});

describe('budgetFor', () => {
  it.each<[number, number, number]>([
    [300, 20, 60],
    [300, 0, 0],
    [300, 100, 300],
    [33.33, 33, 11], // 10.9989 rounds to hundredths
    [0, 50, 0],
  ])('%d at %d %% → %d', (capacity, pct, budget) => {
    expect(budgetFor(capacity, pct)).toBe(budget);
  });
});

// ---- properties ----
const hoursOffset = fc.integer({ min: -3 * DAY, max: 17 * DAY });
const arbWorklog: fc.Arbitrary<Worklog> = fc.record({
  startedMs: hoursOffset.map((o) => START + o),
  seconds: fc.integer({ min: -600, max: 12 * 3600 }),
});
const arbTicket = (key: string): fc.Arbitrary<Ticket> =>
  fc
    .record({
      issueType: fc.constantFrom('Bug', 'Incident', 'Story', 'Task'),
      labels: fc.subarray(['support', 'frontend']),
      storyPoints: fc.option(fc.oneof(fc.integer({ min: 0, max: 13 }), fc.double({ min: 0, max: 21, noNaN: true })), { nil: undefined }),
      severityValue: fc.option(fc.constantFrom('Sev 1', 'Major', 'S3', 'Low', 'Spicy'), { nil: undefined }),
      createdMs: fc.option(hoursOffset.map((o) => START + o), { nil: undefined }),
      worklogs: fc.option(fc.array(arbWorklog, { maxLength: 5 }), { nil: undefined }),
      decision: fc.option(
        fc.tuple(fc.constantFrom<Outcome>('interrupt', 'backlog', 'needs-info'), hoursOffset).map(([o, at]) => decided(o, START + at)),
        { nil: undefined },
      ),
    })
    .map((fields) => aTicket({ key, ...fields }));
const arbTickets = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbTicket(`T-${i}`))));
const arbModel: fc.Arbitrary<CapacityModel> = fc.oneof(
  fc.record({ kind: fc.constant('hours' as const), teamSize: fc.integer({ min: 0, max: 9 }), focusHoursPerDay: fc.double({ min: 0, max: 8, noNaN: true }) }),
  fc.constant(DEFAULT_POINTS_MODEL),
);
const arbInput = fc
  .record({
    tickets: arbTickets,
    model: arbModel,
    pct: fc.integer({ min: 0, max: 100 }),
    baselineKeys: fc.option(fc.subarray(Array.from({ length: 8 }, (_, i) => `T-${i}`)), { nil: undefined }),
  })
  .map(({ tickets, model, pct, baselineKeys }) =>
    input({
      sprintTickets: tickets,
      model,
      allocationPct: pct,
      ...(baselineKeys === undefined ? {} : { baseline: { issueKeys: baselineKeys, committedPoints: 30 } }),
    }),
  );

describe('allocation properties', () => {
  it('amounts are never negative and the breakdown sums exactly to the total', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const { used, items, budget, remaining } = allocate(i);
        for (const item of items) expect(item.amount).toBeGreaterThanOrEqual(0);
        for (const part of [used.sanctioned, used.planned, used.untriaged]) expect(part).toBeGreaterThanOrEqual(0);
        const hundredths = (x: number): number => Math.round(x * 100);
        expect(hundredths(used.sanctioned) + hundredths(used.planned) + hundredths(used.untriaged)).toBe(hundredths(used.total));
        expect(used.total).toBe(hundredths(used.total) / 100); // no float noise in what the UI shows
        // each category is the sum of its items' amounts (in hundredths, exactly)
        for (const category of ['sanctioned', 'planned', 'untriaged'] as const) {
          const items100 = items.filter((it) => it.category === category).reduce((s, it) => s + Math.round(it.amount * 100), 0);
          expect(items100).toBe(Math.round(used[category] * 100));
        }
        expect(Math.round(remaining * 100)).toBe(Math.round(budget * 100) - Math.round(used.total * 100));
      }),
    );
  });

  it('has one item per support ticket and never one for a non-support ticket', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const support = i.sprintTickets.filter((t) => ['Bug', 'Incident'].includes(t.issueType) || t.labels.includes('support'));
        expect(allocate(i).items.map((it) => it.key)).toEqual(support.map((t) => t.key));
      }),
    );
  });

  it('non-support tickets never change used', () => {
    const nonSupport = fc.array(
      fc.record({ points: fc.nat(13), hours: fc.nat(40) }).map(({ points, hours }) =>
        story({ key: `APP-${points}-${hours}`, storyPoints: points, worklogs: [log(START + HOUR, hours)], decision: decided('interrupt') }),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(arbInput, nonSupport, (i, extra) => {
        const before = allocate(i);
        const after = allocate({ ...i, sprintTickets: [...i.sprintTickets, ...extra] });
        expect(after.used).toEqual(before.used);
        expect(after.items).toEqual(before.items);
      }),
    );
  });

  it('the budget grows with the percentage: 0 % is nothing, 100 % is the capacity', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (i, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowBudget = allocate({ ...i, allocationPct: low }).budget;
        const highBudget = allocate({ ...i, allocationPct: high }).budget;
        expect(lowBudget).toBeLessThanOrEqual(highBudget);
        expect(allocate({ ...i, allocationPct: 0 }).budget).toBe(0);
        const full = allocate({ ...i, allocationPct: 100 });
        expect(full.budget).toBe(full.capacity);
        expect(Math.abs(highBudget - (full.capacity * high) / 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

const termsOffset = fc.integer({ min: -5 * DAY, max: 20 * DAY });
const arbTermsModel: fc.Arbitrary<CapacityModel> = fc.oneof(
  fc.record({ kind: fc.constant('hours' as const), teamSize: fc.integer({ min: 0, max: 9 }), focusHoursPerDay: fc.double({ min: 0, max: 8, noNaN: true }) }),
  fc.constant(DEFAULT_POINTS_MODEL),
);
const arbTerms: fc.Arbitrary<BudgetTerms[]> = fc.array(
  fc.record({ fromMs: termsOffset.map((o) => START + o), allocationPct: fc.integer({ min: -10, max: 110 }), model: arbTermsModel }),
  { maxLength: 5 },
);

describe('allocation properties, with terms', () => {
  it('budget and capacity are never negative or NaN; remaining is budget − used; used and items ignore terms', () => {
    fc.assert(
      fc.property(arbInput, arbTerms, (i, terms) => {
        const plain = allocate(i);
        const stepped = allocate({ ...i, terms });
        for (const x of [stepped.capacity, stepped.budget]) expect(Number.isFinite(x) && x >= 0).toBe(true);
        expect(stepped.budget).toBeLessThanOrEqual(stepped.capacity);
        expect(stepped.unit).toBe(i.model.kind);
        expect(stepped.used).toEqual(plain.used);
        expect(stepped.items).toEqual(plain.items);
        expect(Math.round(stepped.remaining * 100)).toBe(Math.round(stepped.budget * 100) - Math.round(stepped.used.total * 100));
        if (i.model.kind === 'points') expect(stepped.capacity).toBe(plain.capacity);
      }),
    );
  });

  it('terms that all equal the input’s model and pct give exactly the result without terms', () => {
    fc.assert(
      fc.property(arbInput, fc.array(termsOffset, { maxLength: 5 }), (i, offsets) => {
        const terms = offsets.map((o): BudgetTerms => ({ fromMs: START + o, allocationPct: i.allocationPct, model: i.model }));
        expect(allocate({ ...i, terms })).toEqual(allocate(i));
      }),
    );
  });

  it('a change at or after the window end changes nothing', () => {
    fc.assert(
      fc.property(arbInput, arbTerms, fc.nat(10 * DAY), fc.integer({ min: 0, max: 100 }), arbTermsModel, (i, terms, late, pct, model) => {
        fc.pre(terms.some((t) => t.fromMs < END));
        const withLate = [...terms, { fromMs: END + late, allocationPct: pct, model }];
        expect(allocate({ ...i, terms: withLate })).toEqual(allocate({ ...i, terms }));
      }),
    );
  });
});

describe('usedFromHundredths', () => {
  it('totals in integers, so 0.1 + 0.2 shows as 0.3', () => {
    expect(usedFromHundredths({ sanctioned: 10, planned: 20, untriaged: 0 })).toEqual({ sanctioned: 0.1, planned: 0.2, untriaged: 0, total: 0.3 });
  });
});
