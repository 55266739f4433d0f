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
 * Legend labels in the subtle text colour, not the series colour recharts uses by default: several
 * series colours (forecast grey, untriaged orange, allocated grey) are 3.2–3.9:1 against the surface,
 * below WCAG's 4.5:1 for text. The coloured icon beside each label still says which line is which.
 */
export const LEGEND = {
  wrapperStyle: { color: CHART_TEXT, fontSize: 12 },
  formatter: (value: string) => createElement('span', { style: { color: CHART_TEXT }, 'data-legend-label': value }, value),
} as const;
