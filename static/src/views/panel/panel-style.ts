/** The panel's few shared styles: design tokens only, so Jira's light and dark themes both work. */
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

export const panelStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.200'),
  padding: token('space.100'),
  maxWidth: 720,
  color: token('color.text'),
  font: token('font.body'),
  overflowWrap: 'anywhere',
};

export const sectionStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100'),
  margin: 0,
  padding: 0,
  border: 'none',
};

export const cardStyle: CSSProperties = {
  ...sectionStyle,
  padding: token('space.150'),
  borderRadius: token('radius.medium'),
  border: `${token('border.width')} solid ${token('color.border')}`,
  backgroundColor: token('elevation.surface.raised'),
};

export const headingStyle: CSSProperties = {
  font: token('font.heading.xsmall'),
  color: token('color.text'),
  margin: 0,
};

export const subtleText: CSSProperties = {
  font: token('font.body.small'),
  color: token('color.text.subtle'),
  margin: 0,
};

export const rowStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: token('space.100'),
};

export const listStyle: CSSProperties = {
  margin: 0,
  paddingInlineStart: token('space.250'),
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.050'),
};

/** A plain list of label → value rows (a <dl>), two columns that wrap on narrow panels. */
export const factsStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(5.5rem, max-content) 1fr',
  columnGap: token('space.150'),
  rowGap: token('space.075'),
  alignItems: 'baseline',
  margin: 0,
  padding: 0,
};

export const termStyle: CSSProperties = { ...subtleText, font: token('font.body'), color: token('color.text.subtle'), padding: 0 };
export const valueStyle: CSSProperties = { ...rowStyle, margin: 0, padding: 0, gap: token('space.075') };
