/** The sprint's burn: the chart (lazy) with its table view, same rows. */
import { lazy } from 'react';
import type { DashboardSprint } from '../../../../src/contract';
import { ChartSwitch } from './chart-switch';
import { amount, day } from './format';
import { DataTable, Muted } from './layout';

const BurnChart = lazy(() => import('./charts/burn-chart'));

const orDash = (v: number | null) => (v === null ? '—' : amount(v));

export function BurnSection({ sprint }: { sprint: DashboardSprint }) {
  const noBuffer = sprint.budgetMode === 'track';
  if (sprint.burn.length === 0) return <Muted>No days to show yet: the burn starts on the sprint's first working day.</Muted>;
  const table = (
    <DataTable
      testId="burn-table"
      caption={`Support used per day (${sprint.unit}), cumulative`}
      rows={sprint.burn}
      rowKey={(p) => p.date}
      columns={[
        { title: 'Day', cell: (p) => day(p.date) },
        { title: 'Sanctioned', numeric: true, cell: (p) => orDash(p.sanctioned) },
        { title: 'Planned', numeric: true, cell: (p) => orDash(p.planned) },
        { title: 'Untriaged', numeric: true, cell: (p) => orDash(p.untriaged) },
        { title: 'Total used', numeric: true, cell: (p) => orDash(p.total) },
        ...(noBuffer ? [] : [{ title: 'Budget', numeric: true, cell: (p: DashboardSprint['burn'][number]) => amount(p.budget) }]),
        { title: 'Forecast', numeric: true, cell: (p) => orDash(p.forecast) },
      ]}
    />
  );
  return <ChartSwitch label="burn chart" height={260} chart={<BurnChart burn={sprint.burn} unit={sprint.unit} height={260} noBuffer={noBuffer} />} table={table} />;
}
