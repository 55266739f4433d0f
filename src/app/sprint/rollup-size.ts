/**
 * Keeping a sprint's rollup within one KVS value (240 KiB). The record lists every support item of
 * the sprint with its summary, which grows with the sprint: at about 1,900 support items (a
 * 5,000-issue sprint with 20 % support has ~1,000, at 131 KiB) it would no longer fit, and the write —
 * so the whole dashboard — would fail. The totals never depend on the list, so when it does not fit:
 *
 * 1. summaries go first, least important first: planned support, then untriaged, then sanctioned
 *    interrupts (the dashboard shows an item's key when it has no summary);
 * 2. then the smallest planned and untriaged items are left out, counted in `itemsOmitted`; the
 *    interrupts are the list the team reviews, so they are the last to go.
 */
import type { SprintRollup } from '../storage/sprint-records';

/** Aim below KVS's 240 KiB: the record is stored with a few more fields by later versions. */
export const ROLLUP_MAX_BYTES = 200 * 1024;

type Item = SprintRollup['items'][number];
const size = (rollup: SprintRollup): number => Buffer.byteLength(JSON.stringify(rollup), 'utf8');
const RANK: Record<Item['category'], number> = { planned: 0, untriaged: 1, sanctioned: 2 };

export function fitRollup(rollup: SprintRollup, maxBytes = ROLLUP_MAX_BYTES): SprintRollup {
  if (size(rollup) <= maxBytes) return rollup;
  let fitted = rollup;
  for (const category of ['planned', 'untriaged', 'sanctioned'] as const) {
    fitted = { ...fitted, items: fitted.items.map(({ summary, ...item }) => (item.category === category ? item : { ...item, ...(summary !== undefined ? { summary } : {}) })) };
    if (size(fitted) <= maxBytes) return fitted;
  }
  // Least important first: by category, then the smallest amounts.
  const order = fitted.items.map((item, index) => ({ item, index })).sort((a, b) => RANK[a.item.category] - RANK[b.item.category] || a.item.amount - b.item.amount);
  const keep = (dropped: number): SprintRollup => {
    const gone = new Set(order.slice(0, dropped).map((o) => o.index));
    return { ...fitted, items: fitted.items.filter((_, i) => !gone.has(i)), ...(dropped > 0 ? { itemsOmitted: dropped } : {}) };
  };
  // The fewest items to leave out (size falls as more are dropped): binary search.
  let low = 1;
  let high = order.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (size(keep(mid)) <= maxBytes) high = mid;
    else low = mid + 1;
  }
  return keep(low);
}
