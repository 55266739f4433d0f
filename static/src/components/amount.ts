/**
 * How every surface writes an amount of support work: at most one decimal ("58.3 h", not "58.33
 * hours"), hours as "h", points spelled out. One formatter, so the panel, the dashboard and the
 * gadget never show the same number two ways (issue 12, item 10).
 */
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `58.3`: a number of hours or points, at most one decimal. */
export function formatNumber(value: number): string {
  // Round first so -0.04 reads "0", not "-0".
  const rounded = Math.round(value * 10) / 10;
  return NUMBER.format(rounded === 0 ? 0 : rounded);
}

/** `58.3 h`, `1 point`, `3 points`. */
export function formatAmount(value: number, unit: 'hours' | 'points'): string {
  const text = formatNumber(value);
  if (unit === 'hours') return `${text} h`;
  return `${text} ${text === '1' || text === '-1' ? 'point' : 'points'}`;
}
