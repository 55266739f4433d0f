/**
 * Which issues of a project only some of its browsers may see — issues with a security level
 * (Jira's issue-level security) — asked of Jira as the app once a day and remembered, by id.
 *
 * The viewer filter (access/viewer-filter.ts) asks Jira, as the viewer, about those issues only: an
 * issue without a level is visible to everyone who may browse its project, which the view proved
 * already. So a view's permission check costs 2 points per secured issue it lists, not per issue
 * (issue 13, item 4), and none when it lists no secured issue. The question is asked as an ids-only
 * search, `project = P AND level is not EMPTY` (1 point plus 1 per secured issue): it answers for the
 * issues as they are, needs no admin permission (the security scheme endpoints do), and the app sees
 * every level's issues it is granted. More than {@link MAX_SECURED_IDS} secured issues are not kept
 * by id: the record then says "many", and views check every listed issue, as before.
 *
 * A level put on an issue between two checks would go unseen for up to a day; the issue trigger
 * closes that gap: a change of an issue's Security field adds the issue at once (`markSecured`).
 * Key `issue-security:<project>`. A damaged record, or one from before ids were kept, is asked again.
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

export const ISSUE_SECURITY_MAX_AGE_MS = 24 * 60 * 60_000;
/** Secured issues kept by id (about 10 bytes each); past it, every listed issue is checked. */
export const MAX_SECURED_IDS = 2_000;

const schema = z.object({
  schemaVersion: z.literal(2),
  checkedAt: z.number(),
  /** The secured issues' ids, or `many` (more than MAX_SECURED_IDS: check every listed issue). */
  secured: z.union([z.array(z.string().regex(/^\d+$/)), z.literal('many')]),
});
type SecurityRecord = z.infer<typeof schema>;

/** The project's secured issues by id, or `many`. */
export type SecuredIssues = ReadonlySet<string> | 'many';

async function stored(ports: Pick<Ports, 'store' | 'clock'>, projectKey: string): Promise<SecurityRecord | undefined> {
  const now = ports.clock.now();
  const { value } = await readRecord(ports.store, keys.issueSecurity(projectKey), schema);
  return value && value.checkedAt <= now && now - value.checkedAt < ISSUE_SECURITY_MAX_AGE_MS ? value : undefined;
}

export const issueSecurity = {
  /** The project's issues with a security level (stored for a day, else asked of Jira as the app). */
  async securedIssues(ports: Ports, projectKey: string): Promise<SecuredIssues> {
    const value = (await stored(ports, projectKey)) ?? (await issueSecurity.refresh(ports, projectKey));
    return value.secured === 'many' ? 'many' : new Set(value.secured);
  },
  /** True when some issue of the project has a security level. */
  async projectUsesIt(ports: Ports, projectKey: string): Promise<boolean> {
    const secured = await issueSecurity.securedIssues(ports, projectKey);
    return secured === 'many' || secured.size > 0;
  },
  /** Ask Jira (as the app) now and store the answer. */
  async refresh(ports: Ports, projectKey: string): Promise<SecurityRecord> {
    const checkedAt = ports.clock.now();
    const ids = await ports.appJira.issueIds(`project = ${projectKey} AND level is not EMPTY`);
    const secured = ids.length > MAX_SECURED_IDS ? ('many' as const) : ids.map(String);
    return writeRecord(ports.store, keys.issueSecurity(projectKey), schema, { schemaVersion: 2, checkedAt, secured });
  },
  /**
   * An issue of the project just got a security level: views check it per viewer from now on. Kept
   * with the record's own check time, so the daily re-check still comes; without a record (none, or
   * a day old), one is started that says "many" until Jira is asked: failing closed.
   */
  async markSecured(ports: Pick<Ports, 'store' | 'clock'>, projectKey: string, issueId: string | undefined): Promise<void> {
    const value = await stored(ports, projectKey);
    const secured = !value || value.secured === 'many' || issueId === undefined ? ('many' as const) : [...new Set([...value.secured, issueId])];
    const next = secured !== 'many' && secured.length > MAX_SECURED_IDS ? ('many' as const) : secured;
    await writeRecord(ports.store, keys.issueSecurity(projectKey), schema, { schemaVersion: 2, checkedAt: value?.checkedAt ?? ports.clock.now(), secured: next });
  },
};
