/**
 * Days on the user's own clock, as the roll-ups key them: "2026-03-29" is the
 * local calendar day, whatever its length (23 or 25 hours across a DST
 * change). Every function reads the time zone the code runs in.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar day of `time`, as "YYYY-MM-DD" (sorts as it reads). */
export function dayKey(time: number): string {
  const d = new Date(time);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight at the start of day `key`. */
export function dayStart(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** The day `offset` calendar days after `key` (before, when negative). */
export function addDays(key: string, offset: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  // Noon never falls in a DST gap, so the calendar step is exact.
  return dayKey(new Date(y, m - 1, d + offset, 12).getTime());
}

/** The `count` days ending with the day of `now`, oldest first. */
export function lastDays(now: number, count: number): string[] {
  const today = dayKey(now);
  return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
}

/** The weekday of day `key`: 0 is Monday, 6 is Sunday. */
export function weekdayOf(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return (new Date(y, m - 1, d, 12).getDay() + 6) % 7;
}

/** The Monday of the week holding day `key`. */
export function weekOf(key: string): string {
  return addDays(key, -weekdayOf(key));
}

/** The local hour (0–23) of `time`. */
export function hourOf(time: number): number {
  return new Date(time).getHours();
}
