/**
 * The retrospective's follow-ups (issue 14, item 2): of the sprint's interrupts, how many had their
 * root cause analysed, a regression test added, a corrective action — per kind the team uses — over
 * this sprint and the earlier ones the comparison covers, and which of this sprint's interrupts still
 * have follow-ups open.
 *
 * Which interrupts: each sprint's frozen rollup (the closed sprint's rollup, stored for good), the
 * sanctioned items it counted — the same list the retrospective's interrupts and the history row come
 * from. An earlier sprint whose rollup was never stored is computed once, as the app, and stored (one
 * search for its issues); one that cannot be read is left out of the table, with a note. A rollup
 * that had to leave items out to fit in storage (`itemsOmitted`) is counted over the items it kept.
 *
 * The shares are the team's and count every interrupt, whoever looks; the open list names only what
 * the viewer may see and counts the rest.
 */
import type { RetroFollowUpsView } from '../../contract/retrospective';
import { followUpShares, openFollowUps, type FollowUpKind, type FollowUps } from '../../domain/follow-ups';
import type { Sprint } from '../../jira/client/agile-client';
import type { Ports } from '../../ports';
import { sprintRecords, type SprintRollup } from '../storage/sprint-records';
import { snapshotStaleness } from '../sprint/freshness';
import { sprintWindow, type ProjectContext } from '../sprint/project-context';
import { refreshRollup } from '../sprint/sprint-snapshot';

export interface SprintInterrupts {
  readonly sprintId: number;
  readonly name: string;
  readonly keys: readonly string[];
}

const sanctioned = (rollup: SprintRollup): string[] => rollup.items.filter((i) => i.category === 'sanctioned').map((i) => i.key);

/** The interrupt keys of each of these closed sprints from its frozen rollup, in the order given. */
export async function frozenInterrupts(ports: Ports, context: ProjectContext, sprints: readonly Sprint[]): Promise<{ sprints: SprintInterrupts[]; notes: string[] }> {
  const settled = await Promise.allSettled(
    sprints.map(async (sprint): Promise<{ keys: string[]; notes: readonly string[] }> => {
      const window = sprintWindow(sprint);
      if (!window) throw new Error(`${sprint.name} has no dates`);
      const stored = await sprintRecords.rollup.read(ports.store, context.projectKey, sprint.id);
      if (stored.value && snapshotStaleness(stored.value, sprint, context.loaded.settings, ports.clock.now()) === 'final') return { keys: sanctioned(stored.value), notes: [] };
      const baseline = await sprintRecords.baseline.read(ports.store, context.projectKey, sprint.id);
      const fresh = await refreshRollup(ports, context, sprint, window, baseline.value, {}, stored.value);
      return { keys: sanctioned(fresh.rollup), notes: fresh.notes };
    }),
  );
  const found: SprintInterrupts[] = [];
  const notes: string[] = [];
  settled.forEach((result, i) => {
    const sprint = sprints[i] as Sprint;
    if (result.status === 'fulfilled') {
      found.push({ sprintId: sprint.id, name: sprint.name, keys: result.value.keys });
      notes.push(...result.value.notes);
    } else notes.push(`The follow-ups of ${sprint.name} could not be counted: its interrupts could not be read from Jira. Open the retrospective again in a minute.`);
  });
  return { sprints: found, notes };
}

export interface RetroFollowUpsInput {
  readonly kinds: readonly FollowUpKind[];
  /** Each interrupt's recorded follow-ups (an interrupt without a record has none done). */
  readonly records: ReadonlyMap<string, FollowUps>;
  /** This sprint's interrupts, with their summaries. */
  readonly interrupts: ReadonlyArray<{ readonly key: string; readonly summary?: string }>;
  /** This sprint's interrupts that Jira says are not resolved yet (status not in the Done category). */
  readonly unresolved: ReadonlySet<string>;
  readonly sprint: { readonly id: number; readonly name: string };
  /** The earlier sprints' interrupts, oldest first. */
  readonly earlier: readonly SprintInterrupts[];
  /** Whether the viewer may see this issue. */
  readonly sees: (key: string) => boolean;
}

/** The view's follow-ups block from the interrupts and their records. */
export function retroFollowUpsView(input: RetroFollowUpsInput): RetroFollowUpsView {
  const { kinds, records } = input;
  const withRecords = (keys: readonly string[]) => keys.map((key) => ({ key, ...(records.has(key) ? { followUps: records.get(key) } : {}) }));
  const current = withRecords(input.interrupts.map((i) => i.key));
  const shares = followUpShares(current, kinds);
  const open = openFollowUps(current, kinds);
  const summaryOf = new Map(input.interrupts.flatMap((i) => (i.summary ? [[i.key, i.summary] as const] : [])));
  const shown = open.filter((o) => input.sees(o.key));
  return {
    kinds: [...kinds],
    shares,
    overTime: [
      ...input.earlier.map((s) => ({ sprintId: s.sprintId, name: s.name, shares: followUpShares(withRecords(s.keys), kinds) })),
      { sprintId: input.sprint.id, name: input.sprint.name, shares },
    ],
    open: shown.map((o) => ({ key: o.key, ...(summaryOf.has(o.key) ? { summary: summaryOf.get(o.key) } : {}), missing: o.missing, resolved: !input.unresolved.has(o.key) })),
    openRestricted: open.length - shown.length,
  };
}
