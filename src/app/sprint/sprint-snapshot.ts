/**
 * A sprint's snapshot — its rollup and its ledger — served from storage when the freshness rule
 * allows (see freshness.ts) and otherwise recomputed from Jira and stored, so the next view is
 * served from storage again. A damaged stored record is reported in `notes` and replaced, never a
 * crash.
 *
 * The two halves come from different searches (the sprint's issues; the tickets around it) and are
 * recomputed separately, but the ledger is never older than the rollup: something that refreshes
 * the rollup early (the panel drops it when a decision is applied) may have deferred a ticket too,
 * so the ledger follows it. An active sprint without a baseline gets a lazy one from the rollup's
 * own search (see sprint-baseline.ts), taken first so the rollup is computed against what was stored.
 *
 * A view (not the hourly rollup, which must see the quota to stop) may ask for the stored halves when
 * Jira's hourly quota for apps refuses the refresh (`storedOnQuota`): Jira refuses every request until
 * the quota resets, so the view answers with what is stored and says since when (issue 13, item 2).
 * Nothing is retried: the client gives up at the quota's first 429 (jira/jira-http.ts).
 */
import type { Sprint } from '../../jira/client/agile-client';
import { allocationCatalog } from '../../jira/field-catalog';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { sprintRecords, type SprintBaselineRecord, type SprintRollup } from '../storage/sprint-records';
import { snapshotStaleness } from './freshness';
import { ledgerRecords, type SprintLedger } from './ledger-record';
import { ledgerJournal } from './ledger-journal';
import { OVERLAP_MS } from './sprint-sync';
import { sprintDatesProblem, sprintWindow, type ProjectContext } from './project-context';
import { baselineFromTickets } from './sprint-baseline';
import { ledgerFromTickets, ticketsAround } from './sprint-ledger';
import { rollupFromTickets } from './sprint-rollup';
import { inForceFor, settingsTimeline } from './settings-in-force';
import { syncSprintTickets, type SyncOptions } from './sprint-sync';

export interface SprintSnapshot {
  readonly rollup: SprintRollup;
  readonly ledger: SprintLedger;
  readonly baseline?: SprintBaselineRecord;
  /** True when this call took the sprint's missing baseline lazily. */
  readonly lazyBaselineTaken: boolean;
  /** `stored`: the rollup was served as stored; `computed`: recomputed from Jira just now (and stored). */
  readonly source: 'stored' | 'computed';
  readonly notes: readonly string[];
  /**
   * Set when Jira's hourly quota refused the refresh and stored numbers are served instead
   * (`storedOnQuota`): as of when (the older half's `computedAt`), and when Jira said the quota resets.
   */
  readonly quota?: { readonly asOf: number; readonly resetsAt?: number };
}

export interface SnapshotOptions {
  /** Recompute even when the stored snapshot is fresh (the hourly rollup, a Refresh button). */
  readonly force?: boolean;
  /** Serve the stored rollup and ledger, however old, when Jira's hourly quota refuses the refresh (a view). */
  readonly storedOnQuota?: boolean;
  /**
   * With `force`: keep the stored ledger when the journal shows nothing it reads changed and the
   * sync confirms the journal (the hourly run). A person's Refresh recomputes everything.
   */
  readonly keepUnchangedLedger?: boolean;
}

/** The quota refusal a stored half may stand in for, or undefined when the failure is any other. */
function quotaRefusal(settled: PromiseSettledResult<unknown>, stored: unknown, options: SnapshotOptions): JiraError | undefined {
  if (settled.status === 'fulfilled') return undefined;
  const error: unknown = settled.reason;
  if (options.storedOnQuota === true && stored !== undefined && error instanceof JiraError && error.quota !== undefined) return error;
  throw error;
}

type Window = { startMs: number; endMs: number };
const replaced = (problem: string | undefined): string[] => (problem ? [`${problem} It was recomputed from Jira.`] : []);

/**
 * Bring the sprint's rollup up to date from Jira (through the sprint issue cache: only what changed
 * is read) and store it; an active sprint without a baseline gets a lazy one from the same issues.
 */
export async function refreshRollup(ports: Ports, context: ProjectContext, sprint: Sprint, window: Window, stored: SprintBaselineRecord | undefined, options: SyncOptions = {}, previous?: SprintRollup) {
  // Stamped with when its inputs were read (the settings with the context, then Jira), not when it is
  // written: a decision or a settings save in between leaves it stale (freshness.ts).
  const readsStarted = ports.clock.now();
  const basedOn = Math.min(context.loadedAt ?? readsStarted, readsStarted);
  // Only an active sprint keeps changing: a closed one is read once (its rollup is then final).
  const [synced, timeline] = await Promise.all([
    sprint.state === 'active'
      ? syncSprintTickets(ports, context, sprint, window, options)
      : ports.appJira.searchTicketsParallel({ jql: `sprint = ${sprint.id}`, catalog: allocationCatalog(context.catalog), worklogs: { window } }),
    settingsTimeline(ports, context),
  ]);
  const { tickets, notes } = synced;
  const now = ports.clock.now();
  const lazy = !stored && sprint.state === 'active';
  const baseline = lazy ? await sprintRecords.baseline.write(ports.store, context.projectKey, baselineFromTickets(sprint, tickets, now, true)) : stored;
  const inForce = inForceFor(timeline, context.loaded.settings, window);
  const rollup = await sprintRecords.rollup.write(ports.store, context.projectKey, rollupFromTickets(context, sprint, tickets, now, baseline, basedOn, inForce, previous));
  const countedFromMs = 'countedFromMs' in synced ? synced.countedFromMs : undefined;
  return { rollup, baseline, lazy, notes: [...notes, ...timeline.notes], ...(countedFromMs !== undefined ? { countedFromMs } : {}) };
}

async function freshLedger(ports: Ports, context: ProjectContext, sprint: Sprint, window: Window) {
  const around = await ticketsAround(ports, context, window.startMs);
  const { notes } = around;
  const ledger = await ledgerRecords.write(ports.store, context.projectKey, ledgerFromTickets(context, sprint.id, window, around, ports.clock.now(), sprint.state === 'active'));
  return { ledger, notes };
}

/**
 * Whether the stored ledger of an active sprint may still be what Jira says, though old: the sprint's
 * dates, the settings and the decisions are as when it was computed, and the journal holds no change
 * it reads since (ledger-journal.ts `quietSince`). Confirmed only by a sync that finds the journal
 * complete (keptIfConfirmed).
 */
async function ledgerStillHolds(ports: Ports, context: ProjectContext, sprint: Sprint, window: Window, ledger: SprintLedger, rollup: SprintRollup | undefined, invalidatedAt: number | undefined): Promise<boolean> {
  if (sprint.state !== 'active' || !rollup || rollup.startMs !== window.startMs || rollup.endMs !== window.endMs) return false;
  const saved = Date.parse(context.loaded.settings.updatedAt ?? '');
  if ((Number.isFinite(saved) && saved >= ledger.computedAt) || (invalidatedAt !== undefined && invalidatedAt >= ledger.computedAt)) return false;
  return ledgerJournal.quietSince(ports.store, context.projectKey, ledger.computedAt - OVERLAP_MS);
}

/**
 * The rollup first; the stored ledger, stamped now, when the sync's count covered everything since
 * the ledger was computed and the journal explained it; else the ledger read as usual.
 */
async function keptIfConfirmed(ports: Ports, context: ProjectContext, sprint: Sprint, window: Window, baseline: SprintBaselineRecord | undefined, ledger: SprintLedger, previous: SprintRollup | undefined) {
  const [rollupTry] = await Promise.allSettled([refreshRollup(ports, context, sprint, window, baseline, {}, previous)]);
  // A refused rollup (Jira's quota spent, Jira down) leaves the ledger as stored and asks nothing more.
  if (rollupTry.status === 'rejected') return [rollupTry, rollupTry] as const;
  const countedFrom = rollupTry.value.countedFromMs;
  const confirmed = countedFrom !== undefined && countedFrom <= ledger.computedAt;
  const [ledgerTry] = await Promise.allSettled([
    confirmed ? ledgerRecords.write(ports.store, context.projectKey, { ...ledger, computedAt: ports.clock.now() }).then((kept) => ({ ledger: kept, notes: [] as string[] })) : freshLedger(ports, context, sprint, window),
  ]);
  return [rollupTry, ledgerTry] as const;
}

export async function sprintSnapshot(ports: Ports, context: ProjectContext, sprint: Sprint, options: SnapshotOptions = {}): Promise<SprintSnapshot> {
  const window = sprintWindow(sprint);
  if (!window) throw new AppError('NOT_FOUND', sprintDatesProblem(sprint) ?? `${sprint.name} has not started, so it has no support budget yet. Choose the active sprint or a closed one.`);
  const { projectKey, loaded } = context;
  const [storedRollup, storedLedger, storedBaseline, invalidation] = await Promise.all([
    sprintRecords.rollup.read(ports.store, projectKey, sprint.id),
    ledgerRecords.read(ports.store, projectKey, sprint.id),
    sprintRecords.baseline.read(ports.store, projectKey, sprint.id),
    sprintRecords.invalidation.read(ports.store, projectKey, sprint.id),
  ]);
  const now = ports.clock.now();
  const fresh = (r: SprintRollup | undefined): r is SprintRollup =>
    !options.force && r !== undefined && snapshotStaleness(r, sprint, loaded.settings, now, invalidation.value?.at) !== 'stale';
  const keptRollup = fresh(storedRollup.value) ? storedRollup.value : undefined;
  const ledger = storedLedger.value;
  const keptLedger = keptRollup && ledger && ledger.computedAt >= keptRollup.computedAt && fresh({ ...keptRollup, computedAt: ledger.computedAt }) ? ledger : undefined;

  // Both halves settle before anything is decided, so no request of this view is left running behind its answer.
  // A ledger nothing has changed since (its search is most of an idle hour's points) is kept once the
  // rollup's sync confirms the journal: then only it is read, and the ledger only when that fails.
  const holds = (!options.force || options.keepUnchangedLedger === true) && !keptRollup && ledger !== undefined && !keptLedger && (await ledgerStillHolds(ports, context, sprint, window, ledger, storedRollup.value, invalidation.value?.at));
  const [rollupTry, ledgerTry] = holds && ledger
    ? await keptIfConfirmed(ports, context, sprint, window, storedBaseline.value, ledger, storedRollup.value)
    : await Promise.allSettled([
        keptRollup ? undefined : refreshRollup(ports, context, sprint, window, storedBaseline.value, {}, storedRollup.value),
        keptLedger ? undefined : freshLedger(ports, context, sprint, window),
      ]);
  const refusals = [quotaRefusal(rollupTry, storedRollup.value, options), quotaRefusal(ledgerTry, ledger, options)];
  const rollupPart = rollupTry.status === 'fulfilled' ? rollupTry.value : undefined;
  const ledgerPart = ledgerTry.status === 'fulfilled' ? ledgerTry.value : undefined;
  const refusal = refusals.find((r) => r !== undefined);
  const servedRollup = keptRollup ?? rollupPart?.rollup ?? (storedRollup.value as SprintRollup);
  const servedLedger = keptLedger ?? ledgerPart?.ledger ?? (ledger as SprintLedger);
  const retryAfterMs = refusals.reduce<number | undefined>((most, r) => (r?.retryAfterMs === undefined ? most : Math.max(most ?? 0, r.retryAfterMs)), undefined);
  const baseline = rollupPart ? rollupPart.baseline : storedBaseline.value;
  const baselineNotes = storedBaseline.problem ? [`${storedBaseline.problem} ${baseline ? 'A new one was inferred from the sprint\'s issues.' : 'The sprint is measured without one.'}`] : [];
  return {
    rollup: servedRollup,
    ledger: servedLedger,
    ...(baseline ? { baseline } : {}),
    lazyBaselineTaken: rollupPart?.lazy === true,
    source: rollupPart ? 'computed' : 'stored',
    ...(refusal ? { quota: { asOf: Math.min(servedRollup.computedAt, servedLedger.computedAt), ...(retryAfterMs !== undefined ? { resetsAt: ports.clock.now() + retryAfterMs } : {}) } } : {}),
    notes: [
      ...(rollupPart ? replaced(storedRollup.problem) : []),
      ...(ledgerPart ? replaced(storedLedger.problem) : []),
      ...baselineNotes,
      ...(rollupPart?.notes ?? []),
      ...(ledgerPart?.notes ?? []),
    ],
  };
}
