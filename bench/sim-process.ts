/**
 * The Jira simulator in a process of its own (forked by bench/scenario.ts), so its CPU and memory do
 * not count as the app's. Started with a scale and a latency fault; answers the scenario over IPC:
 * - `drain`: a summary of the requests answered since the last drain, read from `sim.requests()`
 *   (drained every second as well, so the log's 10,000-entry cap never drops one);
 * - `facts`: the seeded data's sizes, straight from the store (what the lower bounds are computed on);
 * - `target`: an untriaged SUP support ticket outside any sprint, for the panel;
 * - `latency`: change the injected latency (the naive baseline may run without it, see run.ts);
 * - `change`: `count` issues of the active sprint change (10 for a typical hour, 100 for a busy one;
 *   a worklog logged, `updated` moves), as between two hourly runs. A sprint with fewer issues than
 *   `count` has every issue changed once.
 */
import { startSimulator, type RecordedRequest, type SiteScale } from '../dev/sim';
import type { SiteIssue } from '../dev/sim/site/model';

export interface SimStart {
  readonly nowMs: number;
  readonly scale: SiteScale;
  readonly latencyMs: number;
  readonly jitterMs: number;
}

export interface SearchSummary {
  /** JQL (an id-split page `(<jql>) AND id in (…)` counts under its `<jql>`), and whether worklogs or only ids were asked for. */
  readonly key: string;
  /** Asked for ids only (Jira pages these 5,000 at a time). */
  readonly idsOnly: boolean;
  pages: number;
  issues: number;
  /** Of `pages`, those that were id-split pages of a parallel read. */
  splitPages: number;
}

export interface DrainSummary {
  requests: number;
  byOperation: Record<string, number>;
  /** Jira points the answers cost (each request-log entry's `points`: dev/sim/README.md "Points"). */
  points: number;
  pointsByOperation: Record<string, number>;
  statuses: Record<string, number>;
  responseBytes: number;
  searches: SearchSummary[];
  /** Issues answered (by search or getIssue) with a truncated embedded worklog list (total > embedded). */
  truncatedWorklogIssues: string[];
}

export interface SiteFacts {
  readonly issues: number;
  readonly boardSprints: number;
  readonly closedSprints: number;
  readonly activeSprintId: number;
  readonly activeSprintIssues: number;
  readonly activeOver20Worklogs: number;
  readonly closedSprintIssues: number;
  readonly closedOver20Worklogs: number;
  readonly maxWorklogs: number;
}

type Message = { id: number; type: 'drain' | 'facts' | 'target' | 'events' | 'close' } | { id: number; type: 'change'; count?: number } | { id: number; type: 'latency'; fixedMs: number; jitterMs: number } | { id: number; type: 'clock'; nowMs: number };

/** `(<jql>) AND id in (…)` → `<jql>`: the pages of one parallel read count as one query. */
const SPLIT = /^\((.*)\) AND id in \([\d, ]*\)$/s;

const start = JSON.parse(process.env.BENCH_SIM ?? '{}') as SimStart;

const empty = (): DrainSummary => ({ requests: 0, byOperation: {}, points: 0, pointsByOperation: {}, statuses: {}, responseBytes: 0, searches: [], truncatedWorklogIssues: [] });

function truncated(issue: unknown): string | undefined {
  const fields = (issue as { fields?: { worklog?: { total?: number; worklogs?: unknown[] } } } | undefined)?.fields;
  const page = fields?.worklog;
  if (!page || page.total === undefined || !Array.isArray(page.worklogs)) return undefined;
  return page.total > page.worklogs.length ? (issue as { id: string }).id : undefined;
}

function add(summary: DrainSummary, entries: readonly RecordedRequest[], truncatedSet: Set<string>): void {
  for (const r of entries) {
    const op = r.operationId ?? 'unknown';
    summary.requests++;
    summary.byOperation[op] = (summary.byOperation[op] ?? 0) + 1;
    summary.points += r.points;
    summary.pointsByOperation[op] = (summary.pointsByOperation[op] ?? 0) + r.points;
    summary.statuses[String(r.status)] = (summary.statuses[String(r.status)] ?? 0) + 1;
    if (r.responseBody !== undefined) summary.responseBytes += Buffer.byteLength(typeof r.responseBody === 'string' ? r.responseBody : JSON.stringify(r.responseBody));
    if (op === 'searchAndReconsileIssuesUsingJqlPost' && r.status === 200) {
      const body = r.body as { jql?: string; fields?: string[] };
      const split = (body.jql ?? '').match(SPLIT);
      const idsOnly = body.fields?.length === 1 && body.fields[0] === 'id';
      const key = `${split?.[1] ?? body.jql ?? ''}${body.fields?.includes('worklog') ? ' [+worklog]' : ''}${idsOnly ? ' [ids]' : ''}`;
      let s = summary.searches.find((x) => x.key === key);
      if (!s) summary.searches.push((s = { key, idsOnly, pages: 0, issues: 0, splitPages: 0 }));
      const issues = (r.responseBody as { issues?: unknown[] }).issues ?? [];
      s.pages++;
      if (split) s.splitPages++;
      s.issues += issues.length;
      for (const issue of issues) {
        const id = truncated(issue);
        if (id) truncatedSet.add(id);
      }
    }
    if (op === 'getIssue' && r.status === 200) {
      const id = truncated(r.responseBody);
      if (id) truncatedSet.add(id);
    }
  }
}

async function main(): Promise<void> {
  const sim = await startSimulator({ now: start.nowMs, scale: start.scale, faults: { latency: { fixedMs: start.latencyMs, jitterMs: start.jitterMs } } });
  const { store } = sim;
  let summary = empty();
  let truncatedSet = new Set<string>();
  const drainLog = () => {
    const entries = sim.requests();
    sim.clearRequests();
    add(summary, entries, truncatedSet);
  };
  const timer = setInterval(drainLog, 1000);

  const board = store.boards.find((b) => b.projectId === store.project('SUP')?.id);
  const sprints = board ? store.sprintsOfBoard(board.id) : [];
  const active = sprints.find((s) => s.state === 'active');
  const closedIds = new Set(sprints.filter((s) => s.state === 'closed').map((s) => s.id));
  const inActive = store.issues.filter((i) => active && i.sprintIds.includes(active.id));
  const inClosed = store.issues.filter((i) => i.sprintIds.some((id) => closedIds.has(id)));

  const facts = (): SiteFacts => ({
    issues: store.issues.length,
    boardSprints: sprints.length,
    closedSprints: closedIds.size,
    activeSprintId: active?.id ?? 0,
    activeSprintIssues: inActive.length,
    activeOver20Worklogs: inActive.filter((i) => i.worklogs.length > 20).length,
    closedSprintIssues: inClosed.length,
    closedOver20Worklogs: inClosed.filter((i) => i.worklogs.length > 20).length,
    maxWorklogs: Math.max(0, ...store.issues.map((i) => i.worklogs.length)),
  });

  const target = (): string => {
    const supportTypes = new Set(['Bug', 'Incident', 'Support request']);
    const sup = store.project('SUP');
    const candidates = store.issues.filter((i: SiteIssue) => {
      const type = sup?.issueTypes.find((t) => t.id === i.typeId)?.name ?? '';
      const status = sup?.statuses.find((s) => s.id === i.statusId);
      const property = i.properties.interruptBudget as { outcome?: string } | undefined;
      return i.projectId === sup?.id && i.sprintIds.length === 0 && supportTypes.has(type) && status?.category !== 'done' && property?.outcome === undefined && i.worklogs.length <= 20;
    });
    const chosen = candidates[candidates.length - 1];
    if (!chosen) throw new Error('No untriaged SUP support ticket outside a sprint.');
    return chosen.key;
  };

  // Work logged on `count` issues of the active sprint, as people log it (sim.changes): each raises
  // its Forge events (a worklog created, the issue's time tracking updated), which `events` hands over.
  const change = (count: number): string[] => {
    const step = Math.max(1, Math.floor(inActive.length / count));
    const changed = inActive.filter((_, i) => i % step === 0).slice(0, count);
    const now = store.clock.now();
    for (const issue of changed) sim.changes.logWork(issue.key, { startedMs: now - 2 * 3_600_000, seconds: 3600 });
    return changed.map((i) => i.key);
  };

  process.on('message', (message: Message) => {
    let result: unknown;
    if (message.type === 'drain') {
      drainLog();
      summary.truncatedWorklogIssues = [...truncatedSet];
      result = summary;
      summary = empty();
      truncatedSet = new Set();
    } else if (message.type === 'facts') result = facts();
    else if (message.type === 'target') result = target();
    else if (message.type === 'change') result = change(message.count ?? 10);
    else if (message.type === 'events') result = sim.events.take({ ignoreSelf: sim.users.app.accountId }).map((e) => e.payload);
    else if (message.type === 'clock') sim.clock.set(message.nowMs);
    else if (message.type === 'latency') sim.faults.set({ latency: { fixedMs: message.fixedMs, jitterMs: message.jitterMs } });
    else {
      clearInterval(timer);
      void sim.close().then(() => process.exit(0));
      return;
    }
    process.send?.({ id: message.id, result });
  });
  process.send?.({ id: 0, result: { url: sim.url, users: sim.users } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
