/**
 * The CONFLICT answer to a save based on settings that someone changed in the meantime: it names who
 * and when, so the admin knows whose work they would have overwritten and can talk to them.
 *
 * Settings store only the saver's account id; the name comes from the people directory (one
 * lookup, remembered a day: people/people-directory.ts), "Former user" for a deleted account and
 * "Someone" when Jira cannot say — never the account id.
 */
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { peopleDirectory } from '../people/people-directory';
import type { ProjectSettings } from './project-settings';

/** "23 November 2026 at 09:05 (Europe/Berlin)": unambiguous in any locale, in the project's time zone. */
export function plainTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  } catch {
    return plainTime(iso, 'UTC');
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')} (${timeZone})`;
}

async function nameOf(ports: Ports, accountId: string): Promise<string> {
  const { people } = await peopleDirectory(ports, [accountId]);
  return people[accountId]?.displayName ?? 'Someone';
}

export async function settingsConflict(ports: Ports, projectKey: string, accountId: string, stored: ProjectSettings): Promise<AppError> {
  const when = stored.updatedAt ? ` on ${plainTime(stored.updatedAt, stored.capacity.timeZone)}` : '';
  const who = !stored.updatedBy ? 'Someone' : stored.updatedBy === accountId ? 'You' : await nameOf(ports, stored.updatedBy);
  const where = who === 'You' ? ' in another tab or window' : '';
  return new AppError(
    'CONFLICT',
    `${who} changed these settings${where}${when}, after this page loaded them. Reload the page to see the saved settings, then make your changes again.`,
  );
}
