/**
 * A link to this app's project page (the dashboard), where the team's lists live: the panel names
 * counts only (which tickets are in progress is the dashboard's list, filtered per viewer there).
 * Forge forms the page's URL as `/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}`;
 * the app and environment ids come from the module's `localId` (jira-link.tsx), the project type from
 * the context (`software` when it does not say); without a parsable `localId` the place is named in words.
 */
import type { FullContext } from '@forge/bridge';
import type { ReactNode } from 'react';
import { appIds, JiraLink, siteLink } from './jira-link';

export function projectPageUrl(context: Pick<FullContext, 'localId' | 'siteUrl' | 'extension'>, projectKey: string): string | undefined {
  const ids = appIds(context);
  const project = (context.extension as { project?: { type?: unknown } } | undefined)?.project;
  const type = typeof project?.type === 'string' && /^[a-z_-]+$/.test(project.type) ? project.type : 'software';
  return ids && siteLink(context, `/jira/${type}/projects/${encodeURIComponent(projectKey)}/apps/${ids.appId}/${ids.envId}`);
}

export function ProjectPageLink({ context, projectKey, testId, children }: { context: FullContext; projectKey: string; testId: string; children: ReactNode }) {
  const href = projectPageUrl(context, projectKey);
  if (!href) return <>{children} (on the project page, under Interrupt Budget)</>;
  return (
    <JiraLink href={href} testId={testId}>
      {children}
    </JiraLink>
  );
}
