/**
 * Shown instead of a verdict when the interrupt policy does not apply to the ticket: it is not a
 * support ticket (with the way to widen the support filter: a link for a project admin, whom Jira
 * lets open the settings page; "ask a project admin" for everyone else), or it is done. Nothing to apply.
 */
import SectionMessage from '@atlaskit/section-message';
import type { FullContext } from '@forge/bridge';
import { SettingsLink } from '../../components/settings-link';
import type { PanelScope } from '../../../../src/contract/panel';

const TITLE = { 'not-support': 'Not a support ticket', done: 'Nothing to triage' } as const;

export function ScopeNotice({ scope, context, projectKey, canAdminister }: { scope: Extract<PanelScope, { applies: false }>; context: FullContext; projectKey: string; canAdminister: boolean }) {
  return (
    <div data-testid="scope-notice">
      <SectionMessage appearance="information" title={TITLE[scope.why]}>
        <p>{scope.reason}</p>
        {scope.why === 'not-support' && canAdminister ? (
          <p>
            If tickets like this one are support work, widen the support filter in{' '}
            <SettingsLink context={context} projectKey={projectKey} testId="widen-filter" />.
          </p>
        ) : null}
        {scope.why === 'not-support' && !canAdminister ? <p>If tickets like this one are support work, ask a project admin to widen the support filter.</p> : null}
      </SectionMessage>
    </div>
  );
}
