/**
 * The product owner's choice: three outcome buttons (the policy's verdict chosen first, or — when a
 * decision is applied — that decision, behind "Change…"), an override
 * reason that appears — and is required — when the choice differs from the verdict, what applying
 * will do, and the Apply button. Nothing is written until Apply; a blank override reason keeps Apply
 * disabled, and the resolver checks it again.
 */
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { resolver } from '../../api/resolver';
import { ErrorMessage } from '../../components/status';
import type { ResolverError } from '../../../../src/contract';
import type { ApplyDecisionResult, OutcomePreview, PanelView } from '../../../../src/contract/panel';
import { MAX_REASON_LENGTH, OUTCOMES, type Outcome } from '../../../../src/contract/domain';
import { ApplyPreview } from './apply-preview';
import { initialNeedsInfo, needsInfoProblem, type NeedsInfoChoice } from './needs-info-choice';

/** Loaded once needs-info is chosen: its checkboxes are not in the panel's first paint. */
const NeedsInfoOptions = lazy(() => import('./needs-info-options'));
import { OUTCOME_LABEL, OUTCOME_MEANING } from './format';
import { cardStyle, headingStyle, rowStyle, subtleText } from './panel-style';
import type { BudgetUpdate } from './use-budget-update';

export interface DecisionFormProps {
  readonly view: PanelView;
  /** Where `panel.budget` is with bringing the view's budget and WIP up to date. */
  readonly budgetUpdate: BudgetUpdate;
  readonly me?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** The last apply left steps undone: show the choices (and Apply) rather than only the applied state. */
  readonly unfinished?: boolean;
  readonly onApplied: (result: ApplyDecisionResult) => void;
  /** Applying was refused or failed (shown in place, and reported as a Jira flag by the panel). */
  readonly onFailed: (error: ResolverError) => void;
  /** A link to the dashboard's list of support tickets in progress (the WIP notice's). */
  readonly wipListLink?: ReactNode;
}

export function DecisionForm({ view, budgetUpdate, me, locale, timeZone, unfinished = false, onApplied, onFailed, wipListLink }: DecisionFormProps) {
  const verdict = view.verdict.outcome;
  const current = view.decision;
  // Changing a decision starts from the decision in force (and its reason), not the policy's
  // outcome: an override must not be one click from being reversed (issue 12, item 6).
  const [outcome, setOutcome] = useState<Outcome>(current?.outcome ?? verdict);
  const [reason, setReason] = useState(current?.reason ?? '');
  // With a decision applied, the panel shows its applied state; the choices open on request.
  // Open after an apply that did not finish, so "apply the decision again" is one click.
  const [open, setOpen] = useState(current === null || unfinished);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [info, setInfo] = useState<NeedsInfoChoice>(() => initialNeedsInfo(view));

  const override = outcome !== verdict;
  const asking = outcome === 'needs-info';
  const infoProblem = asking ? needsInfoProblem(info) : null;
  const reasonMissing = override && reason.trim() === '';
  const tooLong = reason.trim().length > MAX_REASON_LENGTH;
  const reasonError = error?.code === 'VALIDATION' ? error.fields?.reason : undefined;

  async function apply(): Promise<void> {
    if (applying || reasonMissing || tooLong || infoProblem) return;
    setApplying(true);
    setError(null);
    const trimmed = reason.trim();
    // The decision this choice was made against: apply refuses (CONFLICT) when someone decided in between.
    const basedOn = view.decision ? { decidedAt: view.decision.decidedAt, outcome: view.decision.outcome } : null;
    // Needs info (issue 12, item 4): the request as edited, and the label, as chosen here.
    const asked = asking ? { comment: info.comment, label: info.label, ...(info.comment ? { request: info.request.trim() } : {}) } : {};
    const envelope = await resolver.panel.applyDecision({ outcome, basedOn, ...(override && trimmed !== '' ? { reason: trimmed } : {}), ...asked });
    setApplying(false);
    if (envelope.ok) onApplied(envelope.data);
    else {
      setError(envelope.error);
      onFailed(envelope.error);
    }
  }

  function choose(next: Outcome): void {
    setOutcome(next);
    setError(null);
  }

  if (!open) {
    return (
      <section aria-labelledby="ib-decide-heading" style={cardStyle}>
        <div style={{ ...rowStyle, justifyContent: 'space-between' }}>
          <h3 id="ib-decide-heading" style={headingStyle}>
            Change the decision
          </h3>
          <Button aria-expanded={false} onClick={() => setOpen(true)}>
            Change…
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="ib-decide-heading" style={cardStyle}>
      <h3 id="ib-decide-heading" style={headingStyle}>
        {current ? 'Change the decision' : 'Decide'}
      </h3>
      <div role="group" aria-labelledby="ib-decide-heading" style={rowStyle}>
        {OUTCOMES.map((candidate) => (
          <Button
            key={candidate}
            appearance={candidate === outcome ? 'primary' : 'default'}
            aria-pressed={candidate === outcome}
            isDisabled={applying}
            onClick={() => choose(candidate)}
          >
            {OUTCOME_LABEL[candidate]}
          </Button>
        ))}
      </div>
      <p style={subtleText} aria-live="polite">
        {OUTCOME_MEANING[outcome]} {override ? `The policy says ${OUTCOME_LABEL[verdict].toLowerCase()}: this is an override.` : 'This follows the policy.'}
      </p>
      {override ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
          <label htmlFor="ib-override-reason" style={{ fontWeight: 600, font: token('font.body.small'), color: token('color.text.subtle') }}>
            Reason for overriding the policy (required)
          </label>
          <TextArea
            id="ib-override-reason"
            name="reason"
            value={reason}
            isRequired
            isInvalid={Boolean(reasonError) || tooLong}
            minimumRows={2}
            maxHeight="12rem"
            resize="vertical"
            aria-describedby="ib-override-help"
            placeholder="Why does this ticket not follow the policy?"
            onChange={(event) => setReason(event.target.value)}
          />
          <span id="ib-override-help" style={{ ...subtleText, color: reasonError || tooLong ? token('color.text.danger') : token('color.text.subtle') }}>
            {reasonError ??
              (tooLong
                ? `Shorten the reason to at most ${MAX_REASON_LENGTH} characters.`
                : 'The retrospective reads these to see where the policy and the team disagree.')}
          </span>
        </div>
      ) : null}
      {asking ? (
        <Suspense fallback={<p style={subtleText}>Loading what to ask the reporter…</p>}>
          <NeedsInfoOptions view={view} choice={info} onChange={setInfo} me={me} disabled={applying} />
        </Suspense>
      ) : null}
      <ApplyPreview view={view} preview={asking ? withChoice(view.previews[outcome], info) : view.previews[outcome]} budgetUpdate={budgetUpdate} me={me} locale={locale} timeZone={timeZone} wipListLink={wipListLink} />
      {error && !reasonError ? <ErrorMessage error={error} onRetry={error.code === 'VALIDATION' ? undefined : () => void apply()} /> : null}
      <div style={rowStyle}>
        <Button appearance="primary" isDisabled={reasonMissing || tooLong || infoProblem !== null} isLoading={applying} onClick={() => void apply()}>
          {`Apply: ${OUTCOME_LABEL[outcome].toLowerCase()}`}
        </Button>
        {reasonMissing ? <span style={subtleText}>Give a reason to apply an override.</span> : null}
      </div>
    </section>
  );
}

/** The planned steps as the needs-info choices make them: no comment step without the comment, no label step without the label. */
function withChoice(preview: OutcomePreview, info: NeedsInfoChoice): OutcomePreview {
  const steps = preview.steps.filter((s) => (s.step === 'comment' ? info.comment : s.step === 'labels' ? info.label : true));
  return { ...preview, comment: info.comment, labels: info.label ? preview.labels : { add: [], remove: [] }, steps };
}
