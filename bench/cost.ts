/**
 * What the measured operations cost to run (issue 13, item 5): Jira points per view and per
 * project-hour of background work, the projects one Tier-1 points pool carries, KVS data per
 * project-hour and per view, function GB-seconds per project-day and the Forge bill per 1,000
 * projects a month — ours and the naive polling app's, side by side — and issue 13's budgets.
 *
 * Sources and figures (read 2026-12-02):
 * - Jira points: https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ — 1 point a call
 *   plus 1 per object returned, writes 1; Tier 1: 65,000 points an hour for the app, shared by every
 *   tenant (dev/sim/README.md "Points" says what the simulator counts as an object).
 * - Forge prices: https://developer.atlassian.com/platform/forge/forge-platform-pricing (last updated
 *   Jun 30, 2025), monthly free allowance per app, then overage in USD:
 *   Functions duration 100,000 GB-seconds free, $0.000025 per GB-second;
 *   KVS reads 0.1 GB free, $0.055 per GB; KVS writes 0.1 GB free, $1.090 per GB.
 *   (Logs and SQL are billed too; the app writes few logs and uses no SQL, so they are left out.)
 *
 * Assumptions (stated in docs/performance.md too):
 * - a function runs with 256 MB (0.25 GB: the manifest sets no `memoryMB`, Forge's default) and is billed
 *   for its wall time, Jira's latency included (the bench's wall time at the injected latency).
 *   https://developer.atlassian.com/platform/forge/monitor-usage-metrics says the metric is currently
 *   computed at a fixed 0.5 GB; if so the compute figures double;
 * - a project-day (`DAY`) is 24 hourly runs, each a typical hour (10 changes: idle nights make it
 *   cheaper, busy afternoons dearer), and N = 50 views: 40 fresh panel views (a team triaging a few
 *   tickets an hour through the working day) and 10 fresh dashboard views;
 * - a month is 30 days; KVS is billed on the bytes the bench measures (UTF-8 JSON of each value, no
 *   per-operation minimum: the pricing page names none); 1 GB = 1024³ bytes;
 * - the free allowance is the app's, so the bill per 1,000 projects is that of an app with exactly
 *   those 1,000 projects across its installations;
 * - the naive polling app re-reads the active sprint every hour (naive.rollup), a panel view
 *   recomputes it (naive.rollup) and a dashboard view recomputes every sprint (naive.rollup +
 *   naive.history); it keeps no snapshots or rows, so it costs the same in every hour, and its KVS
 *   figures are only what the use-case code it reuses writes on the way (as measured).
 */
import type { OpRow, SizeReport } from './report';

export const TIER1_POINTS_PER_HOUR = 65_000;
export const FUNCTION_GB = 0.25;
/** A project-day: 24 typical hourly runs and N = 50 fresh views (see the assumptions above). */
export const DAY = { hourlyRuns: 24, panelViews: 40, dashboardViews: 10 } as const;
export const PRICES = {
  url: 'https://developer.atlassian.com/platform/forge/forge-platform-pricing',
  computeFreeGBs: 100_000,
  computeUSDPerGBs: 0.000025,
  kvsReadFreeGB: 0.1,
  kvsReadUSDPerGB: 0.055,
  kvsWriteFreeGB: 0.1,
  kvsWriteUSDPerGB: 1.09,
} as const;
const DAYS_PER_MONTH = 30;
const PROJECTS = 1000;
const GB_IN_KB = 1024 * 1024;

export interface Work {
  readonly points: number;
  readonly kvsReadKB: number;
  readonly kvsWrittenKB: number;
  readonly wallMs: number;
  readonly wallEstimated?: boolean;
}

export interface Bill {
  readonly gbSecondsPerProjectDay: number;
  readonly pointsPerProjectDay: number;
  /** Per 1,000 projects a month: usage, then USD beyond the free allowance. */
  readonly computeGBs: number;
  readonly kvsReadGB: number;
  readonly kvsWrittenGB: number;
  readonly computeUSD: number;
  readonly kvsReadUSD: number;
  readonly kvsWriteUSD: number;
  readonly totalUSD: number;
}

export interface AppCost {
  readonly hour: { readonly idle?: Work; readonly typical?: Work; readonly busy?: Work };
  readonly views: { readonly panel?: Work; readonly dashboard?: Work; readonly preview?: Work; readonly apply?: Work };
  /** 65,000 ÷ points of a typical project-hour. */
  readonly projectsPerTier1Pool?: number;
  readonly bill?: Bill;
}

export interface SizeCost {
  readonly size: number;
  readonly activeSprintIssues: number;
  readonly busyChanges: number;
  readonly ours: AppCost;
  readonly naive: AppCost;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
const work = (o: OpRow | undefined): Work | undefined =>
  o ? { points: o.points, kvsReadKB: o.kvsReadKB, kvsWrittenKB: o.kvsWrittenKB, wallMs: o.wallMs, ...(o.wallEstimated ? { wallEstimated: true } : {}) } : undefined;
/** Several ops as one unit of work (a naive dashboard view is a rollup and a history). */
const sum = (parts: ReadonlyArray<Work | undefined>): Work | undefined => {
  if (parts.some((p) => p === undefined)) return undefined;
  const list = parts as Work[];
  const estimated = list.some((p) => p.wallEstimated);
  return {
    points: list.reduce((s, p) => s + p.points, 0),
    kvsReadKB: round(list.reduce((s, p) => s + p.kvsReadKB, 0), 1),
    kvsWrittenKB: round(list.reduce((s, p) => s + p.kvsWrittenKB, 0), 1),
    wallMs: list.reduce((s, p) => s + p.wallMs, 0),
    ...(estimated ? { wallEstimated: true } : {}),
  };
};

/** The month's bill for 1,000 projects, each living `DAY`, beyond the app's free allowance. */
export function bill(hour: Work, views: { panel: Work; dashboard: Work }): Bill {
  const dayOf = (f: (w: Work) => number): number => DAY.hourlyRuns * f(hour) + DAY.panelViews * f(views.panel) + DAY.dashboardViews * f(views.dashboard);
  const gbSecondsPerProjectDay = dayOf((w) => (w.wallMs / 1000) * FUNCTION_GB);
  const perMonth = PROJECTS * DAYS_PER_MONTH;
  const computeGBs = gbSecondsPerProjectDay * perMonth;
  const kvsReadGB = (dayOf((w) => w.kvsReadKB) * perMonth) / GB_IN_KB;
  const kvsWrittenGB = (dayOf((w) => w.kvsWrittenKB) * perMonth) / GB_IN_KB;
  const computeUSD = Math.max(0, computeGBs - PRICES.computeFreeGBs) * PRICES.computeUSDPerGBs;
  const kvsReadUSD = Math.max(0, kvsReadGB - PRICES.kvsReadFreeGB) * PRICES.kvsReadUSDPerGB;
  const kvsWriteUSD = Math.max(0, kvsWrittenGB - PRICES.kvsWriteFreeGB) * PRICES.kvsWriteUSDPerGB;
  return {
    gbSecondsPerProjectDay: round(gbSecondsPerProjectDay, 3),
    pointsPerProjectDay: dayOf((w) => w.points),
    computeGBs: Math.round(computeGBs),
    kvsReadGB: round(kvsReadGB, 3),
    kvsWrittenGB: round(kvsWrittenGB, 3),
    computeUSD: round(computeUSD),
    kvsReadUSD: round(kvsReadUSD),
    kvsWriteUSD: round(kvsWriteUSD),
    totalUSD: round(computeUSD + kvsReadUSD + kvsWriteUSD),
  };
}

function appCost(hour: AppCost['hour'], views: AppCost['views']): AppCost {
  const { typical } = hour;
  const { panel, dashboard } = views;
  return {
    hour,
    views,
    ...(typical ? { projectsPerTier1Pool: Math.floor(TIER1_POINTS_PER_HOUR / Math.max(1, typical.points)) } : {}),
    ...(typical && panel && dashboard ? { bill: bill(typical, { panel, dashboard }) } : {}),
  };
}

export function sizeCost(s: SizeReport): SizeCost {
  const op = (id: string) => s.ops.find((o) => o.op === id);
  const rollup = work(op('naive.rollup'));
  const naiveDashboard = sum([rollup, work(op('naive.history'))]);
  return {
    size: s.size,
    activeSprintIssues: s.facts.activeSprintIssues,
    busyChanges: s.busyChanges,
    ours: appCost(
      // An hour's background work is the hourly run and the triggers the hour's changes raised.
      { idle: work(op('hourly.unchanged')), typical: sum([work(op('events.changed10')), work(op('hourly.changed10'))]), busy: sum([work(op('events.changed100')), work(op('hourly.changed100'))]) },
      { panel: work(op('panel.fresh')), dashboard: work(op('dashboard.fresh')), preview: work(op('policy.preview')), apply: work(op('apply.decision')) },
    ),
    naive: appCost({ idle: rollup, typical: rollup, busy: rollup }, { panel: rollup, dashboard: naiveDashboard }),
  };
}
