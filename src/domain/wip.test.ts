import fc from 'fast-check';
import { aTicket } from '../../test/builders/ticket';
import { DEFAULT_SUPPORT_FILTER } from './support-filter';
import type { StatusCategory, Ticket } from './ticket';
import { countsAsInProgress, DEFAULT_WIP_LIMIT, defaultInProgressStatusIds, inProgressByDefault, wipLimit, wipStatus, wouldExceed, type StatusRef } from './wip';

const classification = { supportFilter: DEFAULT_SUPPORT_FILTER };
const inProgress = (key: string, o: Partial<Ticket> = {}): Ticket =>
  aTicket({ id: key, key, statusCategory: 'indeterminate', ...o });

describe('wipLimit', () => {
  it('defaults to one support item in progress', () => {
    expect(DEFAULT_WIP_LIMIT).toBe(1);
  });

  it.each([1, 2, 10])('accepts %p', (n) => {
    expect(wipLimit(n)).toBe(n);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p with a RangeError', (n) => {
    expect(() => wipLimit(n)).toThrow(RangeError);
  });
});

describe('wipStatus: which tickets count', () => {
  it.each<[string, Partial<Ticket>, boolean]>([
    ['support bug in progress', {}, true],
    ['support bug to do', { statusCategory: 'new' }, false],
    ['support bug done', { statusCategory: 'done' }, false],
    ['support bug in an unknown status', { statusCategory: 'unknown' }, false],
    ['story in progress (not support)', { issueType: 'Story' }, false],
    ['story labelled SUPPORT in progress', { issueType: 'Story', labels: ['SUPPORT'] }, true],
    ['incident in progress', { issueType: 'incident' }, true],
  ])('%s → counted: %p', (_name, overrides, counted) => {
    const status = wipStatus([inProgress('SUP-1', overrides)], classification);
    expect(status.inProgress).toEqual(counted ? ['SUP-1'] : []);
    expect(status.count).toBe(counted ? 1 : 0);
  });

  it('lists the keys in input order, each once', () => {
    const tickets = [inProgress('SUP-3'), aTicket({ key: 'SUP-9' }), inProgress('SUP-1'), inProgress('SUP-3')];
    expect(wipStatus(tickets, classification, 5)).toMatchObject({ inProgress: ['SUP-3', 'SUP-1'], count: 2 });
  });

  it('follows the project support filter', () => {
    const task = inProgress('OPS-1', { issueType: 'Task' });
    expect(wipStatus([task], classification).count).toBe(0);
    expect(wipStatus([task], { supportFilter: { issueTypes: ['TASK'], labels: [] } }).count).toBe(1);
  });

  it('rejects an invalid limit instead of reporting a breach', () => {
    expect(() => wipStatus([], classification, 0)).toThrow(RangeError);
  });
});

describe('wipStatus: breach and limit', () => {
  it.each<[number, number | undefined, { limit: number; breached: boolean; atLimit: boolean }]>([
    [0, undefined, { limit: 1, breached: false, atLimit: false }],
    [1, undefined, { limit: 1, breached: false, atLimit: true }],
    [2, undefined, { limit: 1, breached: true, atLimit: true }],
    [1, 2, { limit: 2, breached: false, atLimit: false }],
    [2, 2, { limit: 2, breached: false, atLimit: true }],
    [3, 2, { limit: 2, breached: true, atLimit: true }],
  ])('%p in progress, limit %p → %j', (n, limit, expected) => {
    const tickets = Array.from({ length: n }, (_, i) => inProgress(`SUP-${i + 1}`));
    const status = limit === undefined ? wipStatus(tickets, classification) : wipStatus(tickets, classification, limit);
    expect(status).toMatchObject({ count: n, ...expected });
  });
});

describe('wouldExceed', () => {
  const one = wipStatus([inProgress('SUP-1')], classification); // at the default limit of 1
  const none = wipStatus([], classification);
  const two = wipStatus([inProgress('SUP-1'), inProgress('SUP-2')], classification); // breached
  const roomy = wipStatus([inProgress('SUP-1')], classification, 2);

  it.each<[string, typeof one, Ticket, boolean]>([
    ['nothing in progress, pull a support ticket', none, aTicket({ key: 'SUP-7' }), false],
    ['one in progress at limit 1, pull another', one, aTicket({ key: 'SUP-7' }), true],
    ['the same ticket that is already in progress', one, aTicket({ key: 'SUP-1' }), false],
    ['a non-support ticket never exceeds', one, aTicket({ key: 'APP-7', issueType: 'Story' }), false],
    ['already breached, another one', two, aTicket({ key: 'SUP-7' }), true],
    ['already breached, one of those in progress', two, aTicket({ key: 'SUP-2' }), false],
    ['limit 2 with one in progress', roomy, aTicket({ key: 'SUP-7' }), false],
    ['a story labelled support counts', one, aTicket({ key: 'APP-8', issueType: 'Story', labels: ['support'] }), true],
  ])('%s → %p', (_name, status, candidate, expected) => {
    expect(wouldExceed(status, candidate, classification)).toBe(expected);
  });
});

describe('wip properties', () => {
  const ticketArb = fc
    .record({
      key: fc.constantFrom('SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'APP-1', 'APP-2'),
      issueType: fc.constantFrom('Bug', 'Story', 'Incident', 'Task'),
      statusCategory: fc.constantFrom<StatusCategory>('new', 'indeterminate', 'done', 'unknown'),
      labels: fc.subarray(['support', 'ui']),
    })
    .map((r) => aTicket({ ...r, id: r.key }));
  const limitArb = fc.integer({ min: 1, max: 5 });

  it('count equals the keys listed, never exceeds the tickets, and a breach is always at the limit', () => {
    fc.assert(
      fc.property(fc.array(ticketArb), limitArb, (tickets, limit) => {
        const s = wipStatus(tickets, classification, limit);
        expect(s.count).toBe(s.inProgress.length);
        expect(s.count).toBeLessThanOrEqual(tickets.length);
        expect(new Set(s.inProgress).size).toBe(s.count);
        if (s.breached) expect(s.atLimit).toBe(true);
      }),
    );
  });

  it('wouldExceed says exactly whether the pulled-in ticket would breach the limit', () => {
    fc.assert(
      fc.property(fc.array(ticketArb), limitArb, ticketArb, (tickets, limit, candidate) => {
        const before = wipStatus(tickets, classification, limit);
        const after = wipStatus([...tickets, { ...candidate, statusCategory: 'indeterminate' }], classification, limit);
        const exceeds = wouldExceed(before, candidate, classification);
        // Pulling it in can only add work if it was not already counted; then "exceeds" is "breached after".
        expect(exceeds).toBe(after.count > before.count && after.breached);
      }),
    );
  });
});

describe('which statuses count as in progress (issue 12, item 3)', () => {
  it.each<[string, StatusCategory, boolean]>([
    ['In Progress', 'indeterminate', true],
    ['In Review', 'indeterminate', true],
    ['Waiting for customer', 'indeterminate', false],
    ['Waiting for support', 'indeterminate', false],
    ['Awaiting approval', 'indeterminate', false],
    ['Pending', 'indeterminate', false],
    ['On hold', 'indeterminate', false],
    ['On-Hold', 'indeterminate', false],
    ['Onholdings', 'indeterminate', true], // only whole words say the work waits
    ['To Do', 'new', false],
    ['Waiting for triage', 'new', false],
    ['Done', 'done', false],
  ])('by default, %s (%s) → %p', (name, category, counted) => {
    expect(inProgressByDefault({ name, category })).toBe(counted);
    expect(countsAsInProgress({ statusName: name, statusCategory: category, statusId: '1' }, null)).toBe(counted);
  });

  it('with a setting, exactly the chosen status ids count, whatever their category or name', () => {
    const chosen = ['10009', '10000'];
    expect(countsAsInProgress({ statusName: 'Waiting for customer', statusCategory: 'indeterminate', statusId: '10009' }, chosen)).toBe(true);
    expect(countsAsInProgress({ statusName: 'To Do', statusCategory: 'new', statusId: '10000' }, chosen)).toBe(true);
    expect(countsAsInProgress({ statusName: 'In Progress', statusCategory: 'indeterminate', statusId: '3' }, chosen)).toBe(false);
    expect(countsAsInProgress({ statusName: 'Waiting for customer', statusCategory: 'indeterminate' }, chosen)).toBe(false); // id unknown
  });

  it('the default preselection over a board\'s statuses leaves out the waiting ones, each id once', () => {
    const statuses: StatusRef[] = [
      { id: '1', name: 'Open', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10008', name: 'Waiting for support', category: 'indeterminate' },
      { id: '10009', name: 'Waiting for customer', category: 'indeterminate' },
      { id: '10002', name: 'In Review', category: 'indeterminate' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '5', name: 'Resolved', category: 'done' },
    ];
    expect(defaultInProgressStatusIds(statuses)).toEqual(['3', '10002']);
  });

  it('wipStatus follows the setting: a ticket waiting for the customer counts only when chosen', () => {
    const waiting = inProgress('SUP-1', { statusName: 'Waiting for customer', statusId: '10009' });
    const working = inProgress('SUP-2', { statusName: 'In Progress', statusId: '3' });
    expect(wipStatus([waiting, working], classification, 1).inProgress).toEqual(['SUP-2']);
    expect(wipStatus([waiting, working], classification, 1, ['10009']).inProgress).toEqual(['SUP-1']);
    expect(wipStatus([waiting, working], classification, 1, ['10009', '3'])).toMatchObject({ count: 2, breached: true });
  });

  it('property: with a chosen list, the count is the distinct support tickets in those statuses', () => {
    const ids = ['1', '3', '10002', '10009'];
    const arb = fc.record({
      key: fc.constantFrom('SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5'),
      statusId: fc.constantFrom(...ids),
      statusCategory: fc.constantFrom<StatusCategory>('new', 'indeterminate', 'done'),
    }).map((r) => aTicket({ ...r, id: r.key }));
    fc.assert(
      fc.property(fc.array(arb), fc.subarray(ids, { minLength: 1 }), (tickets, chosen) => {
        const expected = new Set(tickets.filter((t) => chosen.includes(t.statusId ?? '')).map((t) => t.key));
        expect(new Set(wipStatus(tickets, classification, 5, chosen).inProgress)).toEqual(expected);
      }),
    );
  });
});
