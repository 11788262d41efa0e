import { splitKey, type DayRollup } from '../browser/rollups';
import { weekdayOf } from '../browser/day';
import type { DataTable } from './table';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Pauses shown by weekday (rows, Monday first) and local hour (columns, 0–23). */
export function pausesByHour(rollups: readonly DayRollup[]): number[][] {
  const grid = WEEKDAYS.map(() => Array<number>(24).fill(0));
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
    caption: 'Pauses by weekday and hour',
    columns: ['Weekday', ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`)],
    rows: grid.map((row, d) => [WEEKDAYS[d]!, ...row]),
  };
}
