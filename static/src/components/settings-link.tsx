/**
 * A link to this app's project settings page, which Jira opens to project admins. Forge forms the
 * page's URL as `/jira/software/projects/{projectKey}/settings/apps/{appId}/{envId}`; the app and
 * environment ids come from the module's `localId`
 * (jira-link.tsx); without a parsable `localId` the place is named in words.
 */
import type { FullContext } from '@forge/bridge';
import type { ReactNode } from 'react';
import { appIds, JiraLink, siteLink } from './jira-link';

export function settingsPageUrl(context: Pick<FullContext, 'localId' | 'siteUrl'>, projectKey: string): string | undefined {
  const ids = appIds(context);
  return ids && siteLink(context, `/jira/software/projects/${encodeURIComponent(projectKey)}/settings/apps/${ids.appId}/${ids.envId}`);
}

export function SettingsLink({ context, projectKey, testId, children = 'Project settings → Interrupt Budget' }: { context: FullContext; projectKey: string; testId: string; children?: ReactNode }) {
  const href = settingsPageUrl(context, projectKey);
  if (!href) return <>{children}</>;
  return (
    <JiraLink href={href} testId={testId}>
      {children}
    </JiraLink>
  );
}
