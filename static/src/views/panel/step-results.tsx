/**
 * After applying: the overall sentence, what happened at each step (done, skipped, failed, with the
 * message) and, when Jira could not be asked to refresh its issue view, that a reload shows the change.
 */
import { type ThemeAppearance } from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ApplyDecisionResult, StepResult } from '../../../../src/contract/panel';
import { OUTCOME_LABEL, RESULT_STATUS_LABEL } from './format';
import { StepList } from './step-list';

const STATUS_LOOK: Record<StepResult['status'], ThemeAppearance> = { done: 'success', skipped: 'default', failed: 'removed' };

export function StepResults({ result, reloadNote }: { result: ApplyDecisionResult; reloadNote?: string | null }) {
  return (
    <div role="status" aria-live="polite">
      <SectionMessage
        appearance={result.complete ? 'success' : 'warning'}
        title={result.complete ? `Applied: ${OUTCOME_LABEL[result.decision.outcome].toLowerCase()}` : 'Applied in part'}
      >
        <p>{result.message}</p>
        <StepList
          label="Step results"
          style={{ marginTop: token('space.100') }}
          lines={result.steps.map((step) => ({ step: step.step, look: STATUS_LOOK[step.status], status: RESULT_STATUS_LABEL[step.status], message: step.message }))}
        />
        {reloadNote ? (
          <p data-testid="reload-note" style={{ marginTop: token('space.100') }}>
            {reloadNote}
          </p>
        ) : null}
      </SectionMessage>
    </div>
  );
}
