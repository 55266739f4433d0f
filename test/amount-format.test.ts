/** The one amount formatter the panel and the dashboard share (issue 12, item 10): "58.3 h", not "58.33 hours". */
import { formatAmount, formatNumber } from '../static/src/components/amount';
import { amount, inWords } from '../static/src/views/dashboard/format';

describe('formatAmount', () => {
  it.each<[number, 'hours' | 'points', string]>([
    [58.333, 'hours', '58.3 h'],
    [23.25, 'hours', '23.3 h'],
    [60, 'hours', '60 h'],
    [0.04, 'hours', '0 h'],
    [-0.04, 'hours', '0 h'],
    [1234.56, 'hours', '1,234.6 h'],
    [1, 'points', '1 point'],
    [1.04, 'points', '1 point'],
    [3, 'points', '3 points'],
    [2.5, 'points', '2.5 points'],
  ])('%p %s → %s', (value, unit, text) => {
    expect(formatAmount(value, unit)).toBe(text);
  });

  // The panel's format.ts re-exports formatAmount (it imports Atlaskit, which jest here does not load).
  it('is what the dashboard writes too', () => {
    expect(inWords(58.333, 'hours')).toBe('58.3 h');
    expect(amount(58.333)).toBe(formatNumber(58.333));
    expect(amount(58.333)).toBe('58.3');
  });
});
