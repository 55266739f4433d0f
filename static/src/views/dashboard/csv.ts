import { downloadText } from '../../components/download';

/**
 * CSV built in the browser (RFC 4180: CRLF, quoted when needed) and offered as a download. Text that
 * a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe; numbers stay numbers.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The table as a file; the byte-order mark makes spreadsheets read it as UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadText(fileName, ['\uFEFF', csv], 'text/csv;charset=utf-8');
}
