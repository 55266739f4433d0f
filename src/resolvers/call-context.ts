/**
 * What a resolver may believe about a call. Only `accountId` (and installContext, license) come from
 * the platform and can be trusted for identity; the extension context (issue, project) comes from the
 * browser, so it is validated for shape here and access is proven later by acting as the user, whose
 * own Jira permissions then apply. Nothing about identity or location is ever taken from the payload.
 */
import { z } from 'zod';
import { AppError } from '../app/app-error';
import { PROJECT_KEY } from '../app/storage/keys';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;

const extensionSchema = z
  .object({
    type: z.string().optional(),
    issue: z.object({ key: z.string().regex(ISSUE_KEY), id: z.union([z.string(), z.number()]).transform(String).optional() }).loose().optional(),
    project: z.object({ key: z.string().regex(PROJECT_KEY), id: z.union([z.string(), z.number()]).transform(String).optional() }).loose().optional(),
    // A dashboard gadget (issue 12, item 12): its project is the one its edit mode saved; a gadget not
    // configured yet has none. Only its shape is trusted: access is proven by acting as the user.
    gadgetConfiguration: z.object({ projectKey: z.string().regex(PROJECT_KEY).optional() }).loose().optional(),
  })
  .loose();

export interface CallContext {
  readonly accountId: string;
  readonly projectKey?: string;
  readonly issueKey?: string;
  readonly moduleKey?: string;
}

/** Read the resolver request's context; throws AppError when there is no user or the context is malformed. */
export function callContext(context: Record<string, unknown> | undefined): CallContext {
  const accountId = context?.accountId;
  if (typeof accountId !== 'string' || accountId === '') {
    throw new AppError('FORBIDDEN', 'Interrupt Budget needs a signed-in Jira user. Sign in and reload the page.');
  }
  const extension = extensionSchema.safeParse(context?.extension ?? {});
  if (!extension.success) throw new AppError('VALIDATION', 'Jira sent a page context the app does not recognise. Reload the page.');
  const issueKey = extension.data.issue?.key;
  const projectKey = extension.data.project?.key ?? (issueKey ? issueKey.slice(0, issueKey.lastIndexOf('-')) : undefined) ?? extension.data.gadgetConfiguration?.projectKey;
  const moduleKey = typeof context?.moduleKey === 'string' ? context.moduleKey : undefined;
  return { accountId, ...(projectKey ? { projectKey } : {}), ...(issueKey ? { issueKey } : {}), ...(moduleKey ? { moduleKey } : {}) };
}

export function requireProject(ctx: CallContext): string {
  if (!ctx.projectKey) throw new AppError('VALIDATION', 'Open Interrupt Budget from a Jira project.');
  return ctx.projectKey;
}

export function requireIssue(ctx: CallContext): string {
  if (!ctx.issueKey) throw new AppError('VALIDATION', 'Open Interrupt Budget from a Jira issue.');
  return ctx.issueKey;
}
