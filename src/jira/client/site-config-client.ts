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
 * A field's options outside a create screen (its contexts' options) are not read: Jira lists them only
 * with `manage:jira-configuration`, a scope a triage app should not ask every site for.
 */
import { z } from 'zod';
import { route } from '../../forge/route';
import type { JiraHttp } from '../jira-http';

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
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
