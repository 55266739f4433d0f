/**
 * What the settings page's pickers read (issue 12, item 7):
 * - `GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}`: the create screen's
 *   fields (a short one: summary, priority with the site's five priorities highest first, and on SUP's
 *   support types the Severity select with its options), paged; Create issues needed (400 otherwise: the spec declares no 403).
 * - `GET /rest/api/3/project/{projectIdOrKey}`: the project, its issue types and components (404 for a
 *   project the user cannot browse, as Jira answers).
 */
import { badRequest, notFound } from '../http/errors';
import { ok, type Handler } from '../http/context';
import { SEVERITY_OPTIONS, SUPPORT_TYPE_NAMES } from '../site/catalog';
import { SEVERITY_FIELD } from '../site/fields';
import { hasProjectPermission } from '../site/permissions';
import { canBrowse } from './access';
import { intParam } from './params';

export const getCreateIssueMetaIssueTypeId: Handler = (ctx) => {
  // The spec declares only 400 besides 200: a project the user cannot create in reads as one that is not there.
  const project = ctx.store.project(ctx.params.projectIdOrKey ?? '');
  if (!project || !canBrowse(ctx.user) || !hasProjectPermission(ctx.user, 'CREATE_ISSUES')) throw badRequest(`No project could be found with key '${ctx.params.projectIdOrKey ?? ''}', or you do not have permission to create issues in it.`);
  const type = project.issueTypes.find((t) => t.id === ctx.params.issueTypeId);
  if (!type) throw badRequest(`The issue type with id '${ctx.params.issueTypeId ?? ''}' is not in this project.`);
  const base = ctx.render.base;
  const supportType = (SUPPORT_TYPE_NAMES as readonly string[]).includes(type.name);
  const fields = [
    { fieldId: 'summary', key: 'summary', name: 'Summary', required: true, hasDefaultValue: false, operations: ['set'], schema: { type: 'string', system: 'summary' } },
    {
      fieldId: 'priority', key: 'priority', name: 'Priority', required: false, hasDefaultValue: true, operations: ['set'], schema: { type: 'priority', system: 'priority' },
      allowedValues: ctx.store.priorities.map((p) => ({ self: `${base}/rest/api/3/priority/${p.id}`, iconUrl: `${base}/images/icons/priorities/${p.icon}.svg`, name: p.name, id: p.id })),
    },
    // On the demo site the Severity field is on the create screens of SUP's support types only.
    ...(supportType && !project.teamManaged
      ? [{
          fieldId: SEVERITY_FIELD, key: SEVERITY_FIELD, name: 'Severity', required: false, hasDefaultValue: false, operations: ['set'],
          schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: 10081 },
          allowedValues: SEVERITY_OPTIONS.map((o) => ({ self: `${base}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id })),
        }]
      : []),
  ];
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.max(1, intParam(ctx, 'maxResults', 50));
  return ok({ maxResults, startAt, total: fields.length, fields: fields.slice(startAt, startAt + maxResults) });
};

export const getProject: Handler = (ctx) => {
  const project = ctx.store.project(ctx.params.projectIdOrKey ?? '');
  if (!project || !canBrowse(ctx.user)) throw notFound(`No project could be found with key '${ctx.params.projectIdOrKey ?? ''}'.`);
  const base = ctx.render.base;
  return ok({
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    description: '',
    projectTypeKey: 'software',
    simplified: project.teamManaged,
    style: project.teamManaged ? 'next-gen' : 'classic',
    isPrivate: false,
    issueTypes: project.issueTypes.map((t) => ({
      self: `${base}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      name: t.name,
      description: t.description,
      subtask: false,
      hierarchyLevel: 0,
      ...(t.projectScoped ? { scope: { type: 'PROJECT', project: { id: project.id } } } : {}),
    })),
    components: project.components.map((c) => ({ self: `${base}/rest/api/3/component/${c.id}`, id: c.id, name: c.name, projectId: Number(project.id), project: project.key })),
  });
};
