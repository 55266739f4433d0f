import fc from 'fast-check';
import { budgetFor, steppedBudget, termsInWindow, type BudgetBasis, type BudgetTerms, type SteppedBudget } from './budget-terms';
import { DEFAULT_WORK_CALENDAR, localDate, workingDays, type SprintWindow, type WorkCalendar } from './calendar';
import { DEFAULT_HOURS_MODEL, DEFAULT_POINTS_MODEL, type CapacityModel, type HoursModel } from './capacity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Mon 2026-03-02 10:00 UTC → Mon 2026-03-16 10:00 UTC: 10 working days, 300 h for 5 × 6 h.
const START = Date.UTC(2026, 2, 2, 10);
const END = Date.UTC(2026, 2, 16, 10);
const WINDOW: SprintWindow = { startMs: START, endMs: END };
/** Noon UTC of a March 2026 date. */
const utc = (day: number, hour = 12, minute = 0): number => Date.UTC(2026, 2, day, hour, minute);
// The 6th working day is Monday 9 March.
const DAY_6 = utc(9, 9);

const team = (teamSize: number, focusHoursPerDay = 6): HoursModel => ({ kind: 'hours', teamSize, focusHoursPerDay });
const at = (fromMs: number, allocationPct: number, model: CapacityModel = DEFAULT_HOURS_MODEL): BudgetTerms => ({ fromMs, allocationPct, model });

const basis = (overrides: Partial<BudgetBasis> & { calendar?: WorkCalendar } = {}): BudgetBasis => {
  const { calendar = DEFAULT_WORK_CALENDAR, ...rest } = overrides;
  const window = rest.window ?? WINDOW;
  return {
    days: workingDays(window, calendar),
    window,
    timeZone: calendar.timeZone,
    model: DEFAULT_HOURS_MODEL,
    allocationPct: 20,
    pointsCapacity: 0,
    ...rest,
  };
};
const budgetLine = (stepped: SteppedBudget): number[] => stepped.line.map((point) => point.budget);
const line = (b: BudgetBasis): number[] => budgetLine(steppedBudget(b));

describe('budgetFor', () => {
  it.each<[number, number, number]>([
    [300, 20, 60],
    [150, 30, 45],
    [300, -5, 0],
    [300, 150, 300],
    [300, Number.NaN, 0],
    [33.33, 33, 11],
  ])('%d at %d %% → %d', (capacity, pct, budget) => {
    expect(budgetFor(capacity, pct)).toBe(budget);
  });
});

describe('termsInWindow', () => {
  const a = at(START - 10 * DAY, 10);
  const b = at(START - DAY, 20);
  const c = at(START + DAY, 30);
  const d = at(START + 3 * DAY, 40);
  const e = at(END + DAY, 50);
  it.each<[string, BudgetTerms[], BudgetTerms[]]>([
    ['nothing saved → nothing', [], []],
    ['the latest before the start, then the ones inside, in time order', [d, a, c, b], [b, c, d]],
    ['an entry exactly at the start is the one in force at the start', [a, at(START, 25), c], [at(START, 25), c]],
    ['an entry exactly at the end, or after it, is left out', [b, at(END, 60), e], [b]],
    ['nothing before the start: the earliest stands for the time before it', [d, c], [c, d]],
    ['only entries after the end: the earliest still stands for the sprint', [e, at(END + 2 * DAY, 70)], [e]],
    ['two saves at one instant: the later in the list wins', [c, at(START + DAY, 35), b], [b, at(START + DAY, 35)]],
    ['two saves at one instant before the start: the later in the list wins', [at(START - DAY, 21), b], [b]],
    ['an unreadable instant is dropped', [at(Number.NaN, 99), c, at(Number.POSITIVE_INFINITY, 99)], [c]],
  ])('%s', (_name, all, expected) => {
    expect(termsInWindow(all, WINDOW)).toEqual(expected);
  });

  it('does not reorder its argument', () => {
    const all = [d, a, c];
    termsInWindow(all, WINDOW);
    expect(all).toEqual([d, a, c]);
  });
});

describe('steppedBudget', () => {
  it.each<[string, Partial<BudgetBasis>, number, number, number[]]>([
    ['no terms: the basis throughout', {}, 300, 60, Array(10).fill(60)],
    ['empty terms: the basis throughout', { terms: [] }, 300, 60, Array(10).fill(60)],
    ['20 % → 30 % from day 6: 0.2 × 150 + 0.3 × 150', { terms: [at(START, 20), at(DAY_6, 30)] }, 300, 75, [...Array(5).fill(60), ...Array(5).fill(75)]],
    ['team 5 → 4 from day 6 at 20 %: 150 + 120 h', { terms: [at(START, 20), at(DAY_6, 20, team(4))] }, 270, 54, [...Array(5).fill(60), ...Array(5).fill(54)]],
    ['focus 6 → 4 h from day 6: 150 + 100 h', { terms: [at(START, 20), at(DAY_6, 20, team(5, 4))] }, 250, 50, [...Array(5).fill(60), ...Array(5).fill(50)]],
    ['saved at 17:00 on Wednesday: Wednesday is already the new terms’', { terms: [at(START, 20), at(utc(4, 17), 50)] }, 300, 132, [60, 60, ...Array(8).fill(132)]],
    ['saved before the start: the whole sprint uses it', { terms: [at(START - 3 * DAY, 30)] }, 300, 90, Array(10).fill(90)],
    ['saved on the first day, after the start hour: still the whole sprint', { terms: [at(START - DAY, 20), at(START + 4 * HOUR, 30)] }, 300, 90, Array(10).fill(90)],
    ['the first known terms stand for the days before them', { terms: [at(utc(4), 30), at(DAY_6, 40)] }, 300, 105, [...Array(5).fill(90), ...Array(5).fill(105)]],
    ['saved after the end: changes nothing', { terms: [at(START, 20), at(END + HOUR, 90)] }, 300, 60, Array(10).fill(60)],
    ['saved on the end date after the end: changes nothing', { terms: [at(START, 20), at(utc(13, 18), 90)], window: { startMs: START, endMs: utc(13, 17) } }, 300, 60, Array(10).fill(60)],
    ['saved on a Saturday: counts from Monday', { terms: [at(START, 20), at(utc(7), 30)] }, 300, 75, [...Array(5).fill(60), ...Array(5).fill(75)]],
    ['changed and changed back: the days in between only', { terms: [at(START, 20), at(utc(4), 50), at(utc(5), 20)] }, 300, 69, [60, 60, 132, 69, 69, 69, 69, 69, 69, 69]],
    ['re-saved unchanged: no step', { terms: [at(START, 20), at(utc(4), 20), at(DAY_6, 20, team(5))] }, 300, 60, Array(10).fill(60)],
    ['a points entry in an hours sprint is ignored: its days keep the basis', { terms: [at(START, 20), at(DAY_6, 50, DEFAULT_POINTS_MODEL)] }, 300, 60, Array(10).fill(60)],
    ['a points entry first: the basis until the hours entry', { terms: [at(START, 50, DEFAULT_POINTS_MODEL), at(DAY_6, 30)] }, 300, 75, [...Array(5).fill(60), ...Array(5).fill(75)]],
    ['a pct outside 0–100 counts clamped', { terms: [at(START, -10), at(DAY_6, 130)] }, 300, 150, [0, 0, 0, 0, 0, 150, 150, 150, 150, 150]],
    ['no working day: nothing, whatever the terms', { window: { startMs: START, endMs: START }, terms: [at(START, 50)] }, 0, 0, []],
  ])('%s', (_name, overrides, capacity, budget, expectedLine) => {
    const stepped = steppedBudget(basis(overrides));
    expect(stepped).toMatchObject({ capacity, budget });
    expect(budgetLine(stepped)).toEqual(expectedLine);
  });

  it('in the team’s zone: Tue 23:30 UTC is Wednesday in Berlin, so Wednesday gets the change', () => {
    const berlin: WorkCalendar = { ...DEFAULT_WORK_CALENDAR, timeZone: 'Europe/Berlin' };
    const terms = [at(START, 20), at(utc(3, 23, 30), 50)];
    expect(line(basis({ calendar: berlin, terms }))).toEqual([60, 60, ...Array(8).fill(132)]);
    // in UTC it is still Tuesday evening: Tuesday already gets the change
    expect(line(basis({ terms }))).toEqual([60, ...Array(9).fill(141)]);
  });

  it('lists the steps: first day, day count, terms, capacity, budget and line', () => {
    const stepped = steppedBudget(basis({ terms: [at(START, 20), at(DAY_6, 30, team(4))] }));
    expect(stepped.steps).toEqual([
      { firstDay: 0, dayCount: 5, allocationPct: 20, model: DEFAULT_HOURS_MODEL, capacity: 150, budget: 30, line: 60 },
      { firstDay: 5, dayCount: 5, allocationPct: 30, model: team(4), capacity: 120, budget: 36, line: 66 },
    ]);
  });

  describe('points', () => {
    const points = (overrides: Partial<BudgetBasis>): BudgetBasis => basis({ model: DEFAULT_POINTS_MODEL, pointsCapacity: 40, ...overrides });
    const pts = (fromMs: number, pct: number): BudgetTerms => at(fromMs, pct, DEFAULT_POINTS_MODEL);
    it.each<[string, Partial<BudgetBasis>, number, number, number[]]>([
      ['no terms: the committed points × pct', {}, 40, 8, Array(10).fill(8)],
      ['20 % → 50 % from day 6: each day carries 4 points', { terms: [pts(START, 20), pts(DAY_6, 50)] }, 40, 14, [...Array(5).fill(8), ...Array(5).fill(14)]],
      ['an hours entry in a points sprint is ignored', { terms: [pts(START, 20), at(DAY_6, 50)] }, 40, 8, Array(10).fill(8)],
      ['10 points, 100 % on 2 of 10 days: 1 point a day', { pointsCapacity: 10, terms: [pts(START, 0), pts(utc(5), 100), pts(DAY_6, 0)] }, 10, 2, [0, 0, 0, 7, 7, 2, 2, 2, 2, 2]],
      ['no working day: the committed points at the terms in force at the start', { window: { startMs: START, endMs: START }, terms: [pts(START - DAY, 50), pts(START + DAY, 10)] }, 40, 20, []],
    ])('%s', (_name, overrides, capacity, budget, expectedLine) => {
      const stepped = steppedBudget(points(overrides));
      expect(stepped).toMatchObject({ capacity, budget });
      expect(budgetLine(stepped)).toEqual(expectedLine);
    });

    it('a third of the points per day: the shares are cut at cumulative hundredths', () => {
      // 10 points over 3 days: cut at round(333.33) = 333 and round(666.67) = 667 hundredths.
      const window = { startMs: START, endMs: utc(4, 18) };
      const stepped = steppedBudget(points({ window, pointsCapacity: 10, terms: [pts(START, 0), pts(utc(3), 100), pts(utc(4), 0)] }));
      expect(stepped.steps.map((s) => s.capacity)).toEqual([3.33, 3.34, 3.33]);
      expect(stepped).toMatchObject({ capacity: 10, budget: 3.34 });
    });
  });
});

// ---- properties ----
const offset = fc.integer({ min: -3 * DAY, max: 17 * DAY });
const arbHours: fc.Arbitrary<CapacityModel> = fc.record({
  kind: fc.constant('hours' as const),
  teamSize: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.double({ min: -1, max: 9 })),
  focusHoursPerDay: fc.oneof(fc.integer({ min: 0, max: 32 }).map((q) => q / 4), fc.double({ min: 0, max: 8, noNaN: true })),
});
const arbModel: fc.Arbitrary<CapacityModel> = fc.oneof({ weight: 4, arbitrary: arbHours }, { weight: 1, arbitrary: fc.constant(DEFAULT_POINTS_MODEL) });
const arbPct = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.double({ min: -20, max: 120 }) });
const arbTerms = fc.array(fc.record({ fromMs: offset.map((o) => START + o), allocationPct: arbPct, model: arbModel }), { maxLength: 6 });
const arbBasis = fc
  .record({
    model: fc.oneof(arbHours, fc.constant(DEFAULT_POINTS_MODEL)),
    pct: arbPct,
    terms: fc.option(arbTerms, { nil: undefined }),
    points: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 200, noNaN: true })),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
    startShift: fc.integer({ min: -2 * DAY, max: 2 * DAY }),
    length: fc.integer({ min: 0, max: 16 * DAY }),
  })
  .map(({ model, pct, terms, points, timeZone, startShift, length }) =>
    basis({
      calendar: { ...DEFAULT_WORK_CALENDAR, timeZone },
      window: { startMs: START + startShift, endMs: START + startShift + length },
      model,
      allocationPct: pct,
      pointsCapacity: points,
      ...(terms === undefined ? {} : { terms }),
    }),
  );
const hundredths = (x: number): number => Math.round(x * 100);
const isHundredths = (x: number): boolean => Number.isFinite(x) && x >= 0 && Math.abs(x * 100 - hundredths(x)) < 1e-6;

describe('steppedBudget properties', () => {
  it('capacity, budget and the line are never negative or NaN, in whole hundredths', () => {
    fc.assert(
      fc.property(arbBasis, (b) => {
        const stepped = steppedBudget(b);
        for (const x of [stepped.capacity, stepped.budget, ...budgetLine(stepped)]) expect(isHundredths(x)).toBe(true);
        expect(stepped.budget).toBeLessThanOrEqual(stepped.capacity);
      }),
    );
  });

  it('the steps and the line cover every working day once, in order; the steps sum exactly to the capacity and the budget', () => {
    fc.assert(
      fc.property(arbBasis, (b) => {
        const { steps, capacity, budget, line: points } = steppedBudget(b);
        expect(steps.reduce((n, s) => n + s.dayCount, 0)).toBe(b.days.length);
        expect(points.map((p) => p.date)).toEqual(b.days);
        steps.forEach((s, k) => expect(s.firstDay).toBe(k === 0 ? 0 : (steps[k - 1]?.firstDay ?? 0) + (steps[k - 1]?.dayCount ?? 0)));
        expect(steps.reduce((n, s) => n + hundredths(s.capacity), 0)).toBe(hundredths(capacity));
        expect(steps.reduce((n, s) => n + hundredths(s.budget), 0)).toBe(hundredths(budget));
        for (const s of steps) expect(s.model.kind).toBe(b.model.kind);
      }),
    );
  });

  it('the line starts at the first terms’ full-sprint budget and ends at the budget', () => {
    fc.assert(
      fc.property(arbBasis, (b) => {
        const stepped = steppedBudget(b);
        const values = budgetLine(stepped);
        fc.pre(values.length > 0);
        expect(values[values.length - 1]).toBe(stepped.budget);
        const first = stepped.steps[0];
        expect(values[0]).toBe(steppedBudget({ ...b, model: first?.model ?? b.model, allocationPct: first?.allocationPct ?? 0, terms: [] }).budget);
      }),
    );
  });

  it('the line is constant between changes: it moves only on a day some entry took effect', () => {
    fc.assert(
      fc.property(arbBasis, (b) => {
        const values = budgetLine(steppedBudget(b));
        const changeDates = termsInWindow(b.terms ?? [], b.window).map((t) => localDate(t.fromMs, b.timeZone));
        for (let k = 1; k < values.length; k += 1) {
          const [previous, today] = [b.days[k - 1] ?? '', b.days[k] ?? ''];
          if (!changeDates.some((date) => date > previous && date <= today)) expect(values[k]).toBe(values[k - 1]);
        }
      }),
    );
  });

  it('terms that all equal the basis give exactly the basis’ numbers', () => {
    fc.assert(
      fc.property(arbBasis, fc.array(offset, { maxLength: 5 }), (b, offsets) => {
        const terms = offsets.map((o) => at(START + o, b.allocationPct, b.model));
        expect(steppedBudget({ ...b, terms })).toEqual(steppedBudget({ ...b, terms: undefined }));
      }),
    );
  });

  it('a change at or after the window end changes nothing', () => {
    fc.assert(
      fc.property(arbBasis, fc.nat(20 * DAY), arbPct, arbModel, (b, late, pct, model) => {
        // Some entry already governs the sprint (else the new one, the first known, would stand for it).
        fc.pre(b.days.length > 0 && (b.terms ?? []).some((t) => t.fromMs < b.window.endMs));
        const after = [...(b.terms ?? []), at(b.window.endMs + late, pct, model)];
        expect(steppedBudget({ ...b, terms: after })).toEqual(steppedBudget(b));
      }),
    );
  });

  it('a change before the window start, the latest one, makes the whole sprint use it', () => {
    fc.assert(
      fc.property(arbBasis, fc.integer({ min: 1, max: 20 * DAY }), arbPct, (b, early, pct) => {
        const model = b.model.kind === 'hours' ? team(3, 7) : DEFAULT_POINTS_MODEL;
        const { startMs, endMs } = b.window;
        // Keep what it supersedes (earlier) and what never counts (after the end); drop the rest.
        const others = (b.terms ?? []).filter((t) => t.fromMs < startMs - early || (t.fromMs >= endMs && t.fromMs > startMs));
        const terms = [...others, at(startMs - early, pct, model)];
        expect(steppedBudget({ ...b, terms })).toEqual(steppedBudget({ ...b, model, allocationPct: pct, terms: undefined }));
      }),
    );
  });
});

describe('raising the pct on a day never lowers the final budget', () => {
  // Realistic settings: whole pct, at least a person-hour (or two points) a day, so a raise of a
  // point is worth at least a hundredth and the rounding of a new step cannot eat it.
  const arbRealHours: fc.Arbitrary<HoursModel> = fc.record({
    kind: fc.constant('hours' as const),
    teamSize: fc.integer({ min: 1, max: 12 }),
    focusHoursPerDay: fc.integer({ min: 4, max: 32 }).map((q) => q / 4),
  });
  const arbCase = fc.record({
    points: fc.boolean(),
    basisModel: arbRealHours,
    pct: fc.integer({ min: 0, max: 100 }),
    terms: fc.array(fc.record({ fromMs: offset.map((o) => START + o), allocationPct: fc.integer({ min: 0, max: 100 }), model: arbRealHours }), { maxLength: 5 }),
    changeAt: offset.map((o) => START + o),
    raise: fc.integer({ min: 1, max: 100 }),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
    committed: fc.integer({ min: 40, max: 200 }),
  });
  const toBasis = (c: typeof arbCase extends fc.Arbitrary<infer T> ? T : never): BudgetBasis => {
    const recast = (model: CapacityModel): CapacityModel => (c.points ? DEFAULT_POINTS_MODEL : model);
    return basis({
      calendar: { ...DEFAULT_WORK_CALENDAR, timeZone: c.timeZone },
      model: recast(c.basisModel),
      allocationPct: c.pct,
      pointsCapacity: c.committed,
      terms: c.terms.map((t) => ({ ...t, model: recast(t.model) })),
    });
  };
  /** The terms in force at an instant's date, as the day rule reads them. */
  const inForce = (b: BudgetBasis, ms: number): BudgetTerms => {
    const entries = termsInWindow(b.terms ?? [], b.window);
    const date = localDate(ms, b.timeZone);
    return entries.filter((t) => localDate(t.fromMs, b.timeZone) <= date).pop() ?? entries[0] ?? at(ms, b.allocationPct, b.model);
  };

  it('a new entry from a day, same model, a higher pct', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const b = toBasis(c);
        // A save at the very instant of another replaces it (model and all): that is not a raise.
        fc.pre(!(b.terms ?? []).some((t) => t.fromMs === c.changeAt));
        const known = b.terms?.length ? b.terms : [at(b.window.startMs, b.allocationPct, b.model)];
        // A new earliest entry would also stand for the days before the old earliest one, whose
        // terms it does not share: a raise on its own days only, not on those.
        fc.pre((termsInWindow(known, b.window)[0]?.fromMs ?? 0) < c.changeAt);
        const current = inForce({ ...b, terms: known }, c.changeAt);
        const raised = at(c.changeAt, current.allocationPct + c.raise, current.model);
        const terms = [...known, raised];
        expect(steppedBudget({ ...b, terms }).budget).toBeGreaterThanOrEqual(steppedBudget(b).budget);
      }),
      { numRuns: 300 },
    );
  });

  it('an existing entry raised', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), (c, which) => {
        const b = toBasis(c);
        const terms = b.terms ?? [];
        fc.pre(terms.length > 0);
        const k = which % terms.length;
        const raisedTerms = terms.map((t, i) => (i === k ? { ...t, allocationPct: t.allocationPct + c.raise } : t));
        expect(steppedBudget({ ...b, terms: raisedTerms }).budget).toBeGreaterThanOrEqual(steppedBudget(b).budget);
      }),
      { numRuns: 300 },
    );
  });
});
