/**
 * While nobody has set the project up, the dashboard says its numbers come from the defaults (an
 * assumed team), instead of presenting them as the team's, and who sets the team up where (a link
 * to the project's Interrupt Budget settings, which Jira opens to project admins).
 */
import SectionMessage from '@atlaskit/section-message';
import { router, type FullContext } from '@forge/bridge';
import type { MouseEvent } from 'react';
import type { DashboardView } from '../../../../src/contract';

/**
 * The project settings page of this app (Forge: `/jira/software/projects/{projectKey}/settings/apps/{appId}/{envId}`),
 * from the module's `localId` (`ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`); none when it does not parse.
 */
export function settingsPageUrl(context: Pick<FullContext, 'localId' | 'siteUrl'>, projectKey: string): string | undefined {
  const match = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\//.exec(context.localId ?? '');
  if (!match || !context.siteUrl) return undefined;
  return `${context.siteUrl.replace(/\/+$/, '')}/jira/software/projects/${encodeURIComponent(projectKey)}/settings/apps/${match[1]}/${match[2]}`;
}

export function DefaultSettingsNotice({ view, context }: { view: DashboardView; context: FullContext }) {
  const { defaults } = view;
  if (!defaults) return null;
  const href = settingsPageUrl(context, view.projectKey);
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!href || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void router.navigate(href).catch(() => window.open(href, '_top'));
  };
  return (
    <div data-testid="default-settings">
      <SectionMessage appearance="warning" title="Default settings — the team is not set up yet">
        <p>
          These numbers assume a team of {defaults.teamSize} people × {defaults.focusHoursPerDay} focus hours a day and a {defaults.allocationPct} % support allocation.{' '}
          A project admin sets the team up in{' '}
          {href ? (
            <a href={href} onClick={open} target="_top" data-testid="set-up-team">
              Project settings → Interrupt Budget
            </a>
          ) : (
            'Project settings → Interrupt Budget'
          )}
          .
        </p>
      </SectionMessage>
    </div>
  );
}
