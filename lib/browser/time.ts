/**
 * Whether `now` falls within `ms` after `since`: from `since` itself up to,
 * but not including, `since + ms`. A `since` after `now` (the clock was set
 * back) is not within.
 */
export function isWithin(since: number, now: number, ms: number): boolean {
  const elapsed = now - since;
  return elapsed >= 0 && elapsed < ms;
}
