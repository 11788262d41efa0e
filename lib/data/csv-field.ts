/**
 * One CSV field. Spreadsheets (Excel, LibreOffice, Google Sheets) read a
 * cell starting with = + - @ (and tab or carriage return, which some of them
 * skip before looking) as a formula, and a formula can fetch URLs or run
 * commands: a reflection typed as "=HYPERLINK(…)" must stay text. Such a
 * field gets a leading apostrophe, which spreadsheets read as "this is text"
 * and do not show. (The apostrophe is part of the data for other readers;
 * the JSON export is the lossless one.) Then RFC 4180: a field holding a
 * comma, quote, CR or LF is quoted, with quotes doubled.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
