import type { RetrospectiveView, RetroStepView } from './retrospective';
import { retrospectiveConfluence, retrospectiveCsvRows, retrospectiveMarkdown } from './retrospective-text';

const f = { name: (id: string) => ({ po: 'Priya Owner', bob: 'Bob | Dev' })[id] ?? 'Former user', day: (iso: string) => iso.slice(0, 10) };
const step = (over: Partial<RetroStepView> = {}): RetroStepView => ({ outcome: 'interrupt', policyOutcome: 'interrupt', override: false, ruleId: 'p1', decidedBy: 'po', decidedAt: '2026-11-10T09:00:00.000Z', ...over });

function view(over: Partial<RetrospectiveView> = {}): RetrospectiveView {
  return {
    projectKey: 'SUP',
    sprint: { id: 12, name: 'SUP Sprint 12', startDate: '2026-11-09T09:00:00.000Z', endDate: '2026-11-20T17:00:00.000Z' },
    row: { sprintId: 12, name: 'SUP Sprint 12', startDate: '2026-11-09T09:00:00.000Z', endDate: '2026-11-20T17:00:00.000Z', unit: 'hours', capacity: 300, budget: 60, used: 66.5, sharePct: 22.2, allocationPct: 20, interrupts: 2, deferred: 1, velocityPoints: 34, defects: { opened: 3, closed: 1, net: 2 } },
    overBudgetBy: 6.5,
    supportContact: 'po',
    wipTime: { limit: 2, overHours: 12.5, measuredHours: 180 },
    interrupts: [
      { key: 'SUP-1', summary: 'Login | SSO fails', amount: 6, estimated: false, decision: step({ override: true, policyOutcome: 'backlog', reason: 'Largest customer' }), earlier: [step({ outcome: 'needs-info', policyOutcome: 'needs-info', decidedAt: '2026-11-09T10:00:00.000Z' })], carriedOver: false },
      { key: 'SUP-2', amount: 2.25, estimated: true, decision: null, earlier: [], carriedOver: false },
    ],
    overrides: [{ key: 'SUP-1', summary: 'Login | SSO fails', step: step({ override: true, policyOutcome: 'backlog', reason: 'Largest customer', decidedBy: 'bob' }), earlier: [] }],
    needsInfo: [{ key: 'SUP-3', summary: 'Export {broken}', asked: step({ outcome: 'needs-info', policyOutcome: 'needs-info' }), ending: 'resolved', endedAt: '2026-11-12T09:00:00.000Z' }],
    deferrals: [],
    untriaged: [],
    followUps: {
      kinds: ['root-cause', 'regression-test'],
      shares: [{ kind: 'root-cause', done: 3, total: 4, pct: 75 }, { kind: 'regression-test', done: 1, total: 4, pct: 25 }],
      overTime: [
        { sprintId: 11, name: 'SUP Sprint 11', shares: [{ kind: 'root-cause', done: 0, total: 0, pct: 0 }, { kind: 'regression-test', done: 0, total: 0, pct: 0 }] },
        { sprintId: 12, name: 'SUP Sprint 12', shares: [{ kind: 'root-cause', done: 3, total: 4, pct: 75 }, { kind: 'regression-test', done: 1, total: 4, pct: 25 }] },
      ],
      open: [{ key: 'SUP-1', summary: 'Login | SSO fails', missing: ['regression-test'], resolved: true }, { key: 'SUP-2', missing: ['root-cause', 'regression-test'], resolved: false }],
      openRestricted: 1,
    },
    comparison: { sprints: 1, names: ['SUP Sprint 11'], sprintIds: [11], avgSharePct: 10, avgInterrupts: 1, avgVelocityPoints: 40, avgNetDefects: 0, sentence: 'Support took 22.2 % of capacity, against 10 % on average over the sprint before (SUP Sprint 11); 2 interrupts against 1.' },
    restricted: 2,
    notes: [],
    people: {},
    computedAt: '2026-11-23T09:00:00.000Z',
    ...over,
  };
}

describe('the retrospective as Markdown', () => {
  const md = retrospectiveMarkdown(view(), f);
  it.each([
    ['the title with the sprint dates', '# Retrospective: SUP Sprint 12 (2026-11-09 – 2026-11-20)'],
    ['allocated and spent, over budget', '- Support used: 66.5h (22.2 % of capacity), over its budget by 6.5h'],
    ['the support contact by name', '- Support contact: Priya Owner'],
    ['time over the WIP limit', '- Over the WIP limit (2) for 12.5 h of the 180 h the hourly checks measured.'],
    ['the comparison sentence', '- Compared with earlier sprints: Support took 22.2 % of capacity, against 10 %'],
    ['net new defects signed', 'net new defects: +2 (3 opened, 1 closed)'],
    ['an interrupt row: who let it in, why, the earlier step; pipes escaped', '| SUP-1 | Login \\| SSO fails | 6h | Interrupt now by Priya Owner, 2026-11-10 ("Largest customer") | Backlog (overridden) | Needs info by Priya Owner, 2026-11-09 |'],
    ['an interrupt without a recorded decision says so', '| SUP-2 |  | 2.25h | No decision recorded |  |  |'],
    ['a name with a pipe escaped', 'Interrupt now by Bob \\| Dev'],
    ['how a request ended', '| SUP-3 | Export {broken} | Needs info by Priya Owner, 2026-11-10 | Resolved without another decision, 2026-11-12 |'],
    ['an empty list as a sentence', '## Deferred (0)\nNothing was deferred in this sprint.'],
    ['what the reader may not see, counted', '_2 issues you may not see are counted in the numbers, not listed._'],
    ['the follow-up shares as sentences', '## Follow-ups\n- Root cause analysed: 3 of 4 interrupts (75%)\n- Regression test added: 1 of 4 interrupts (25%)'],
    ['open follow-ups the reader may not see, counted', '- 1 interrupt you may not see has open follow-ups.'],
    ['the shares over time, a sprint without interrupts said so', '### Follow-ups over time\n| Sprint | Root cause analysed | Regression test added |\n| --- | --- | --- |\n| SUP Sprint 11 | no interrupts | no interrupts |\n| SUP Sprint 12 | 3 of 4 interrupts (75%) | 1 of 4 interrupts (25%) |'],
    ['the open list with what is missing, by name', '### Open follow-ups (2)\n| Issue | Summary | Missing |\n| --- | --- | --- |\n| SUP-1 | Login \\| SSO fails | Regression test added |\n| SUP-2 |  | Root cause analysed, Regression test added (not resolved yet) |'],
  ])('has %s', (_name, text) => {
    expect(md).toContain(text);
  });

  it('says nothing about restricted issues when there are none, and "within its budget" under it', () => {
    const plain = retrospectiveMarkdown(view({ restricted: 0, overBudgetBy: 0, followUps: { ...view().followUps, openRestricted: 0 } }), f);
    expect(plain).not.toContain('may not see');
    expect(plain).toContain('within its budget');
    expect(retrospectiveMarkdown(view({ wipTime: null }), f)).toContain('- Time over the WIP limit was not measured in this sprint.');
    expect(retrospectiveMarkdown(view({ wipTime: { limit: 1, overHours: 0, measuredHours: 0 } }), f)).toContain('was not measured: the checks ran too rarely');
  });

  it('with no interrupts: a sentence, not 0 %; with no follow-ups in use: says so and lists none', () => {
    const none = { kind: 'root-cause' as const, done: 0, total: 0, pct: 0 };
    const empty = retrospectiveMarkdown(view({ followUps: { kinds: ['root-cause'], shares: [none], overTime: [{ sprintId: 12, name: 'SUP Sprint 12', shares: [none] }], open: [], openRestricted: 0 } }), f);
    expect(empty).toContain('## Follow-ups\n- No interrupts in this sprint, so no follow-ups were due.\n');
    expect(empty).toContain('### Open follow-ups (0)\nNo interrupts in this sprint, so no follow-ups were due.');
    expect(empty).not.toMatch(/of 0 interrupts|\(0%\)/);
    const unused = retrospectiveMarkdown(view({ followUps: { kinds: [], shares: [], overTime: [{ sprintId: 12, name: 'SUP Sprint 12', shares: [] }], open: [], openRestricted: 0 } }), f);
    expect(unused).toContain('- The team uses no follow-ups, so none are counted.');
    expect(unused).not.toContain('Open follow-ups');
  });
});

describe('the retrospective for Confluence (wiki markup)', () => {
  const wiki = retrospectiveConfluence(view(), f);
  it.each([
    ['headings', 'h1. Retrospective: SUP Sprint 12 (2026-11-09 – 2026-11-20)'],
    ['a header row', '||Issue||Summary||Time||Let in||Policy said||Earlier decisions||'],
    ['pipes and braces escaped (they would start a cell or a macro)', '|SUP-1|Login \\| SSO fails|6h|'],
    ['braces escaped', 'Export \\{broken\\}'],
    ['an empty cell as a space (an empty one merges cells)', '|SUP-2| |2.25h|No decision recorded| | |'],
    ['bullets', '* Support contact: Priya Owner'],
    ['the follow-up shares', 'h2. Follow-ups\n* Root cause analysed: 3 of 4 interrupts (75%)'],
    ['the shares over time', '||Sprint||Root cause analysed||Regression test added||\n|SUP Sprint 11|no interrupts|no interrupts|'],
    ['the open list, pipes escaped', 'h3. Open follow-ups (2)\n||Issue||Summary||Missing||\n|SUP-1|Login \\| SSO fails|Regression test added|\n|SUP-2| |Root cause analysed, Regression test added (not resolved yet)|'],
  ])('has %s', (_name, text) => {
    expect(wiki).toContain(text);
  });
});

describe('the retrospective as CSV rows', () => {
  it('one row per listed issue and list, in the lists\' order', () => {
    const { header, rows } = retrospectiveCsvRows(view(), f);
    expect(header).toHaveLength(7);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Interrupts', 'SUP-1'], ['Interrupts', 'SUP-2'], ['Overrides', 'SUP-1'], ['Asked for information', 'SUP-3'],
      ['Follow-up shares', ''], ['Follow-up shares', ''], ['Follow-up shares', ''], ['Follow-up shares', ''],
      ['Open follow-ups', 'SUP-1'], ['Open follow-ups', 'SUP-2'],
    ]);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(rows[3]?.[6]).toBe('Resolved without another decision, 2026-11-12');
    expect(rows[6]).toEqual(['Follow-up shares', '', 'SUP Sprint 12', '', 'Root cause analysed', '', '3 of 4 interrupts (75%)']);
    expect(rows[9]).toEqual(['Open follow-ups', 'SUP-2', '', '', '', '', 'Missing: Root cause analysed, Regression test added (not resolved yet)']);
  });
});
