import type { DataTable } from './table';

/**
 * A cell as CSV (RFC 4180): quoted when it holds a comma, quote or line
 * break. Text a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return) is kept as text with a leading apostrophe, as
 * OWASP's "CSV Injection" advice has it; numbers are written as numbers.
 */
function cell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text, header first, lines ending in CRLF. */
export function toCsv(table: DataTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A file name for a table's CSV: its caption in lowercase words joined by dashes, with the day. */
export function csvFileName(table: DataTable, day: string): string {
  const words = table.caption.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ['table'];
  return `pause-moment-${words.join('-')}-${day}.csv`;
}
