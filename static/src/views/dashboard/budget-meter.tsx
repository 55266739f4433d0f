/**
 * The sprint's support budget at a glance: budget, used, remaining as figures, a meter with the
 * budget mark and the forecast mark, the status lozenge and the forecast in words. A closed sprint
 * reads as a past one: what it had and what it used, with no "remaining" and no forecast.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { DashboardSprint } from '../../../../src/contract';
import { amount, inWords, STATUS_LABEL, unitWord } from './format';
import { SERIES, STATUS_FILL, STATUS_LOZENGE } from './palette';

export function BudgetMeter({ sprint }: { sprint: DashboardSprint }) {
  if (sprint.budgetMode === 'track') return <NoBufferMeter sprint={sprint} />;
  const { budget, used, remaining, unit, status } = sprint;
  const past = sprint.state === 'closed';
  // A closed sprint has no future to forecast: its "forecast" is what it used.
  const forecast = past ? used.total : sprint.forecast;
  const scale = Math.max(budget, used.total, forecast, 1);
  const pct = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  const over = used.total - budget;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <div style={FIGURES}>
        <Figure label="Budget" value={amount(budget)} unit={unitWord(unit, budget)} testId="figure-budget" note={`of ${inWords(sprint.capacity, unit)} capacity`} />
        <Figure label="Used" value={amount(used.total)} unit={unitWord(unit, used.total)} testId="figure-used" note={`${sprint.usedPctOfBudget}% of budget`} />
        {past ? (
          <Figure label={over > 0 ? 'Went over by' : 'Left unused'} value={amount(over > 0 ? over : remaining)} unit={unitWord(unit, over > 0 ? over : remaining)} testId="figure-left" tone={over > 0 ? 'danger' : undefined} />
        ) : (
          <>
            <Figure label={over > 0 ? 'Over by' : 'Remaining'} value={amount(over > 0 ? over : remaining)} unit={unitWord(unit, over > 0 ? over : remaining)} testId="figure-remaining" tone={over > 0 ? 'danger' : undefined} />
            <Figure label="Forecast at sprint end" value={amount(forecast)} unit={unitWord(unit, forecast)} testId="figure-forecast" tone={forecast >= budget && budget > 0 ? 'warning' : undefined} />
          </>
        )}
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <span data-testid="sprint-status">
          <Lozenge appearance={STATUS_LOZENGE[status]} isBold>
            {STATUS_LABEL[status]}
          </Lozenge>
        </span>
        <span style={{ color: token('color.text.subtle') }}>{statusSentence(sprint)}</span>
      </div>
      <div
        role="meter"
        aria-label="Support budget used"
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={Math.min(used.total, budget)}
        aria-valuetext={`${inWords(used.total, unit)} of ${inWords(budget, unit)} used, ${sprint.usedPctOfBudget}%`}
        style={TRACK}
      >
        <div style={{ ...FILL, width: pct(used.total), background: STATUS_FILL[status] }} />
        <div title={`Budget: ${inWords(budget, unit)}`} style={{ ...MARK, left: pct(budget), borderLeft: `2px solid ${SERIES.budget}` }} />
        {forecast > used.total ? <div title={`Forecast: ${inWords(forecast, unit)}`} style={{ ...MARK, left: pct(forecast), borderLeft: `2px dashed ${SERIES.forecast}` }} /> : null}
      </div>
      <div aria-hidden style={LEGEND}>
        <span>
          <Swatch color={STATUS_FILL[status]} /> used
        </span>
        <span>
          <Swatch color={SERIES.budget} line /> budget
        </span>
        {past ? null : (
          <span>
            <Swatch color={SERIES.forecast} line dashed /> forecast
          </span>
        )}
      </div>
    </div>
  );
}

/**
 * "No buffer, show the cost" (issue 14, item 5): no budget to burn down, so support is shown as what
 * it took of the sprint's capacity — so far, and at this pace by the end — with no status and no
 * overflow protocol. Its effect on delivery is the history's comparison below.
 */
function NoBufferMeter({ sprint }: { sprint: DashboardSprint }) {
  const { used, unit, capacity } = sprint;
  const past = sprint.state === 'closed';
  const forecast = past ? used.total : sprint.forecast;
  const scale = Math.max(capacity, used.total, forecast, 1);
  const pct = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  const forecastPct = capacity > 0 ? Math.round((forecast / capacity) * 1000) / 10 : 0;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }} data-testid="no-buffer">
      <div style={FIGURES}>
        <Figure label={past ? 'Support took' : 'Support so far'} value={amount(used.total)} unit={unitWord(unit, used.total)} testId="figure-used" note={`of ${inWords(capacity, unit)} capacity`} />
        <Figure label="Share of capacity" value={String(sprint.sharePctOfCapacity)} unit="%" testId="figure-share" />
        {past ? null : <Figure label="At this pace by the end" value={amount(forecast)} unit={unitWord(unit, forecast)} testId="figure-forecast" note={`${forecastPct}% of capacity`} />}
      </div>
      <div style={{ color: token('color.text.subtle') }} data-testid="no-buffer-sentence">
        No support buffer is reserved: every number is tracked, and what support takes comes out of the sprint's work. The history below shows its effect on delivery.
      </div>
      <div role="meter" aria-label="Support as a share of capacity" aria-valuemin={0} aria-valuemax={capacity} aria-valuenow={Math.min(used.total, capacity)} aria-valuetext={`${inWords(used.total, unit)} of ${inWords(capacity, unit)} capacity, ${sprint.sharePctOfCapacity}%`} style={TRACK}>
        <div style={{ ...FILL, width: pct(used.total), background: STATUS_FILL.ok }} />
        {forecast > used.total ? <div title={`At this pace: ${inWords(forecast, unit)}`} style={{ ...MARK, left: pct(forecast), borderLeft: `2px dashed ${SERIES.forecast}` }} /> : null}
      </div>
    </div>
  );
}

export function statusSentence(sprint: DashboardSprint): string {
  const { status, forecast, budget, unit, used } = sprint;
  if (sprint.state === 'closed') {
    return used.total > budget
      ? `Support used ${inWords(used.total, unit)}, ${inWords(used.total - budget, unit)} more than the budget of ${inWords(budget, unit)}.`
      : `Support used ${inWords(used.total, unit)} of the budget of ${inWords(budget, unit)}.`;
  }
  if (status === 'over') return `Support has used ${inWords(used.total - budget, unit)} more than the budget.`;
  if (status === 'at-risk') return `At this pace support will use ${inWords(forecast, unit)} by the sprint's end, reaching the budget of ${inWords(budget, unit)}.`;
  return `At this pace support will use ${inWords(forecast, unit)} by the sprint's end, within the budget.`;
}

function Figure({ label, value, unit, note, testId, tone }: { label: string; value: string; unit: string; note?: string; testId: string; tone?: 'danger' | 'warning' }) {
  const color = tone === 'danger' ? token('color.text.danger') : tone === 'warning' ? token('color.text.warning') : token('color.text');
  return (
    <div style={FIGURE}>
      <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</div>
      <div style={{ color, font: token('font.heading.large') }}>
        <span data-testid={testId}>{value}</span> <span style={{ font: token('font.body') }}>{unit}</span>
      </div>
      {note ? <div style={{ color: token('color.text.subtlest'), font: token('font.body.small') }}>{note}</div> : null}
    </div>
  );
}

export function Swatch({ color, line, dashed }: { color: string; line?: boolean; dashed?: boolean }) {
  const style: CSSProperties = line
    ? { display: 'inline-block', width: 14, height: 0, borderTop: `2px ${dashed ? 'dashed' : 'solid'} ${color}`, verticalAlign: 'middle' }
    : { display: 'inline-block', width: 10, height: 10, background: color, borderRadius: 2, verticalAlign: 'middle' };
  return <span style={style} />;
}

const FIGURES: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: token('space.150') };
const FIGURE: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.025') };
const TRACK: CSSProperties = { position: 'relative', height: 16, borderRadius: token('radius.small'), background: token('color.background.neutral'), overflow: 'visible' };
const FILL: CSSProperties = { position: 'absolute', inset: '0 auto 0 0', borderRadius: token('radius.small') };
const MARK: CSSProperties = { position: 'absolute', top: -4, bottom: -4, width: 0, marginLeft: -1 };
const LEGEND: CSSProperties = { display: 'flex', gap: token('space.200'), color: token('color.text.subtle'), font: token('font.body.small') };
