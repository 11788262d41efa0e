import { csvField } from '../data/csv-field';
import type { DataTable } from './table';
import { uiLanguage } from '../browser/language';

/** A cell as CSV: numbers as numbers, text as the journal's CSV writes it (quoted as RFC 4180 asks, never read as a formula). */
function cell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvField(value);
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

/**
 * A table's caption inside a sentence ("Download CSV of pauses by site"):
 * lowercase in English, as written in German, whose nouns keep their capital.
 */
export function captionInSentence(caption: string, locale = uiLanguage()): string {
  return locale.startsWith('en') ? caption.toLowerCase() : caption;
}
