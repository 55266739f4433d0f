/**
 * While nobody has set the project up, the dashboard says its numbers come from the defaults (an
 * assumed team), instead of presenting them as the team's, and who sets the team up where (a link
 * to the project's Interrupt Budget settings, which Jira opens to project admins).
 */
import SectionMessage from '@atlaskit/section-message';
import type { FullContext } from '@forge/bridge';
import { SettingsLink } from '../../components/settings-link';
import type { DashboardView } from '../../../../src/contract';

export function DefaultSettingsNotice({ view, context }: { view: DashboardView; context: FullContext }) {
  const { defaults } = view;
  if (!defaults) return null;
  return (
    <div data-testid="default-settings">
      <SectionMessage appearance="warning" title="Default settings — the team is not set up yet">
        <p>
          These numbers assume a team of {defaults.teamSize} people × {defaults.focusHoursPerDay} focus hours a day and a {defaults.allocationPct} % support allocation. A
          project admin sets the team up in <SettingsLink context={context} projectKey={view.projectKey} testId="set-up-team" />.
        </p>
      </SectionMessage>
    </div>
  );
}
