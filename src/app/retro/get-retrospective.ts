/**
 * The retrospective use case (`retrospective.get`, issue 14, item 1): one closed sprint as the team
 * looks back on it — allocated against spent, who let each interrupt in and why, the overrides with
 * their reasons and the decisions before them, the needs-info requests and how each ended, what
 * was deferred, the untriaged scope creep, net new defects, the support contact — and how it
 * compares with the sprints before.
 *
 * Where the numbers come from: the sprint's frozen history row and its closed rollup (computed as the
 * app once, stored for good: sprint/history-rows.ts, sprint/sprint-snapshot.ts), never today's
 * settings; the lists from the app's audit of decisions (retro-tickets.ts). Who sees what: the board
 * is read as the viewer first, which proves they may see the project; every listed issue is then
 * shown only as far as the viewer may see it (access/viewer-filter.ts), the rest counted. The
 * follow-ups (retro-follow-ups.ts) are read for this sprint's and the compared sprints' interrupts
 * in one batch of KVS reads, side by side.
 */
import type { RetrospectiveGetPayload, RetrospectiveView, RetroStepView } from '../../contract/retrospective';
import { COMPARE_SPRINTS, compareWithPrevious, retrospective, type DecisionStep } from '../../domain/retrospective';
import type { Ports } from '../../ports';
import { viewerFilter, viewerNotes, type ListedIssue } from '../access/viewer-filter';
import { AppError } from '../app-error';
import { chosenSprint } from '../dashboard/get-dashboard';
import { historyRowView } from '../dashboard/dashboard-view';
import { boundedNotes } from '../dashboard/notes';
import { peopleDirectory } from '../people/people-directory';
import { historyRows } from '../sprint/history-rows';
import { loadProjectContext, sprintDatesProblem, sprintWindow } from '../sprint/project-context';
import { sprintSnapshot } from '../sprint/sprint-snapshot';
import { followUpRecords } from '../storage/follow-ups';
import { frozenInterrupts, retroFollowUpsView } from './retro-follow-ups';
import { retroTickets } from './retro-tickets';

const iso = (ms: number): string => new Date(ms).toISOString();

function stepView(step: DecisionStep): RetroStepView {
  const { decidedAtMs, ...rest } = step;
  return { ...rest, decidedAt: iso(decidedAtMs) };
}

export async function getRetrospective(ports: Ports, projectKey: string, payload: RetrospectiveGetPayload): Promise<RetrospectiveView> {
  const context = await loadProjectContext(ports, projectKey);
  const sprint = chosenSprint(context, payload.sprintId);
  if (!sprint || sprint.state !== 'closed') {
    throw new AppError('VALIDATION', `${sprint?.name ?? 'This sprint'} is not closed yet: its retrospective opens once the sprint is completed in Jira.`);
  }
  const window = sprintWindow(sprint);
  if (!window) throw new AppError('NOT_FOUND', sprintDatesProblem(sprint) ?? `${sprint.name} has no dates in Jira, so it has no retrospective.`);

  // This sprint and the ones before it that the comparison reads, in one history call.
  const closed = context.sprints.filter((s) => s.state === 'closed');
  const upTo = closed.slice(0, closed.findIndex((s) => s.id === sprint.id) + 1).slice(-(COMPARE_SPRINTS + 1));
  const [history, snapshot] = await Promise.all([historyRows(ports, context, upTo), sprintSnapshot(ports, context, sprint, { storedOnQuota: true })]);
  const row = history.rows.find((r) => r.sprintId === sprint.id);
  if (!row) throw new AppError('UNAVAILABLE', `The history row of ${sprint.name} could not be computed. Try again in a minute.`);
  const item = ({ key, summary, amount, estimated }: { key: string; summary?: string; amount: number; estimated: boolean }) => ({ key, ...(summary ? { summary } : {}), amount, estimated });
  const interrupts = snapshot.rollup.items.filter((i) => i.category === 'sanctioned');
  const untriaged = snapshot.rollup.items.filter((i) => i.category === 'untriaged');
  // The earlier sprints the comparison covers, for the follow-ups over time (their frozen rollups).
  const earlierIds = compareWithPrevious(row, history.rows).sprintIds;
  const earlierSprints = earlierIds.flatMap((id) => context.sprints.filter((s) => s.id === id));
  const [found, earlier] = await Promise.all([retroTickets(ports, context, window, interrupts.map((i) => i.key)), frozenInterrupts(ports, context, earlierSprints)]);
  const records = await followUpRecords.readMany(ports.store, [...interrupts, ...earlier.sprints.flatMap((s) => s.keys.map((key) => ({ key })))].map((i) => i.key));

  const retro = retrospective({
    row,
    otherRows: history.rows,
    interrupts: interrupts.map(item),
    untriaged: untriaged.map(item),
    tickets: found.tickets,
    supportContact: snapshot.rollup.supportContact,
    wip: { limit: snapshot.rollup.wip.limit, ...(snapshot.rollup.wipTally ? { tally: snapshot.rollup.wipTally } : {}) },
  });
  const hours = (ms: number): number => Math.round((ms / 3_600_000) * 10) / 10;

  const idOf = new Map<string, string>([...snapshot.rollup.items.flatMap((i) => (i.id ? [[i.key, i.id] as const] : [])), ...found.tickets.map((t) => [t.key, t.id] as const)]);
  const listed: ListedIssue[] = [...idOf.keys()].map((key) => ({ key, id: idOf.get(key) }));
  const filter = await viewerFilter(ports, projectKey, listed);
  const sees = (key: string): boolean => filter.sees({ key, ...(idOf.has(key) ? { id: idOf.get(key) } : {}) });
  const shown = <T extends { readonly key: string }>(list: readonly T[]): T[] => list.filter((x) => sees(x.key));
  const hidden = new Set([...retro.interrupts, ...retro.overrides, ...retro.needsInfo, ...retro.deferrals, ...retro.untriaged].map((x) => x.key).filter((k) => !sees(k)));

  const view = {
    interrupts: shown(retro.interrupts).map((i) => ({ ...i, decision: i.decision ? stepView(i.decision) : null, earlier: i.earlier.map(stepView) })),
    overrides: shown(retro.overrides).map((o) => ({ ...o, step: stepView(o.step), earlier: o.earlier.map(stepView) })),
    needsInfo: shown(retro.needsInfo).map(({ asked, endedAtMs, ...n }) => ({ ...n, asked: stepView(asked), ...(endedAtMs !== undefined ? { endedAt: iso(endedAtMs) } : {}) })),
    deferrals: shown(retro.deferrals).map((d) => ({ ...d, step: stepView(d.step) })),
    untriaged: shown(retro.untriaged),
  };
  // The follow-ups the team used in that sprint (frozen with its row); a row from before they were kept: today's.
  const followUps = retroFollowUpsView({ kinds: row.followUpKinds ?? context.loaded.settings.followUpKinds, records, interrupts: retro.interrupts, unresolved: new Set(found.tickets.filter((t) => t.statusCategory !== 'done').map((t) => t.key)), sprint, earlier: earlier.sprints, sees });
  const steps = [...view.interrupts.flatMap((i) => [i.decision, ...i.earlier]), ...view.overrides.flatMap((o) => [o.step, ...o.earlier]), ...view.needsInfo.map((n) => n.asked), ...view.deferrals.map((d) => d.step)];
  const { people } = await peopleDirectory(ports, [retro.supportContact, ...steps.map((s) => s?.decidedBy), ...view.needsInfo.map((n) => n.endedBy)]);
  return {
    projectKey,
    sprint: { id: sprint.id, name: sprint.name, startDate: iso(window.startMs), endDate: iso(window.endMs) },
    row: historyRowView(row),
    overBudgetBy: retro.overBudgetBy,
    supportContact: retro.supportContact,
    wipTime: retro.wipTime ? { limit: retro.wipTime.limit, overHours: hours(retro.wipTime.overMs), measuredHours: hours(retro.wipTime.measuredMs) } : null,
    ...view,
    followUps,
    comparison: retro.comparison,
    restricted: hidden.size,
    notes: boundedNotes(viewerNotes([...context.notes, ...history.notes, ...snapshot.notes, ...found.notes, ...earlier.notes], filter, listed)),
    people,
    computedAt: iso(ports.clock.now()),
  };
}
