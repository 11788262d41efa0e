import { i18n } from '#i18n';
import { isTimeSortableId } from '../browser/ids';
import type { SnoozeLength } from '../browser/messages';
import type { Snooze } from '../settings/storage-registry';

export type { Snooze } from '../settings/storage-registry';
export type { SnoozeLength } from '../browser/messages';

/**
 * A snooze: the user turns pauses off for a while from the popup, on every
 * chosen site or on one. It is measured in wall-clock time: it is over once
 * `until` has passed, whoever looks, even if no alarm has cleared it yet.
 */

/** The hour on the user's clock at which "until morning" ends. */
export const MORNING_HOUR = 8;
/** Before this hour it is still night, and "until morning" means this morning rather than the next. */
const NIGHT_ENDS_HOUR = 4;
/** No snooze is longer: a stored one claiming more (a broken write, a clock far off) is read as none. */
export const SNOOZE_MAX_MS = 36 * 3_600_000;
/** The alarm that clears an ended snooze's badge. */
export const SNOOZE_ALARM = 'snooze-end';

/** What the popup offers, in order; the 20-second snooze only in a test build, so an end-to-end test can watch one end. */
export function snoozeLengths(testBuild: boolean): SnoozeLength[] {
  return testBuild ? ['15m', '1h', 'morning', 'test-20s'] : ['15m', '1h', 'morning'];
}

/** Each length as its button says it. */
export function snoozeLabel(length: SnoozeLength): string {
  switch (length) {
    case '15m':
      return i18n.t('popup.snooze15m');
    case '1h':
      return i18n.t('popup.snooze1h');
    case 'morning':
      return i18n.t('popup.snoozeMorning');
    case 'test-20s':
      return i18n.t('popup.snoozeTest');
  }
}

/**
 * 8:00 on the user's clock the next morning: on the next calendar day, or on
 * this one while it is still night (before 4:00). Set on the calendar rather
 * than by adding hours, so a daylight saving change overnight still ends it
 * at 8:00 on the clock.
 */
export function nextMorning(now: number): number {
  const d = new Date(now);
  if (d.getHours() >= NIGHT_ENDS_HOUR) d.setDate(d.getDate() + 1);
  d.setHours(MORNING_HOUR, 0, 0, 0);
  return d.getTime();
}

/** When a snooze of `length` chosen at `now` ends. */
export function snoozeUntil(length: SnoozeLength, now: number): number {
  switch (length) {
    case '15m':
      return now + 15 * 60_000;
    case '1h':
      return now + 60 * 60_000;
    case 'morning':
      return nextMorning(now);
    case 'test-20s':
      return now + 20_000;
  }
}

/** Whether `value` names a length the popup can offer. */
export function isSnoozeLength(value: unknown): value is SnoozeLength {
  return value === '15m' || value === '1h' || value === 'morning' || value === 'test-20s';
}

/** Whether the snooze is on at `now`: a snooze past its `until` is over, whether or not anything has cleared it. */
export function isSnoozeOn(snooze: Snooze | null | undefined, now: number): snooze is Snooze {
  return !!snooze && now < snooze.until;
}

/** Whether the snooze lets pages of site `siteId` in at `now`. */
export function snoozeCovers(snooze: Snooze | null | undefined, siteId: string, now: number): snooze is Snooze {
  return isSnoozeOn(snooze, now) && (!snooze.site || snooze.site.id === siteId);
}

/** Reads a stored snooze defensively: anything malformed, or longer than a snooze can be, reads as none. */
export function normaliseSnooze(raw: unknown): Snooze | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { id, startedAt, until, length, site } = raw as Partial<Snooze>;
  if (!isTimeSortableId(id) || typeof startedAt !== 'number' || typeof until !== 'number' || !isSnoozeLength(length)) return undefined;
  if (!(until > startedAt && until - startedAt <= SNOOZE_MAX_MS)) return undefined;
  const one = site && typeof site.id === 'string' && typeof site.label === 'string' ? { site: { id: site.id, label: site.label } } : {};
  return { id, startedAt, until, length, ...one };
}

/** The time of day of `at` on the user's clock, e.g. "14:30" or "2:30 PM". */
function clockTime(at: number, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** When the snooze ends, in words: "14:30", or "8:00 tomorrow" when that is on the next day. */
export function snoozeEndText(until: number, now: number, locale?: string): string {
  const end = new Date(until);
  const day = new Date(now);
  if (end.toDateString() === day.toDateString()) return clockTime(until, locale);
  day.setDate(day.getDate() + 1);
  if (end.toDateString() === day.toDateString()) return i18n.t('popup.endTomorrow', { time: clockTime(until, locale) });
  return i18n.t('popup.endOnDay', { day: end.toLocaleDateString(locale, { weekday: 'long' }), time: clockTime(until, locale) });
}

/** What is left, to the minute (rounded up): "15 min left", "1 h 5 min left". Changes once a minute at most. */
export function snoozeLeftText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return i18n.t('popup.minutesLeft', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? i18n.t('popup.hoursMinutesLeft', { hours, minutes: rest }) : i18n.t('popup.hoursLeft', { hours });
}

/** Where the snooze applies, in words: "on all sites", "on Reddit". */
export function snoozeScopeText(snooze: Pick<Snooze, 'site'>): string {
  return snooze.site ? i18n.t('popup.onSite', { site: snooze.site.label }) : i18n.t('popup.onAllSites');
}
