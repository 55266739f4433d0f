/**
 * Request-count budgets (issue 6: "a test asserts request counts"). Each main operation runs
 * against the Jira simulator's default seeded demo site (frozen `now`, real HTTP, an in-memory
 * store), and its Jira requests are pinned exactly, by operation id, from the simulator's request
 * log; for the panel and apply the sequential round trips are pinned too (the resolver harness's
 * meters, test/builders/counting-transport.ts). Counts, not times: they are deterministic, and a
 * change that adds an N+1, an extra search page or a second field-list read fails here, naming the
 * request it added.
 *
 * Where a count follows from the data (search pages = ⌈n/100⌉; one worklog call per issue with more
 * than the 20 worklogs a search embeds) it is computed from `sim.store`; anything else is the number
 * measured on this site, with a comment naming each request. `docs/performance.md` explains them.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { defaultSettings } from '../../src/app/settings/project-settings';
import { rollUpAll } from '../../src/app/sprint/hourly-rollup';
import { keys } from '../../src/app/storage/keys';
import { projectRegistry } from '../../src/app/storage/sprint-records';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { SCHEDULED_BUDGET_MS } from '../../src/triggers/rollup';
import { NOW } from '../builders/clocks';
import { resolverHarness, type ResolverHarness } from '../builders/resolver-harness';
import { SEARCH } from '../builders/sim-requests';

const PAGE = 100; // Jira's page cap for a search that asks for fields (src/jira/client/issue-client.ts)
const EMBEDDED_WORKLOGS = 20; // a search embeds at most 20 worklogs; longer lists cost one getIssueWorklog each
const MINUTE = 60_000;
const BOARD = 1; // SUP board
const PANEL_ISSUE = 'SUP-250'; // support ticket outside the sprint, no decision
const APPLY_ISSUE = 'SUP-246'; // P1 support ticket outside the sprint: interrupt pulls it in

type Counts = Record<string, number>;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());

/**
 * The app as Forge runs it (test/builders/resolver-harness.ts): one store, a clock the test moves, a
 * meter per call; po calls. Made in describe blocks, before `beforeAll` starts the simulator, so the
 * harness is built on first use.
 */
function app() {
  let harness: ResolverHarness | undefined;
  const h = (): ResolverHarness => (harness ??= resolverHarness(sim, { nowMs: NOW }));
  const call = async (functionKey: string, payload: unknown, issueKey?: string): Promise<void> => {
    const envelope = await h().call('po', functionKey, payload, issueKey ? { issueKey } : { project: 'SUP' });
    if (!envelope.ok) throw new Error(`${functionKey}: ${envelope.error.code}: ${envelope.error.message}`);
  };
  const hourly = async (): Promise<void> => {
    const report = await rollUpAll(h().portsAs('app'), h().clock.nowMs + SCHEDULED_BUDGET_MS); // the trigger acts as the app
    expect(report.projects.map((p) => [p.projectKey, p.problem ?? 'ok'])).toEqual([['SUP', 'ok']]);
  };
  return {
    get store() {
      return h().store;
    },
    get clock() {
      return h().clock;
    },
    get meters() {
      return h().meters;
    },
    call,
    hourly,
  };
}

/** Runs `work` on a cleared log; the Jira requests it sent by operation id, and its round trips. */
async function measure(a: ReturnType<typeof app>, work: () => Promise<void>) {
  sim.clearRequests();
  const before = a.meters.length;
  await work();
  const log = sim.requests();
  const counts: Counts = {};
  for (const r of log) {
    const id = r.operationId ?? `unknown ${r.method} ${r.path}`;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  const sent = a.meters.slice(before);
  const listing = log.map((r) => `  ${r.status} ${r.operationId ?? '?'} ${r.method} ${r.path}${r.operationId === SEARCH ? ` jql: ${(r.body as { jql?: string }).jql}` : ''}`).join('\n');
  return {
    /** Exact counts by operation id; on failure, the message lists every request that was sent. */
    expectRequests(operation: string, expected: Counts): void {
      try {
        expect({ operation, requestsByOperationId: counts }).toEqual({ operation, requestsByOperationId: expected });
      } catch (error) {
        if (error instanceof Error) error.message += `\n\n${operation} sent ${log.length} requests (budget ${Object.values(expected).reduce((s, n) => s + n, 0)}):\n${listing}`;
        throw error;
      }
    },
    /** Jira points the operation spent (the simulator's meter: dev/sim/points/, 1 a request + objects returned; issue 13). */
    points: log.reduce((sum, r) => sum + (r.points ?? 0), 0),
    /** The one call's sequential round trips and requests as its meter counted them. */
    trips: sent.length === 1 ? { roundTrips: sent[0]?.roundTrips, requests: sent[0]?.requests } : { meters: sent.length },
  };
}

/** Worked out from the simulator's store: search pages and worklog calls for a set of issues. */
function costOf(inSet: (i: { sprintIds: readonly number[] }) => boolean) {
  const issues = sim.store.issues.filter(inSet);
  return { pages: Math.max(1, Math.ceil(issues.length / PAGE)), worklogCalls: issues.filter((i) => i.worklogs.length > EMBEDDED_WORKLOGS).length };
}
const activeSprintId = (): number => sim.store.sprintsOfBoard(BOARD).find((s) => s.state === 'active')?.id ?? -1;
/** The active sprint's one search (`sprint = N`), paged, plus its truncated worklog lists. */
const activeCost = () => costOf((i) => i.sprintIds.includes(activeSprintId()));
/**
 * An update of the active sprint through its issue cache (src/app/sprint/sprint-sync.ts): the
 * membership (ids only, 5,000 a page: one request here) and the issues updated in the last
 * `minutes` by the simulator's clock (paged, at least one request), with their truncated worklogs.
 */
const updateCost = (minutes: number) => {
  const since = sim.store.clock.now() - minutes * MINUTE;
  const changed = costOf((i) => i.sprintIds.includes(activeSprintId()) && (i as unknown as { updatedMs: number }).updatedMs >= since);
  return { searches: 1 + changed.pages, worklogCalls: changed.worklogCalls };
};
/**
 * A sync of the active sprint from its issue cache (src/app/sprint/sprint-sync.ts, ledger-reconcile.ts):
 * Jira's count of the sprint's and project's issues updated in the last `minutes` (one request), side
 * by side with a read by id of the invocation's own issue (`own`: panel.budget). No event reaches the
 * app in these tests, so when the count finds changed issues (the seed's last edits, within the
 * overlap) the journal cannot explain them and the update reads what changed (`updateCost`).
 */
const syncCost = (minutes: number, own = false) => {
  const since = sim.store.clock.now() - minutes * MINUTE;
  const sup = sim.store.project('SUP')?.id;
  const counted = sim.store.issues.filter((i) => (i.sprintIds.includes(activeSprintId()) || i.projectId === sup) && i.updatedMs >= since).length;
  const update = counted > 0 ? updateCost(minutes) : { searches: 0, worklogCalls: 0 };
  return { countIssues: 1, searches: (own ? 1 : 0) + update.searches, worklogCalls: update.worklogCalls };
};
/**
 * History's one search over the last `historySprints` closed sprints (`sprint in (…)`), read in
 * parallel (JiraClient.searchTicketsParallel): past one full page, the id list is one request more.
 */
const historyCost = () => {
  const closed = sim.store.sprintsOfBoard(BOARD).filter((s) => s.state === 'closed').sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0)).slice(-defaultSettings().historySprints).map((s) => s.id);
  const issues = sim.store.issues.filter((i) => i.sprintIds.some((id) => closed.includes(id))).length;
  const cost = costOf((i) => i.sprintIds.some((id) => closed.includes(id)));
  return { ...cost, pages: cost.pages + (issues >= PAGE ? 1 : 0) };
};
/**
 * The site's order of priorities and select options (src/app/storage/site-order.ts; issue 16, item 2):
 * the project (its issue types) and one create screen, as the app, once a day per project. Each rides
 * in a round trip the operation makes anyway.
 */
const SITE_ORDER = { getProject: 1, getCreateIssueMetaIssueTypeId: 1 };
/**
 * board 1 + sprints ⌈S/50⌉ (= 1 here) + the field list 1, and the site's order: the first operation
 * on a project (an empty store) starts with these.
 */
const CONTEXT = { getAllBoards: 1, getAllSprints: 1, getFields: 1, ...SITE_ORDER };
/**
 * A user's view asks Jira, as the user, whether they may browse the project before anything stored
 * is read (src/app/access/project-access.ts): one permission, 3 points. Everything else of the
 * project's context is stored: the board and its sprints (src/app/storage/board-sprints.ts, issue
 * 13, item 4), the field list (src/app/storage/field-list.ts; issue 10, item 7). (These pins were
 * `{ getAllBoards: 1, getAllSprints: 1 }`, board and sprints read as the user, before the board and
 * sprints were stored.) The app itself (the hourly run) asks nothing.
 */
const BROWSE = { getMyPermissions: 1 };
/**
 * The board configuration (its estimation field): asked by the sprint use cases the first time,
 * then remembered for a day (src/app/storage/board-estimation.ts); panel.get never asks.
 */
const CONFIG = { getConfiguration: 1 };
/** A ledger search (deferrals and bugs since a date): measured at one page each on this site (5 and 29 issues). */
const LEDGER_PAGES = 1;
/**
 * The viewer filter (src/app/access/viewer-filter.ts): one batched permission check per view that
 * lists issues, since SUP has secured issues; whether it has any is asked once a day as the app
 * (one search, `maxResults: 1`), on the first view of the day.
 */
const VIEWER_FILTER = { getBulkPermissions: 1 };
const SECURITY_QUESTION = 1;

describe('hourly rollup (rollUpAll as the app, SUP registered, empty store)', () => {
  const a = app();
  beforeAll(() => projectRegistry.register(a.store, 'SUP', NOW));

  it('first run: the active sprint + its ledger, and history of the last closed sprints + its ledger', async () => {
    const active = activeCost();
    const history = historyCost();
    const run = await measure(a, a.hourly);
    run.expectRequests('hourly rollup, first run', {
      ...CONTEXT,
      ...CONFIG,
      [SEARCH]: active.pages + LEDGER_PAGES + history.pages + LEDGER_PAGES + SECURITY_QUESTION, // the run asks the daily question, so views need not
      getIssueWorklog: active.worklogCalls + history.worklogCalls,
      bulkGetUsers: 1, // the names the dashboard shows, renewed before they expire, so views need not ask
    });
  });

  it('second run an hour later: history rows are stored; the active sprint is updated from its cache, and its ledger', async () => {
    a.clock.nowMs = NOW + 60 * MINUTE;
    const update = syncCost(65); // the hour since the last run and a 5-minute overlap
    const run = await measure(a, a.hourly);
    run.expectRequests('hourly rollup, second run', { countIssues: update.countIssues, [SEARCH]: update.searches + LEDGER_PAGES, ...(update.worklogCalls ? { getIssueWorklog: update.worklogCalls } : {}) });
  });

  it('a panel.budget update after the hourly run reuses the run\'s issue cache (the same fields): no full read', async () => {
    a.clock.nowMs = NOW + 131 * MINUTE;
    const update = syncCost(76, true);
    const budget = await measure(a, () => a.call('panel.budget', {}, PANEL_ISSUE));
    budget.expectRequests('panel.budget after the hourly run', { getIssue: 1, getMyPermissions: 1, countIssues: update.countIssues, [SEARCH]: update.searches, ...(update.worklogCalls ? { getIssueWorklog: update.worklogCalls } : {}) });
  });
});

describe('dashboard.get (po, empty store)', () => {
  const a = app();

  it('first view: computes the active sprint, its ledger and the history, as the first hourly run does', async () => {
    const active = activeCost();
    const history = historyCost();
    const view = await measure(a, () => a.call('dashboard.get', {}));
    view.expectRequests('dashboard.get, first view', {
      ...CONTEXT,
      ...BROWSE,
      ...CONFIG,
      ...VIEWER_FILTER,
      [SEARCH]: active.pages + LEDGER_PAGES + history.pages + LEDGER_PAGES + SECURITY_QUESTION,
      getIssueWorklog: active.worklogCalls + history.worklogCalls,
      bulkGetUsers: 1, // the names of the people it shows (deciders of what was deferred), remembered a day after
    });
  });

  it('fresh rollup (1 minute later): no search at all, only the project context', async () => {
    a.clock.nowMs = NOW + MINUTE;
    const view = await measure(a, () => a.call('dashboard.get', {}));
    view.expectRequests('dashboard.get, fresh rollup', { ...BROWSE, ...VIEWER_FILTER });
    // Issue 13's budget, ≤ 10 points: Browse (1 + 2) and the permission check of the secured issues it
    // lists (1 + 2 per grant: po sees the 3 listed here). 42 before the board and sprints were stored
    // and only secured issues were checked.
    expect(view.points).toBe(3 + (1 + 2 * 3)); // zero searches, zero worklogs, the estimation field and the field list remembered
    expect(sim.requests().filter((r) => r.operationId === SEARCH)).toEqual([]);
  });

  it('stale rollup (71 minutes after it was computed): the active sprint updated from its cache, its ledger again, history stays stored', async () => {
    a.clock.nowMs = NOW + 71 * MINUTE;
    const update = syncCost(76);
    const view = await measure(a, () => a.call('dashboard.get', {}));
    view.expectRequests('dashboard.get, stale rollup', { ...BROWSE, ...VIEWER_FILTER, countIssues: update.countIssues, [SEARCH]: update.searches + LEDGER_PAGES, ...(update.worklogCalls ? { getIssueWorklog: update.worklogCalls } : {}) });
  });
});

describe('panel.get (po, a support ticket outside the sprint, no decision)', () => {
  const a = app();
  /** The panel's own reads: the issue and the user's permissions on it. */
  const PANEL = { getIssue: 1, getMyPermissions: 1 };
  /** …within five minutes of the user's last panel call on the issue: the permissions are remembered (storage/issue-permissions.ts). */
  const REMEMBERED_PANEL = { getIssue: 1 };

  it('no stored rollup, the project\'s first view of the day: no search either: 3 round trips, 7 requests (issue 6\'s 2 and 5, and the site order\'s 2 daily reads, its create screen after the rest)', async () => {
    const panel = await measure(a, () => a.call('panel.get', {}, PANEL_ISSUE));
    panel.expectRequests('panel.get, no stored rollup', { ...CONTEXT, ...PANEL });
    expect(panel.trips).toEqual({ roundTrips: 3, requests: 7 });
  });

  it('then panel.budget reads the sprint in full (nothing cached yet): its pages, then the truncated worklog lists', async () => {
    const active = activeCost();
    const budget = await measure(a, () => a.call('panel.budget', {}, PANEL_ISSUE));
    // The field list, board and sprints were stored by panel.get just before, and the user's permissions on
    // the issue are remembered from it (storage/issue-permissions.ts): 2 requests before the sprint's (was 6).
    budget.expectRequests('panel.budget, no cache', { ...CONFIG, ...REMEMBERED_PANEL, [SEARCH]: active.pages, getIssueWorklog: active.worklogCalls });
    expect(budget.trips).toEqual({ roundTrips: 1 + active.pages + (active.worklogCalls > 0 ? 1 : 0), requests: 2 + active.pages + active.worklogCalls });
  });

  it('fresh stored rollup: 2 round trips, 2 requests, the field list, board and sprints stored (issue 6 budget: ≤ 2 and ≤ 5)', async () => {
    expect(await a.store.get(keys.rollup('SUP', activeSprintId()))).toBeDefined(); // stored by panel.budget above
    await a.store.delete(keys.issuePermissions(PANEL_ISSUE, sim.users.po.accountId)); // this viewer's first view of the issue
    const panel = await measure(a, () => a.call('panel.get', {}, PANEL_ISSUE));
    panel.expectRequests('panel.get, fresh rollup', PANEL);
    // 3 permissions (1 + 2 each: Edit, Schedule, Add comments; Assign is Jira's answer when assigning) and the issue (1 + 1): 9, within issue 13's 10.
    expect(panel.points).toBe(1 + 2 * 3 + 2);
    expect(panel.trips).toEqual({ roundTrips: 2, requests: 2 }); // 4 with the board and sprints, 5 with the field list, before they were stored
    // The same viewer again within five minutes: the permissions are remembered, only the issue is read (2 points).
    const again = await measure(a, () => a.call('panel.get', {}, PANEL_ISSUE));
    again.expectRequests('panel.get, seen within five minutes', REMEMBERED_PANEL);
    expect([again.points, again.trips]).toEqual([2, { roundTrips: 1, requests: 1 }]);
  });

  it('stale rollup: panel.get still 2 round trips and 2 requests; panel.budget updates from the cache in one more round trip', async () => {
    a.clock.nowMs = NOW + 71 * MINUTE;
    const panel = await measure(a, () => a.call('panel.get', {}, PANEL_ISSUE));
    panel.expectRequests('panel.get, stale rollup', PANEL);
    expect(panel.trips).toEqual({ roundTrips: 2, requests: 2 }); // the field list, board and sprints stored (5, then 4 before)
    const update = syncCost(76, true);
    const budget = await measure(a, () => a.call('panel.budget', {}, PANEL_ISSUE));
    budget.expectRequests('panel.budget, stale rollup', { ...REMEMBERED_PANEL, countIssues: update.countIssues, [SEARCH]: update.searches, ...(update.worklogCalls ? { getIssueWorklog: update.worklogCalls } : {}) });
    // The issue; the count beside the read by id; when the count is not explained, the update's searches.
    const fellBack = update.searches > 1;
    expect(budget.trips).toEqual({ roundTrips: 2 + (fellBack ? 1 : 0) + (update.worklogCalls > 0 ? 1 : 0), requests: 1 + update.countIssues + update.searches + update.worklogCalls }); // 4 + …, then 5 + … before
  });
});

describe('settings.previewPolicy (po, default policy)', () => {
  it('access, the field list, then the support search refused once (the site lacks two JSM types) and asked again: 50 rows, one page', async () => {
    const a = app();
    const preview = await measure(a, () => a.call('settings.previewPolicy', { policy: DEFAULT_POLICY }));
    // getMyPermissions: Browse Projects proven before storage is read (issue 11, F8); free for an admin
    // within the admin-check minute, one request for anyone else.
    preview.expectRequests('settings.previewPolicy', { getMyPermissions: 1, getFields: 1, ...SITE_ORDER, [SEARCH]: 2 });
    expect(sim.requests().filter((r) => r.operationId === SEARCH).map((r) => r.status)).toEqual([400, 200]);
    expect(sim.requests().filter((r) => r.operationId !== SEARCH).every((r) => r.status === 200)).toBe(true);
  });
});

// Last: it writes to the simulator (the ticket joins the active sprint), which would change the counts above.
describe('panel.applyDecision (po, interrupt with comment, no assignment)', () => {
  it('reads context, issue, permissions and comments, then 4 writes: 3 round trips (issue 6 budget: ≤ 3) and the site order\'s daily reads', async () => {
    const a = app();
    const apply = await measure(a, () => a.call('panel.applyDecision', { outcome: 'interrupt', comment: true }, APPLY_ISSUE));
    apply.expectRequests('panel.applyDecision', {
      ...CONTEXT,
      getIssue: 1, getMyPermissions: 1, getComments: 1, // reads: the issue, the user's permissions, its comments (is it signed already?)
      moveIssuesToSprintAndRank: 1, editIssue: 1, addComment: 1, setIssueProperty: 1, // writes: into the sprint, the label, the comment, the record
    });
    expect(apply.trips).toEqual({ roundTrips: 4, requests: 12 }); // 3 and 10 with the site order stored (the day's later views)
    // Without the day's first reads (board, sprints, field list, site order: as the app, once a day): 3 permissions, the issue, its comments, 4 writes.
    const daily = sim.requests().filter((r) => ['getAllBoards', 'getAllSprints', 'getFields', 'getProject', 'getCreateIssueMetaIssueTypeId'].includes(r.operationId ?? '')).reduce((sum, r) => sum + (r.points ?? 0), 0);
    expect(apply.points - daily).toBe(1 + 2 * 3 + 2 + 1 + 4); // permissions 7, the issue 2, its comments 1 (none yet), 4 writes: 14, within issue 13's 15
  });
});
