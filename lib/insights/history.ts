import { addDays, dayKey } from '../browser/day';
import type { DayRollup } from '../browser/rollups';
import { pauseDays } from '../pause/log';
import { readPauseState, type PauseState } from '../pause/state';
import { meetingAsksItem } from '../settings/storage-registry';

/** Days of roll-ups the first view needs: this week and the week before, which it compares with. */
export const RECENT_DAYS = 14;
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
  year: Promise<{ pauses: DayRollup[]; journal: DayRollup[] }>;
}

/** Starts the reads Insights needs, the first view's first. */
export function readHistory(now: number): InsightsHistory {
  const to = dayKey(now);
  const recent = addDays(to, -(RECENT_DAYS - 1));
  const first = addDays(to, -(HISTORY_DAYS - 1));
  const pauses = Promise.all([pauseDays(recent, to), readPauseState()]).then(([rollups, state]) => ({ rollups, state }));
  // The journal's modules load apart, so the pause charts do not wait for them.
  const journalStore = Promise.all([import('../journal/database'), import('../journal/store')]).then(([db, store]) => ({ days: db.journalDays, store: store.journalStore() }));
  const journal = Promise.all([journalStore.then((j) => j.days(j.store, recent, to)), meetingAsksItem.getValue()]).then(([rollups, asks]) => ({ rollups, asks }));
  // The rest of the year, once the first view has what it shows.
  const year = Promise.all([pauses, journal])
    .then(() => Promise.all([pauseDays(first, to), journalStore.then((j) => j.days(j.store, first, to))]))
    .then(([p, j]) => ({ pauses: p, journal: j }));
  return { now, pauses, journal, year };
}
