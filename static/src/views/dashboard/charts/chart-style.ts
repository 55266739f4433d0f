/** Shared recharts styling from design tokens (axis text, grid, tooltip), so dark mode just works. */
import { token } from '@atlaskit/tokens';
import { createElement } from 'react';
import { CHART_GRID, CHART_SURFACE, CHART_TEXT } from '../palette';

export const AXIS = { stroke: CHART_GRID, tick: { fill: CHART_TEXT, fontSize: 12 }, tickLine: { stroke: CHART_GRID } } as const;

export const TOOLTIP = {
  contentStyle: { background: CHART_SURFACE, border: `1px solid ${CHART_GRID}`, borderRadius: 4, color: token('color.text'), boxShadow: token('elevation.shadow.overlay') },
  labelStyle: { color: token('color.text'), fontWeight: 600 },
  itemStyle: { color: token('color.text') },
  cursor: { stroke: CHART_GRID, fill: token('color.background.neutral.subtle.hovered') },
} as const;

/**
 * Recharts colours each legend label with its series colour, which on Jira's surfaces reads at 3.2–3.9:1
 * (under WCAG's 4.5:1 for text): the words take the chart's text colour instead, and the series colour
 * stays on the swatch beside them (test/e2e/dashboard-legend.e2e.ts measures both themes).
 */
export const LEGEND = {
  wrapperStyle: { color: CHART_TEXT, fontSize: 12 },
  formatter: (value: unknown) => createElement('span', { style: { color: CHART_TEXT } }, String(value)),
} as const;
