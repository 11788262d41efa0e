/** Width of the time part of an id: base-36 epoch ms stays 9 digits until the year 5188. */
const TIME_WIDTH = 9;

/**
 * A time-sortable id, made by the writer: ids sort by creation time as plain
 * strings (and so as IndexedDB keys), and a retried write with the same id
 * replaces instead of duplicating.
 */
export function timeSortableId(now: number, random: () => number = Math.random): string {
  const rand = Array.from({ length: 8 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `${idTimePrefix(now)}-${rand}`;
}

/** The smallest id that can be made at `time`: a key range bound for "since". */
export function idTimePrefix(time: number): string {
  return Math.max(0, Math.floor(time)).toString(36).padStart(TIME_WIDTH, '0');
}

/** Whether `value` has the shape `timeSortableId` makes: anything else from a message is refused. */
export function isTimeSortableId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-z]{9}-[0-9a-z]{8}$/.test(value);
}
