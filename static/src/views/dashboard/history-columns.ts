/**
 * The history table's columns, once: the on-screen table and the CSV export are built from this list,
 * so a download always has the rows and columns the table shows (the CSV with raw numbers and ISO dates).
 */
import type { DashboardHistoryRow } from '../../../../src/contract';
import { amount, dayYear, isoDay } from './format';

export interface HistoryColumn {
  readonly title: string;
  readonly numeric: boolean;
  readonly text: (row: DashboardHistoryRow) => string;
  readonly csv: (row: DashboardHistoryRow) => string | number;
}

const num = (title: string, get: (r: DashboardHistoryRow) => number, suffix = ''): HistoryColumn => ({ title, numeric: true, text: (r) => `${amount(get(r))}${suffix}`, csv: get });

export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  { title: 'Sprint', numeric: false, text: (r) => r.name, csv: (r) => r.name },
  { title: 'Start', numeric: false, text: (r) => dayYear(r.startDate), csv: (r) => isoDay(r.startDate) },
  { title: 'End', numeric: false, text: (r) => dayYear(r.endDate), csv: (r) => isoDay(r.endDate) },
  { title: 'Unit', numeric: false, text: (r) => r.unit, csv: (r) => r.unit },
  num('Capacity', (r) => r.capacity),
  num('Allocation %', (r) => r.allocationPct, '%'),
  num('Allocated', (r) => r.budget),
  num('Spent', (r) => r.used),
  num('Share of capacity %', (r) => r.sharePct, '%'),
  num('Interrupts', (r) => r.interrupts),
  num('Deferred', (r) => r.deferred),
  num('Velocity (points)', (r) => r.velocityPoints),
  // Rows stored before carry-over was kept have none: a dash, not a 0 that was never measured.
  { title: 'Carried over (points)', numeric: true, text: (r) => (r.carriedOverPoints === undefined ? '—' : amount(r.carriedOverPoints)), csv: (r) => r.carriedOverPoints ?? '' },
  num('Defects opened', (r) => r.defects.opened),
  num('Defects closed', (r) => r.defects.closed),
  num('Net new defects', (r) => r.defects.net),
];
