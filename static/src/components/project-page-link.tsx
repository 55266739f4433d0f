/**
 * A link to this app's project page (the dashboard) of a project. Forge forms the page's URL as
 * `/jira/software/projects/{projectKey}/apps/{appId}/{envId}`; the app and environment ids come from
 * the module's `localId` (`ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`), as in
 * settings-link.tsx. Inside Jira a plain click goes through the bridge's router (a gadget's frame
 * cannot navigate Jira itself); without a parsable `localId` the place is named in words.
 */
import { router, type FullContext } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';

export function projectPageUrl(context: Pick<FullContext, 'localId' | 'siteUrl'>, projectKey: string): string | undefined {
  const match = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\//.exec(context.localId ?? '');
  if (!match || !context.siteUrl) return undefined;
  return `${context.siteUrl.replace(/\/+$/, '')}/jira/software/projects/${encodeURIComponent(projectKey)}/apps/${match[1]}/${match[2]}`;
}

export function ProjectPageLink({ context, projectKey, testId, children }: { context: FullContext; projectKey: string; testId: string; children: ReactNode }) {
  const href = projectPageUrl(context, projectKey);
  if (!href) return <>{children}</>;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void router.navigate(href).catch(() => window.open(href, '_top'));
  };
  return (
    <a href={href} onClick={open} target="_top" data-testid={testId}>
      {children}
    </a>
  );
}
