/**
 * Moving a generated site in time, as a whole. The demo site is always generated around the same
 * reference instant and then moved to the anchor the caller asked for, so every anchor gives the
 * same site — the same issues, keys, decisions, SLA states and worklogs, at the same distances from
 * "now". Generated around the anchor itself, the site depended on the weekday and the hour it was
 * started at (working-day arithmetic and retries drew more or fewer random numbers, and every later
 * draw shifted), so a browser test that passed on a Tuesday could find no such ticket on a Thursday.
 *
 * The price: work is logged inside working hours of the reference week; moved to another weekday or
 * hour, some of it falls in the evening or on a weekend, as on a team that works across time zones.
 */
import type { SiteComment, SiteIssue, SiteWorklog, SlaCycle, SlaValue, Sprint } from '../site/model';

/**
 * The instant the demo site is generated around: Monday 23 November 2026, 09:00 UTC — the `now`
 * most tests anchor the simulator at, so their sites are exactly the generated one.
 */
export const REFERENCE_ANCHOR_MS = Date.UTC(2026, 10, 23, 9);

const MINUTE = 60_000;

/**
 * How far to move the reference site for `anchorMs`: whole minutes, rounded down, so generated
 * instants stay on the minute and nothing lands after the anchor.
 */
export function moveFor(anchorMs: number): number {
  return Math.floor((anchorMs - REFERENCE_ANCHOR_MS) / MINUTE) * MINUTE;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Issue property values are JSON the app wrote: every ISO instant in them moves too. */
function moveJson(value: unknown, byMs: number): unknown {
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? new Date(Date.parse(value) + byMs).toISOString() : value;
  if (Array.isArray(value)) return value.map((item) => moveJson(item, byMs));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, moveJson(item, byMs)]));
  return value;
}

const moveCycle = (cycle: SlaCycle, byMs: number): SlaCycle => ({
  ...cycle,
  startMs: cycle.startMs + byMs,
  measuredAtMs: cycle.measuredAtMs + byMs,
  ...(cycle.stopMs !== undefined ? { stopMs: cycle.stopMs + byMs } : {}),
});

const moveSla = (sla: SlaValue, byMs: number): SlaValue => ({
  ...sla,
  completed: sla.completed.map((cycle) => moveCycle(cycle, byMs)),
  ...(sla.ongoing ? { ongoing: moveCycle(sla.ongoing, byMs) } : {}),
});

const moveWorklog = (worklog: SiteWorklog, byMs: number): SiteWorklog => ({ ...worklog, startedMs: worklog.startedMs + byMs, createdMs: worklog.createdMs + byMs });

const moveComment = (comment: SiteComment, byMs: number): SiteComment => ({ ...comment, createdMs: comment.createdMs + byMs });

export function moveSprint(sprint: Sprint, byMs: number): Sprint {
  return {
    ...sprint,
    createdMs: sprint.createdMs + byMs,
    ...(sprint.startMs !== undefined ? { startMs: sprint.startMs + byMs } : {}),
    ...(sprint.endMs !== undefined ? { endMs: sprint.endMs + byMs } : {}),
    ...(sprint.completeMs !== undefined ? { completeMs: sprint.completeMs + byMs } : {}),
  };
}

/** Every instant of the issue moved by `byMs`; durations (SLA goals and elapsed time, time spent) stay. */
export function moveIssue(issue: SiteIssue, byMs: number): SiteIssue {
  return {
    ...issue,
    createdMs: issue.createdMs + byMs,
    updatedMs: issue.updatedMs + byMs,
    resolvedMs: issue.resolvedMs === null ? null : issue.resolvedMs + byMs,
    slas: issue.slas.map((sla) => moveSla(sla, byMs)),
    worklogs: issue.worklogs.map((worklog) => moveWorklog(worklog, byMs)),
    comments: issue.comments.map((comment) => moveComment(comment, byMs)),
    properties: moveJson(issue.properties, byMs) as Record<string, unknown>,
  };
}
