import { i18n } from '#i18n';
import { uiLanguage } from '../browser/language';
import type { Schedule, ScheduleRange } from './schedule';

/** A day's name in `locale` (the UI language), 0 = Sunday: "Monday", or "Mon" when `short`. */
export function dayName(day: number, width: 'long' | 'short' = 'long', locale: string = uiLanguage()): string {
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day));
}

/** The days as a schedule names them, 0 = Sunday: "Monday" in English, "montags" in German. */
const DAY_WORDS = [
  'options.schedule.dayWords.0',
  'options.schedule.dayWords.1',
  'options.schedule.dayWords.2',
  'options.schedule.dayWords.3',
  'options.schedule.dayWords.4',
  'options.schedule.dayWords.5',
  'options.schedule.dayWords.6',
] as const;
const dayWord = (day: number): string => i18n.t(DAY_WORDS[day]!);

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

/** Why a range cannot be kept, in the words the options page shows, or undefined when it can. */
export function rangeProblem(range: { days: number[]; from?: number; to?: number }): string | undefined {
  if (range.days.length === 0) return i18n.t('options.schedule.noDay');
  if (range.from === undefined || range.to === undefined) return i18n.t('options.schedule.noTime');
  if (range.from === range.to) return i18n.t('options.schedule.sameTime');
  return undefined;
}

const and = (words: string[]): string =>
  words.length < 2 ? words.join('') : i18n.t('options.schedule.and', { list: words.slice(0, -1).join(', '), last: words[words.length - 1]! });

const isEveryDay = (days: readonly number[]): boolean => WEEK_ORDER.every((d) => days.includes(d));

/** A range's days in words: every day, weekdays, weekends, Monday to Thursday, Monday and Friday. */
export function daysText(days: readonly number[]): string {
  const key = WEEK_ORDER.filter((d) => days.includes(d)).join('');
  if (key === '1234560') return i18n.t('options.schedule.everyDay');
  if (key === '12345') return i18n.t('options.schedule.weekdays');
  if (key === '60') return i18n.t('options.schedule.weekends');
  const ordered = WEEK_ORDER.filter((d) => days.includes(d));
  // A run of three or more days in a row, Monday first.
  const first = WEEK_ORDER.indexOf(ordered[0] as (typeof WEEK_ORDER)[number]);
  const inARow = ordered.every((d, i) => WEEK_ORDER[first + i] === d);
  if (inARow && ordered.length >= 3) return i18n.t('options.schedule.dayRun', { first: dayWord(ordered[0]!), last: dayWord(ordered[ordered.length - 1]!) });
  return and(ordered.map(dayWord));
}

/** One range in words: "weekdays 9:00–17:00"; past midnight it says so: "Friday 20:00–2:00 the next day". */
export function rangeText(range: ScheduleRange, withDays = true): string {
  const times = `${clockText(range.from)}–${clockText(range.to)}`;
  const when = range.to < range.from && range.to > 0 ? i18n.t('options.schedule.nextDay', { times }) : times;
  return withDays ? `${daysText(range.days)} ${when}` : when;
}

/** A schedule in words, after "pauses": "on weekdays 9:00–12:00 and 14:00–17:00", "every day 20:00–22:00", or "at any time". */
export function scheduleText(schedule: Schedule): string {
  if (!schedule.length) return i18n.t('options.schedule.anyTime');
  const sameDays = (a: ScheduleRange, b?: ScheduleRange) => !!b && a.days.join() === b.days.join();
  const text = and(schedule.map((r, i) => rangeText(r, !sameDays(r, schedule[i - 1]))));
  return isEveryDay(schedule[0]!.days) ? text : i18n.t('options.schedule.onDays', { ranges: text });
}
