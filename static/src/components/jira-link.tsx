/**
 * Links from the app's frame to a page of Jira, and the one rule for forming an app page's URL.
 *
 * Forge forms an app page's URL from the app and environment ids, which the module's `localId`
 * carries (`ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`). Inside Jira a plain
 * click goes through the bridge's router (an iframe — a gadget's especially — cannot navigate Jira
 * itself); a modified click (new tab) keeps the browser's behaviour.
 */
import { router, type FullContext } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';

/** The app and environment ids of the module, or undefined when `localId` is not a Forge extension id. */
export function appIds(context: Pick<FullContext, 'localId'>): { readonly appId: string; readonly envId: string } | undefined {
  const match = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\//.exec(context.localId ?? '');
  return match?.[1] && match[2] ? { appId: match[1], envId: match[2] } : undefined;
}

/** `siteUrl` + path, or undefined without a site URL. */
export function siteLink(context: Pick<FullContext, 'siteUrl'>, path: string): string | undefined {
  return context.siteUrl ? `${context.siteUrl.replace(/\/+$/, '')}${path}` : undefined;
}

/** An anchor to a Jira page that opens through the bridge's router. */
export function JiraLink({ href, testId, children }: { href: string; testId: string; children: ReactNode }) {
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
