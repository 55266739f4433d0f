/**
 * The preview's pages and the Forge context each one gets, built on the server the way Forge builds
 * it: `/panel/<ISSUE-KEY>`, `/dashboard/<PROJECT>`, `/settings/<PROJECT>`.
 */
export interface Surface {
  readonly moduleKey: 'triage-panel' | 'budget-dashboard' | 'budget-settings';
  readonly extension: Record<string, unknown>;
}

const ISSUE = /^\/panel\/([A-Z][A-Z0-9_]*)-(\d+)\/?$/;
const PROJECT = /^\/(dashboard|settings)\/([A-Z][A-Z0-9_]*)\/?$/;

export function surfaceFor(pathname: string): Surface | undefined {
  const issue = ISSUE.exec(pathname);
  if (issue) {
    const [, project, number] = issue;
    return { moduleKey: 'triage-panel', extension: { type: 'jira:issuePanel', issue: { key: `${project}-${number}` }, project: { key: project } } };
  }
  const page = PROJECT.exec(pathname);
  if (page) {
    const [, kind, project] = page;
    return kind === 'dashboard'
      ? { moduleKey: 'budget-dashboard', extension: { type: 'jira:projectPage', project: { key: project } } }
      : { moduleKey: 'budget-settings', extension: { type: 'jira:projectSettingsPage', project: { key: project } } };
  }
  return undefined;
}

export const PREVIEW_USERS = ['admin', 'po', 'dev', 'outsider'] as const;
export type PreviewUser = (typeof PREVIEW_USERS)[number];

export function previewUser(value: string | null | undefined): PreviewUser {
  return (PREVIEW_USERS as readonly string[]).includes(value ?? '') ? (value as PreviewUser) : 'po';
}
