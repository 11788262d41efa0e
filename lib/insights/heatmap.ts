import { i18n } from '#i18n';
import { splitKey, type DayRollup } from '../browser/rollups';
import { weekdayOf } from '../browser/day';
import { uiLanguage } from '../browser/language';
import type { DataTable } from './table';

const weekdays = new Map<string, string[]>();
/** The weekdays' short names in the extension's language, Monday first: "Mon", "Mo" in German. */
export function weekdayNames(locale = uiLanguage()): readonly string[] {
  let names = weekdays.get(locale);
  if (!names) {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'short' });
    // 1 January 2024 was a Monday.
    weekdays.set(locale, (names = Array.from({ length: 7 }, (_, i) => f.format(new Date(2024, 0, 1 + i, 12)))));
  }
  return names;
}

/** An hour of the day as the heatmap's columns name it: "09:00". */
export const hourName = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/** Pauses shown by weekday (rows, Monday first) and local hour (columns, 0–23). */
export function pausesByHour(rollups: readonly DayRollup[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rollups) {
    const row = grid[weekdayOf(r.day)]!;
    for (const [key, n] of Object.entries(r.counts)) {
      const [field, hour] = splitKey(key);
      const h = Number(hour);
      if (field === 'hour' && Number.isInteger(h) && h >= 0 && h < 24) row[h]! += n;
    }
  }
  return grid;
}

export function heatmapTable(grid: readonly number[][]): DataTable {
  return {
    caption: i18n.t('insights.when.caption'),
    columns: [i18n.t('insights.column.weekday'), ...Array.from({ length: 24 }, (_, h) => hourName(h))],
    rows: grid.map((row, d) => [weekdayNames()[d]!, ...row]),
  };
}
