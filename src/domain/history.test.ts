import fc from 'fast-check';
import { aDecision } from '../../test/builders/decision';
import { aTicket } from '../../test/builders/ticket';
import type { TriageDecision } from './decision';
import { historyRow, historyTable, ratioPct, type HistoryRow, type HistoryRowInput, type SprintRecord } from './history';
import { DEFAULT_SUPPORT_FILTER } from './support-filter';
import type { Ticket } from './ticket';

const START = Date.UTC(2025, 0, 6); // Monday 6 January 2025
const END = Date.UTC(2025, 0, 20);
const iso = (ms: number): string => new Date(ms).toISOString();

const aSprint = (overrides: Partial<SprintRecord> = {}): SprintRecord => ({
  sprintId: 42,
  name: 'Sprint 42',
  startMs: START,
  endMs: END,
  capacity: 300,
  budget: 60,
  used: 75,
  unit: 'hours',
  ...overrides,
});

const decision = (overrides: Partial<TriageDecision> = {}): TriageDecision => aDecision({ ruleId: 'p1', decidedAt: iso(START + 1_000), ...overrides });

const classification = { supportFilter: DEFAULT_SUPPORT_FILTER };

const row = (overrides: Partial<HistoryRowInput> = {}): HistoryRow =>
  historyRow({ sprint: aSprint(), sprintTickets: [], deferredTickets: [], defectTickets: [], classification, ...overrides });

describe('ratioPct: one decimal, 0 when there is nothing to divide by', () => {
  it.each([
    [20, 100, 20],
    [0, 100, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [150, 100, 150],
    [5, 0, 0],
    [5, -10, 0],
    [Number.NaN, 100, 0],
    [5, Number.NaN, 0],
    [5, Number.POSITIVE_INFINITY, 0],
  ])('%p of %p → %p%', (part, whole, expected) => {
    expect(ratioPct(part, whole)).toBe(expected);
  });
});

describe('historyRow: figures of the sprint', () => {
  it('copies the sprint record and derives the share and allocation', () => {
    const r = row({ sprint: aSprint({ capacity: 300, budget: 60, used: 75, unit: 'points' }) });
    expect(r).toMatchObject({
      sprintId: 42,
      name: 'Sprint 42',
      startMs: START,
      endMs: END,
      unit: 'points',
      capacity: 300,
      budget: 60,
      used: 75,
      sharePct: 25,
      allocationPct: 20,
    });
  });

  it.each([
    [{ capacity: 0, budget: 0, used: 4 }, 0, 0],
    [{ capacity: 90, budget: 20, used: 33 }, 36.7, 22.2],
    [{ capacity: 100, budget: 20, used: 130 }, 130, 20],
  ])('%j → share %p%, allocation %p%', (figures, share, allocation) => {
    const r = row({ sprint: aSprint(figures) });
    expect(r.sharePct).toBe(share);
    expect(r.allocationPct).toBe(allocation);
  });

  it('an empty sprint has all counts at zero', () => {
    expect(row()).toMatchObject({ interrupts: 0, deferred: 0, velocityPoints: 0, defects: { opened: 0, closed: 0, net: 0 } });
  });
});

describe('historyRow: interrupts', () => {
  it.each<[string, Partial<Ticket>, number]>([
    ['support ticket decided interrupt', { decision: decision() }, 1],
    ['decided interrupt for this sprint', { decision: decision({ sprintId: 42 }) }, 1],
    ['decided interrupt for another sprint (carried over)', { decision: decision({ sprintId: 41 }) }, 0],
    ['decided backlog', { decision: decision({ outcome: 'backlog' }) }, 0],
    ['decided needs-info', { decision: decision({ outcome: 'needs-info' }) }, 0],
    ['no decision', {}, 0],
    ['a Story decided interrupt is not support', { issueType: 'Story', decision: decision() }, 0],
    ['a Story labelled support is support', { issueType: 'Story', labels: ['Support'], decision: decision() }, 1],
  ])('%s → %p', (_name, overrides, expected) => {
    expect(row({ sprintTickets: [aTicket(overrides)] }).interrupts).toBe(expected);
  });

  it('counts several, and a ticket listed twice once', () => {
    const a = aTicket({ id: '1', decision: decision() });
    const b = aTicket({ id: '2', issueType: 'Incident', decision: decision() });
    expect(row({ sprintTickets: [a, b, a] }).interrupts).toBe(2);
  });

  it('follows the project support filter', () => {
    const task = aTicket({ issueType: 'Task', decision: decision() });
    const custom = { supportFilter: { issueTypes: ['task'], labels: [] } };
    expect(row({ sprintTickets: [task] }).interrupts).toBe(0);
    expect(row({ sprintTickets: [task], classification: custom }).interrupts).toBe(1);
  });
});

describe('historyRow: deferred', () => {
  it.each<[string, TriageDecision | undefined, number]>([
    ['backlog decided at the start', decision({ outcome: 'backlog', decidedAt: iso(START) }), 1],
    ['backlog decided mid-sprint', decision({ outcome: 'backlog', decidedAt: iso(START + 86_400_000) }), 1],
    ['backlog decided 1 ms before the end', decision({ outcome: 'backlog', decidedAt: iso(END - 1) }), 1],
    ['backlog decided at the end', decision({ outcome: 'backlog', decidedAt: iso(END) }), 0],
    ['backlog decided before the sprint', decision({ outcome: 'backlog', decidedAt: iso(START - 1) }), 0],
    ['backlog with an unreadable date', decision({ outcome: 'backlog', decidedAt: 'yesterday' }), 0],
    ['interrupt decided mid-sprint', decision({ outcome: 'interrupt' }), 0],
    ['needs-info decided mid-sprint', decision({ outcome: 'needs-info' }), 0],
    ['no decision', undefined, 0],
  ])('%s → %p', (_name, decision, expected) => {
    const ticket = aTicket(decision ? { decision } : {});
    expect(row({ deferredTickets: [ticket] }).deferred).toBe(expected);
  });

  it('reads an ISO instant with an offset as the same instant', () => {
    const decidedAt = '2025-01-20T00:30:00+01:00'; // 23:30 UTC on the 19th: inside the window
    expect(row({ deferredTickets: [aTicket({ decision: decision({ outcome: 'backlog', decidedAt }) })] }).deferred).toBe(1);
  });

  it('counts each deferred issue once, and only from deferredTickets', () => {
    const d = aTicket({ id: '9', decision: decision({ outcome: 'backlog' }) });
    expect(row({ deferredTickets: [d, d] }).deferred).toBe(1);
    expect(row({ sprintTickets: [d] }).deferred).toBe(0);
  });
});

describe('historyRow: velocity', () => {
  const story = (o: Partial<Ticket>): Ticket => aTicket({ issueType: 'Story', statusCategory: 'done', storyPoints: 3, ...o });
  it.each<[string, Partial<Ticket>, number]>([
    ['done story', {}, 3],
    ['done story resolved inside the sprint', { resolvedMs: END - 1 }, 3],
    ['done story resolved at sprint end (finished later)', { resolvedMs: END }, 0],
    ['in-progress story', { statusCategory: 'indeterminate' }, 0],
    ['to-do story', { statusCategory: 'new' }, 0],
    ['unknown status', { statusCategory: 'unknown' }, 0],
    ['unestimated story', { storyPoints: undefined }, 0],
    ['non-finite points', { storyPoints: Number.NaN }, 0],
    ['done bug (support)', { issueType: 'Bug' }, 0],
    ['done story labelled support', { labels: ['support'] }, 0],
  ])('%s → %p', (_name, overrides, expected) => {
    expect(row({ sprintTickets: [story(overrides)] }).velocityPoints).toBe(expected);
  });

  it('sums fractional points without float noise and counts duplicates once', () => {
    const tickets = [story({ id: '1', storyPoints: 0.1 }), story({ id: '2', storyPoints: 0.2 }), story({ id: '2', storyPoints: 0.2 })];
    expect(row({ sprintTickets: tickets }).velocityPoints).toBe(0.3);
  });
});

describe('historyRow: carry-over', () => {
  const story = (o: Partial<Ticket>): Ticket => aTicket({ issueType: 'Story', statusCategory: 'done', storyPoints: 3, ...o });
  it.each<[string, Partial<Ticket>, number]>([
    ['done story: completed, not carried over', {}, 0],
    ['done story resolved inside the sprint', { resolvedMs: END - 1 }, 0],
    ['done story resolved at sprint end (finished in a later sprint)', { resolvedMs: END }, 3],
    ['in-progress story', { statusCategory: 'indeterminate' }, 3],
    ['to-do story', { statusCategory: 'new' }, 3],
    ['unknown status', { statusCategory: 'unknown' }, 3],
    ['unestimated open story', { statusCategory: 'new', storyPoints: undefined }, 0],
    ['open bug (support): not sprint work', { issueType: 'Bug', statusCategory: 'new' }, 0],
    ['open story labelled support', { labels: ['support'], statusCategory: 'new' }, 0],
  ])('%s → %p', (_name, overrides, expected) => {
    expect(row({ sprintTickets: [story(overrides)] }).carriedOverPoints).toBe(expected);
  });

  it('no sprint work: 0 carried over, recorded (not left out)', () => {
    expect(row().carriedOverPoints).toBe(0);
  });

  it('completed + carried over = the non-support points in the sprint, whatever the tickets', () => {
    const ticketArb = fc.record({
      id: fc.integer({ min: 1, max: 30 }).map(String),
      issueType: fc.constantFrom('Story', 'Task', 'Bug'),
      statusCategory: fc.constantFrom('new', 'indeterminate', 'done', 'unknown') as fc.Arbitrary<Ticket['statusCategory']>,
      storyPoints: fc.option(fc.integer({ min: 0, max: 40 }).map((n) => n / 2), { nil: undefined }),
      resolvedMs: fc.option(fc.integer({ min: START - 1, max: END + 1 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 15 }), (specs) => {
        const tickets = specs.map((o) => aTicket({ ...o }));
        const r = row({ sprintTickets: tickets });
        const seen = new Set<string>();
        const all = tickets
          .filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)))
          .filter((t) => t.issueType !== 'Bug')
          .reduce((sum, t) => sum + (t.storyPoints ?? 0), 0);
        expect(r.carriedOverPoints).toBeGreaterThanOrEqual(0);
        expect(Math.round(((r.carriedOverPoints ?? NaN) + r.velocityPoints) * 100) / 100).toBe(Math.round(all * 100) / 100);
      }),
    );
  });
});

describe('historyRow: defects', () => {
  const defects = [
    aTicket({ id: '1', issueType: 'Bug', createdMs: START }),
    aTicket({ id: '2', issueType: 'bug', createdMs: START + 5 }),
    aTicket({ id: '3', issueType: 'Defect', createdMs: 0, resolvedMs: START + 5 }),
    aTicket({ id: '4', issueType: 'Bug', createdMs: END }),
  ];
  it('counts Bugs opened and closed in the window by default', () => {
    expect(row({ defectTickets: defects }).defects).toEqual({ opened: 2, closed: 0, net: 2 });
  });
  it('uses the given defect rules', () => {
    expect(row({ defectTickets: defects, defectRules: { defectTypes: ['defect'] } }).defects).toEqual({
      opened: 0,
      closed: 1,
      net: -1,
    });
  });
});

const rowAt = (sprintId: number, startMs: number): HistoryRow =>
  row({ sprint: aSprint({ sprintId, name: `Sprint ${sprintId}`, startMs, endMs: startMs + 10 }) });
const ids = (rows: readonly HistoryRow[]): number[] => rows.map((r) => r.sprintId);

describe('historyTable', () => {
  const eight = [8, 3, 1, 6, 2, 7, 5, 4].map((n) => rowAt(n, n * 100));

  it.each<[string, HistoryRow[], number | undefined, number[]]>([
    ['no rows', [], undefined, []],
    ['one sprint', [rowAt(1, 100)], undefined, [1]],
    ['fewer than N, unsorted', [rowAt(3, 300), rowAt(1, 100), rowAt(2, 200)], undefined, [1, 2, 3]],
    ['exactly 6', eight.filter((r) => r.sprintId <= 6), undefined, [1, 2, 3, 4, 5, 6]],
    ['more than 6: the newest 6, newest last', eight, undefined, [3, 4, 5, 6, 7, 8]],
    ['last 3', eight, 3, [6, 7, 8]],
    ['last 1', eight, 1, [8]],
    ['last 0', eight, 0, []],
    ['N larger than the history', eight, 20, [1, 2, 3, 4, 5, 6, 7, 8]],
    ['same start: ordered by sprint id', [rowAt(9, 100), rowAt(4, 100), rowAt(5, 50)], undefined, [5, 4, 9]],
  ])('%s → %j', (_name, rows, lastN, expected) => {
    expect(ids(lastN === undefined ? historyTable(rows) : historyTable(rows, lastN))).toEqual(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects lastN = %p', (lastN) => {
    expect(() => historyTable([], lastN)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const rows = [rowAt(2, 200), rowAt(1, 100)];
    historyTable(rows);
    expect(ids(rows)).toEqual([2, 1]);
  });

  it('property: min(N, rows) rows, ascending by start, and the newest sprint is always last', () => {
    const rowsArb = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 20 }).chain((sprintIds) =>
      fc.tuple(...sprintIds.map((id) => fc.integer({ min: 0, max: 50 }).map((s) => rowAt(id, s)))),
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 10 }), (rows, lastN) => {
        const table = historyTable(rows, lastN);
        expect(table).toHaveLength(Math.min(lastN, rows.length));
        for (let i = 1; i < table.length; i += 1) {
          expect(table[i - 1]!.startMs).toBeLessThanOrEqual(table[i]!.startMs);
        }
        const newest = Math.max(...rows.map((r) => r.startMs));
        if (table.length > 0) expect(table[table.length - 1]!.startMs).toBe(newest);
      }),
    );
  });
});
