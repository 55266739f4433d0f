/**
 * From raw measurements to the report: each operation's lower bound (the fewest requests Jira's
 * paging and bulk limits allow for that operation on that data), its ratio, the naive baseline next
 * to it, and the budgets of issue 6 marked met or not met.
 *
 * Lower bounds (S = sprints on the board, n = issues a search must return, T = issues whose embedded
 * worklog list is truncated, i.e. more than the 20 a search embeds — the hours model needs them all):
 * - a board lookup is 1 request, the board's sprints ⌈S/50⌉ (agile paging), the field list 1;
 * - a search with fields is ⌈n/100⌉ pages (Jira's cap with fields; ⌈n/5000⌉ for ids only, which
 *   the app never needs), at least 1, counted once per distinct query the operation needs;
 * - worklogs: 1 call per issue with more than 20 worklogs (T), since search embeds at most 20;
 * - writes: 1 per step the decision plan carries out (sprint move, labels, assignee, comment, property);
 * - incremental hourly rollup: the board, its sprints, the field list, the sprint's membership (ids
 *   only, ⌈n/5000⌉: an issue leaving the sprint does not match `sprint = N AND updated >= …`), one
 *   `updated >=` page per 100 changed issues (min 1; logging work updates the issue, so changed
 *   worklogs come with it), the full worklog lists of changed issues with more than 20, and the
 *   ledger's search (deferrals and defects since the sprint started) as measured;
 * - a parallel read's id list is not in any bound (it is how pages run side by side), its pages are.
 * The board's estimation field (`getConfiguration`) is not in any bound (the budgets allow it): the
 * default capacity model is hours; velocity reads it.
 */
import type { Measured, ScenarioOutput } from './scenario';
import type { DrainSummary, SiteFacts } from './sim-process';

export interface OpRow {
  readonly op: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly requests: number;
  readonly byOperation: Record<string, number>;
  /** Jira points (dev/sim/README.md "Points"), from the simulator's request log. */
  readonly points: number;
  readonly pointsByOperation: Record<string, number>;
  /** The fewest points the first full read can cost (hourly.first only; see `pointsLowerBound`). */
  readonly pointsLowerBound?: number;
  readonly pointsLowerBoundFormula?: string;
  readonly lowerBound: number;
  readonly lowerBoundFormula: string;
  readonly ratio: number;
  readonly roundTrips: number;
  readonly depth: number;
  readonly wallMs: number;
  readonly wallEstimated: boolean;
  readonly responseKB: number;
  readonly kvsReads: number;
  readonly kvsWrites: number;
  /** KVS data read and written, KB (Forge's quota counts 10 KB units). */
  readonly kvsReadKB: number;
  readonly kvsWrittenKB: number;
  readonly peakRssMB: number;
  /** RSS just before the operation (after a GC): the process's baseline, tsx and the app's modules included. */
  readonly rssBeforeMB: number;
  readonly searches: number;
  /** HTTP statuses Jira (the simulator) answered with. */
  readonly statuses: Record<string, number>;
  readonly naive?: { readonly of: string; readonly requests: number; readonly points: number; readonly ratioToLowerBound: number; readonly depth: number; readonly wallMs: number; readonly wallEstimated: boolean; readonly responseKB: number };
}

export interface SizeReport {
  readonly size: number;
  readonly facts: SiteFacts;
  readonly panelTarget: string;
  /** Issues changed before the busy hour (100, or the whole sprint when it is smaller). */
  readonly busyChanges: number;
  readonly ops: OpRow[];
  readonly maxRssMB: number;
}

export interface Budget {
  readonly budget: string;
  readonly size: number | 'all' | 'build';
  readonly measured: string;
  readonly met: boolean;
}

const SEARCH = 'searchAndReconsileIssuesUsingJqlPost';
const WRITES = ['editIssue', 'assignIssue', 'setIssueProperty', 'addComment', 'moveIssuesToSprintAndRank', 'moveIssuesToBacklog'];
/**
 * The searches a bound counts: a parallel read's id list (ids only, same JQL as a read whose pages
 * were split by id) is how the app parallelises, not data the operation needs, so it is left out;
 * the split pages count with their query. Ids-only searches the app needs (a sprint's membership)
 * count ⌈n/5000⌉.
 */
const needed = (log: DrainSummary) => log.searches.filter((s) => !(s.idsOnly && log.searches.some((o) => o.splitPages > 0 && o.key.replace(' [+worklog]', '') === s.key.replace(' [ids]', ''))));
const pagesOfSearch = (s: { idsOnly: boolean; issues: number }): number => Math.max(1, Math.ceil(s.issues / (s.idsOnly ? 5000 : 100)));
const pagesOf = (log: DrainSummary): number => needed(log).reduce((sum, s) => sum + pagesOfSearch(s), 0);
const searchText = (log: DrainSummary): string => {
  const list = needed(log);
  return list.length ? ` + Σ⌈n/100⌉ (⌈n/5000⌉ ids only) over ${list.length} search${list.length === 1 ? '' : 'es'} (n = ${list.map((s) => `${s.issues}${s.idsOnly ? ' ids' : ''}`).join(', ')})` : '';
};
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The viewer filter's permission checks (src/app/access/viewer-filter.ts): a view that names issues
 * of a project with secured issues must ask Jira which the viewer may see, and Jira checks at most
 * 1,000 issues per call, so ⌈L/1000⌉ for L listed issues is what any design that names them needs.
 */
const viewerChecks = (m: Measured): number => m.log.byOperation.getBulkPermissions ?? 0;
const viewerText = (m: Measured): string => (viewerChecks(m) ? ` + viewer checks ⌈L/1000⌉ (${viewerChecks(m)})` : '');

function lowerBound(m: Measured, facts: SiteFacts, changedIssues: number, busyIssues: number): { value: number; formula: string } {
  const sprints = Math.ceil(facts.boardSprints / 50);
  const T = m.log.truncatedWorklogIssues.length;
  const context = 2 + sprints; // board, sprints, fields
  const data = pagesOf(m.log) + T;
  const t = T ? ` + T (${T})` : '';
  switch (m.op) {
    case 'panel.fresh':
    case 'panel.stale':
    case 'panel.budget':
      return { value: context + 2 + data, formula: `board 1 + sprints ⌈S/50⌉ + fields 1 + issue 1 + permissions 1${searchText(m.log)}${t}` };
    case 'apply.decision': {
      const writes = WRITES.reduce((sum, op) => sum + (m.log.byOperation[op] ?? 0), 0);
      return { value: context + 2 + 1 + writes + T, formula: `board 1 + sprints ⌈S/50⌉ + fields 1 + issue 1 + permissions 1 + comments 1 + writes (${writes})${t}` };
    }
    case 'dashboard.fresh':
      return { value: 1 + sprints + viewerChecks(m), formula: `board 1 + sprints ⌈S/50⌉${viewerText(m)} (no search: served from storage)` };
    case 'dashboard.stale':
      return { value: context + data + viewerChecks(m), formula: `board 1 + sprints ⌈S/50⌉ + fields 1${searchText(m.log)}${t}${viewerText(m)}` };
    case 'history.stored':
      return { value: 1 + sprints, formula: 'board 1 + sprints ⌈S/50⌉ (rows stored)' };
    case 'events.changed10':
    case 'events.changed100':
      // An event carries its change: recording it needs nothing from Jira (1 keeps the ratio defined).
      return { value: 1, formula: 'none needed: the events carry the changes (shown as 1)' };
    case 'hourly.unchanged':
    case 'hourly.changed10':
    case 'hourly.changed100': {
      // The incremental bound: what an update must ask whatever the app's design — the sprint's
      // membership (leaving a sprint does not match \`sprint = N AND updated >= …\`, so removals are only
      // visible there: ids only, ⌈n/5000⌉), the issues changed since (⌈c/100⌉, at least 1), the full
      // worklog lists of changed issues with more than 20, and the ledger's search as measured.
      const c = m.op === 'hourly.changed10' ? changedIssues : m.op === 'hourly.changed100' ? busyIssues : 0;
      const membership = Math.ceil(facts.activeSprintIssues / 5000);
      const ledger = m.log.searches.filter((x) => x.key.startsWith('project =')).reduce((sum, x) => sum + pagesOfSearch(x), 0);
      return {
        value: context + membership + Math.max(1, Math.ceil(c / 100)) + ledger + T,
        formula: `board 1 + sprints ⌈S/50⌉ + fields 1 + membership ⌈n/5000⌉ (n = ${facts.activeSprintIssues}) + \`updated >=\` ⌈c/100⌉ (c = ${c}, min 1) + ledger ${ledger}${t}`,
      };
    }
    case 'policy.preview':
      return { value: 1 + data, formula: `fields 1${searchText(m.log)}` };
    case 'naive.rollup':
      return { value: context + Math.max(1, Math.ceil(facts.activeSprintIssues / 100)) + facts.activeOver20Worklogs, formula: `board 1 + sprints ⌈S/50⌉ + fields 1 + ⌈n/100⌉ (n = ${facts.activeSprintIssues}) + T (${facts.activeOver20Worklogs})` };
    default:
      return { value: context + data, formula: `board 1 + sprints ⌈S/50⌉ + fields 1${searchText(m.log)}${t}` };
  }
}

/** Objects a read of `op` returned in all: its points less the 1 each request costs (core objects: 1 point each). */
const objectsOf = (log: DrainSummary, op: string): number => (log.pointsByOperation[op] ?? 0) - (log.byOperation[op] ?? 0);

/**
 * The points lower bound of the first full read (issue 13's "pages + issues + long worklog lists"), on
 * the measured data: every request costs 1 and every object returned 1 (dev/sim/README.md "Points"), so
 * whatever the design it pays the board (1 + 1), the sprints (⌈S/50⌉ pages + S), the field list
 * (1 + F, F the fields the site answered), each needed search's pages and issues (Σ ⌈n/100⌉ + n, the
 * ids-only list of a parallel read left out as in the request bound), and each truncated worklog
 * list (T calls + the W entries they returned: the window the hours model needs). The board's
 * estimation field is left out, as in the request bound.
 */
function pointsLowerBound(m: Measured, facts: SiteFacts): { value: number; formula: string } {
  const sprintPages = Math.ceil(facts.boardSprints / 50);
  const fieldCalls = m.log.byOperation.getFields ?? 0;
  const F = fieldCalls ? Math.round(objectsOf(m.log, 'getFields') / fieldCalls) : 0;
  const searches = needed(m.log);
  const pages = searches.reduce((sum, s) => sum + pagesOfSearch(s), 0);
  const issues = searches.reduce((sum, s) => sum + s.issues, 0);
  const T = m.log.truncatedWorklogIssues.length;
  const W = T ? objectsOf(m.log, 'getIssueWorklog') : 0;
  return {
    value: 2 + sprintPages + facts.boardSprints + 1 + F + pages + issues + T + W,
    formula: `board 2 + sprints ⌈S/50⌉ + S (${sprintPages} + ${facts.boardSprints}) + fields 1 + F (${F}) + pages (${pages}) + issues (${issues}) + long worklog lists T + W (${T} + ${W})`,
  };
}

const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;

function naiveOf(op: string): string[] {
  if (op === 'panel.fresh' || op === 'panel.stale' || op === 'panel.budget') return ['naive.rollup'];
  if (op.startsWith('hourly.') || op.startsWith('dashboard.')) return ['naive.rollup', 'naive.history'];
  if (op.startsWith('history.')) return ['naive.history'];
  return [];
}

export function sizeReport(size: number, output: ScenarioOutput): SizeReport {
  const base = output.ops.map((m) => {
    const lb = lowerBound(m, output.facts, output.changed.length, output.changedBusy.length);
    const plb = m.op === 'hourly.first' ? pointsLowerBound(m, output.facts) : undefined;
    return {
      m,
      row: {
        op: m.op,
        ok: m.ok,
        ...(m.error ? { error: m.error } : {}),
        requests: m.log.requests,
        byOperation: m.log.byOperation,
        points: m.log.points,
        pointsByOperation: m.log.pointsByOperation,
        ...(plb ? { pointsLowerBound: plb.value, pointsLowerBoundFormula: plb.formula } : {}),
        lowerBound: lb.value,
        lowerBoundFormula: lb.formula,
        ratio: round(m.log.requests / lb.value),
        roundTrips: m.roundTrips,
        depth: m.depth,
        wallMs: m.wallMs,
        wallEstimated: m.wallEstimated === true,
        responseKB: kb(m.log.responseBytes),
        kvsReads: m.kvsReads,
        kvsWrites: m.kvsWrites,
        kvsReadKB: kb(m.kvsBytesRead),
        kvsWrittenKB: kb(m.kvsBytesWritten),
        peakRssMB: m.peakRssMB,
        rssBeforeMB: m.rssBeforeMB,
        statuses: m.log.statuses,
        searches: m.log.byOperation[SEARCH] ?? 0,
      } satisfies OpRow as OpRow,
    };
  });
  const byOp = new Map(base.map((b) => [b.row.op, b.row]));
  // The naive history is measured against the same data as the app's first history computation.
  const naiveHistory = byOp.get('naive.history');
  const historyFirst = byOp.get('history.first');
  if (naiveHistory && historyFirst) byOp.set('naive.history', { ...naiveHistory, lowerBound: historyFirst.lowerBound, lowerBoundFormula: 'as history.first', ratio: round(naiveHistory.requests / historyFirst.lowerBound) });
  const ops = [...byOp.values()].map((row): OpRow => {
    const parts = naiveOf(row.op).map((o) => byOp.get(o)).filter((r): r is OpRow => r !== undefined);
    if (parts.length === 0) return row;
    const requests = parts.reduce((s, p) => s + p.requests, 0);
    return {
      ...row,
      naive: {
        of: parts.map((p) => p.op).join(' + '),
        requests,
        points: parts.reduce((s, p) => s + p.points, 0),
        ratioToLowerBound: round(requests / row.lowerBound),
        depth: parts.reduce((s, p) => s + p.depth, 0),
        wallMs: parts.reduce((s, p) => s + p.wallMs, 0),
        wallEstimated: parts.some((p) => p.wallEstimated),
        responseKB: round(parts.reduce((s, p) => s + p.responseKB, 0), 1),
      },
    };
  });
  return { size, facts: output.facts, panelTarget: output.target, busyChanges: output.changedBusy.length, ops, maxRssMB: output.maxRssMB };
}

export interface BundleRow {
  readonly surface: string;
  readonly jsGzipKB: number;
  readonly cssGzipKB: number;
  readonly lazyJsGzipKB: number;
}

export function budgets(sizes: readonly SizeReport[], bundles: readonly BundleRow[]): Budget[] {
  const out: Budget[] = [];
  const op = (s: SizeReport, id: string): OpRow | undefined => s.ops.find((o) => o.op === id);
  for (const s of sizes) {
    const panel = op(s, 'panel.fresh');
    if (panel) out.push({ budget: 'Issue panel (fresh rollup): ≤ 2 sequential round trips, ≤ 5 requests', size: s.size, measured: `${panel.roundTrips} round trips (depth ${panel.depth}), ${panel.requests} requests`, met: panel.ok && panel.roundTrips <= 2 && panel.requests <= 5 });
    const stalePanel = op(s, 'panel.stale');
    if (stalePanel) out.push({ budget: 'Issue panel (stale rollup): ≤ 2 sequential round trips, ≤ 5 requests', size: s.size, measured: `${stalePanel.roundTrips} round trips (depth ${stalePanel.depth}), ${stalePanel.requests} requests, ${stalePanel.wallMs} ms${stalePanel.ok ? '' : `, FAILED: ${stalePanel.error}`}`, met: stalePanel.ok && stalePanel.roundTrips <= 2 && stalePanel.requests <= 5 });
    const update = op(s, 'panel.budget');
    if (update) out.push({ budget: 'Panel budget update (panel.budget, after a stale panel.get): ≤ 1.1 × lower bound, one round trip after the panel\'s two', size: s.size, measured: `${update.requests} / ${update.lowerBound} = ${update.ratio}×, ${update.roundTrips} round trips (depth ${update.depth}), ${update.wallMs} ms`, met: update.ok && update.ratio <= 1.1 && update.roundTrips <= 3 });
    const apply = op(s, 'apply.decision');
    if (apply) out.push({ budget: 'Apply decision: ≤ 3 sequential round trips', size: s.size, measured: `${apply.roundTrips} round trips (depth ${apply.depth}), ${apply.requests} requests`, met: apply.ok && apply.roundTrips <= 3 });
    const fresh = op(s, 'dashboard.fresh');
    if (fresh) out.push({ budget: 'Dashboard, fresh rollup: no Jira search', size: s.size, measured: `${fresh.searches} searches, ${fresh.requests} requests`, met: fresh.ok && fresh.searches === 0 });
    const stale = op(s, 'dashboard.stale');
    if (stale) out.push({ budget: 'Dashboard, stale rollup: ≤ 1.1 × lower bound', size: s.size, measured: `${stale.requests} / ${stale.lowerBound} = ${stale.ratio}×`, met: stale.ok && stale.ratio <= 1.1 });
    const unchanged = op(s, 'hourly.unchanged');
    if (unchanged) out.push({ budget: 'Hourly rollup, unchanged sprint: O(1) requests (≤ 1.1 × the incremental bound + the board configuration, at every size)', size: s.size, measured: `${unchanged.requests} requests (bound ${unchanged.lowerBound}, ${unchanged.ratio}×)`, met: unchanged.ok && unchanged.requests <= 1.1 * unchanged.lowerBound + 1 });
    const changed = op(s, 'hourly.changed10');
    if (changed) out.push({ budget: 'Hourly rollup, 10 changed issues: bounded by the changes (≤ 1.1 × the incremental bound + the board configuration)', size: s.size, measured: `${changed.requests} requests (bound ${changed.lowerBound}, ${changed.ratio}×)`, met: changed.ok && changed.requests <= 1.1 * changed.lowerBound + 1 });
    const stored = op(s, 'history.stored');
    if (stored) out.push({ budget: 'History of closed sprints computed once (no search once stored)', size: s.size, measured: `${stored.searches} searches, ${stored.requests} requests when stored`, met: stored.ok && stored.searches === 0 });
  }
  const largest = sizes[sizes.length - 1];
  const first = largest ? op(largest, 'hourly.first') : undefined;
  if (largest && first) {
    out.push({ budget: `First rollup of the largest sprint (${largest.facts.activeSprintIssues} issues): ≤ 1.1 × lower bound in requests`, size: largest.size, measured: `${first.requests} / ${first.lowerBound} = ${first.ratio}×`, met: first.ok && first.ratio <= 1.1 });
    out.push({ budget: 'First rollup of the largest sprint: < 10 s wall at the injected latency', size: largest.size, measured: `${round(first.wallMs / 1000, 1)} s (depth ${first.depth})`, met: first.ok && first.wallMs < 10_000 });
    out.push({ budget: 'First rollup of the largest sprint: < 256 MB peak RSS', size: largest.size, measured: `${first.peakRssMB} MB`, met: first.ok && first.peakRssMB < 256 });
  }
  const panelJs = bundles.find((b) => b.surface === 'panel');
  const dashJs = bundles.find((b) => b.surface === 'dashboard');
  if (panelJs) out.push({ budget: 'Issue panel JS ≤ 150 KB gz', size: 'build', measured: `${panelJs.jsGzipKB} KB gz`, met: panelJs.jsGzipKB <= 150 });
  if (dashJs) out.push({ budget: 'Dashboard JS ≤ 350 KB gz', size: 'build', measured: `${dashJs.jsGzipKB} KB gz before first paint + ${dashJs.lazyJsGzipKB} KB lazy = ${round(dashJs.jsGzipKB + dashJs.lazyJsGzipKB, 1)} KB`, met: dashJs.jsGzipKB + dashJs.lazyJsGzipKB <= 350 });
  return out;
}

const ops = (b: Record<string, number>): string =>
  Object.entries(b)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k.replace(SEARCH, 'search')} ${v}`)
    .join(', ');

export function markdown(sizes: readonly SizeReport[], list: readonly Budget[], bundles: readonly BundleRow[]): string {
  const lines: string[] = [];
  lines.push('### Budgets', '', '| Budget | Size | Measured | |', '|---|---:|---|---|');
  for (const b of list) lines.push(`| ${b.budget} | ${b.size} | ${b.measured} | ${b.met ? 'met' : '**not met**'} |`);
  lines.push('', '### Bundles (production build, gzipped)', '', '| Surface | JS before first paint | CSS | JS loaded later |', '|---|---:|---:|---:|');
  for (const b of bundles) lines.push(`| ${b.surface} | ${b.jsGzipKB} KB | ${b.cssGzipKB} KB | ${b.lazyJsGzipKB} KB |`);
  for (const s of sizes) {
    const f = s.facts;
    lines.push(
      '',
      `### Active sprint of ${f.activeSprintIssues} issues`,
      '',
      `Site: ${f.issues} issues; SUP board: ${f.boardSprints} sprints (${f.closedSprints} closed, ${f.closedSprintIssues} issues in them, ${f.closedOver20Worklogs} with > 20 worklogs); active sprint ${f.activeSprintId}: ${f.activeSprintIssues} issues, ${f.activeOver20Worklogs} with > 20 worklogs (most worklogs on one issue: ${f.maxWorklogs}). Panel issue: ${s.panelTarget}. Peak RSS of the app process over the whole run: ${s.maxRssMB} MB.`,
      '',
      '| Operation | Requests | Points | Lower bound | Ratio | Round trips | Depth | Wall | Response | KVS r/w (KB) | Peak RSS (Δ) | Naive requests (ratio) | Naive points | Naive depth | Naive wall |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const o of s.ops) {
      const wall = `${o.wallEstimated ? '~' : ''}${o.wallMs} ms`;
      const naive = o.naive ? [`${o.naive.requests} (${o.naive.ratioToLowerBound}×)`, String(o.naive.points), String(o.naive.depth), `${o.naive.wallEstimated ? '~' : ''}${o.naive.wallMs} ms`] : ['', '', '', ''];
      lines.push(`| ${o.op}${o.ok ? '' : ' **(failed)**'} | ${o.requests} | ${o.points} | ${o.lowerBound} | ${o.ratio}× | ${o.roundTrips} | ${o.depth} | ${wall} | ${o.responseKB} KB | ${o.kvsReads}/${o.kvsWrites} (${o.kvsReadKB}/${o.kvsWrittenKB} KB) | ${o.peakRssMB} MB (+${Math.round((o.peakRssMB - o.rssBeforeMB) * 10) / 10}) | ${naive.join(' | ')} |`);
    }
    lines.push('', '<details><summary>Requests by operation id and lower-bound formulas</summary>', '', '| Operation | Requests by operation id | Points by operation id | Statuses | Lower bound formula |', '|---|---|---|---|---|');
    for (const o of s.ops) lines.push(`| ${o.op} | ${ops(o.byOperation)} | ${ops(o.pointsByOperation)} | ${ops(o.statuses)} | ${o.lowerBoundFormula} = ${o.lowerBound}${o.pointsLowerBound !== undefined ? `; points: ${o.pointsLowerBoundFormula ?? ''} = ${o.pointsLowerBound}` : ''} |`);
    const failed = s.ops.filter((o) => !o.ok);
    if (failed.length) lines.push('', ...failed.map((o) => `- ${o.op} failed: ${o.error ?? ''}`));
    lines.push('', '</details>');
  }
  return lines.join('\n');
}
