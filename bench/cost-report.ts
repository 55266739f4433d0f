/**
 * Issue 13's cost budgets, checked against the measured figures (bench/cost.ts), and the cost tables
 * of the report. A budget that is over says by how much, so the note in docs/performance.md can say
 * why and what would close it.
 */
import { DAY, FUNCTION_GB, PRICES, TIER1_POINTS_PER_HOUR, type AppCost, type SizeCost, type Work } from './cost';
import type { Budget, SizeReport } from './report';

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** `measured` against `limit` (smaller is better): "12 (≤ 10: over by 2, 1.2×)" or "8 (≤ 10)". */
export function against(measured: number, limit: number, unit = ''): { text: string; met: boolean } {
  const met = measured <= limit;
  const u = unit ? ` ${unit}` : '';
  return { met, text: met ? `${measured}${u} (≤ ${limit})` : `${measured}${u} (≤ ${limit}: over by ${round(measured - limit, 1)}${u}, ${round(measured / limit)}×)` };
}

/** The budget, if any, of issue 13 for a typical project-hour's points and KVS at this sprint size. */
const HOUR_BUDGETS: Record<number, { points: number; readKB: number; writtenKB: number }> = { 50: { points: 6.5, readKB: 50, writtenKB: 20 }, 5000: { points: 30, readKB: 500, writtenKB: 200 } };

export function costBudgets(sizes: readonly SizeReport[], costs: readonly SizeCost[]): Budget[] {
  const out: Budget[] = [];
  const push = (budget: string, size: number, check: { text: string; met: boolean }, ok = true) => out.push({ budget, size, measured: ok ? check.text : `${check.text}, FAILED`, met: ok && check.met });
  for (const c of costs) {
    const { idle, typical } = c.ours.hour;
    const limits = HOUR_BUDGETS[c.size];
    if (idle) push('Background, idle hour: ≤ 1 point per project-hour', c.size, against(idle.points, 1, 'points'));
    if (typical && limits) {
      push(`Background, typical hour (10 changes), ${c.size}-issue sprint: ≤ ${limits.points} points per project-hour`, c.size, against(typical.points, limits.points, 'points'));
      push(`KVS read per project-hour (typical), ${c.size}-issue sprint: ≤ ${limits.readKB} KB`, c.size, against(typical.kvsReadKB, limits.readKB, 'KB'));
      push(`KVS written per project-hour (typical), ${c.size}-issue sprint: ≤ ${limits.writtenKB} KB`, c.size, against(typical.kvsWrittenKB, limits.writtenKB, 'KB'));
    }
    const { panel, dashboard, apply } = c.ours.views;
    if (panel) push('Fresh panel view: ≤ 10 points', c.size, against(panel.points, 10, 'points'));
    if (dashboard) push('Fresh dashboard view: ≤ 10 points', c.size, against(dashboard.points, 10, 'points'));
    if (apply) push('Apply decision: ≤ 15 points', c.size, against(apply.points, 15, 'points'));
  }
  const largest = sizes[sizes.length - 1];
  const first = largest?.ops.find((o) => o.op === 'hourly.first');
  if (largest && first?.pointsLowerBound !== undefined) {
    const limit = 1.05 * first.pointsLowerBound;
    const ratio = round(first.points / first.pointsLowerBound, 3);
    const met = first.points <= limit;
    const text = `${first.points} / ${first.pointsLowerBound} points = ${ratio}× (≤ 1.05×${met ? '' : `: over by ${Math.round(first.points - limit)} points`})`;
    push(`First full read of the largest sprint (${largest.facts.activeSprintIssues} issues): ≤ 1.05 × its points lower bound`, largest.size, { text, met }, first.ok);
  }
  return out;
}

const cell = (w: Work | undefined, f: (w: Work) => string): string => (w ? f(w) : '');
const pts = (w: Work | undefined): string => cell(w, (x) => String(x.points));
const kvs = (w: Work | undefined): string => cell(w, (x) => `${x.kvsReadKB}/${x.kvsWrittenKB}`);
const usd = (n: number): string => `$${n.toFixed(2)}`;

function appRows(label: string, a: AppCost): string[] {
  const { idle, typical, busy } = a.hour;
  const { panel, dashboard, preview, apply } = a.views;
  const b = a.bill;
  const points = `| ${label} | ${pts(idle)} | ${pts(typical)} | ${pts(busy)} | ${a.projectsPerTier1Pool ?? ''} | ${pts(panel)} | ${pts(dashboard)} | ${pts(preview)} | ${pts(apply)} |`;
  const kb = `| ${label} | ${kvs(idle)} | ${kvs(typical)} | ${kvs(busy)} | ${kvs(panel)} | ${kvs(dashboard)} |`;
  const estimated = [typical, panel, dashboard].some((w) => w?.wallEstimated) ? '~' : '';
  const money = b ? `| ${label} | ${b.pointsPerProjectDay} | ${estimated}${b.gbSecondsPerProjectDay} | ${b.computeGBs} GB-s → ${usd(b.computeUSD)} | ${b.kvsReadGB} GB → ${usd(b.kvsReadUSD)} | ${b.kvsWrittenGB} GB → ${usd(b.kvsWriteUSD)} | **${usd(b.totalUSD)}** |` : `| ${label} | | | | | | |`;
  return [points, kb, money];
}

export function costMarkdown(costs: readonly SizeCost[], list: readonly Budget[]): string {
  const lines: string[] = ['### Cost budgets (issue 13)', '', '| Budget | Size | Measured | |', '|---|---:|---|---|'];
  for (const b of list) lines.push(`| ${b.budget} | ${b.size} | ${b.measured} | ${b.met ? 'met' : '**over**'} |`);
  lines.push(
    '',
    '### Cost',
    '',
    `Jira points per project-hour of background work (idle: nothing changed; typical: 10 issues changed; busy: 100, or the whole sprint if smaller) and per view; projects one Tier-1 pool carries = ${TIER1_POINTS_PER_HOUR.toLocaleString('en')} ÷ points of a typical hour. ` +
      `A project-day is ${DAY.hourlyRuns} typical hourly runs + ${DAY.panelViews} panel + ${DAY.dashboardViews} dashboard views (N = ${DAY.panelViews + DAY.dashboardViews}); GB-seconds = wall time × ${FUNCTION_GB} GB; the bill is per 1,000 projects for 30 days beyond the app's free allowance, at ${PRICES.url} ` +
      `($${PRICES.computeUSDPerGBs} per GB-s beyond ${PRICES.computeFreeGBs.toLocaleString('en')}; KVS reads $${PRICES.kvsReadUSDPerGB}/GB and writes $${PRICES.kvsWriteUSDPerGB}/GB beyond ${PRICES.kvsReadFreeGB} GB each). \`~\` marks a naive figure from an estimated wall time.`,
  );
  for (const c of costs) {
    const ours = appRows('ours', c.ours);
    const naive = appRows('naive', c.naive);
    lines.push(
      '',
      `#### Active sprint of ${c.activeSprintIssues} issues (busy hour: ${c.busyChanges} changed)`,
      '',
      '| App | Idle hour | Typical hour | Busy hour | Projects per Tier-1 pool | Panel view | Dashboard view | Settings preview | Apply |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ours[0] as string,
      naive[0] as string,
      '',
      '| App | KVS KB r/w, idle hour | typical hour | busy hour | panel view | dashboard view |',
      '|---|---:|---:|---:|---:|---:|',
      ours[1] as string,
      naive[1] as string,
      '',
      '| App | Points per project-day | GB-s per project-day | Compute / month / 1,000 projects | KVS read | KVS written | Forge bill / month / 1,000 projects |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ours[2] as string,
      naive[2] as string,
    );
  }
  return lines.join('\n');
}
