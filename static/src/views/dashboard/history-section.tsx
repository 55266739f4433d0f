/**
 * The retrospective view: allocated vs spent across the last closed sprints with velocity (a chart
 * with its table view), the recommendation sentence, what support cost in delivery, and the table
 * as a CSV download.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { lazy } from 'react';
import type { DashboardView } from '../../../../src/contract';
import { ChartSwitch } from './chart-switch';
import { downloadCsv, toCsv } from './csv';
import { DeliveryCostNote } from './delivery-cost';
import { HISTORY_COLUMNS } from './history-columns';
import { DataTable, Muted, Section } from './layout';

const HistoryChart = lazy(() => import('./charts/history-chart'));

export function HistorySection({ view }: { view: DashboardView }) {
  const { rows, recommendation, currentAllocationPct } = view.history;
  const exportCsv = () =>
    downloadCsv(
      `interrupt-budget-${view.projectKey}-history.csv`,
      toCsv(
        HISTORY_COLUMNS.map((c) => c.title),
        rows.map((r) => HISTORY_COLUMNS.map((c) => c.csv(r))),
      ),
    );
  const table = (
    <DataTable
      testId="history-table"
      caption={`Closed sprints, oldest first (${rows.length})`}
      rows={rows}
      rowKey={(r) => String(r.sprintId)}
      columns={HISTORY_COLUMNS.map((c) => ({ title: c.title, numeric: c.numeric, nowrap: true, cell: c.text }))}
    />
  );
  return (
    <Section
      title="History and recommendation"
      testId="history"
      actions={rows.length > 0 ? <Button onClick={exportCsv}>Export CSV</Button> : undefined}
    >
      <div data-testid="recommendation" style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', flexWrap: 'wrap' }}>
        {recommendation.pct !== null ? (
          <Lozenge appearance={currentAllocationPct === null ? 'default' : recommendation.pct === currentAllocationPct ? 'success' : 'inprogress'} isBold>
            Reserve {recommendation.pct}%
          </Lozenge>
        ) : null}
        <span>{recommendation.explanation}</span>
        <span style={{ color: token('color.text.subtle') }} data-testid="current-allocation">
          {currentAllocationPct === null ? 'Nothing is reserved now (no buffer, show the cost): this is what a buffer would need.' : `Current allocation: ${currentAllocationPct}%.`}
        </span>
      </div>
      {rows.length === 0 ? (
        <Muted>No closed sprints yet: the history fills in as sprints close, and the recommendation follows from it.</Muted>
      ) : (
        <ChartSwitch label="history chart" height={280} chart={<HistoryChart rows={rows} height={280} />} table={table} />
      )}
      {rows.length > 0 ? <DeliveryCostNote cost={view.history.deliveryCost} /> : null}
    </Section>
  );
}
