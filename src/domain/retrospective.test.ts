import fc from 'fast-check';
import type { HistoryRow } from './history';
import { COMPARE_SPRINTS, compareWithPrevious, retrospective, type DecisionStep, type RetroInput, type RetroTicket } from './retrospective';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 9);
const END = START + 14 * DAY;

function row(over: Partial<HistoryRow> = {}): HistoryRow {
  return {
    sprintId: 12, name: 'Sprint 12', startMs: START, endMs: END, unit: 'hours', capacity: 400, budget: 80, used: 96,
    sharePct: 24, allocationPct: 20, interrupts: 2, deferred: 1, velocityPoints: 40, defects: { opened: 3, closed: 1, net: 2 }, ...over,
  };
}

function step(outcome: DecisionStep['outcome'], atMs: number, over: Partial<DecisionStep> = {}): DecisionStep {
  return { outcome, policyOutcome: outcome, override: false, ruleId: null, decidedBy: 'po', decidedAtMs: atMs, ...over };
}

const ticket = (key: string, trail: DecisionStep[], over: Partial<RetroTicket> = {}): RetroTicket => ({ key, summary: `${key} summary`, statusCategory: 'indeterminate', trail, ...over });

function input(over: Partial<RetroInput> = {}): RetroInput {
  return { row: row(), otherRows: [], interrupts: [], untriaged: [], tickets: [], supportContact: 'alice', ...over };
}

describe('retrospective: interrupts with who let them in and why', () => {
  it('names the step that let each interrupt in, and the steps before it', () => {
    const asked = step('needs-info', START + DAY, { ruleId: 'unclassified' });
    const letIn = step('interrupt', START + 2 * DAY, { policyOutcome: 'backlog', override: true, reason: 'Customer escalated', decidedBy: 'bob' });
    const retro = retrospective(input({
      interrupts: [{ key: 'SUP-1', summary: 'Login fails', amount: 6, estimated: false }],
      tickets: [ticket('SUP-1', [letIn, asked])], // any order: the trail is sorted by time
    }));
    expect(retro.interrupts).toEqual([{ key: 'SUP-1', summary: 'Login fails', amount: 6, estimated: false, decision: letIn, earlier: [asked], carriedOver: false }]);
  });

  it.each([
    ['decided before the sprint, pulled in at its start', [step('interrupt', START - DAY)], START - DAY],
    ['two interrupt steps in the sprint: the last', [step('interrupt', START + DAY), step('interrupt', START + 3 * DAY)], START + 3 * DAY],
    ['an interrupt after the sprint ended is not what let it in', [step('interrupt', START + DAY), step('interrupt', END + DAY)], START + DAY],
  ])('%s', (_name, trail, expectedAt) => {
    const retro = retrospective(input({ interrupts: [{ key: 'SUP-2', amount: 1, estimated: true }], tickets: [ticket('SUP-2', trail)] }));
    expect(retro.interrupts[0]?.decision?.decidedAtMs).toBe(expectedAt);
    expect(retro.interrupts[0]?.carriedOver).toBe(expectedAt < START);
  });

  it('an interrupt the audit knows nothing about says so (null), it is not dropped', () => {
    const retro = retrospective(input({ interrupts: [{ key: 'SUP-3', amount: 2, estimated: false }] }));
    expect(retro.interrupts).toEqual([{ key: 'SUP-3', amount: 2, estimated: false, decision: null, earlier: [], carriedOver: false }]);
  });

  it('lists an interrupt named twice once', () => {
    const item = { key: 'SUP-4', amount: 2, estimated: false };
    expect(retrospective(input({ interrupts: [item, item] })).interrupts).toHaveLength(1);
  });
});

describe('retrospective: overrides, needs-info, deferrals', () => {
  it('lists an override in the sprint with the earlier decisions on the same ticket', () => {
    const first = step('backlog', START - 3 * DAY, { reason: 'Can wait' });
    const override = step('interrupt', START + DAY, { policyOutcome: 'backlog', override: true, reason: 'Big customer' });
    const retro = retrospective(input({ tickets: [ticket('SUP-5', [first, override])] }));
    expect(retro.overrides).toEqual([{ key: 'SUP-5', summary: 'SUP-5 summary', step: override, earlier: [first] }]);
  });

  it('an override outside the window is not this sprint\'s', () => {
    const retro = retrospective(input({ tickets: [ticket('SUP-6', [step('interrupt', END, { override: true, policyOutcome: 'backlog' })])] }));
    expect(retro.overrides).toEqual([]);
  });

  it.each<[string, DecisionStep[], Partial<RetroTicket>, string, number | undefined]>([
    ['then interrupted', [step('needs-info', START + DAY), step('interrupt', START + 2 * DAY)], {}, 'interrupted', START + 2 * DAY],
    ['then deferred', [step('needs-info', START + DAY), step('backlog', START + 4 * DAY)], {}, 'deferred', START + 4 * DAY],
    ['then asked again', [step('needs-info', START + DAY), step('needs-info', START + 4 * DAY)], {}, 'asked-again', START + 4 * DAY],
    ['resolved with no other decision', [step('needs-info', START + DAY)], { statusCategory: 'done', resolvedMs: START + 5 * DAY }, 'resolved', START + 5 * DAY],
    ['resolved, no resolution date known', [step('needs-info', START + DAY)], { statusCategory: 'done' }, 'resolved', undefined],
    ['still waiting', [step('needs-info', START + DAY)], {}, 'waiting', undefined],
    ['decided after the sprint ended: still how it ended', [step('needs-info', START + DAY), step('interrupt', END + 3 * DAY)], {}, 'interrupted', END + 3 * DAY],
  ])('a needs-info request %s', (_name, trail, over, ending, endedAtMs) => {
    const [n] = retrospective(input({ tickets: [ticket('SUP-7', trail, over)] })).needsInfo;
    expect(n?.ending).toBe(ending);
    expect(n?.endedAtMs).toBe(endedAtMs);
  });

  it('a request made before the sprint is not listed in it', () => {
    expect(retrospective(input({ tickets: [ticket('SUP-8', [step('needs-info', START - DAY)])] })).needsInfo).toEqual([]);
  });

  it('lists each deferral in the sprint with its reason, once, ordered by the first step in the sprint', () => {
    const retro = retrospective(input({
      tickets: [
        ticket('SUP-10', [step('backlog', START + 3 * DAY, { reason: 'Next sprint' })]),
        ticket('SUP-9', [step('backlog', START + DAY), step('backlog', START + 2 * DAY, { reason: 'Again' })]),
      ],
    }));
    expect(retro.deferrals.map((d) => [d.key, d.step.reason])).toEqual([['SUP-9', 'Again'], ['SUP-10', 'Next sprint']]);
  });
});

describe('retrospective: the comparison with earlier sprints', () => {
  const earlier = (n: number, over: Partial<HistoryRow> = {}): HistoryRow =>
    row({ sprintId: 12 - n, name: `Sprint ${12 - n}`, startMs: START - n * 14 * DAY, endMs: START - (n - 1) * 14 * DAY, ...over });

  it('with no earlier sprint: a sentence, no numbers', () => {
    const c = compareWithPrevious(row(), [row()]);
    expect(c).toMatchObject({ sprints: 0, avgSharePct: null, avgInterrupts: null });
    expect(c.sentence).toBe('No earlier sprint has a history row yet, so there is nothing to compare with.');
  });

  it('averages the newest three sprints that ended before this one, and says so', () => {
    const rows = [earlier(1, { sharePct: 10, interrupts: 1 }), earlier(2, { sharePct: 20, interrupts: 2 }), earlier(3, { sharePct: 30, interrupts: 3 }), earlier(4, { sharePct: 90, interrupts: 9 })];
    const c = compareWithPrevious(row({ sharePct: 32.5, interrupts: 4 }), rows);
    expect(c).toMatchObject({ sprints: 3, names: ['Sprint 9', 'Sprint 10', 'Sprint 11'], sprintIds: [9, 10, 11], avgSharePct: 20, avgInterrupts: 2 });
    expect(c.sentence).toBe('Support took 32.5 % of capacity, against 20 % on average over the 3 sprints before; 4 interrupts against 2.');
  });

  it('one earlier sprint is named', () => {
    expect(compareWithPrevious(row({ interrupts: 1 }), [earlier(1, { sharePct: 12 })]).sentence).toBe('Support took 24 % of capacity, against 12 % on average over the sprint before (Sprint 11); 1 interrupt against 2.');
  });

  it('without capacity there is no share to compare: the interrupts are', () => {
    expect(compareWithPrevious(row({ capacity: 0, sharePct: 0 }), [earlier(1)]).sentence).toBe('Support took 2 interrupts, against 2 on average over the sprint before (Sprint 11).');
  });

  it('a later or overlapping sprint is not "before"', () => {
    expect(compareWithPrevious(row(), [row({ sprintId: 13, startMs: END, endMs: END + 14 * DAY }), row({ sprintId: 14, startMs: START + DAY, endMs: END + DAY })]).sprints).toBe(0);
  });

  it('time over the WIP limit, out of what was measured; none when never measured', () => {
    expect(retrospective(input({ wip: { limit: 2, tally: { overMs: 5, measuredMs: 9, lastAtMs: END, lastBreached: false } } })).wipTime).toEqual({ limit: 2, overMs: 5, measuredMs: 9 });
    expect(retrospective(input({ wip: { limit: 2 } })).wipTime).toBeNull();
    expect(retrospective(input()).wipTime).toBeNull();
  });

  it('over budget by what support used beyond it', () => {
    expect(retrospective(input()).overBudgetBy).toBe(16);
    expect(retrospective(input({ row: row({ used: 50 }) })).overBudgetBy).toBe(0);
  });
});

describe('retrospective: properties', () => {
  const outcome = fc.constantFrom('interrupt', 'backlog', 'needs-info') as fc.Arbitrary<DecisionStep['outcome']>;
  const arbStep = fc.record({ outcome, policyOutcome: outcome, decidedAtMs: fc.integer({ min: START - 10 * DAY, max: END + 10 * DAY }), decidedBy: fc.constantFrom('po', 'bob') })
    .map((s) => ({ ...s, override: s.outcome !== s.policyOutcome, ruleId: null }));
  const arbTicket = fc.record({ key: fc.constantFrom('SUP-1', 'SUP-2', 'SUP-3', 'SUP-4'), trail: fc.array(arbStep, { maxLength: 5 }), statusCategory: fc.constantFrom('new', 'indeterminate', 'done') as fc.Arbitrary<RetroTicket['statusCategory']> });

  it('every listed step lies in the window, each list names a ticket once, earlier steps precede the one shown', () => {
    fc.assert(fc.property(fc.array(arbTicket, { maxLength: 8 }), (tickets) => {
      const retro = retrospective(input({ tickets, interrupts: tickets.map((t) => ({ key: t.key, amount: 1, estimated: false })) }));
      const inside = (s: DecisionStep) => s.decidedAtMs >= START && s.decidedAtMs < END;
      for (const list of [retro.overrides, retro.needsInfo, retro.deferrals, retro.interrupts]) expect(new Set(list.map((x) => x.key)).size).toBe(list.length);
      expect(retro.overrides.every((o) => inside(o.step) && o.step.override && o.earlier.every((e) => e.decidedAtMs <= o.step.decidedAtMs))).toBe(true);
      expect(retro.needsInfo.every((n) => inside(n.asked) && n.asked.outcome === 'needs-info' && (n.endedAtMs === undefined || n.ending === 'resolved' || n.endedAtMs >= n.asked.decidedAtMs))).toBe(true);
      expect(retro.deferrals.every((d) => inside(d.step) && d.step.outcome === 'backlog')).toBe(true);
      expect(retro.interrupts.every((i) => i.decision === null || (i.decision.outcome === 'interrupt' && i.decision.decidedAtMs < END))).toBe(true);
    }));
  });

  it('the comparison averages at most COMPARE_SPRINTS sprints and never yields NaN', () => {
    const arbRow = fc.record({ sprintId: fc.integer({ min: 1, max: 50 }), startMs: fc.integer({ min: 0, max: 60 }).map((d) => START - d * DAY), capacity: fc.constantFrom(0, 100, 400), sharePct: fc.double({ min: 0, max: 200, noNaN: true }), interrupts: fc.nat(20) })
      .map((r) => row({ ...r, endMs: r.startMs + 14 * DAY }));
    fc.assert(fc.property(fc.array(arbRow, { maxLength: 10 }), (rows) => {
      const c = compareWithPrevious(row(), rows);
      expect(c.sprints).toBeLessThanOrEqual(COMPARE_SPRINTS);
      expect(c.sentence).not.toMatch(/NaN|Infinity|undefined/);
      expect(c.sprints === 0).toBe(c.avgInterrupts === null);
    }));
  });
});
