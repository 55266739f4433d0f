/**
 * The burn chart (recharts, loaded lazily): support used per day, stacked by kind, against the budget
 * line, with the linear forecast to the sprint's end dashed.
 */
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardBurnPoint, DashboardUnit } from '../../../../../src/contract';
import { day, withUnit } from '../format';
import { CHART_GRID, SERIES } from '../palette';
import { AXIS, LEGEND, TOOLTIP } from './chart-style';

/** `noBuffer`: the team reserves no support buffer (issue 14, item 5): no budget line, support against nothing but itself. */
export default function BurnChart({ burn, unit, height, noBuffer = false }: { burn: readonly DashboardBurnPoint[]; unit: DashboardUnit; height: number; noBuffer?: boolean }) {
  const data = burn.map((p) => ({ ...p, label: day(p.date) }));
  const format = (v: unknown) => (typeof v === 'number' ? withUnit(v, unit) : String(v));
  return (
    <div role="img" aria-label={noBuffer ? 'Burn chart: support used each day (no buffer is reserved), with the forecast. The table view has the same numbers.' : `Burn chart: support used each day against the budget of ${withUnit(burn[0]?.budget ?? 0, unit)}, with the forecast. The table view has the same numbers.`}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" {...AXIS} />
          <YAxis {...AXIS} width={48} />
          <Tooltip {...TOOLTIP} formatter={format} />
          <Legend {...LEGEND} />
          <Area type="monotone" dataKey="sanctioned" name="Sanctioned interrupts" stackId="used" stroke={SERIES.sanctioned} fill={SERIES.sanctioned} fillOpacity={0.55} isAnimationActive={false} />
          <Area type="monotone" dataKey="planned" name="Planned support" stackId="used" stroke={SERIES.planned} fill={SERIES.planned} fillOpacity={0.55} isAnimationActive={false} />
          <Area type="monotone" dataKey="untriaged" name="Untriaged" stackId="used" stroke={SERIES.untriaged} fill={SERIES.untriaged} fillOpacity={0.55} isAnimationActive={false} />
          {noBuffer ? null : <Line type="stepAfter" dataKey="budget" name="Budget" stroke={SERIES.budget} strokeWidth={2} dot={false} isAnimationActive={false} />}
          <Line type="linear" dataKey="forecast" name="Forecast" stroke={SERIES.forecast} strokeWidth={2} strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
