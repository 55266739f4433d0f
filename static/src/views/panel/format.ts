/** How the panel says things: outcomes, durations, amounts, instants and people, in the product's words. */
import type { DecisionStepName, PlannedStep, StepResult } from '../../../../src/contract/panel';
import type { SlaState } from '../../../../src/contract/domain';

/** The outcomes' words are every surface's (components/outcome.tsx). */
export { OUTCOME_LABEL, OUTCOME_MEANING } from '../../components/outcome';

export const STEP_LABEL: Record<DecisionStepName, string> = {
  'move-to-sprint': 'Sprint',
  'move-to-backlog': 'Backlog',
  labels: 'Labels',
  assign: 'Assignee',
  comment: 'Comment',
  record: 'Record',
};

export const PLANNED_ACTION_LABEL: Record<PlannedStep['action'], string> = { do: 'Will do', skip: 'Skip', blocked: 'Blocked' };
export const RESULT_STATUS_LABEL: Record<StepResult['status'], string> = { done: 'Done', skipped: 'Skipped', failed: 'Failed' };

export const SLA_LABEL: Record<SlaState, string> = {
  breached: 'Breached',
  'at-risk': 'At risk',
  ok: 'On track',
  paused: 'Paused',
  none: 'No SLA',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 d 3 h", "2 h 49 min", "12 min", "under a minute" — for a non-negative span. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'under a minute';
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** The SLA clock as a sentence fragment: "2 h 49 min left", "breached 3 h ago". */
export function slaTimeText(state: SlaState, remainingMs: number | null): string | null {
  if (remainingMs === null) return state === 'breached' ? 'breached' : null;
  if (remainingMs < 0) return `breached ${formatDuration(remainingMs)} ago`;
  if (state === 'paused') return `${formatDuration(remainingMs)} left when it resumes`;
  return `${formatDuration(remainingMs)} left`;
}

/** An amount of budget: "11.25 h", "1 point", "3 points". */
export function formatAmount(value: number, unit: 'hours' | 'points'): string {
  const rounded = Math.round(value * 100) / 100;
  const text = rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (unit === 'hours') return `${text} h`;
  return `${text} ${Math.abs(rounded) === 1 ? 'point' : 'points'}`;
}

/** An ISO instant in the user's locale and time zone (from the Forge context), or the raw text if unreadable. */
export function formatInstant(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale || 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone || undefined }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** When something was computed, for an "as of" mark: the time alone today ("2:05 PM"), else the date too. */
export function formatAsOf(epochMs: number, now: number, locale?: string, timeZone?: string): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const zone = timeZone || undefined;
  try {
    const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: zone }).format(new Date(ms));
    const options: Intl.DateTimeFormatOptions = day(epochMs) === day(now) ? { timeStyle: 'short', timeZone: zone } : { dateStyle: 'medium', timeStyle: 'short', timeZone: zone };
    return new Intl.DateTimeFormat(locale || 'en-US', options).format(date);
  } catch {
    return date.toISOString();
  }
}

/**
 * After applying, when Jira could not be asked to refresh its issue view: what that view still shows
 * the old way, as one sentence ("Jira shows the new sprint and labels after you reload the page."),
 * or null when no step changed anything Jira shows (the record is the app's own).
 */
export function reloadSentence(steps: readonly StepResult[]): string | null {
  const done = new Set(steps.filter((s) => s.status === 'done').map((s) => s.step));
  const nouns = [done.has('move-to-sprint') ? 'sprint' : null, done.has('labels') ? 'labels' : null, done.has('assign') ? 'assignee' : null, done.has('comment') ? 'comment' : null].filter(
    (n): n is string => n !== null,
  );
  const backlog = done.has('move-to-backlog');
  if (nouns.length === 0 && !backlog) return null;
  const list = nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}` : (nouns[0] ?? '');
  const parts = [backlog ? 'the ticket in the backlog' : null, nouns.length > 0 ? `${backlog ? 'its' : 'the'} new ${list}` : null].filter((p): p is string => p !== null);
  return `Jira shows ${parts.join(' and ')} after you reload the page.`;
}
