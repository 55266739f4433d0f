import fc from 'fast-check';
import { DEFAULT_FOLLOW_UP_KINDS, FOLLOW_UP_KINDS, FOLLOW_UP_LABELS, followUpsApply, followUpShares, openFollowUps, type FollowUpKind, type FollowUps, type InterruptFollowUps } from './follow-ups';

const done = { done: true } as const;
const notDone = { done: false } as const;

describe('follow-up kinds', () => {
  it('default to root cause and regression test, and every kind has a label', () => {
    expect(DEFAULT_FOLLOW_UP_KINDS).toEqual(['root-cause', 'regression-test']);
    expect(FOLLOW_UP_KINDS.map((k) => FOLLOW_UP_LABELS[k])).toEqual(['Root cause analysed', 'Regression test added', 'Corrective action']);
  });
});

describe('followUpShares', () => {
  it.each<[string, InterruptFollowUps[], FollowUpKind[], Array<[FollowUpKind, number, number, number]>]>([
    ['no interrupts: 0 of 0, 0 %', [], ['root-cause'], [['root-cause', 0, 0, 0]]],
    ['none recorded', [{ key: 'SUP-1' }, { key: 'SUP-2' }], ['root-cause', 'regression-test'], [['root-cause', 0, 2, 0], ['regression-test', 0, 2, 0]]],
    ['one of three, one decimal', [{ key: 'SUP-1', followUps: { 'root-cause': done } }, { key: 'SUP-2' }, { key: 'SUP-3' }], ['root-cause'], [['root-cause', 1, 3, 33.3]]],
    ['two of three', [{ key: 'SUP-1', followUps: { 'root-cause': done } }, { key: 'SUP-2', followUps: { 'root-cause': done } }, { key: 'SUP-3' }], ['root-cause'], [['root-cause', 2, 3, 66.7]]],
    ['not done is not done, even with a link', [{ key: 'SUP-1', followUps: { 'root-cause': { done: false, link: 'https://x.test' } } }], ['root-cause'], [['root-cause', 0, 1, 0]]],
    ['in the order of kinds', [{ key: 'SUP-1', followUps: { 'corrective-action': { done: true, issueKey: 'SUP-9' } } }], ['corrective-action', 'root-cause'], [['corrective-action', 1, 1, 100], ['root-cause', 0, 1, 0]]],
    ['a kind listed twice counts once', [{ key: 'SUP-1' }], ['root-cause', 'root-cause'], [['root-cause', 0, 1, 0]]],
    ['a duplicate interrupt counts once (its first entry)', [{ key: 'SUP-1', followUps: { 'root-cause': done } }, { key: 'SUP-1' }], ['root-cause'], [['root-cause', 1, 1, 100]]],
  ])('%s', (_name, interrupts, kinds, expected) => {
    expect(followUpShares(interrupts, kinds)).toEqual(expected.map(([kind, d, total, pct]) => ({ kind, done: d, total, pct })));
  });

  it('ignores kinds the team does not use', () => {
    expect(followUpShares([{ key: 'SUP-1', followUps: { 'regression-test': done } }], ['root-cause']).map((s) => s.kind)).toEqual(['root-cause']);
  });
});

describe('openFollowUps', () => {
  it.each<[string, InterruptFollowUps[], FollowUpKind[], Array<{ key: string; missing: FollowUpKind[] }>]>([
    ['nothing to list', [], ['root-cause'], []],
    ['all done: not listed', [{ key: 'SUP-1', followUps: { 'root-cause': done, 'regression-test': done } }], ['root-cause', 'regression-test'], []],
    ['what is missing, in kinds order', [{ key: 'SUP-1', followUps: { 'root-cause': done, 'regression-test': notDone } }, { key: 'SUP-2' }], ['root-cause', 'regression-test'], [{ key: 'SUP-1', missing: ['regression-test'] }, { key: 'SUP-2', missing: ['root-cause', 'regression-test'] }]],
    ['an unused kind not done does not open it', [{ key: 'SUP-1', followUps: { 'root-cause': done } }], ['root-cause'], []],
    ['no kinds in use: nothing open', [{ key: 'SUP-1' }], [], []],
    ['input order, duplicates once', [{ key: 'SUP-3' }, { key: 'SUP-1' }, { key: 'SUP-3' }], ['root-cause'], [{ key: 'SUP-3', missing: ['root-cause'] }, { key: 'SUP-1', missing: ['root-cause'] }]],
  ])('%s', (_name, interrupts, kinds, expected) => {
    expect(openFollowUps(interrupts, kinds)).toEqual(expected);
  });
});

describe('properties', () => {
  const kind = fc.constantFrom(...FOLLOW_UP_KINDS);
  const item = fc.record({ done: fc.boolean() });
  const followUps: fc.Arbitrary<FollowUps> = fc.record({ 'root-cause': item, 'regression-test': item, 'corrective-action': item }, { requiredKeys: [] });
  const interrupt = fc.record({ key: fc.constantFrom('SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5'), followUps: fc.option(followUps, { nil: undefined }) }).map((i) => (i.followUps ? i : { key: i.key }));
  const interrupts = fc.array(interrupt, { maxLength: 12 });
  const kinds = fc.array(kind, { maxLength: 4 });

  it('done ≤ total, total is the distinct interrupts, pct within 0..100', () => {
    fc.assert(
      fc.property(interrupts, kinds, (list, used) => {
        const distinct = new Set(list.map((i) => i.key)).size;
        for (const share of followUpShares(list, used)) {
          expect(share.done).toBeLessThanOrEqual(share.total);
          expect(share.total).toBe(distinct);
          expect(share.pct).toBeGreaterThanOrEqual(0);
          expect(share.pct).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('one share per distinct used kind, and only those', () => {
    fc.assert(
      fc.property(interrupts, kinds, (list, used) => {
        expect(followUpShares(list, used).map((s) => s.kind)).toEqual([...new Set(used)]);
      }),
    );
  });

  it('an interrupt is open exactly when some used kind is not done, and the shares agree with the open list', () => {
    fc.assert(
      fc.property(interrupts, kinds, (list, used) => {
        const open = openFollowUps(list, used);
        const shares = followUpShares(list, used);
        for (const share of shares) expect(share.total - share.done).toBe(open.filter((o) => o.missing.includes(share.kind)).length);
        for (const o of open) expect(o.missing.length).toBeGreaterThan(0);
      }),
    );
  });

  it('adding duplicates changes nothing', () => {
    fc.assert(
      fc.property(interrupts, kinds, (list, used) => {
        expect(followUpShares([...list, ...list], used)).toEqual(followUpShares(list, used));
        expect(openFollowUps([...list, ...list], used)).toEqual(openFollowUps(list, used));
      }),
    );
  });
});

describe('followUpsApply', () => {
  it.each<[string | undefined, string, boolean]>([
    ['interrupt', 'done', true],
    ['interrupt', 'indeterminate', false],
    ['interrupt', 'new', false],
    ['backlog', 'done', false],
    ['needs-info', 'done', false],
    [undefined, 'done', false],
  ])('decision %p, status category %p: %p', (outcome, category, expected) => {
    expect(followUpsApply(outcome, category)).toBe(expected);
  });
});
