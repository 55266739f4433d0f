/**
 * `POST /rest/api/3/issue` (`IssueUpdateDetails` → 201 `CreatedIssue`) and `POST /rest/api/3/issueLink`
 * (`LinkIssueRequestJsonBean` → 201, no body), as far as the app uses them: an issue with project,
 * issue type, summary and an ADF description, created in the project's first To Do status with no
 * sprint (the backlog); a link of one of Jira's default link types between two issues the caller
 * sees. Create needs Create Issues, link needs Link Issues; problems come back as Jira's errors map.
 */
import { fieldErrors, notFound, ISSUE_NOT_FOUND } from '../http/errors';
import { ok, type Handler, type RequestContext } from '../http/context';
import type { SiteIssue } from '../site/model';
import { canBrowse, findVisibleIssue, requirePermissions } from './access';

/** Jira's default issue link types (a new site has these four). */
const LINK_TYPES = ['Blocks', 'Cloners', 'Duplicate', 'Relates'] as const;

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function isAdfDocument(body: unknown): boolean {
  const doc = record(body);
  return doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content);
}

export const createIssue: Handler = (ctx) => {
  const fields = record(record(ctx.body).fields);
  const projectRef = record(fields.project);
  const project = ctx.store.project(String(projectRef.id ?? projectRef.key ?? ''));
  if (!project || !canBrowse(ctx.user)) throw fieldErrors({ project: 'Specify a valid project ID or key' });
  requirePermissions(ctx, ['CREATE_ISSUES'], 'You do not have permission to create issues in this project.');
  const typeRef = record(fields.issuetype);
  const type = project.issueTypes.find((t) => t.id === typeRef.id || t.name === typeRef.name);
  const errors: Record<string, string> = {};
  if (!type) errors.issuetype = 'Specify an issue type';
  const summary = fields.summary;
  if (typeof summary !== 'string' || summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
  if (fields.description !== undefined && fields.description !== null && !isAdfDocument(fields.description)) errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
  const status = project.statuses.find((s) => s.category === 'new');
  if (!type || !status || typeof summary !== 'string' || Object.keys(errors).length > 0) throw fieldErrors(errors);
  const now = ctx.store.clock.now();
  const ofProject = ctx.store.issues.filter((i) => i.projectId === project.id);
  const issue: SiteIssue = {
    id: String(Math.max(0, ...ctx.store.issues.map((i) => Number(i.id))) + 1),
    key: `${project.key}-${Math.max(0, ...ofProject.map((i) => Number(i.key.split('-')[1]))) + 1}`,
    projectId: project.id,
    summary,
    typeId: type.id,
    statusId: status.id,
    priorityId: null,
    resolutionId: null,
    labels: [],
    componentIds: [],
    createdMs: now,
    updatedMs: now,
    resolvedMs: null,
    assigneeId: null,
    reporterId: ctx.user.accountId,
    points: null,
    severityId: null,
    sprintIds: [],
    slas: [],
    worklogs: [],
    comments: [],
    properties: {},
    rank: Math.max(0, ...ofProject.map((i) => i.rank)) + 1,
    originalEstimateSeconds: null,
    securityLevelId: null,
  };
  // The description is kept as the caller sent it, as a comment's body is (the issue model has no field of its own for it).
  if (fields.description !== undefined) issue.properties['sim.description'] = structuredClone(fields.description);
  ctx.store.addIssue(issue, ctx.user.accountId);
  return ok({ id: issue.id, key: issue.key, self: `${ctx.render.base}/rest/api/3/issue/${issue.id}` }, 201);
};

function linkedIssue(ctx: RequestContext, ref: unknown): SiteIssue {
  const r = record(ref);
  const issue = findVisibleIssue(ctx, String(r.id ?? r.key ?? ''));
  if (!issue) throw notFound(ISSUE_NOT_FOUND);
  return issue;
}

export const linkIssues: Handler = (ctx) => {
  const body = record(ctx.body);
  const typeRef = record(body.type);
  const type = LINK_TYPES.find((t) => t === typeRef.name);
  if (!type) throw notFound(`No issue link type with name '${String(typeRef.name ?? typeRef.id ?? '')}' found.`);
  const outward = linkedIssue(ctx, body.outwardIssue);
  const inward = linkedIssue(ctx, body.inwardIssue);
  requirePermissions(ctx, ['LINK_ISSUES'], 'You do not have the permission to link issues.');
  const known = ctx.store.issueLinks.some((l) => l.typeName === type && l.outwardIssueId === outward.id && l.inwardIssueId === inward.id);
  if (!known) ctx.store.issueLinks.push({ id: String(10000 + ctx.store.issueLinks.length), typeName: type, outwardIssueId: outward.id, inwardIssueId: inward.id });
  return { status: 201 };
};
