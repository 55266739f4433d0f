/**
 * The dashboard's colours, all design tokens, so light and dark themes both work. The charts use the
 * same tokens as the meter and the breakdown, so a colour means the same thing everywhere.
 */
import { token } from '@atlaskit/tokens';
import type { DashboardStatus } from '../../../../src/contract';

export const SERIES = {
  sanctioned: token('color.chart.blue.bold'),
  planned: token('color.chart.purple.bold'),
  untriaged: token('color.chart.warning.bold'),
  total: token('color.chart.neutral'),
  budget: token('color.chart.danger.bold'),
  forecast: token('color.chart.gray.bolder'),
  allocated: token('color.chart.gray.bold'),
  spent: token('color.chart.blue.bold'),
  velocity: token('color.chart.green.bolder'),
} as const;

export const CHART_TEXT = token('color.text.subtle');
export const CHART_GRID = token('color.border');
export const CHART_SURFACE = token('elevation.surface.overlay');

export const STATUS_FILL: Record<DashboardStatus, string> = {
  ok: token('color.background.success.bold'),
  'at-risk': token('color.background.warning.bold'),
  over: token('color.background.danger.bold'),
};

export const STATUS_LOZENGE: Record<DashboardStatus, 'success' | 'moved' | 'removed'> = { ok: 'success', 'at-risk': 'moved', over: 'removed' };
