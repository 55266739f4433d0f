/**
 * `avi:jira-software:started:sprint`: snapshot the sprint baseline (the issues and story points
 * committed at the start) that the allocation maths needs to tell planned support from interrupts.
 * Acts as the app; the work is in app/sprint/sprint-started.ts, which takes ports so it is tested
 * against the simulator. An event the app cannot use is logged and dropped: retrying it would not help.
 */
import { onSprintStartedCore } from '../app/sprint/sprint-started';
import { forgeAppPorts } from '../forge/forge-app-ports';
import type { Ports } from '../ports';
import { eventIdentity, logTrigger } from './trigger-log';

export function sprintStartedHandler(portsFor: () => Ports): (event: unknown, context: unknown) => Promise<void> {
  return async (event) => {
    const outcome = await onSprintStartedCore(portsFor(), event);
    const eventType = eventIdentity(event).event;
    logTrigger(outcome.status === 'ignored' ? 'warn' : 'info', { trigger: 'sprint-started', ...(eventType ? { event: eventType } : {}), outcome: outcome.status, why: outcome.message });
  };
}

export const onSprintStarted = sprintStartedHandler(() => forgeAppPorts());
