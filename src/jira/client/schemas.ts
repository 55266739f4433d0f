/**
 * Response schemas at the client's boundary: only what the app reads, everything else passes through
 * (`loose`). A response that lacks what we read is a `BadResponse` (see jira-http.ts), never a crash
 * deeper down. Issue fields are validated field by field by the issue mapper instead.
 */
import { z } from 'zod';

const id = z.union([z.string(), z.number()]).transform(String);

/** `IssueBean`: identity checked here; fields are checked one by one by the issue mapper. */
export const issueSchema = z.object({ id, key: z.string() }).loose();

/** A search page that asked for ids only (Jira then pages up to 5,000 issues at a time). */
export const idPageSchema = z
  .object({
    issues: z.array(z.object({ id }).loose()).default([]),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().optional(),
  })
  .loose();

/** `JQLCountResultsBean`: an estimate of how many issues match (`countIssues`). */
export const countSchema = z.object({ count: z.number().int().nonnegative() }).loose();

/** `SearchAndReconcileResults`: no total; stop at `isLast` or when the token is missing. */
export const searchPageSchema = z
  .object({
    issues: z.array(issueSchema).default([]),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().optional(),
  })
  .loose();

/** Offset pages of the Agile API (`startAt`, `maxResults`, `isLast`, `values`). */
export const agilePage = <T extends z.ZodType>(value: T) =>
  z
    .object({
      startAt: z.number().optional(),
      maxResults: z.number().optional(),
      total: z.number().optional(),
      isLast: z.boolean().optional(),
      values: z.array(value),
    })
    .loose();

export const boardSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    type: z.string(),
    location: z.object({ projectKey: z.string().optional(), projectId: z.number().optional(), projectName: z.string().optional() }).loose().optional(),
  })
  .loose();

export const boardConfigurationSchema = z
  .object({
    id: z.number(),
    estimation: z
      .object({ type: z.string(), field: z.object({ fieldId: z.string(), displayName: z.string().optional() }).loose().optional() })
      .loose()
      .optional(),
    /** The board's columns and the status ids each one holds (the WIP status picker groups by them). */
    columnConfig: z
      .object({ columns: z.array(z.object({ name: z.string(), statuses: z.array(z.object({ id: z.string() }).loose()).default([]) }).loose()).default([]) })
      .loose()
      .optional(),
  })
  .loose();

/** `GET /rest/api/3/project/{key}/statuses`: per issue type, the statuses of its workflow. */
export const projectStatusesSchema = z.array(
  z
    .object({
      id: z.string(),
      name: z.string(),
      statuses: z.array(z.object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() }).loose()),
    })
    .loose(),
);

export const sprintSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    state: z.enum(['future', 'active', 'closed']),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    completeDate: z.string().optional(),
    originBoardId: z.number().optional(),
    goal: z.string().optional(),
  })
  .loose();

/** `PageOfWorklogs`: offset paging with a total. Entries are read one by one (`worklog-entries.ts`). */
export const worklogPageSchema = z
  .object({
    startAt: z.number(),
    maxResults: z.number(),
    total: z.number(),
    worklogs: z.array(z.unknown()),
  })
  .loose();

export const entityPropertySchema = z.object({ key: z.string(), value: z.unknown() }).loose();

export const permissionsSchema = z
  .object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() }).loose()) })
  .loose();

/**
 * `BulkPermissionGrants` (`POST /rest/api/3/permissions/check`): per project permission, the projects
 * and issues (int64 ids) it is granted in.
 */
export const bulkPermissionGrantsSchema = z
  .object({
    globalPermissions: z.array(z.string()),
    projectPermissions: z.array(
      z.object({ permission: z.string(), projects: z.array(z.number().int()), issues: z.array(z.number().int()) }).loose(),
    ),
  })
  .loose();

export const userSchema = z
  .object({ accountId: z.string(), displayName: z.string().optional(), active: z.boolean().optional(), accountType: z.string().optional() })
  .loose();

/** The avatar sizes Jira gives a user (`AvatarUrlsBean`); any may be missing. */
const avatarUrlsSchema = z.object({ '16x16': z.string(), '24x24': z.string(), '32x32': z.string(), '48x48': z.string() }).partial().loose();

/** A user as `GET /user/bulk` lists them: `userSchema` plus the avatars the app shows. */
export const listedUserSchema = userSchema.and(z.object({ avatarUrls: avatarUrlsSchema.optional() }).loose());

/** `PageBeanUser`, the answer of `GET /rest/api/3/user/bulk`. */
export const userPageSchema = z
  .object({ startAt: z.number().optional(), maxResults: z.number().optional(), total: z.number().optional(), isLast: z.boolean().optional(), values: z.array(listedUserSchema).default([]) })
  .loose();

/** `CreatedIssue`: what `createIssue` answers. */
export const createdIssueSchema = z.object({ id: z.string(), key: z.string() }).loose();
export const commentSchema = z.object({ id: z.string(), body: z.unknown().optional() }).loose();

/** `PageOfComments`. */
export const commentPageSchema = z
  .object({ startAt: z.number(), maxResults: z.number(), total: z.number(), comments: z.array(commentSchema) })
  .loose();
