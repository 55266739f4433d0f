import fc from 'fast-check';
import { foldChanges, SAME_CHANGE_MS, type LedgerChange, type WorklogChange } from './ledger-changes';
import type { Ticket, Worklog } from './ticket';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 16, 9);
const WINDOW = { startMs: T0, endMs: T0 + 14 * 24 * H };

function ticket(id: string, worklogs: Worklog[] = []): Ticket {
  return { id, key: `SUP-${id}`, issueType: 'Bug', statusCategory: 'indeterminate', labels: [], components: [], slaClocks: [], sprints: [], worklogs };
}

const logged = (worklogId: string, atMs: number, startedMs: number, seconds: number, extra: Partial<WorklogChange> = {}): WorklogChange => ({
  kind: 'worklog', issueId: '1', worklogId, atMs, deleted: false, startedMs, seconds, authorAccountId: 'dev', ...extra,
});

describe('foldChanges: one change at a time', () => {
  const stored: Worklog = { id: 'w1', updatedMs: T0 + 2 * H, startedMs: T0 + H, seconds: 1800, authorAccountId: 'dev' };
  const cases: [string, Worklog[], LedgerChange[], Worklog[] | 'read'][] = [
    ['work logged in the sprint is added', [], [logged('w2', T0 + 3 * H, T0 + 2 * H, 3600)], [{ id: 'w2', updatedMs: T0 + 3 * H, startedMs: T0 + 2 * H, seconds: 3600, authorAccountId: 'dev' }]],
    ['work logged before the sprint is not the sprint\'s', [], [logged('w2', T0 + 3 * H, T0 - H, 3600)], []],
    ['an edit replaces the worklog', [stored], [logged('w1', T0 + 4 * H, T0 + H, 5400)], [{ ...stored, updatedMs: T0 + 4 * H, seconds: 5400 }]],
    ['an edit that moves it out of the sprint removes it', [stored], [logged('w1', T0 + 4 * H, T0 - 2 * H, 1800)], []],
    ['a deletion removes it', [stored], [logged('w1', T0 + 4 * H, T0 + H, 1800, { deleted: true })], []],
    ['an edit no newer than what was read is old news', [stored], [logged('w1', T0 + 2 * H, T0 + H, 9999)], [stored]],
    ['a stored worklog without an id cannot be matched: read the issue', [{ startedMs: T0 + H, seconds: 60 }], [logged('w9', T0 + 3 * H, T0 + 2 * H, 60)], 'read'],
    ['time tracking changed with no worklog event (lost): read the issue', [stored], [{ kind: 'touched', issueId: '1', atMs: T0 + 5 * H, worklog: true }], 'read'],
    ['…but not when the worklog event came with it', [stored], [{ kind: 'touched', issueId: '1', atMs: T0 + 5 * H, worklog: true }, logged('w3', T0 + 5 * H - SAME_CHANGE_MS, T0 + 4 * H, 60)], [stored, { id: 'w3', updatedMs: T0 + 5 * H - SAME_CHANGE_MS, startedMs: T0 + 4 * H, seconds: 60, authorAccountId: 'dev' }]],
    ['a change to something else the ledger does not read changes nothing', [stored], [{ kind: 'touched', issueId: '1', atMs: T0 + 5 * H }], [stored]],
    ['a field the ledger reads changed: read the issue', [stored], [{ kind: 'read', issueId: '1', atMs: T0 + 5 * H }], 'read'],
  ];
  it.each(cases)('%s', (_what, worklogs, changes, expected) => {
    const folded = foldChanges([ticket('1', worklogs)], changes, WINDOW);
    if (expected === 'read') {
      expect([...folded.toRead]).toEqual(['1']);
      expect(folded.tickets[0]?.worklogs).toEqual(worklogs);
    } else {
      expect(folded.toRead.size).toBe(0);
      expect(folded.tickets[0]?.worklogs).toEqual(expected);
      expect(folded.changedIds.has('1')).toBe(JSON.stringify(expected) !== JSON.stringify(worklogs));
    }
  });

  it('a deleted issue leaves; worklogs of issues the sprint does not hold are ignored', () => {
    const folded = foldChanges([ticket('1'), ticket('2')], [{ kind: 'deleted', issueId: '2', atMs: T0 }, { ...logged('w5', T0 + H, T0 + H, 60), issueId: '77' }], WINDOW);
    expect(folded.tickets.map((t) => t.id)).toEqual(['1']);
    expect([...folded.changedIds]).toEqual(['2']);
    expect(folded.toRead.size).toBe(0);
  });

  it('a deletion is final, whatever arrives after it (Jira never reuses a worklog id)', () => {
    const folded = foldChanges([ticket('1', [stored])], [logged('w1', T0 + 4 * H, T0 + H, 60, { deleted: true }), logged('w1', T0 + 9 * H, T0 + H, 120)], WINDOW);
    expect(folded.tickets[0]?.worklogs).toEqual([]);
  });
});

/**
 * The truth: a worklog history (created, edited, deleted, in Jira's order, one change a minute) and
 * what Jira answers at any moment of it.
 */
type Op = { readonly worklog: number; readonly kind: 'log' | 'edit' | 'delete'; readonly startHours: number; readonly minutes: number };
const op = fc.record({ worklog: fc.integer({ min: 0, max: 4 }), kind: fc.constantFrom<Op['kind']>('log', 'edit', 'delete'), startHours: fc.integer({ min: -48, max: 400 }), minutes: fc.integer({ min: 1, max: 480 }) });
const STEP = 60_000;

function history(ops: readonly Op[]): { events: WorklogChange[]; truthAt: (ms: number) => Worklog[] } {
  const live = new Map<string, Worklog>();
  const gone = new Set<string>();
  const events: WorklogChange[] = [];
  const snapshots: { atMs: number; worklogs: Worklog[] }[] = [{ atMs: Number.NEGATIVE_INFINITY, worklogs: [] }];
  ops.forEach((o, step) => {
    const id = `w${o.worklog}`;
    const atMs = T0 + (step + 1) * STEP;
    if (gone.has(id) || (o.kind !== 'log' && !live.has(id)) || (o.kind === 'log' && live.has(id))) return;
    if (o.kind === 'delete') {
      const was = live.get(id) as Worklog;
      live.delete(id);
      gone.add(id);
      events.push(logged(id, atMs, was.startedMs, was.seconds, { deleted: true }));
    } else {
      const next: Worklog = { id, updatedMs: atMs, startedMs: T0 + o.startHours * H, seconds: o.minutes * 60, authorAccountId: 'dev' };
      live.set(id, next);
      events.push(logged(id, atMs, next.startedMs, next.seconds));
    }
    snapshots.push({ atMs, worklogs: [...live.values()] });
  });
  const truthAt = (ms: number): Worklog[] =>
    ([...snapshots].reverse().find((s) => s.atMs <= ms)?.worklogs ?? [])
      .filter((w) => w.startedMs >= WINDOW.startMs && w.startedMs < WINDOW.endMs)
      .sort((a, b) => Number((a.id ?? '').slice(1)) - Number((b.id ?? '').slice(1)));
  return { events, truthAt };
}

describe('foldChanges: properties', () => {
  it('folded at once, any delivery of a worklog history — duplicated, in any order — ends as Jira ends, and folding again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.infiniteStream(fc.nat()), (ops, randomness) => {
        const { events, truthAt } = history(ops);
        const delivered = [...events, ...events.filter((_, i) => i % 3 === 0)].map((e) => ({ e, r: randomness.next().value })).sort((a, b) => a.r - b.r).map((x) => x.e);
        const once = foldChanges([ticket('1')], delivered, WINDOW).tickets;
        expect(once[0]?.worklogs).toEqual(truthAt(Number.POSITIVE_INFINITY));
        expect(foldChanges(once, delivered, WINDOW).tickets).toEqual(once);
      }),
    );
  });

  it('reconciled hour after hour while events arrive late, twice or out of order, the ledger is what Jira says once they have all arrived', () => {
    // The reconciliation as ledger-reconcile.ts runs it: every `every` minutes it folds what arrived
    // since the last one (covered until then); an event of the period not arrived yet is a gap in
    // Jira's count, and a gap, like a "read", is answered by reading the issue (the truth then).
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 25, maxLength: 25 }), fc.integer({ min: 2, max: 15 }), (ops, delays, every) => {
        const { events, truthAt } = history(ops);
        const arrivals = events.flatMap((e, i) => {
          const at = e.atMs + (delays[i] ?? 0) * STEP;
          return i % 4 === 0 ? [{ e, at }, { e, at: at + 3 * STEP }] : [{ e, at }]; // some delivered twice
        });
        const end = Math.max(T0, ...arrivals.map((a) => a.at)) + every * STEP;
        let tickets: readonly Ticket[] = [ticket('1')];
        let last = T0;
        for (let now = T0 + every * STEP; now <= end + every * STEP; now += every * STEP) {
          const arrived = arrivals.filter((a) => a.at > last && a.at <= now).map((a) => a.e);
          const gap = events.some((e) => e.atMs > last && e.atMs <= now && !arrivals.some((a) => a.e === e && a.at <= now));
          const folded = foldChanges(tickets, arrived, WINDOW, last);
          tickets = gap || folded.toRead.size > 0 ? [{ ...ticket('1'), worklogs: truthAt(now) }] : folded.tickets;
          last = now;
        }
        expect(tickets[0]?.worklogs).toEqual(truthAt(Number.POSITIVE_INFINITY));
      }),
      { numRuns: 300 },
    );
  });
});
