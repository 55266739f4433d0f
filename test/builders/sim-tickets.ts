/**
 * The simulator's issues as domain Tickets, read straight from its store (not through Jira's REST
 * API or the app's client), so tests can work expected numbers out of the seed with the domain and
 * compare them with what the app computed over HTTP.
 */
import type { Simulator } from '../../dev/sim';
import type { SiteIssue } from '../../dev/sim/site/model';
import type { TriageDecision } from '../../src/domain/decision';
import type { Ticket } from '../../src/domain/ticket';

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
