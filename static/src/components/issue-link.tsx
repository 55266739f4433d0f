/**
 * A link to a Jira issue. Inside Jira the app runs in an iframe, so a plain click goes through the
 * bridge's router (Jira navigates its own page); the href stays real for copy, middle-click and
 * screen readers.
 */
import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';

export function issueUrl(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
}

export function IssueLink({ siteUrl, issueKey }: { siteUrl: string; issueKey: string }) {
  const href = issueUrl(siteUrl, issueKey);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void router.navigate(href).catch(() => window.open(href, '_blank', 'noopener'));
  };
  return (
    <a href={href} onClick={onClick} target="_top" rel="noopener" data-issue-key={issueKey}>
      {issueKey}
    </a>
  );
}
