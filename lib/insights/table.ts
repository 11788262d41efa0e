import { uiLanguage } from '../browser/language';

/**
 * A chart's numbers as a table: what the chart's "Show numbers" toggle shows
 * and its CSV export writes, so the two can never disagree.
 */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

const formats = new Map<string, { percent: Intl.NumberFormat; number: Intl.NumberFormat }>();
function formatsFor(locale: string) {
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = { percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }), number: new Intl.NumberFormat(locale) }));
  return f;
}

/**
 * A share (0–1) as a whole percentage in the extension's language ("75%",
 * "75 %" in German), or a dash when there is nothing to share. Rounded as the
 * week's comparison rounds, so "the same as the week before" always shows the same number.
 */
export function percent(share: number | null, locale = uiLanguage()): string {
  return share === null ? '–' : formatsFor(locale).percent.format(Math.round(share * 100) / 100);
}

/** A count in the extension's language ("1,000"; "1.000" in German). */
export function number(n: number, locale = uiLanguage()): string {
  return formatsFor(locale).number.format(n);
}

const dayMonths = new Map<string, Intl.DateTimeFormat>();
/** Day key "2026-12-02" as a short day and month in the extension's language: "12/2", "2.12." in German. */
export function dayMonth(day: string, locale = uiLanguage()): string {
  let f = dayMonths.get(locale);
  if (!f) dayMonths.set(locale, (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' })));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return f.format(new Date(y, m - 1, d, 12));
}

/** `part` of `whole`, or null when `whole` is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
