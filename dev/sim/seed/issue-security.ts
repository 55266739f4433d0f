/**
 * Which demo issues carry SUP's "Staff only" security level (site/security.ts): the ones that make a
 * difference to what a viewer who is not staff (dev) may be shown of the active sprint.
 *
 * - The two oldest SUP support tickets (Bug, Incident, Support request) in SUP's active sprint with
 *   work logged inside the sprint: hours on the budget that dev cannot see the issues behind. The
 *   long-running ticket (more worklogs than a search embeds) is left alone: it is there for that.
 * - The oldest SUP ticket deferred during the active sprint: an `interruptBudget` decision with
 *   outcome `backlog` made since the sprint started. If the seed has none (the fresh tickets can be
 *   older than a sprint that started two working days ago), the latest deferral in SUP is stamped
 *   30 minutes into the sprint, so every site has one.
 *
 * Chosen by rule after the issues are numbered, with no draws from the PRNG, so every other issue,
 * key and worklog is exactly what it was before issue security existed.
 */
import type { Project, SiteIssue, Sprint } from '../site/model';
import { SUPPORT_TYPE_NAMES } from '../site/catalog';
import { STAFF_ONLY } from '../site/security';
import { EMBEDDED_LIMIT } from '../render/worklog';
import { DECISION_PROPERTY } from './decisions';
import { MINUTE } from './timeline';

/** How many active-sprint support tickets get the level. */
export const SECURED_IN_SPRINT = 2;

export interface SecuredIssues {
  /** Support tickets of the active sprint with work logged in it, oldest first. */
  readonly inSprint: readonly SiteIssue[];
  /** The ticket deferred during the active sprint. */
  readonly deferred: SiteIssue | undefined;
}

const byId = (a: SiteIssue, b: SiteIssue): number => Number(a.id) - Number(b.id);

type Decision = { outcome?: unknown; decidedAt?: unknown };
const decisionOf = (issue: SiteIssue): Decision | undefined => {
  const value = issue.properties[DECISION_PROPERTY];
  return value !== null && typeof value === 'object' ? (value as Decision) : undefined;
};
const deferredAtMs = (issue: SiteIssue): number | undefined => {
  const decision = decisionOf(issue);
  return decision?.outcome === 'backlog' && typeof decision.decidedAt === 'string' ? Date.parse(decision.decidedAt) : undefined;
};

/** Put the level on the chosen issues of `project` (its board's active sprint); returns them. */
export function secureDemoIssues(issues: readonly SiteIssue[], project: Project, active: Sprint, anchorMs: number): SecuredIssues {
  const own = issues.filter((i) => i.projectId === project.id).sort(byId);
  const supportTypes = new Set(project.issueTypes.filter((t) => (SUPPORT_TYPE_NAMES as readonly string[]).includes(t.name)).map((t) => t.id));
  const start = active.startMs ?? anchorMs;
  const end = active.endMs ?? anchorMs;

  const inSprint = own
    .filter((i) => supportTypes.has(i.typeId) && i.sprintIds.includes(active.id) && i.worklogs.length <= EMBEDDED_LIMIT)
    .filter((i) => i.worklogs.some((w) => w.startedMs >= start && w.startedMs < end))
    .slice(0, SECURED_IN_SPRINT);

  const deferrals = own.filter((i) => deferredAtMs(i) !== undefined);
  let deferred = deferrals.find((i) => (deferredAtMs(i) ?? 0) >= start);
  if (!deferred && deferrals.length > 0) {
    deferred = [...deferrals].sort((a, b) => (deferredAtMs(b) ?? 0) - (deferredAtMs(a) ?? 0) || byId(a, b))[0];
    if (deferred) {
      const at = Math.min(Math.max(start, deferred.createdMs) + 30 * MINUTE, anchorMs - MINUTE);
      deferred.properties[DECISION_PROPERTY] = { ...decisionOf(deferred), decidedAt: new Date(at).toISOString() };
      deferred.updatedMs = Math.max(deferred.updatedMs, at);
    }
  }

  for (const issue of [...inSprint, ...(deferred ? [deferred] : [])]) issue.securityLevelId = STAFF_ONLY.id;
  return { inSprint, deferred };
}
