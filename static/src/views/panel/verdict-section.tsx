/**
 * The policy's verdict with the reasons and the rule, and what has been decided (or suggested) so
 * far. A recorded decision reads as its applied state — "Interrupt now · applied by you at 10:42" —
 * not as steps still to do; when today's verdict differs from the recorded one it says which changed,
 * the policy or the ticket (domain/verdict-change.ts), instead of blaming the policy for a clock.
 */
import Lozenge from '@atlaskit/lozenge';
import type { PanelView } from '../../../../src/contract/panel';
import { verdictChangeText } from '../../../../src/contract/domain';
import { OutcomeLozenge } from '../../components/outcome';
import { Person } from '../../components/person';
import { BudgetFacts } from './budget-facts';
import type { BudgetUpdate } from './use-budget-update';
import { formatInstant, formatWhen, OUTCOME_LABEL, policyVersionText } from './format';
import { InfoRequestState } from './info-request-state';
import { cardStyle, factsStyle, headingStyle, listStyle, rowStyle, subtleText, termStyle, valueStyle } from './panel-style';

export function VerdictSection({ view }: { view: PanelView }) {
  const { verdict } = view;
  return (
    <section aria-labelledby="ib-verdict-heading" style={cardStyle}>
      <div style={rowStyle}>
        <h3 id="ib-verdict-heading" style={headingStyle}>
          Policy verdict
        </h3>
        <OutcomeLozenge outcome={verdict.outcome} />
      </div>
      <p style={subtleText} data-testid="verdict-rule">
        {verdict.ruleName ? `Rule “${verdict.ruleName}”` : 'No rule matched: the policy’s default outcome'} · {policyVersionText(verdict.policyVersion)}
      </p>
      {verdict.reasons.length > 0 ? (
        <ul aria-label="Reasons" style={listStyle}>
          {verdict.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "Its SLA breached since: the policy now says interrupt now." — or nothing when the verdict is the same. */
function VerdictChangeNote({ view }: { view: PanelView }) {
  const since = verdictChangeText(view.verdictChange);
  if (since === null) return null;
  return (
    <p style={subtleText} data-testid="verdict-change">
      {since}: the policy now says {OUTCOME_LABEL[view.verdict.outcome].toLowerCase()}.
    </p>
  );
}

export interface DecisionRecordProps {
  readonly view: PanelView;
  /** Where `panel.budget` is: an applied decision shows what is left of the budget now. */
  readonly budgetUpdate?: BudgetUpdate;
  readonly me?: string;
  readonly locale?: string;
  readonly timeZone?: string;
}

export function DecisionRecord({ view, budgetUpdate, me, locale, timeZone }: DecisionRecordProps) {
  const { decision, suggestion } = view;
  if (decision) {
    // A needs-info ticket whose information arrived says so itself (InfoRequestState), not as a change of verdict.
    const arrived = decision.outcome === 'needs-info' && view.infoRequest.answered.length > 0;
    return (
      <section aria-labelledby="ib-decision-heading" style={cardStyle} data-testid="applied-state">
        <div style={rowStyle}>
          <h3 id="ib-decision-heading" style={headingStyle}>
            Decision
          </h3>
          <OutcomeLozenge outcome={decision.outcome} />
          {decision.override ? <Lozenge appearance="moved">Override</Lozenge> : null}
        </div>
        <p style={{ margin: 0 }} data-testid="applied-line" title={formatInstant(decision.decidedAt, locale, timeZone)}>
          <strong>{OUTCOME_LABEL[decision.outcome]}</strong> · applied by{' '}
          <span data-testid="decided-by">
            <Person accountId={decision.decidedBy} viewer={me} size="xxsmall" />
          </span>{' '}
          {formatWhen(decision.decidedAt, Date.now(), locale, timeZone)}
        </p>
        <dl style={factsStyle}>
          <dt style={termStyle}>Policy</dt>
          <dd style={valueStyle}>
            {policyVersionText(decision.policyVersion)} said {OUTCOME_LABEL[decision.policyOutcome].toLowerCase()}
          </dd>
          {decision.reason ? (
            <>
              <dt style={termStyle}>Reason</dt>
              <dd style={valueStyle}>
                <bdi>{decision.reason}</bdi>
              </dd>
            </>
          ) : null}
          {/* "After this ticket" is about a decision still to make: a ticket with nothing left to triage (done, or outside the support filter) has none, and for a done one from an earlier sprint the active sprint's budget would mislead. */}
          {budgetUpdate && view.scope.applies ? <BudgetFacts view={view} update={budgetUpdate} locale={locale} timeZone={timeZone} /> : null}
        </dl>
        {decision.outcome === 'needs-info' ? <InfoRequestState view={view} me={me} /> : null}
        {arrived ? null : <VerdictChangeNote view={view} />}
      </section>
    );
  }
  return (
    <section aria-labelledby="ib-decision-heading" style={cardStyle}>
      <div style={rowStyle}>
        <h3 id="ib-decision-heading" style={headingStyle}>
          Decision
        </h3>
        <Lozenge>Not decided</Lozenge>
      </div>
      {suggestion ? (
        <p style={{ margin: 0 }}>
          When the ticket arrived, {policyVersionText(suggestion.policyVersion)} suggested <strong>{OUTCOME_LABEL[suggestion.outcome].toLowerCase()}</strong>{' '}
          {formatWhen(suggestion.evaluatedAt, Date.now(), locale, timeZone)}.
        </p>
      ) : (
        <p style={{ margin: 0 }}>No one has triaged this ticket yet.</p>
      )}
      {suggestion ? <VerdictChangeNote view={view} /> : null}
    </section>
  );
}
