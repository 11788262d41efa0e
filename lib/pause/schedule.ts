import { MINUTES_PER_DAY, type Schedule } from '../settings/schedule';
import type { Settings, TriggerSite } from '../settings/settings';

/**
 * A schedule on the clock: whether its pauses are active at a moment, and
 * when that next changes. Times are the wall-clock hours and minutes the user
 * typed, read in a time zone (`undefined`: the browser's own, as it is now).
 * Across a daylight saving change each range is one stretch of real time: a
 * start or end in the skipped hour falls on the first minute after it, and in
 * a repeated hour on its first occurrence, so no range counts twice.
 */

const MINUTE = 60_000;
const DAY = MINUTES_PER_DAY * MINUTE;

/** The schedule that decides for `site`: its own when it has one, else the one for all sites. */
export function scheduleFor(settings: Settings, site: TriggerSite): Schedule {
  return site.schedule ?? settings.schedule ?? [];
}

/** Milliseconds the zone's clock is ahead of UTC at `at`, to the minute. */
function offsetAt(format: Intl.DateTimeFormat, at: number): number {
  const t = Math.floor(at / MINUTE) * MINUTE;
  const p: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(t)) p[type] = +value;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!) - t;
}

/**
 * The moment the zone's clock shows `wall` (a wall-clock time written as if
 * it were UTC): the first, when the clock shows it twice; when it skips it,
 * the first minute after.
 */
function instantOf(format: Intl.DateTimeFormat, wall: number): number {
  const before = offsetAt(format, wall - DAY);
  const after = offsetAt(format, wall + DAY);
  const fits = [wall - before, wall - after].filter((t) => offsetAt(format, t) === wall - t);
  if (fits.length) return Math.min(...fits);
  // Skipped: the clock jumps between these two moments; find the jump, to the minute.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(format, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The stretches of time the schedule covers, merged, for ranges that start
 * from the day before `now` up to `ahead` days after it (on the zone's
 * clock): the day before holds any range still running past midnight.
 */
function stretches(schedule: Schedule, now: number, timeZone: string | undefined, ahead: number): Array<[number, number]> {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  // Midnight of today on the zone's clock, written as if it were UTC.
  const today = Math.floor((now + offsetAt(format, now)) / DAY) * DAY;
  const all: Array<[number, number]> = [];
  for (let day = today - DAY; day <= today + ahead * DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    for (const { days, from, to } of schedule) {
      if (days.includes(weekday)) all.push([instantOf(format, day + from * MINUTE), instantOf(format, day + (to > from ? 0 : DAY) + to * MINUTE)]);
    }
  }
  all.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (start < end) merged.push([start, end]);
  }
  return merged;
}

/** Whether the schedule's pauses are active at `now`. An empty schedule always is. */
export function isActiveAt(schedule: Schedule, now: number, timeZone?: string): boolean {
  return !schedule.length || stretches(schedule, now, timeZone, 0).some(([start, end]) => start <= now && now < end);
}

/**
 * The next moment after `now` when the schedule's pauses start or end;
 * undefined when that never happens (no schedule, or one that covers the
 * whole week). A weekly schedule changes within a week, give or take a
 * daylight saving hour, and the stretches looked at reach past that.
 */
export function nextChangeAt(schedule: Schedule, now: number, timeZone?: string): number | undefined {
  if (!schedule.length) return undefined;
  return stretches(schedule, now, timeZone, 8)
    .flat()
    .find((t) => t > now && t <= now + 7.5 * DAY);
}
