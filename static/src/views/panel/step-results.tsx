/** After applying: the overall sentence and what happened at each step (done, skipped, failed, with the message). */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ApplyDecisionResult, StepResult } from '../../../../src/contract/panel';
import { OUTCOME_LABEL, RESULT_STATUS_LABEL, STEP_LABEL } from './format';
import { listStyle, rowStyle } from './panel-style';

const STATUS_LOOK: Record<StepResult['status'], ThemeAppearance> = { done: 'success', skipped: 'default', failed: 'removed' };

export function StepResults({ result }: { result: ApplyDecisionResult }) {
  return (
    <div role="status" aria-live="polite">
      <SectionMessage
        appearance={result.complete ? 'success' : 'warning'}
        title={result.complete ? `Applied: ${OUTCOME_LABEL[result.decision.outcome].toLowerCase()}` : 'Applied in part'}
      >
        <p>{result.message}</p>
        <ol aria-label="Step results" style={{ ...listStyle, listStyle: 'none', paddingInlineStart: 0, marginTop: token('space.100') }}>
          {result.steps.map((step) => (
            <li key={step.step} style={{ ...rowStyle, flexWrap: 'nowrap', alignItems: 'baseline' }}>
              <span style={{ flex: '0 0 4.25rem' }}>
                <Lozenge appearance={STATUS_LOOK[step.status]}>{RESULT_STATUS_LABEL[step.status]}</Lozenge>
              </span>
              <span>
                <span style={{ fontWeight: 600 }}>{STEP_LABEL[step.step]}:</span> {step.message}
              </span>
            </li>
          ))}
        </ol>
      </SectionMessage>
    </div>
  );
}
