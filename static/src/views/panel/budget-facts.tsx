/**
 * The budget row of "what applying will do": what would remain of the sprint's support budget after
 * pulling this ticket in. While `panel.budget` brings the numbers up to date it shows the stored ones
 * marked "as of" with an "Updating…" indicator (or, with none stored, a loading line); a failed update
 * says why in place, with Retry, and leaves the rest of the panel as it is.
 */
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { PanelBudget, PanelView } from '../../../../src/contract/panel';
import { formatAmount, formatAsOf } from './format';
import { listStyle, rowStyle, subtleText, termStyle, valueStyle } from './panel-style';
import type { BudgetUpdate } from './use-budget-update';

const lineStyle: CSSProperties = { display: 'block' };
const statusStyle: CSSProperties = { ...rowStyle, ...subtleText, alignItems: 'baseline', gap: token('space.075') };

export interface BudgetFactsProps {
  readonly view: PanelView;
  readonly update: BudgetUpdate;
  readonly locale?: string;
  readonly timeZone?: string;
}

/** No buffer reserved (issue 14, item 5): support so far as a share of capacity; the explanation says what this ticket would add. */
function NoBuffer({ budget }: { budget: PanelBudget }) {
  const share = budget.capacity > 0 ? Math.round((budget.used / budget.capacity) * 1000) / 10 : 0;
  return (
    <span style={lineStyle} data-testid="panel-no-buffer">
      No buffer reserved: support has taken <strong>{formatAmount(budget.used, budget.unit)}</strong> ({share} % of capacity) so far.
    </span>
  );
}

function Remaining({ budget }: { budget: PanelBudget }) {
  if (budget.budgetMode === 'track') return <NoBuffer budget={budget} />;
  const after = budget.remainingAfter;
  if (budget.counted) {
    return (
      <span style={lineStyle}>
        Already counted: {formatAmount(budget.remaining, budget.unit)} of {formatAmount(budget.budget, budget.unit)} left.
      </span>
    );
  }
  if (after === null) {
    return <span style={lineStyle}>Does not count against the budget ({formatAmount(budget.remaining, budget.unit)} left).</span>;
  }
  return (
    <span style={lineStyle}>
      {after < 0 ? <strong>{formatAmount(-after, budget.unit)} over</strong> : <strong>{formatAmount(after, budget.unit)} left</strong>} of{' '}
      {formatAmount(budget.budget, budget.unit)} after this ticket
      {budget.ticketCost?.estimated ? ' (estimated)' : ''}.
    </span>
  );
}

/** A small spinner and a short text, announced politely; `label` is its accessible name. */
function Working({ label, text, style }: { label: string; text: string; style?: CSSProperties }) {
  return (
    <span role="status" aria-label={label} style={{ ...statusStyle, ...style }}>
      <Spinner size="small" />
      <span>{text}</span>
    </span>
  );
}

/** Why the numbers are not up to date — the error, or the answer's notes — with Retry where it can help. */
function NotUpToDate({ sentences, tone, onRetry }: { sentences: readonly string[]; tone: 'danger' | 'warning'; onRetry?: () => void }) {
  return (
    <span style={{ ...rowStyle, alignItems: 'baseline', gap: token('space.100'), marginTop: token('space.050') }}>
      <span role="alert" style={{ display: 'flex', flexDirection: 'column', gap: token('space.025'), color: tone === 'danger' ? token('color.text.danger') : token('color.text.warning') }}>
        {sentences.map((sentence, i) => (
          <span key={i}>{sentence}</span>
        ))}
      </span>
      {onRetry ? (
        <Button spacing="compact" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </span>
  );
}

export function BudgetFacts({ view, update, locale, timeZone }: BudgetFactsProps) {
  const { budget } = view;
  if (!budget && update.state === 'current') return null;
  const updating = update.state === 'updating';
  // An answer without a budget: the stored numbers (if any) stay, marked, with the answer's notes.
  const unmeasured = update.state === 'updated' && update.answer.budget === null;
  const notUpToDate = update.state === 'failed' || unmeasured;
  const asOf = budget && (updating || notUpToDate || budget.stale) ? `As of ${formatAsOf(budget.computedAt, Date.now(), locale, timeZone)}` : null;
  const otherNotes = update.state === 'updated' && !unmeasured ? update.answer.notes : [];
  return (
    <>
      <dt style={termStyle}>Budget</dt>
      <dd style={{ ...valueStyle, display: 'block' }} aria-busy={updating}>
        {budget ? <Remaining budget={budget} /> : null}
        {asOf && !updating ? <span style={{ ...subtleText, display: 'block' }}>{asOf}</span> : null}
        {updating && budget ? <Working label="Updating the sprint’s support budget" text={`${asOf} · Updating…`} /> : null}
        {updating && !budget ? (
          <Working label="Computing the sprint’s support budget" text="Computing the sprint’s support budget…" style={{ font: token('font.body'), display: 'inline-flex' }} />
        ) : null}
        {budget ? <span style={{ ...subtleText, display: 'block' }}>{budget.explanation}</span> : null}
        {update.state === 'failed' ? (
          <NotUpToDate sentences={[update.error.message]} tone="danger" onRetry={update.error.code === 'FORBIDDEN' || update.error.code === 'NOT_FOUND' ? undefined : update.retry} />
        ) : null}
        {unmeasured ? (
          <NotUpToDate
            sentences={update.answer.notes.length > 0 ? update.answer.notes : ['The sprint’s support budget could not be worked out.']}
            tone="warning"
            onRetry={update.retry}
          />
        ) : null}
        {otherNotes.length > 0 ? (
          <ul aria-label="About the budget" style={{ ...listStyle, ...subtleText }}>
            {otherNotes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : null}
      </dd>
    </>
  );
}
