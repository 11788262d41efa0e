import { addDays, dayKey } from '../browser/day';
import type { DayRollup } from '../browser/rollups';
import { pauseStateFrom, type PauseState } from '../pause/state';
import { STORAGE_KEYS } from '../settings/storage-keys';
import { journalDaysIfCurrent, pauseDaysIfCurrent, recentDays, RECENT_DAYS, type FirstRead } from './first-read';

export { RECENT_DAYS };
/** Days of roll-ups the longest view needs: a year, and the week before it. */
export const HISTORY_DAYS = 372;

/**
 * What the Insights page charts, read in parts so that the first view never
 * waits for more than it shows: the last two weeks of pauses (with the
 * settings and open times), then the journal's, then the whole year of both.
 * Each is one read of a few hundred small records at most, whatever the
 * history's size.
 */
export interface InsightsHistory {
  /** When it was read: the page's "today". */
  now: number;
  pauses: Promise<{ rollups: DayRollup[]; state: PauseState }>;
  journal: Promise<{ rollups: DayRollup[]; asks: Record<string, number> }>;
  /**
   * The whole year of both, read when first asked for (and once): the page
   * asks once its first view is drawn, so the year's reads never hold back
   * the frames that draw it.
   */
  year: () => Promise<{ pauses: DayRollup[]; journal: DayRollup[] }>;
}

/**
 * The pause history's roll-ups through its store, which first builds what an
 * older history lacks (or makes an empty one). Its modules load only then.
 */
const pauseDaysThroughStore = (from: string, to: string): Promise<DayRollup[]> => import('../pause/log').then((log) => log.pauseDays(from, to));

/** The journal's roll-ups through its store, which upgrades an older journal first. */
const journalDaysThroughStore = (from: string, to: string): Promise<DayRollup[]> =>
  Promise.all([import('../journal/database'), import('../journal/store')]).then(([db, store]) => db.journalDays(store.journalStore(), from, to));

/**
 * Everything Insights reads, from the first view's reads (`first-read.ts`,
 * begun before the page loads) on: a database too old to read directly is
 * read through its store, which upgrades it.
 */
export function readHistory(first: FirstRead): InsightsHistory {
  const { now } = first;
  const { from: recent, to } = recentDays(now);
  const year = addDays(dayKey(now), -(HISTORY_DAYS - 1));
  const pauses = Promise.all([first.pauses.then((r) => r ?? pauseDaysThroughStore(recent, to)), first.stored]).then(([rollups, stored]) => ({
    rollups,
    state: pauseStateFrom(stored),
  }));
  const journal = Promise.all([first.journal.then((r) => r ?? journalDaysThroughStore(recent, to)), first.stored]).then(([rollups, stored]) => ({
    rollups,
    // What the storage item of the calls asked about gives when nothing is stored (`meetingAsksItem`).
    asks: (stored[STORAGE_KEYS.meetingAsks] as Record<string, number> | undefined) ?? {},
  }));
  // The rest of the year, once the first view has what it shows; both databases are current by then.
  let whole: ReturnType<InsightsHistory['year']> | undefined;
  const readYear = () =>
    (whole ??= Promise.all([pauses, journal])
      .then(() =>
        Promise.all([
          pauseDaysIfCurrent(year, to).then((r) => r ?? pauseDaysThroughStore(year, to)),
          journalDaysIfCurrent(year, to).then((r) => r ?? journalDaysThroughStore(year, to)),
        ]),
      )
      .then(([p, j]) => ({ pauses: p, journal: j })));
  return { now, pauses, journal, year: readYear };
}
