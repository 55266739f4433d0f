/**
 * Shown instead of a verdict when the interrupt policy does not apply to the ticket: it is not a
 * support ticket (with the way an admin widens the support filter), or it is done. Nothing to apply.
 */
import SectionMessage from '@atlaskit/section-message';
import type { FullContext } from '@forge/bridge';
import { SettingsLink } from '../../components/settings-link';
import type { PanelScope } from '../../../../src/contract/panel';

const TITLE = { 'not-support': 'Not a support ticket', done: 'Nothing to triage' } as const;

export function ScopeNotice({ scope, context, projectKey }: { scope: Extract<PanelScope, { applies: false }>; context: FullContext; projectKey: string }) {
  return (
    <div data-testid="scope-notice">
      <SectionMessage appearance="information" title={TITLE[scope.why]}>
        <p>{scope.reason}</p>
        {scope.why === 'not-support' ? (
          <p>
            If tickets like this one are support work, a project admin can widen the support filter in{' '}
            <SettingsLink context={context} projectKey={projectKey} testId="widen-filter" />.
          </p>
        ) : null}
      </SectionMessage>
    </div>
  );
}
