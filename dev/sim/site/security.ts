/**
 * Issue-level security on the demo site: SUP has an issue security scheme with one level, "Staff
 * only"; TEAM has none. Jira applies a level on top of the project permissions: someone who may
 * browse the project but is not a member of an issue's level does not see that issue at all (it is
 * missing from searches and every issue endpoint answers as for a missing issue), so the simulator
 * can show what the app must do when the people looking at a shared number may not all see the
 * issues behind it.
 *
 * Members of "Staff only": admin, po, the app's account and the team members without a login (Mia,
 * Sam); not dev, not the outsider.
 */
import type { SiteUser } from './model';

export interface SecurityLevelDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface SecuritySchemeDef {
  readonly id: string;
  readonly name: string;
  readonly levels: readonly SecurityLevelDef[];
}

export const STAFF_ONLY: SecurityLevelDef = { id: '10100', name: 'Staff only', description: 'Only staff can see this issue.' };

/** Issue security schemes by project id: SUP (10000) has one, TEAM (10001) has none. */
const SCHEMES: Readonly<Record<string, SecuritySchemeDef>> = {
  '10000': { id: '10000', name: 'SUP issue security', levels: [STAFF_ONLY] },
};

/** Who is a member of each level: login roles, and whether team members without a login are. */
const MEMBERS: Readonly<Record<string, { readonly roles: readonly string[]; readonly teamWithoutLogin: boolean }>> = {
  [STAFF_ONLY.id]: { roles: ['admin', 'po', 'app'], teamWithoutLogin: true },
};

export function securitySchemeOf(projectId: string): SecuritySchemeDef | undefined {
  return SCHEMES[projectId];
}

export function securityLevel(id: string): SecurityLevelDef | undefined {
  return Object.values(SCHEMES).flatMap((s) => s.levels).find((l) => l.id === id);
}

export function isLevelMember(user: SiteUser, levelId: string): boolean {
  const members = MEMBERS[levelId];
  if (!members) return false;
  return user.login === undefined ? members.teamWithoutLogin : members.roles.includes(user.login);
}

/** The levels the user is a member of: the ones JQL lets them name (Jira resolves `level` values per user). */
export function levelsOf(user: SiteUser): SecurityLevelDef[] {
  return Object.values(SCHEMES).flatMap((s) => s.levels).filter((l) => isLevelMember(user, l.id));
}
