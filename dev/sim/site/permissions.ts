/**
 * Jira permissions as `GET /rest/api/3/mypermissions` names them, and who holds which on the demo
 * site (the same grants on both projects). The simulator enforces them the way Jira does: without
 * Browse Projects an issue does not exist for you; with Browse but without the write permission a
 * write is refused. (An issue with a security level is hidden from non-members on top of this:
 * security.ts.)
 */
import type { SiteUser } from './model';
import { isAppAccount } from './users';

export interface PermissionDef {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly type: 'GLOBAL' | 'PROJECT';
  readonly description: string;
}

const project = (id: string, key: string, name: string, description: string): PermissionDef => ({ id, key, name, type: 'PROJECT', description });
const global = (id: string, key: string, name: string, description: string): PermissionDef => ({ id, key, name, type: 'GLOBAL', description });

export const PERMISSIONS: readonly PermissionDef[] = [
  global('0', 'ADMINISTER', 'Administer Jira', 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.'),
  global('27', 'USER_PICKER', 'Browse users and groups', 'View and select users or groups from the user picker, and share issues.'),
  global('22', 'CREATE_SHARED_OBJECTS', 'Share dashboards and filters', 'Share dashboards and filters with other users.'),
  global('33', 'BULK_CHANGE', 'Make bulk changes', 'Modify collections of issues at once.'),
  project('23', 'ADMINISTER_PROJECTS', 'Administer Projects', 'Ability to administer a project in Jira.'),
  project('10', 'BROWSE_PROJECTS', 'Browse Projects', 'Ability to browse projects and the issues within them.'),
  project('11', 'CREATE_ISSUES', 'Create Issues', 'Ability to create issues.'),
  project('12', 'EDIT_ISSUES', 'Edit Issues', 'Ability to edit issues.'),
  project('28', 'SCHEDULE_ISSUES', 'Schedule Issues', 'Ability to set and edit due dates, and to rank and plan issues in sprints.'),
  project('13', 'ASSIGN_ISSUES', 'Assign Issues', 'Ability to assign issues to other people.'),
  project('17', 'ASSIGNABLE_USER', 'Assignable User', 'Users with this permission may be assigned to issues.'),
  project('21', 'LINK_ISSUES', 'Link Issues', 'Ability to link issues together and create linked issues.'),
  project('15', 'ADD_COMMENTS', 'Add Comments', 'Ability to comment on issues.'),
  project('20', 'WORK_ON_ISSUES', 'Work On Issues', 'Ability to log work done against an issue.'),
  project('46', 'TRANSITION_ISSUES', 'Transition Issues', 'Ability to transition issues.'),
  project('14', 'RESOLVE_ISSUES', 'Resolve Issues', 'Ability to resolve and reopen issues.'),
  project('16', 'DELETE_ISSUES', 'Delete Issues', 'Ability to delete issues.'),
  project('-1', 'MANAGE_SPRINTS_PERMISSION', 'Manage sprints', 'Ability to manage sprints.'),
];

export type PermissionKey = string;

const EVERY_PROJECT_PERMISSION = PERMISSIONS.filter((p) => p.type === 'PROJECT').map((p) => p.key);
const TEAM_MEMBER = ['BROWSE_PROJECTS', 'ASSIGNABLE_USER', 'WORK_ON_ISSUES', 'ADD_COMMENTS', 'EDIT_ISSUES', 'TRANSITION_ISSUES'];

/** Project permissions by login role; team members without a login get `TEAM_MEMBER`. */
const PROJECT_GRANTS: Record<string, readonly PermissionKey[]> = {
  admin: EVERY_PROJECT_PERMISSION,
  // Create and Link Issues: a corrective action from an interrupt's follow-ups (issue 14, item 2).
  po: ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'LINK_ISSUES', 'EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS', 'ASSIGN_ISSUES', 'ASSIGNABLE_USER'],
  dev: ['BROWSE_PROJECTS'],
  outsider: [],
  // The app's account holds every project permission (the add-ons project role of Jira's default scheme).
  app: EVERY_PROJECT_PERMISSION,
};

const GLOBAL_GRANTS: Record<string, readonly PermissionKey[]> = {
  admin: ['ADMINISTER', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BULK_CHANGE'],
  po: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
  dev: ['USER_PICKER'],
  outsider: ['USER_PICKER'],
  app: ['USER_PICKER'],
};

export function permissionByKey(key: string): PermissionDef | undefined {
  return PERMISSIONS.find((p) => p.key === key);
}

/** Whether the user holds a project permission in a project (every demo project grants alike). */
export function hasProjectPermission(user: SiteUser, key: PermissionKey): boolean {
  if (user.revokedPermissions?.includes(key)) return false;
  return (user.login ? PROJECT_GRANTS[user.login] ?? [] : TEAM_MEMBER).includes(key);
}

export function hasGlobalPermission(user: SiteUser, key: PermissionKey): boolean {
  return (user.login ? GLOBAL_GRANTS[user.login] ?? [] : []).includes(key);
}

/**
 * Whether issues can be assigned to the user: Assignable User, and a person. The app's account holds
 * the permission but, as in Jira, is not offered by the assignable-user search and cannot be assigned.
 */
export function isAssignable(user: SiteUser): boolean {
  return hasProjectPermission(user, 'ASSIGNABLE_USER') && !isAppAccount(user);
}
