/**
 * `avi:jira-software:{created,updated,closed,deleted}:sprint`: forget the project's stored sprints
 * (app/sprint/sprint-changed.ts). Acts as the app; one log line per event (trigger-log.ts).
 */
import { onSprintChangedCore } from '../app/sprint/sprint-changed';
import { forgeAppPorts } from '../forge/forge-app-ports';
import type { Ports } from '../ports';
import { eventIdentity, logTrigger } from './trigger-log';

export function sprintChangedHandler(portsFor: () => Ports): (event: unknown, context: unknown) => Promise<void> {
  return async (event) => {
    const eventType = eventIdentity(event).event;
    try {
      const outcome = await onSprintChangedCore(portsFor(), event);
      logTrigger(outcome.status === 'ignored' ? 'warn' : 'info', { trigger: 'sprint-changed', ...(eventType ? { event: eventType } : {}), outcome: outcome.status, why: outcome.message });
    } catch (error) {
      logTrigger('warn', { trigger: 'sprint-changed', ...(eventType ? { event: eventType } : {}), outcome: 'failed', why: error instanceof Error ? error.name : 'unknown error' });
      console.error('Interrupt Budget: the sprint trigger failed', error);
    }
  };
}

export const onSprintChanged = sprintChangedHandler(() => forgeAppPorts());
