/**
 * One structured log line per trigger invocation the app drops and per scheduled run, so an admin
 * reading `forge logs` can tell why a ticket got no suggestion or what the hourly run did.
 *
 * A line is JSON (`{"app":"interrupt-budget","trigger":…}`) so it can be filtered, and it carries
 * only what identifies the work — the event type, the issue key, the project keys, the reason in the
 * app's own words — never the event payload: a payload holds summaries, comments and people, and
 * logs are kept and shown outside the customer's site.
 */

/** What may be named from an untrusted event: its type and issue key, when they look like one. */
export function eventIdentity(event: unknown): { readonly event?: string; readonly issue?: string } {
  if (event === null || typeof event !== 'object') return {};
  const { eventType, issue } = event as { eventType?: unknown; issue?: unknown };
  const key = issue !== null && typeof issue === 'object' ? (issue as { key?: unknown }).key : undefined;
  return {
    ...(typeof eventType === 'string' && /^avi:[a-z-]+(:[a-z-]+)+$/.test(eventType) ? { event: eventType } : {}),
    ...(typeof key === 'string' && /^[A-Z][A-Z0-9_]*-\d+$/.test(key) ? { issue: key } : {}),
  };
}

export type TriggerName = 'issue-event' | 'ledger-event' | 'sprint-started' | 'sprint-changed' | 'hourly-rollup';

export type TriggerLogEntry = { readonly trigger: TriggerName; readonly outcome: string } & Readonly<Record<string, string | number | boolean | readonly unknown[] | undefined>>;

/** The line itself (tested as text: it is what `forge logs` shows). */
export function triggerLogLine(entry: TriggerLogEntry): string {
  return JSON.stringify({ app: 'interrupt-budget', ...entry });
}

/** Writes the line: `warn` for work dropped or failed, `info` for work done. */
export function logTrigger(level: 'info' | 'warn', entry: TriggerLogEntry): void {
  (level === 'warn' ? console.warn : console.info)(triggerLogLine(entry));
}
