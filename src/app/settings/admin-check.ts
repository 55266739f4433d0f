/**
 * May this user change the project's settings? Jira's Administer Projects permission, asked as the
 * user, so the answer is Jira's and never the page's say-so.
 *
 * Permission checks cost rate-limit points and the settings page asks on every load and every save,
 * so a "yes" is remembered in storage for a minute (with the time it was asked, so its age is known
 * without trusting anything else). Only a "yes": someone just made an admin is not kept waiting, a
 * person without the permission leaves nothing stored, and a revoked permission outlives the
 * revocation by at most a minute.
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { keys } from '../storage/keys';
import { readRecord, writeRecord } from '../storage/stored-record';

export const ADMIN_CHECK_TTL_MS = 60_000;
const ADMIN = 'ADMINISTER_PROJECTS';
const BROWSE = 'BROWSE_PROJECTS';

const cachedYesSchema = z.object({ schemaVersion: z.literal(1), isAdmin: z.literal(true), checkedAt: z.number() });

export interface Caller {
  readonly projectKey: string;
  /** From the platform (context.accountId), never from a payload. */
  readonly accountId: string;
}

export interface ProjectAccess {
  readonly canBrowse: boolean;
  readonly isAdmin: boolean;
}

/**
 * What this user may do in the project, asked as the user in one call (Browse and Administer Projects
 * together, so knowing both costs what knowing one did). The only stored thing it reads is this user's
 * own remembered "yes, admin" — an admin of the project sees it — so it is what every settings key asks
 * before reading anything stored about the project.
 */
export async function projectAccess(ports: Ports, caller: Caller): Promise<ProjectAccess> {
  const key = keys.adminCheck(caller.accountId, caller.projectKey);
  const now = ports.clock.now();
  const { value } = await readRecord(ports.store, key, cachedYesSchema);
  // A time in the future is as suspect as an old one: ask Jira again.
  if (value && now >= value.checkedAt && now - value.checkedAt < ADMIN_CHECK_TTL_MS) return { canBrowse: true, isAdmin: true };
  const answer = await ports.jira.people.myPermissions({ projectKey: caller.projectKey }, [BROWSE, ADMIN]);
  const isAdmin = answer[ADMIN] === true;
  if (isAdmin) await writeRecord(ports.store, key, cachedYesSchema, { schemaVersion: 1, isAdmin: true, checkedAt: now });
  else if (value) await ports.store.delete(key);
  return { canBrowse: answer[BROWSE] === true || isAdmin, isAdmin };
}

export async function isProjectAdmin(ports: Ports, caller: Caller): Promise<boolean> {
  return (await projectAccess(ports, caller)).isAdmin;
}

/** Throws NOT_FOUND unless the user may browse the project (Jira's own answer for a project you cannot see). */
export async function requireProjectVisible(ports: Ports, caller: Caller): Promise<ProjectAccess> {
  const access = await projectAccess(ports, caller);
  if (access.canBrowse) return access;
  throw new AppError('NOT_FOUND', `Project ${caller.projectKey} does not exist, or you do not have permission to see it. Ask a Jira admin for access.`);
}

/** Throws FORBIDDEN unless the user administers the project. */
export async function requireProjectAdmin(ports: Ports, caller: Caller): Promise<void> {
  if (await isProjectAdmin(ports, caller)) return;
  throw new AppError(
    'FORBIDDEN',
    `Only administrators of project ${caller.projectKey} can change Interrupt Budget settings. Ask a Jira admin for the Administer Projects permission, or ask a project admin to make the change.`,
  );
}
