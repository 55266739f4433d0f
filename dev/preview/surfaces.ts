/**
 * The preview's pages and the Forge context each one gets, built on the server the way Forge builds
 * it: `/panel/<ISSUE-KEY>`, `/context/<ISSUE-KEY>`, `/dashboard/<PROJECT>`, `/settings/<PROJECT>`, and the
 * dashboard gadget: `/gadget/<PROJECT>` (configured for that project), `/gadget` (not configured yet)
 * and `/gadget/<PROJECT>/edit` or `/gadget/edit` (its edit mode, which Jira opens with
 * `extension.entryPoint: 'edit'`; the saved configuration comes as `extension.gadgetConfiguration`).
 */
export interface Surface {
  readonly moduleKey: 'triage-panel' | 'triage-context' | 'budget-dashboard' | 'budget-settings' | 'budget-gadget';
  readonly extension: Record<string, unknown>;
}

const ISSUE = /^\/(panel|context)\/([A-Z][A-Z0-9_]*)-(\d+)\/?$/;
const PROJECT = /^\/(dashboard|settings)\/([A-Z][A-Z0-9_]*)\/?$/;
const GADGET = /^\/gadget(?:\/([A-Z][A-Z0-9_]*))?(\/edit)?\/?$/;

/** The gadget's ids as Jira gives them (one gadget on one dashboard in the preview). */
const GADGET_IDS = { gadget: { id: 'preview-gadget-1' }, dashboard: { id: '10000' } };

export function surfaceFor(pathname: string): Surface | undefined {
  const issue = ISSUE.exec(pathname);
  if (issue) {
    const [, kind, project, number] = issue;
    const key = `${project}-${number}`;
    return kind === 'panel'
      ? { moduleKey: 'triage-panel', extension: { type: 'jira:issuePanel', issue: { key }, project: { key: project } } }
      : { moduleKey: 'triage-context', extension: { type: 'jira:issueContext', issue: { key }, project: { key: project } } };
  }
  const page = PROJECT.exec(pathname);
  if (page) {
    const [, kind, project] = page;
    return kind === 'dashboard'
      ? { moduleKey: 'budget-dashboard', extension: { type: 'jira:projectPage', project: { key: project } } }
      : { moduleKey: 'budget-settings', extension: { type: 'jira:projectSettingsPage', project: { key: project } } };
  }
  const gadget = GADGET.exec(pathname);
  if (gadget) {
    const [, project, edit] = gadget;
    return {
      moduleKey: 'budget-gadget',
      extension: { type: 'jira:dashboardGadget', ...GADGET_IDS, gadgetConfiguration: project ? { projectKey: project } : {}, ...(edit ? { entryPoint: 'edit' } : {}) },
    };
  }
  return undefined;
}

export const PREVIEW_USERS = ['admin', 'po', 'dev', 'outsider'] as const;
export type PreviewUser = (typeof PREVIEW_USERS)[number];

export function previewUser(value: string | null | undefined): PreviewUser {
  return (PREVIEW_USERS as readonly string[]).includes(value ?? '') ? (value as PreviewUser) : 'po';
}
