import type { Schedule, ScheduleRange } from './schedule';

/** Day names, 0 = Sunday. */
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The days of a week in the order the options page lists them, Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** Minutes after midnight as a clock shows them: 9:00, 17:30. */
export function clockText(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes after midnight as an `<input type="time">` holds them: 09:00. */
export function timeInputValue(minutes: number): string {
  return clockText(minutes).padStart(5, '0');
}

/** What an `<input type="time">` holds, in minutes after midnight; undefined when empty or unreadable. */
export function minutesOfInput(value: string): number | undefined {
  const m = /^(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[1]) < 24 && Number(m[2]) < 60 ? minutes : undefined;
}

const and = (words: string[]): string => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** A range's days in words: every day, weekdays, weekends, Monday to Thursday, Monday and Friday. */
export function daysText(days: readonly number[]): string {
  const key = WEEK_ORDER.filter((d) => days.includes(d)).join('');
  if (key === '1234560') return 'every day';
  if (key === '12345') return 'weekdays';
  if (key === '60') return 'weekends';
  const ordered = WEEK_ORDER.filter((d) => days.includes(d));
  // A run of three or more days in a row, Monday first.
  const first = WEEK_ORDER.indexOf(ordered[0] as (typeof WEEK_ORDER)[number]);
  const inARow = ordered.every((d, i) => WEEK_ORDER[first + i] === d);
  if (inARow && ordered.length >= 3) return `${DAY_NAMES[ordered[0]!]} to ${DAY_NAMES[ordered[ordered.length - 1]!]}`;
  return and(ordered.map((d) => DAY_NAMES[d]!));
}

/** One range in words: "weekdays 9:00–17:00"; past midnight it says so: "Friday 20:00–2:00 the next day". */
export function rangeText(range: ScheduleRange, withDays = true): string {
  const next = range.to < range.from && range.to > 0 ? ' the next day' : '';
  return `${withDays ? `${daysText(range.days)} ` : ''}${clockText(range.from)}–${clockText(range.to)}${next}`;
}

/** A schedule in words, after "pauses": "on weekdays 9:00–12:00 and 14:00–17:00", "every day 20:00–22:00", or "at any time". */
export function scheduleText(schedule: Schedule): string {
  if (!schedule.length) return 'at any time';
  const sameDays = (a: ScheduleRange, b?: ScheduleRange) => !!b && a.days.join() === b.days.join();
  const text = and(schedule.map((r, i) => rangeText(r, !sameDays(r, schedule[i - 1]))));
  return text.startsWith('every day') ? text : `on ${text}`;
}
