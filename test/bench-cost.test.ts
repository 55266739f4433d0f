/**
 * The bench's cost arithmetic (bench/cost.ts, bench/cost-report.ts): what a wrong figure here would
 * misstate is the Forge bill and whether issue 13's budgets are met, which no bench run checks.
 */
import { bill, DAY, PRICES, sizeCost, type Work } from '../bench/cost';
import { against, costBudgets } from '../bench/cost-report';
import type { OpRow, SizeReport } from '../bench/report';

const work = (points: number, wallMs: number, kvsReadKB = 0, kvsWrittenKB = 0): Work => ({ points, wallMs, kvsReadKB, kvsWrittenKB });

const row = (op: string, w: Work, extra: Partial<OpRow> = {}): OpRow =>
  ({ op, ok: true, requests: 1, byOperation: {}, points: w.points, pointsByOperation: {}, lowerBound: 1, lowerBoundFormula: '', ratio: 1, roundTrips: 1, depth: 1, wallMs: w.wallMs, wallEstimated: false, responseKB: 0, kvsReads: 0, kvsWrites: 0, kvsReadKB: w.kvsReadKB, kvsWrittenKB: w.kvsWrittenKB, peakRssMB: 0, rssBeforeMB: 0, searches: 0, statuses: {}, ...extra }) as OpRow;

const report = (size: number, ops: OpRow[]): SizeReport =>
  ({ size, facts: { issues: 0, boardSprints: 1, closedSprints: 0, activeSprintId: 1, activeSprintIssues: size, activeOver20Worklogs: 0, closedSprintIssues: 0, closedOver20Worklogs: 0, maxWorklogs: 0 }, panelTarget: 'SUP-1', busyChanges: Math.min(100, size), ops, maxRssMB: 0 }) as SizeReport;

describe('the Forge bill per 1,000 projects a month', () => {
  it('charges compute beyond the free GB-seconds at the published price, for 24 runs and N views a day', () => {
    // 1 s a run and a view at 0.25 GB: (24 + 50) × 0.25 = 18.5 GB-s a project-day.
    const b = bill(work(0, 1000), { panel: work(0, 1000), dashboard: work(0, 1000) });
    expect(DAY.hourlyRuns + DAY.panelViews + DAY.dashboardViews).toBe(74);
    expect(b.gbSecondsPerProjectDay).toBe(18.5);
    expect(b.computeGBs).toBe(18.5 * 1000 * 30);
    expect(b.computeUSD).toBeCloseTo((555_000 - PRICES.computeFreeGBs) * PRICES.computeUSDPerGBs, 1); // 11.375, rounded to cents
    expect(b.totalUSD).toBe(b.computeUSD);
  });

  it('bills nothing within the free allowance, and KVS writes at their own (dearer) price', () => {
    expect(bill(work(0, 1), { panel: work(0, 0), dashboard: work(0, 0) }).totalUSD).toBe(0);
    // 1 KB written per run only: 24 × 30,000 KB = 0.687 GB, 0.587 GB beyond the free 0.1.
    const b = bill(work(0, 0, 0, 1), { panel: work(0, 0), dashboard: work(0, 0) });
    expect(b.kvsWrittenGB).toBeCloseTo((24 * 30_000) / 1024 ** 2, 3);
    expect(b.kvsWriteUSD).toBeCloseTo(((24 * 30_000) / 1024 ** 2 - 0.1) * 1.09, 2);
    expect(b.kvsReadUSD).toBe(0);
  });
});

describe('cost per size', () => {
  it('takes the idle, typical and busy hours from the hourly runs and the events of their changes, and the naive dashboard as rollup + history', () => {
    const c = sizeCost(
      report(50, [
        row('hourly.unchanged', work(1, 100)),
        row('events.changed10', work(0, 20, 0, 3)),
        row('hourly.changed10', work(5, 200, 8, 2)),
        row('events.changed100', work(2, 40)),
        row('hourly.changed100', work(7, 300)),
        row('panel.fresh', work(4, 50)),
        row('dashboard.fresh', work(6, 60)),
        row('naive.rollup', work(700, 2000)),
        row('naive.history', work(3000, 6000)),
      ]),
    );
    expect([c.ours.hour.idle?.points, c.ours.hour.typical?.points, c.ours.hour.busy?.points]).toEqual([1, 5, 9]);
    expect([c.ours.hour.typical?.wallMs, c.ours.hour.typical?.kvsReadKB, c.ours.hour.typical?.kvsWrittenKB]).toEqual([220, 8, 5]);
    expect(c.ours.projectsPerTier1Pool).toBe(13_000);
    expect(c.naive.views.dashboard?.points).toBe(3700);
    expect(c.naive.hour.idle?.points).toBe(700);
    expect(c.naive.projectsPerTier1Pool).toBe(92);
  });
});

describe('issue 13 cost budgets', () => {
  it('says by how much a figure is over', () => {
    expect(against(8, 10, 'points')).toEqual({ met: true, text: '8 points (≤ 10)' });
    expect(against(44, 10, 'points')).toEqual({ met: false, text: '44 points (≤ 10: over by 34 points, 4.4×)' });
  });

  it('checks the 50-issue hour budgets, the views at every size and the first read against its points bound', () => {
    const sizes = [
      report(50, [row('hourly.unchanged', work(1, 0)), row('events.changed10', work(0, 0, 0, 10)), row('hourly.changed10', work(7, 0, 10, 20)), row('panel.fresh', work(10, 0)), row('dashboard.fresh', work(11, 0))]),
      report(300, [row('hourly.unchanged', work(2, 0)), row('hourly.first', work(1050, 0), { pointsLowerBound: 1000 })]),
    ];
    const list = costBudgets(sizes, sizes.map(sizeCost));
    const verdict = (size: number, start: string) => list.find((b) => b.size === size && b.budget.startsWith(start))?.met;
    expect(verdict(50, 'Background, idle')).toBe(true);
    expect(verdict(50, 'Background, typical')).toBe(false);
    expect(verdict(50, 'KVS read')).toBe(true);
    expect(verdict(50, 'KVS written')).toBe(false);
    expect(verdict(50, 'Fresh panel')).toBe(true);
    expect(verdict(50, 'Fresh dashboard')).toBe(false);
    expect(verdict(300, 'Background, idle')).toBe(false);
    // No typical-hour budget at 300 issues (issue 13 sets them at 50 and 5,000).
    expect(verdict(300, 'Background, typical')).toBeUndefined();
    expect(verdict(300, 'First full read')).toBe(true);
  });
});
