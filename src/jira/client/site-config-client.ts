/**
 * What the settings page's pickers offer, in the site's own words (issue 12, item 7): the priorities a
 * project uses in its scheme's order, the project's type, issue types and components, and the options
 * of the Severity select field. An admin then picks names Jira has rather than typing them (a typo
 * never matches a ticket).
 *
 * Priorities come from the create metadata of one of the project's issue types
 * (`getCreateIssueMetaIssueTypeId`): its `priority` field lists the project's priority scheme in order,
 * and the same answer lists the allowed values of every select field on that create screen — the
 * Severity field's options in the project's own context, at no extra cost and with only Create issues
 * (which a project admin has). `GET /priority/search`, the obvious call, is marked removed in
 * Atlassian's spec (CHANGE-1655), and `GET /priority` since 2023.
 *
 * When the Severity field is not on that create screen, its options need two more calls: which field
 * context applies to the project (`getProjectContextMapping`) and that context's options. Both need
 * Administer Jira; for anyone else Jira answers 403 and `severityOptions` says so (`forbidden`)
 * instead of failing the settings page.
 */
import { z } from 'zod';
import { route } from '../../forge/route';
import { JiraError } from '../errors';
import type { JiraHttp } from '../jira-http';

const pageOf = <T extends z.ZodType>(value: T) =>
  z.object({ values: z.array(value).default([]), isLast: z.boolean().optional(), total: z.number().optional() }).loose();

const allowedValueSchema = z.object({ id: z.string().optional(), name: z.string().optional(), value: z.string().optional(), iconUrl: z.string().optional(), disabled: z.boolean().optional() }).loose();
const createMetaSchema = z
  .object({ fields: z.array(z.object({ fieldId: z.string(), allowedValues: z.array(allowedValueSchema).optional() }).loose()).default([]) })
  .loose();

const projectSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    projectTypeKey: z.string().optional(),
    simplified: z.boolean().optional(),
    style: z.string().optional(),
    issueTypes: z.array(z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() }).loose()).default([]),
    components: z.array(z.object({ id: z.string().optional(), name: z.string() }).loose()).default([]),
  })
  .loose();

const contextMappingSchema = z.object({ contextId: z.string(), projectId: z.string().optional(), isGlobalContext: z.boolean().optional() }).loose();
const optionSchema = z.object({ id: z.string(), value: z.string(), disabled: z.boolean().optional(), optionId: z.string().optional() }).loose();

export interface SitePriority {
  readonly id: string;
  readonly name: string;
  readonly iconUrl?: string;
}

export interface SiteProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  /** `software`, `service_desk` (Jira Service Management) or `business`. */
  readonly projectTypeKey?: string;
  /** Team-managed (Jira's `simplified`, style `next-gen`). */
  readonly teamManaged: boolean;
  /** Issue types of the project, sub-tasks left out (a support ticket is never one). */
  readonly issueTypes: readonly { readonly id: string; readonly name: string }[];
  readonly components: readonly string[];
}

export interface CreateMeta {
  readonly priorities: readonly SitePriority[];
  readonly selectOptions: ReadonlyMap<string, readonly string[]>;
}

export type SeverityOptions = { readonly kind: 'options'; readonly values: readonly string[] } | { readonly kind: 'forbidden' } | { readonly kind: 'no-context' };

/** Priorities and options per page: more than any site has, so one page is the whole list. */
const PAGE = 100;

export class SiteConfigClient {
  constructor(private readonly http: JiraHttp) {}

  /**
   * From the create screen of one issue type: the project's priorities in its scheme's order (highest
   * first), and the enabled options of each select field on that screen by field id.
   */
  async createMeta(projectKey: string, issueTypeId: string): Promise<CreateMeta> {
    const page = await this.http.json(
      'getCreateIssueMetaIssueTypeId',
      { method: 'GET', route: route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes/${issueTypeId}?maxResults=${PAGE}` },
      createMetaSchema,
    );
    const priorities: SitePriority[] = [];
    const selectOptions = new Map<string, string[]>();
    for (const field of page.fields) {
      const values = field.allowedValues ?? [];
      if (field.fieldId === 'priority') {
        for (const v of values) if (v.id && v.name) priorities.push({ id: v.id, name: v.name, ...(v.iconUrl ? { iconUrl: v.iconUrl } : {}) });
      } else if (values.length > 0) {
        selectOptions.set(field.fieldId, unique(values.flatMap((v) => (v.disabled !== true && v.value !== undefined ? [v.value] : []))));
      }
    }
    return { priorities, selectOptions };
  }

  async project(projectKey: string): Promise<SiteProject> {
    const p = await this.http.json('getProject', { method: 'GET', route: route`/rest/api/3/project/${projectKey}` }, projectSchema);
    return {
      id: p.id,
      key: p.key,
      name: p.name,
      ...(p.projectTypeKey ? { projectTypeKey: p.projectTypeKey } : {}),
      teamManaged: p.simplified === true || p.style === 'next-gen',
      issueTypes: p.issueTypes.filter((t) => t.subtask !== true).map((t) => ({ id: t.id, name: t.name })),
      components: unique(p.components.map((c) => c.name)),
    };
  }

  /** The enabled options of a select field in the context that applies to the project, in Jira's order. */
  async severityOptions(fieldId: string, projectId: string): Promise<SeverityOptions> {
    try {
      const mappings = await this.http.json('getProjectContextMapping', { method: 'GET', route: route`/rest/api/3/field/${fieldId}/context/projectmapping?maxResults=${PAGE}` }, pageOf(contextMappingSchema));
      const context = mappings.values.find((m) => m.projectId === projectId) ?? mappings.values.find((m) => m.isGlobalContext === true);
      if (!context) return { kind: 'no-context' };
      const options = await this.http.json(
        'getOptionsForContext',
        { method: 'GET', route: route`/rest/api/3/field/${fieldId}/context/${context.contextId}/option?onlyOptions=true&maxResults=${PAGE}` },
        pageOf(optionSchema),
      );
      return { kind: 'options', values: unique(options.values.filter((o) => o.disabled !== true && o.optionId === undefined).map((o) => o.value)) };
    } catch (error) {
      if (error instanceof JiraError && error.kind === 'Forbidden') return { kind: 'forbidden' };
      throw error;
    }
  }
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
