/**
 * The results of conditional writes (create-only sets, all-or-nothing transactions) and the
 * transaction rules every store applies the same way Forge does (see TRANSACTION_LIMITS in ports.ts).
 */
import { TRANSACTION_LIMITS, type ConditionalWrite, type StoreWrite } from '../../ports';

export const APPLIED: ConditionalWrite = { ok: true };
export const exists = (key?: string): ConditionalWrite => ({ ok: false, reason: 'exists', ...(key === undefined ? {} : { key }) });

/**
 * Why Forge would refuse this transaction as a whole, or undefined when it is acceptable: nothing to
 * do, more than 25 operations, a key twice, or more than the payload limit (values as JSON).
 */
export function transactionProblem(writes: readonly StoreWrite[]): string | undefined {
  if (writes.length === 0) return 'a transaction needs at least one operation';
  if (writes.length > TRANSACTION_LIMITS.operations) return `a transaction has at most ${TRANSACTION_LIMITS.operations} operations, not ${writes.length}`;
  const seen = new Set<string>();
  for (const write of writes) {
    if (seen.has(write.key)) return `a transaction may name each key once, and ${write.key} appears more than once`;
    seen.add(write.key);
  }
  const bytes = writes.reduce((sum, w) => sum + (w.kind === 'set' ? Buffer.byteLength(JSON.stringify(w.value) ?? '', 'utf8') : 0), 0);
  if (bytes > TRANSACTION_LIMITS.payloadBytes) return `a transaction carries at most ${TRANSACTION_LIMITS.payloadBytes} bytes of values, not ${bytes}`;
  return undefined;
}
