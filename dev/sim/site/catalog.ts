/**
 * The demo site's fixed vocabulary: statuses, issue types, priorities, resolutions, components and
 * Severity options. Ids follow Jira Cloud's conventions (global priorities 1–5, status categories
 * 2/4/3, project-scoped ids on the team-managed project) so code that keys on ids meets real-looking ones.
 */
import type { IssueTypeDef, NamedDef, PriorityDef, StatusCategoryKey, StatusDef } from './model';

export const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', icon: 'highest', weight: 5 },
  { id: '2', name: 'High', icon: 'high', weight: 4 },
  { id: '3', name: 'Medium', icon: 'medium', weight: 3 },
  { id: '4', name: 'Low', icon: 'low', weight: 2 },
  { id: '5', name: 'Lowest', icon: 'lowest', weight: 1 },
];

export const RESOLUTIONS: readonly (NamedDef & { description: string })[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];

/** The options of the Severity select field (customfield_10081). */
export const SEVERITY_OPTIONS: readonly (NamedDef & { value: string })[] = [
  { id: '10118', name: 'Sev 1', value: 'Sev 1' },
  { id: '10120', name: 'Sev 2', value: 'Sev 2' },
  { id: '10121', name: 'Sev 3', value: 'Sev 3' },
  { id: '10122', name: 'Sev 4', value: 'Sev 4' },
];

export const SUPPORT_TYPE_NAMES = ['Bug', 'Incident', 'Support request'] as const;

/** Company-managed statuses are shared by the site; the team-managed project has its own ids. */
export const SUP_STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '1', name: 'Open', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10008', name: 'Waiting for support', category: 'indeterminate' },
  { id: '10009', name: 'Waiting for customer', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
  { id: '5', name: 'Resolved', category: 'done' },
];

export const TEAM_STATUSES: readonly StatusDef[] = [
  { id: '10010', name: 'To Do', category: 'new' },
  { id: '10011', name: 'In Progress', category: 'indeterminate' },
  { id: '10012', name: 'In Review', category: 'indeterminate' },
  { id: '10013', name: 'Done', category: 'done' },
];

export const SUP_ISSUE_TYPES: readonly IssueTypeDef[] = [
  { id: '10001', name: 'Story', description: 'A user-facing piece of work.', projectScoped: false },
  { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', projectScoped: false },
  { id: '10004', name: 'Bug', description: 'A problem or error.', projectScoped: false },
  { id: '10005', name: 'Incident', description: 'A disruption to a service.', projectScoped: false },
  { id: '10006', name: 'Support request', description: 'A customer asks for help.', projectScoped: false },
];

export const TEAM_ISSUE_TYPES: readonly IssueTypeDef[] = [
  { id: '10101', name: 'Story', description: 'A user-facing piece of work.', projectScoped: true },
  { id: '10102', name: 'Task', description: 'A small, distinct piece of work.', projectScoped: true },
  { id: '10103', name: 'Bug', description: 'A problem or error.', projectScoped: true },
  { id: '10104', name: 'Support request', description: 'A customer asks for help.', projectScoped: true },
];

export const SUP_COMPONENTS: readonly NamedDef[] = [
  { id: '10010', name: 'Payments' },
  { id: '10011', name: 'Checkout' },
  { id: '10012', name: 'Accounts' },
  { id: '10013', name: 'Notifications' },
  { id: '10014', name: 'Reporting' },
];

export const TEAM_COMPONENTS: readonly NamedDef[] = [
  { id: '10020', name: 'Mobile app' },
  { id: '10021', name: 'API' },
  { id: '10022', name: 'Web' },
];

export function priorityById(id: string | null): PriorityDef | undefined {
  return PRIORITIES.find((p) => p.id === id);
}
