/**
 * The value of each field of an issue, shaped as Jira Cloud returns it in `fields` (priority
 * `{self, iconUrl, name, id}`, Severity `{self, value, id}`, Security Level `SecurityLevel`
 * `{self, id, name, description}`, times in seconds, dates as `2026-11-18T09:12:44.120+0000`, empty
 * fields as null). A field the issue's project does not have (Security Level without an issue
 * security scheme) is left out, as Jira leaves it out.
 */
import { RESOLUTIONS, SEVERITY_OPTIONS, STATUS_CATEGORIES } from '../site/catalog';
import { jiraTime } from '../jira-format';
import type { Project, SiteIssue, SiteUser, StatusDef } from '../site/model';
import { SEVERITY_FIELD, SITE_FIELDS, SPRINT_FIELD, STORY_POINT_ESTIMATE_FIELD, STORY_POINTS_FIELD } from '../site/fields';
import { securityLevel, securitySchemeOf } from '../site/security';
import type { RenderContext } from './context';
import { embeddedComments } from './comment';
import { slaFieldValue } from './sla';
import { sprintFieldValue } from './sprint';
import { userDetails } from './user';
import { embeddedWorklogs } from './worklog';
import { trackingDuration } from '../jira-format';

export function statusJson(base: string, project: Project, status: StatusDef): Record<string, unknown> {
  const category = STATUS_CATEGORIES[status.category];
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${base}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${base}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: status.category, colorName: category.colorName, name: category.name },
    ...(project.teamManaged ? { scope: { type: 'PROJECT', project: { id: project.id } } } : {}),
  };
}

export function timeSpentSeconds(issue: SiteIssue): number | null {
  return issue.worklogs.length === 0 ? null : issue.worklogs.reduce((sum, w) => sum + w.seconds, 0);
}

function timeTracking(issue: SiteIssue): Record<string, unknown> {
  const spent = timeSpentSeconds(issue);
  const original = issue.originalEstimateSeconds;
  const remaining = original === null ? null : Math.max(0, original - (spent ?? 0));
  return {
    ...(original !== null ? { originalEstimate: trackingDuration(original), originalEstimateSeconds: original } : {}),
    ...(remaining !== null ? { remainingEstimate: trackingDuration(remaining), remainingEstimateSeconds: remaining } : {}),
    ...(spent !== null ? { timeSpent: trackingDuration(spent), timeSpentSeconds: spent } : {}),
  };
}

/** A field the issue's project does not have: not in `fields` at all (rather than null). */
export const ABSENT = Symbol('absent');

type FieldRenderer = (issue: SiteIssue, ctx: RenderContext, project: Project) => unknown;
const user = (ctx: RenderContext, accountId: string | null): unknown => {
  const found: SiteUser | undefined = accountId === null ? undefined : ctx.store.user(accountId);
  return found ? userDetails(ctx.base, found) : null;
};

const RENDERERS: Record<string, FieldRenderer> = {
  summary: (issue) => issue.summary,
  issuetype: (issue, { base }, project) => {
    const type = project.issueTypes.find((t) => t.id === issue.typeId);
    if (!type) return null;
    return {
      self: `${base}/rest/api/3/issuetype/${type.id}`, id: type.id, description: type.description, iconUrl: `${base}/images/icons/issuetypes/${type.name.toLowerCase().replace(/ /g, '-')}.svg`,
      name: type.name, subtask: false, hierarchyLevel: 0, ...(type.projectScoped ? { entityId: `sim-${project.key.toLowerCase()}-${type.id}`, scope: { type: 'PROJECT', project: { id: project.id } } } : {}),
    };
  },
  status: (issue, { base }, project) => {
    const status = project.statuses.find((s) => s.id === issue.statusId);
    return status ? statusJson(base, project, status) : null;
  },
  statusCategory: (issue, { base }, project) => {
    const status = project.statuses.find((s) => s.id === issue.statusId);
    if (!status) return null;
    const category = STATUS_CATEGORIES[status.category];
    return { self: `${base}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: status.category, colorName: category.colorName, name: category.name };
  },
  priority: (issue, { base, store }) => {
    const priority = store.priorities.find((p) => p.id === issue.priorityId);
    return priority ? { self: `${base}/rest/api/3/priority/${priority.id}`, iconUrl: `${base}/images/icons/priorities/${priority.icon}.svg`, name: priority.name, id: priority.id } : null;
  },
  labels: (issue) => [...issue.labels],
  components: (issue, { base }, project) =>
    issue.componentIds.flatMap((id) => {
      const component = project.components.find((c) => c.id === id);
      return component ? [{ self: `${base}/rest/api/3/component/${id}`, id, name: component.name }] : [];
    }),
  project: (_issue, { base }, project) => ({
    self: `${base}/rest/api/3/project/${project.id}`, id: project.id, key: project.key, name: project.name, projectTypeKey: 'software', simplified: project.teamManaged,
    avatarUrls: { '48x48': `${base}/rest/api/3/universal_avatar/view/type/project/avatar/10400` },
  }),
  assignee: (issue, ctx) => user(ctx, issue.assigneeId),
  reporter: (issue, ctx) => user(ctx, issue.reporterId),
  created: (issue) => jiraTime(issue.createdMs),
  updated: (issue) => jiraTime(issue.updatedMs),
  resolutiondate: (issue) => (issue.resolvedMs === null ? null : jiraTime(issue.resolvedMs)),
  resolution: (issue, { base }) => {
    const resolution = RESOLUTIONS.find((r) => r.id === issue.resolutionId);
    return resolution ? { self: `${base}/rest/api/3/resolution/${resolution.id}`, id: resolution.id, description: resolution.description, name: resolution.name } : null;
  },
  description: () => null,
  timespent: (issue) => timeSpentSeconds(issue),
  aggregatetimespent: (issue) => timeSpentSeconds(issue),
  timeoriginalestimate: (issue) => issue.originalEstimateSeconds,
  timeestimate: (issue) => (issue.originalEstimateSeconds === null ? null : Math.max(0, issue.originalEstimateSeconds - (timeSpentSeconds(issue) ?? 0))),
  timetracking: (issue) => timeTracking(issue),
  worklog: (issue, ctx) => embeddedWorklogs(ctx, issue),
  comment: (issue, ctx) => embeddedComments(ctx, issue),
  security: (issue, { base }, project) => {
    const level = issue.securityLevelId === null ? undefined : securityLevel(issue.securityLevelId);
    if (level) return { self: `${base}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description };
    return securitySchemeOf(project.id) ? null : ABSENT;
  },
  [STORY_POINTS_FIELD]: (issue, ctx, project) => (ctx.store.boardOfProject(project.id)?.estimationField.id === STORY_POINTS_FIELD ? issue.points : null),
  [STORY_POINT_ESTIMATE_FIELD]: (issue, ctx, project) => (ctx.store.boardOfProject(project.id)?.estimationField.id === STORY_POINT_ESTIMATE_FIELD ? issue.points : null),
  [SPRINT_FIELD]: (issue, ctx) => {
    const sprints = issue.sprintIds.flatMap((id) => {
      const sprint = ctx.store.sprint(id);
      return sprint ? [sprintFieldValue(sprint)] : [];
    });
    return sprints.length > 0 ? sprints : null;
  },
  [SEVERITY_FIELD]: (issue, { base }) => {
    const option = SEVERITY_OPTIONS.find((o) => o.id === issue.severityId);
    return option ? { self: `${base}/rest/api/3/customFieldOption/${option.id}`, value: option.value, id: option.id } : null;
  },
};

/** Every field id an issue can carry, in the order Jira-like responses list them. */
export const ISSUE_FIELD_IDS: readonly string[] = SITE_FIELDS.map((f) => f.id).filter((id) => id !== 'issuekey');

/** The field's value, or ABSENT when the issue's project does not have the field. */
export function fieldValue(fieldId: string, issue: SiteIssue, ctx: RenderContext, project: Project): unknown {
  const renderer = RENDERERS[fieldId];
  if (renderer) return renderer(issue, ctx, project);
  const sla = issue.slas.find((s) => s.fieldId === fieldId);
  if (sla) return slaFieldValue(ctx.base, issue.id, sla, ctx.nowMs);
  return null;
}
