import fc from 'fast-check';
import { aTicket } from '../../test/builders/ticket';
import { inWindow } from './calendar';
import { DEFAULT_DEFECT_RULES, isDefect, netNewDefects, type DefectRules } from './defects';
import type { Ticket } from './ticket';

const WINDOW = { startMs: 1_000, endMs: 2_000 };

describe('inWindow: the window is half-open [start, end)', () => {
  it.each([
    [undefined, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [999, false],
    [1_000, true],
    [1_500, true],
    [1_999, true],
    [2_000, false],
    [2_001, false],
  ])('%p → %p', (ms, expected) => {
    expect(inWindow(ms, WINDOW)).toBe(expected);
  });

  it('an empty window (start = end) holds no instant', () => {
    expect(inWindow(1_000, { startMs: 1_000, endMs: 1_000 })).toBe(false);
  });
});

describe('isDefect: issue types, trimmed and case-insensitive', () => {
  it.each<[string, DefectRules, boolean]>([
    ['Bug', DEFAULT_DEFECT_RULES, true],
    ['bug', DEFAULT_DEFECT_RULES, true],
    ['  BUG ', DEFAULT_DEFECT_RULES, true],
    ['Story', DEFAULT_DEFECT_RULES, false],
    ['Bugfix', DEFAULT_DEFECT_RULES, false],
    ['incident', { defectTypes: ['Defect', 'Incident'] }, true],
    ['Bug', { defectTypes: ['Defect', 'Incident'] }, false],
    ['Bug', { defectTypes: [] }, false],
  ])('%p with %j → %p', (issueType, rules, expected) => {
    expect(isDefect({ issueType }, rules)).toBe(expected);
  });

  it('defaults to Bug when no rules are given', () => {
    expect(isDefect({ issueType: 'bug' })).toBe(true);
    expect(isDefect({ issueType: 'Task' })).toBe(false);
  });
});

describe('netNewDefects', () => {
  it.each<[string, Partial<Ticket>, { opened: number; closed: number; net: number }]>([
    ['created before the window', { createdMs: 999 }, { opened: 0, closed: 0, net: 0 }],
    ['created at the start', { createdMs: 1_000 }, { opened: 1, closed: 0, net: 1 }],
    ['created just before the end', { createdMs: 1_999 }, { opened: 1, closed: 0, net: 1 }],
    ['created at the end (belongs to the next sprint)', { createdMs: 2_000 }, { opened: 0, closed: 0, net: 0 }],
    ['no created date', {}, { opened: 0, closed: 0, net: 0 }],
    ['resolved before the window', { createdMs: 0, resolvedMs: 999 }, { opened: 0, closed: 0, net: 0 }],
    ['resolved at the start', { createdMs: 0, resolvedMs: 1_000 }, { opened: 0, closed: 1, net: -1 }],
    ['resolved just before the end', { createdMs: 0, resolvedMs: 1_999 }, { opened: 0, closed: 1, net: -1 }],
    ['resolved at the end', { createdMs: 0, resolvedMs: 2_000 }, { opened: 0, closed: 0, net: 0 }],
    ['created and resolved inside: nets to zero', { createdMs: 1_100, resolvedMs: 1_200 }, { opened: 1, closed: 1, net: 0 }],
    ['a Story is not a defect', { issueType: 'Story', createdMs: 1_500 }, { opened: 0, closed: 0, net: 0 }],
    ['a lower-case bug is a defect', { issueType: 'bug', createdMs: 1_500 }, { opened: 1, closed: 0, net: 1 }],
  ])('%s', (_name, overrides, expected) => {
    expect(netNewDefects([aTicket(overrides)], WINDOW)).toEqual(expected);
  });

  it('counts nothing in an empty list', () => {
    expect(netNewDefects([], WINDOW)).toEqual({ opened: 0, closed: 0, net: 0 });
  });

  it('goes negative when the team closes more defects than it lets in', () => {
    const tickets = [
      aTicket({ id: '1', createdMs: 1_500 }),
      aTicket({ id: '2', createdMs: 0, resolvedMs: 1_100 }),
      aTicket({ id: '3', createdMs: 0, resolvedMs: 1_200 }),
      aTicket({ id: '4', createdMs: 0, resolvedMs: 1_300 }),
    ];
    expect(netNewDefects(tickets, WINDOW)).toEqual({ opened: 1, closed: 3, net: -2 });
  });

  it('counts an issue listed twice once (by id)', () => {
    const bug = aTicket({ id: '7', createdMs: 1_500, resolvedMs: 1_600 });
    expect(netNewDefects([bug, bug, { ...bug, key: 'SUP-7' }], WINDOW)).toEqual({ opened: 1, closed: 1, net: 0 });
  });

  it('uses the given defect types instead of Bug', () => {
    const tickets = [
      aTicket({ id: '1', issueType: 'Bug', createdMs: 1_500 }),
      aTicket({ id: '2', issueType: 'INCIDENT', createdMs: 1_500 }),
      aTicket({ id: '3', issueType: 'Defect', createdMs: 0, resolvedMs: 1_500 }),
    ];
    expect(netNewDefects(tickets, WINDOW, { defectTypes: ['incident', 'defect'] })).toEqual({
      opened: 1,
      closed: 1,
      net: 0,
    });
  });
});

const ticketArb = fc.record({
  id: fc.constantFrom('1', '2', '3', '4', '5', '6'),
  issueType: fc.constantFrom('Bug', 'bug', 'Story', 'Incident'),
  createdMs: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
  resolvedMs: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
}).map((r) => aTicket(r));

describe('netNewDefects properties', () => {
  it('net = opened − closed, and no count exceeds the distinct defects given', () => {
    fc.assert(
      fc.property(fc.array(ticketArb), (tickets) => {
        const c = netNewDefects(tickets, WINDOW);
        const defects = new Set(tickets.filter((t) => isDefect(t)).map((t) => t.id)).size;
        expect(c.net).toBe(c.opened - c.closed);
        expect(c.opened).toBeLessThanOrEqual(defects);
        expect(c.closed).toBeLessThanOrEqual(defects);
      }),
    );
  });

  it('two back-to-back windows count exactly what their union counts (no defect in both, none lost)', () => {
    fc.assert(
      fc.property(fc.array(ticketArb), fc.integer({ min: 0, max: 3_000 }), (tickets, split) => {
        const whole = netNewDefects(tickets, { startMs: 0, endMs: 3_001 });
        const left = netNewDefects(tickets, { startMs: 0, endMs: split });
        const right = netNewDefects(tickets, { startMs: split, endMs: 3_001 });
        expect(left.opened + right.opened).toBe(whole.opened);
        expect(left.closed + right.closed).toBe(whole.closed);
      }),
    );
  });
});
