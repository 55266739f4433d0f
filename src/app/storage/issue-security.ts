/**
 * Whether a project has issues only some of its browsers may see — issues with a security level
 * (Jira's issue-level security) — asked of Jira as the app once a day and remembered.
 *
 * The viewer filter (access/viewer-filter.ts) needs no per-issue permission check for a project
 * whose issues are all visible to everyone who sees the project, which keeps most dashboard views
 * at no extra request. The question is asked as a search, `project = P AND level is not EMPTY` with
 * one result at most (2 points): it answers for the issues as they are, needs no admin permission
 * (the security scheme endpoints do), and the app sees every level's issues it is granted.
 *
 * A level put on an issue between two checks would go unseen for up to a day; the issue trigger
 * closes that gap: a change of an issue's Security field marks the project at once (`markUsed`).
 * Key `issue-security:<project>`. A damaged record is asked again.
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

export const ISSUE_SECURITY_MAX_AGE_MS = 24 * 60 * 60_000;

const schema = z.object({ schemaVersion: z.literal(1), checkedAt: z.number(), restricted: z.boolean() });

export const issueSecurity = {
  /** True when some issue of the project has a security level (or the answer is a day old and Jira says so now). */
  async projectUsesIt(ports: Ports, projectKey: string): Promise<boolean> {
    const now = ports.clock.now();
    const { value } = await readRecord(ports.store, keys.issueSecurity(projectKey), schema);
    if (value && value.checkedAt <= now && now - value.checkedAt < ISSUE_SECURITY_MAX_AGE_MS) return value.restricted;
    const restricted = await ports.appJira.hasAnyIssue(`project = ${projectKey} AND level is not EMPTY`);
    await writeRecord(ports.store, keys.issueSecurity(projectKey), schema, { schemaVersion: 1, checkedAt: now, restricted });
    return restricted;
  },
  /** An issue of the project just got a security level: check per viewer from now on (until the next daily answer). */
  async markUsed(ports: Pick<Ports, 'store' | 'clock'>, projectKey: string): Promise<void> {
    await writeRecord(ports.store, keys.issueSecurity(projectKey), schema, { schemaVersion: 1, checkedAt: ports.clock.now(), restricted: true });
  },
};
