/**
 * Names and avatars for the account ids a view contains: one batched `GET /rest/api/3/user/bulk` per
 * view for the ids not remembered, each person remembered a day (one small record per account id,
 * `person:<accountId>`, about 200 bytes), so a dashboard opened again within the day asks Jira
 * nothing for its people.
 *
 * Asked as the app (`ports.appJira`), not as the viewer: the records are shared by every viewer of
 * the installation, so what they hold must not depend on who looked first (a viewer's answer could
 * carry what their own permissions or a profile's visibility show only to them), and the bulk
 * endpoint needs nothing but access to Jira. It reveals no more than the viewer could see: the ids
 * come only from what the view already shows them (after the viewer filter), and a display name is
 * the public name Jira shows to anyone with access to the site (its user pickers, mentions).
 *
 * An id Jira leaves out of its answer (a deleted account), one answered without a display name (a
 * hidden one), and an id that cannot be Jira's are "Former user", never the id. When Jira cannot be
 * asked, those people are left out of the directory (the UI then says "someone") and nothing is
 * remembered, so the next view asks again.
 */
import { z } from 'zod';
import { FORMER_USER, type PeopleDirectory, type PersonView } from '../../contract/people';
import type { ListedUser } from '../../jira/client/people-client';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { keys } from '../storage/keys';
import { readRecord, writeRecord } from '../storage/stored-record';

export const PERSON_MAX_AGE_MS = 24 * 60 * 60_000;

/** What an Atlassian account id can hold (and a KVS key may): letters, digits, `:`, `-`, `_`, `.`. */
const ACCOUNT_ID = /^[A-Za-z0-9:._-]{1,128}$/;

const personRecord = z.object({
  schemaVersion: z.literal(1),
  fetchedAt: z.number(),
  /** null: Jira knows no such person (deleted, hidden). */
  displayName: z.string().min(1).max(255).nullable(),
  avatarUrl: z.string().url().max(2048).optional(),
});
type PersonRecord = z.infer<typeof personRecord>;

/** What the cache saved in one lookup: people read from storage, people asked of Jira, requests sent. */
export interface DirectoryStats {
  readonly fromCache: number;
  readonly fromJira: number;
  /** False when Jira could not be asked: those people are missing from the directory. */
  readonly answered: boolean;
}

export interface LoadedDirectory {
  readonly people: PeopleDirectory;
  readonly stats: DirectoryStats;
}

const FORMER: PersonView = { displayName: FORMER_USER, former: true };

function viewOf(record: Pick<PersonRecord, 'displayName' | 'avatarUrl'>): PersonView {
  if (record.displayName === null) return FORMER;
  return { displayName: record.displayName, ...(record.avatarUrl ? { avatarUrl: record.avatarUrl } : {}) };
}

/** Only http(s) avatars: anything else is not an image the page should load. */
function avatarOf(user: ListedUser): string | undefined {
  const url = user.avatarUrls?.['48x48'] ?? user.avatarUrls?.['32x32'] ?? user.avatarUrls?.['24x24'];
  return url && /^https?:\/\//.test(url) && url.length <= 2048 ? url : undefined;
}

function recordOf(user: ListedUser | undefined, now: number): PersonRecord {
  const name = user?.displayName?.trim();
  if (!user || !name) return { schemaVersion: 1, fetchedAt: now, displayName: null };
  const avatarUrl = avatarOf(user);
  return { schemaVersion: 1, fetchedAt: now, displayName: name.slice(0, 255), ...(avatarUrl ? { avatarUrl } : {}) };
}

const fresh = (record: PersonRecord, now: number, renewWithinMs = 0): boolean => record.fetchedAt <= now && now - record.fetchedAt < PERSON_MAX_AGE_MS - renewWithinMs;

export interface DirectoryOptions {
  /**
   * Ask Jira again for a person remembered so long that the record expires within this time: the
   * hourly run renews what the next views will show before it expires, so a view finds it fresh
   * and pays nothing for names (issue 13, item 4).
   */
  readonly renewWithinMs?: number;
}

/** The directory for these account ids (nulls and repeats are fine: views pass whatever fields they have). */
export async function peopleDirectory(ports: Ports, accountIds: Iterable<string | null | undefined>, options: DirectoryOptions = {}): Promise<LoadedDirectory> {
  const now = ports.clock.now();
  const ids = [...new Set([...accountIds].filter((id): id is string => typeof id === 'string' && id !== ''))];
  const people: Record<string, PersonView> = {};
  const valid = ids.filter((id) => {
    if (ACCOUNT_ID.test(id)) return true;
    people[id] = FORMER;
    return false;
  });
  const stored = await Promise.all(valid.map(async (id) => [id, (await readRecord(ports.store, keys.person(id), personRecord)).value] as const));
  const missing: string[] = [];
  for (const [id, record] of stored) {
    if (record && fresh(record, now, options.renewWithinMs)) people[id] = viewOf(record);
    else missing.push(id);
  }
  const fromCache = valid.length - missing.length;
  if (missing.length === 0) return { people, stats: { fromCache, fromJira: 0, answered: true } };
  let users: ListedUser[];
  try {
    users = await ports.appJira.people.usersByIds(missing);
  } catch (error) {
    // The hourly run's renewal must see Jira's spent quota, to stop the run (sprint/hourly-rollup.ts).
    if (options.renewWithinMs !== undefined && error instanceof JiraError && error.quota !== undefined) throw error;
    return { people, stats: { fromCache, fromJira: 0, answered: false } };
  }
  const byId = new Map(users.map((u) => [u.accountId, u]));
  await Promise.all(
    missing.map(async (id) => {
      const record = recordOf(byId.get(id), now);
      people[id] = viewOf(record);
      // Remembering is a saving, not a duty: a write that fails costs one more lookup tomorrow.
      await writeRecord(ports.store, keys.person(id), personRecord, record).catch(() => undefined);
    }),
  );
  return { people, stats: { fromCache, fromJira: missing.length, answered: true } };
}
