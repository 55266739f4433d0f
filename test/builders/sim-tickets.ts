/**
 * The simulator's issues as domain Tickets (and its sprints as the app orders them), read straight
 * from its store (not through Jira's REST API or the app's client), so tests can work expected
 * numbers out of the seed with the domain and compare them with what the app computed over HTTP.
 *
 * Two mappings: `simTicket` for the budget's numbers (no components, no SLA clocks), and
 * `ticketFromSite`, complete, for the triage verdict (priority, severity, SLA clocks, the decision
 * property and the suggestion).
 */
import type { Simulator } from '../../dev/sim';
import { PRIORITIES, SEVERITY_OPTIONS } from '../../dev/sim/site/catalog';
import type { SiteIssue, SlaCycle as SiteSlaCycle, SlaValue } from '../../dev/sim/site/model';
import type { TriageDecision } from '../../src/domain/decision';
import type { SlaClock } from '../../src/domain/sla';
import type { Ticket } from '../../src/domain/ticket';
import { readDecisionProperty } from '../../src/jira/decision-property';
import { NOW } from './clocks';

function decisionOf(issue: SiteIssue): TriageDecision | undefined {
  const value = issue.properties.interruptBudget as Partial<TriageDecision> | undefined;
  return value?.outcome ? (value as TriageDecision) : undefined;
}

export function simTicket(sim: Simulator, issue: SiteIssue): Ticket {
  const project = sim.store.projectOf(issue);
  const decision = decisionOf(issue);
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    issueType: project.issueTypes.find((t) => t.id === issue.typeId)?.name ?? '',
    statusCategory: project.statuses.find((s) => s.id === issue.statusId)?.category ?? 'unknown',
    statusId: issue.statusId,
    statusName: project.statuses.find((s) => s.id === issue.statusId)?.name ?? '',
    labels: [...issue.labels],
    components: [],
    createdMs: issue.createdMs,
    ...(issue.resolvedMs !== null ? { resolvedMs: issue.resolvedMs } : {}),
    ...(issue.points !== null ? { storyPoints: issue.points } : {}),
    worklogs: issue.worklogs.map((w) => ({ startedMs: w.startedMs, seconds: w.seconds })),
    slaClocks: [],
    sprints: issue.sprintIds.map((id) => {
      const sprint = sim.store.sprint(id);
      return { id, name: sprint?.name ?? '', state: sprint?.state ?? 'closed' };
    }),
    ...(decision ? { decision } : {}),
  };
}

/** Every ticket of a project. */
export function projectTickets(sim: Simulator, projectKey: string): Ticket[] {
  const project = sim.store.project(projectKey);
  return sim.store.issues.filter((i) => i.projectId === project?.id).map((i) => simTicket(sim, i));
}

/** The tickets whose Sprint field lists the sprint. */
export function sprintTickets(sim: Simulator, sprintId: number): Ticket[] {
  return sim.store.issues.filter((i) => i.sprintIds.includes(sprintId)).map((i) => simTicket(sim, i));
}

/** The sprint's window as the app sees it: start → complete (closed) or end (active). */
export function simWindow(sim: Simulator, sprintId: number): { startMs: number; endMs: number } {
  const sprint = sim.store.sprint(sprintId);
  if (sprint?.startMs === undefined) throw new Error(`sprint ${sprintId} has not started`);
  const endMs = sprint.state === 'closed' ? (sprint.completeMs ?? sprint.endMs) : sprint.endMs;
  if (endMs === undefined) throw new Error(`sprint ${sprintId} has no end`);
  return { startMs: sprint.startMs, endMs };
}

function slaClock(sla: SlaValue, nowMs: number): SlaClock {
  const withTimes = sla.format === 'NEW_SLA_FORMAT';
  const cycle = (c: SiteSlaCycle, ongoing: boolean) => {
    const running = ongoing && !c.paused;
    const elapsed = running ? c.elapsedMs + Math.max(0, nowMs - c.measuredAtMs) : c.elapsedMs;
    const breachAtMs = running ? c.measuredAtMs + c.goalMs - c.elapsedMs : c.startMs + c.goalMs;
    return { breached: c.goalMs - elapsed < 0, remainingMs: c.goalMs - elapsed, ...(withTimes && !c.paused ? { breachAtMs } : {}) };
  };
  return {
    name: sla.name,
    completedCycles: sla.completed.map((c) => cycle(c, false)),
    ...(sla.ongoing ? { ongoingCycle: { ...cycle(sla.ongoing, true), paused: sla.ongoing.paused ?? false } } : {}),
  };
}

/** The ticket as the simulator's store holds it right now, mapped by hand (not by the app's mapper). */
export function ticketFromSite(sim: Simulator, key: string, nowMs = NOW): Ticket {
  const issue = sim.store.issue(key);
  if (!issue) throw new Error(`No issue ${key}`);
  const project = sim.store.projectOf(issue);
  const property = readDecisionProperty(issue.properties.interruptBudget);
  const priorityName = PRIORITIES.find((p) => p.id === issue.priorityId)?.name;
  const severityValue = SEVERITY_OPTIONS.find((o) => o.id === issue.severityId)?.value;
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    issueType: project.issueTypes.find((t) => t.id === issue.typeId)?.name ?? 'unknown',
    statusCategory: project.statuses.find((s) => s.id === issue.statusId)?.category ?? 'unknown',
    statusId: issue.statusId,
    statusName: project.statuses.find((s) => s.id === issue.statusId)?.name ?? '',
    ...(priorityName ? { priorityName } : {}),
    ...(severityValue ? { severityValue } : {}),
    labels: [...issue.labels],
    components: issue.componentIds.map((id) => project.components.find((c) => c.id === id)?.name ?? id),
    createdMs: issue.createdMs,
    ...(issue.points !== null ? { storyPoints: issue.points } : {}),
    worklogs: issue.worklogs.map((w) => ({ startedMs: w.startedMs, seconds: w.seconds, authorAccountId: w.authorId })),
    slaClocks: issue.slas.map((s) => slaClock(s, nowMs)),
    sprints: issue.sprintIds.flatMap((id) => {
      const sprint = sim.store.sprint(id);
      return sprint ? [{ id, name: sprint.name, state: sprint.state }] : [];
    }),
    ...(issue.assigneeId ? { assigneeAccountId: issue.assigneeId } : {}),
    ...(property.decision ? { decision: property.decision } : {}),
    ...(property.suggestion ? { suggestion: property.suggestion } : {}),
  };
}

/** The board's sprints in start order, as the rotation counts turns. */
export function sprintIdsInTurnOrder(sim: Simulator, boardId: number): number[] {
  return sim.store
    .sprintsOfBoard(boardId)
    .slice()
    .sort((a, b) => (a.startMs ?? Number.MAX_SAFE_INTEGER) - (b.startMs ?? Number.MAX_SAFE_INTEGER) || a.id - b.id)
    .map((s) => s.id);
}
