/** The policy's verdict with the reasons and the rule, and what has been decided (or suggested) so far. */
import Lozenge from '@atlaskit/lozenge';
import type { PanelView } from '../../../../src/contract/panel';
import { OutcomeLozenge } from '../../components/outcome';
import { Person } from '../../components/person';
import { formatInstant, OUTCOME_LABEL } from './format';
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
      <p style={subtleText}>
        {verdict.ruleName ? `Rule “${verdict.ruleName}”` : 'No rule matched: the policy’s default outcome'} · policy version {verdict.policyVersion}
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

export function DecisionRecord({ view, me, locale, timeZone }: { view: PanelView; me?: string; locale?: string; timeZone?: string }) {
  const { decision, suggestion, verdict } = view;
  if (decision) {
    const changed = decision.policyOutcome !== verdict.outcome;
    return (
      <section aria-labelledby="ib-decision-heading" style={cardStyle}>
        <div style={rowStyle}>
          <h3 id="ib-decision-heading" style={headingStyle}>
            Decision
          </h3>
          <OutcomeLozenge outcome={decision.outcome} />
          {decision.override ? <Lozenge appearance="moved">Override</Lozenge> : null}
        </div>
        <dl style={factsStyle}>
          <dt style={termStyle}>Decided by</dt>
          <dd style={valueStyle} data-testid="decided-by">
            <Person accountId={decision.decidedBy} viewer={me} size="xxsmall" />
          </dd>
          <dt style={termStyle}>When</dt>
          <dd style={valueStyle}>{formatInstant(decision.decidedAt, locale, timeZone)}</dd>
          <dt style={termStyle}>Policy</dt>
          <dd style={valueStyle}>
            version {decision.policyVersion}, which said {OUTCOME_LABEL[decision.policyOutcome].toLowerCase()}
          </dd>
          {decision.reason ? (
            <>
              <dt style={termStyle}>Reason</dt>
              <dd style={valueStyle}><bdi>{decision.reason}</bdi></dd>
            </>
          ) : null}
        </dl>
        {changed ? (
          <p style={subtleText}>
            The policy has changed since: it now says {OUTCOME_LABEL[verdict.outcome].toLowerCase()}.
          </p>
        ) : null}
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
          When the ticket arrived, the policy (version {suggestion.policyVersion}) suggested <strong>{OUTCOME_LABEL[suggestion.outcome].toLowerCase()}</strong>
          {' '}on {formatInstant(suggestion.evaluatedAt, locale, timeZone)}.
        </p>
      ) : (
        <p style={{ margin: 0 }}>No one has triaged this ticket yet.</p>
      )}
    </section>
  );
}
