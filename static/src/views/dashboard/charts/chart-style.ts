/** Shared recharts styling from design tokens (axis text, grid, tooltip), so dark mode just works. */
import { token } from '@atlaskit/tokens';
import { CHART_GRID, CHART_SURFACE, CHART_TEXT } from '../palette';

export const AXIS = { stroke: CHART_GRID, tick: { fill: CHART_TEXT, fontSize: 12 }, tickLine: { stroke: CHART_GRID } } as const;

export const TOOLTIP = {
  contentStyle: { background: CHART_SURFACE, border: `1px solid ${CHART_GRID}`, borderRadius: 4, color: token('color.text'), boxShadow: token('elevation.shadow.overlay') },
  labelStyle: { color: token('color.text'), fontWeight: 600 },
  itemStyle: { color: token('color.text') },
  cursor: { stroke: CHART_GRID, fill: token('color.background.neutral.subtle.hovered') },
} as const;

export const LEGEND = { wrapperStyle: { color: CHART_TEXT, fontSize: 12 } } as const;
