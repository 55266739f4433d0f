/**
 * JSM SLA field values as Jira returns them, computed at the site's "now": a running cycle keeps
 * counting from when it was measured, so remaining time shrinks and goes negative once breached.
 * OLD_SLA_FORMAT values carry no time objects, as real old values do.
 */
import { friendlyTime, isoSeconds, jiraTime, slaDuration } from '../jira-format';
import type { SlaCycle, SlaValue } from '../site/model';

const instant = (ms: number) => ({ iso8601: isoSeconds(ms), jira: jiraTime(ms), friendly: friendlyTime(ms), epochMillis: ms });
const duration = (millis: number) => ({ millis, friendly: slaDuration(millis) });

function cycleJson(cycle: SlaCycle, nowMs: number, ongoing: boolean, withTimes: boolean): Record<string, unknown> {
  const running = ongoing && !cycle.paused;
  const elapsed = running ? cycle.elapsedMs + Math.max(0, nowMs - cycle.measuredAtMs) : cycle.elapsedMs;
  const remaining = cycle.goalMs - elapsed;
  const times: Record<string, unknown> = withTimes
    ? {
        startTime: instant(cycle.startMs),
        ...(cycle.stopMs !== undefined ? { stopTime: instant(cycle.stopMs) } : {}),
        ...(cycle.paused ? {} : { breachTime: instant(running ? cycle.measuredAtMs + (cycle.goalMs - cycle.elapsedMs) : cycle.startMs + cycle.goalMs) }),
      }
    : {};
  return {
    ...times,
    breached: remaining < 0,
    ...(ongoing ? { paused: cycle.paused ?? false, withinCalendarHours: true } : {}),
    goalDuration: duration(cycle.goalMs),
    elapsedTime: duration(elapsed),
    remainingTime: duration(remaining),
  };
}

export function slaFieldValue(base: string, issueId: string, sla: SlaValue, nowMs: number): Record<string, unknown> {
  const withTimes = sla.format === 'NEW_SLA_FORMAT';
  return {
    id: sla.slaId,
    name: sla.name,
    _links: { self: `${base}/rest/servicedeskapi/request/${issueId}/sla/${sla.slaId}` },
    completedCycles: sla.completed.map((c) => cycleJson(c, nowMs, false, withTimes)),
    ...(sla.ongoing ? { ongoingCycle: cycleJson(sla.ongoing, nowMs, true, withTimes) } : {}),
    slaDisplayFormat: sla.format,
  };
}
