/**
 * When pauses are active: a short list of time ranges, each on some days of
 * the week, in the wall-clock time the user typed. No ranges means always.
 */
export interface ScheduleRange {
  /** The days the range starts on, 0 = Sunday … 6 = Saturday, sorted and distinct. */
  days: number[];
  /** Start, in minutes after midnight. */
  from: number;
  /** End, in minutes after midnight; at or before `from`, it ends on the next day (an evening past midnight). */
  to: number;
}

/** A schedule: pauses are active inside any of its ranges. Empty: always active. */
export type Schedule = ScheduleRange[];

/** The most ranges one schedule keeps. */
export const MAX_RANGES = 8;

export const MINUTES_PER_DAY = 24 * 60;

/** What a new range starts as: weekdays, 9:00 to 17:00. */
export const NEW_RANGE: ScheduleRange = { days: [1, 2, 3, 4, 5], from: 9 * 60, to: 17 * 60 };

const isMinute = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < MINUTES_PER_DAY;

/**
 * Reads a stored schedule defensively: a range that cannot be read (no days,
 * times out of the day, the same start and end) is dropped, and anything that
 * is not a list is no schedule.
 */
export function normaliseSchedule(raw: unknown): Schedule {
  if (!Array.isArray(raw)) return [];
  const ranges: Schedule = [];
  for (const entry of raw) {
    if (!entry || typeof entry !== 'object') continue;
    const { days, from, to } = entry as Partial<Record<keyof ScheduleRange, unknown>>;
    if (!Array.isArray(days) || !isMinute(from) || !isMinute(to)) continue;
    const range = { days: [0, 1, 2, 3, 4, 5, 6].filter((d) => days.includes(d)), from, to };
    if (range.days.length && from !== to && ranges.length < MAX_RANGES) ranges.push(range);
  }
  return ranges;
}
