/**
 * A link to this app's project page (the dashboard), where the team's lists live: the panel names
 * counts only (which tickets are in progress is the dashboard's list, filtered per viewer there).
 * Forge forms the page's URL as `/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}`;
 * the app and environment ids come from the module's `localId`, the project type from the context
 * (`software` when it does not say). Inside Jira a plain click goes through the bridge's router;
 * without a parsable `localId` the place is named in words.
 */
import { router, type FullContext } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';

export function projectPageUrl(context: Pick<FullContext, 'localId' | 'siteUrl' | 'extension'>, projectKey: string): string | undefined {
  const match = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\//.exec(context.localId ?? '');
  if (!match || !context.siteUrl) return undefined;
  const project = (context.extension as { project?: { type?: unknown } } | undefined)?.project;
  const type = typeof project?.type === 'string' && /^[a-z_-]+$/.test(project.type) ? project.type : 'software';
  return `${context.siteUrl.replace(/\/+$/, '')}/jira/${type}/projects/${encodeURIComponent(projectKey)}/apps/${match[1]}/${match[2]}`;
}

export function ProjectPageLink({ context, projectKey, testId, children }: { context: FullContext; projectKey: string; testId: string; children: ReactNode }) {
  const href = projectPageUrl(context, projectKey);
  if (!href) return <>{children} (on the project page, under Interrupt Budget)</>;
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
