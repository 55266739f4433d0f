/**
 * The history chart (recharts, loaded lazily): per closed sprint the support allocated (budget) and
 * spent, as bars on the left axis, and the velocity (completed non-support points) as a line on the right.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardHistoryRow } from '../../../../../src/contract';
import { amount } from '../format';
import { CHART_GRID, SERIES } from '../palette';
import { AXIS, LEGEND, TOOLTIP } from './chart-style';

export default function HistoryChart({ rows, height }: { rows: readonly DashboardHistoryRow[]; height: number }) {
  const unit = rows[0]?.unit === 'points' ? 'points' : 'hours';
  const data = rows.map((r) => ({ name: r.name, budget: r.budget, used: r.used, velocity: r.velocityPoints }));
  return (
    <div role="img" aria-label={`History chart: support allocated and spent (${unit}) and velocity (points) for the last ${rows.length} closed sprints. The table view has the same numbers.`}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" {...AXIS} />
          <YAxis yAxisId="effort" {...AXIS} width={48} label={{ value: unit, angle: -90, position: 'insideLeft', fill: AXIS.tick.fill, fontSize: 12 }} />
          <YAxis yAxisId="velocity" orientation="right" {...AXIS} width={48} label={{ value: 'velocity (points)', angle: 90, position: 'insideRight', fill: AXIS.tick.fill, fontSize: 12 }} />
          <Tooltip {...TOOLTIP} formatter={(v: unknown) => (typeof v === 'number' ? amount(v) : String(v))} />
          <Legend {...LEGEND} />
          <Bar yAxisId="effort" dataKey="budget" name={`Allocated (${unit})`} fill={SERIES.allocated} isAnimationActive={false} />
          <Bar yAxisId="effort" dataKey="used" name={`Spent (${unit})`} fill={SERIES.spent} isAnimationActive={false} />
          <Line yAxisId="velocity" type="monotone" dataKey="velocity" name="Velocity (points)" stroke={SERIES.velocity} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
