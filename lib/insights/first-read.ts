import { addDays, dayKey } from '../browser/day';
import type { DayRollup } from '../browser/rollups';
import { JOURNAL_DAYS_STORE, JOURNAL_DB, JOURNAL_DB_VERSION, PAUSE_DAYS_STORE, PAUSE_LOG_DB, PAUSE_LOG_VERSION } from '../browser/databases';
import { STORAGE_KEYS } from '../settings/storage-keys';
import { handover } from '../browser/handover';

/** Days of roll-ups the first view needs: this week and the week before, which it compares with. */
export const RECENT_DAYS = 14;

/** What the first view reads from the extension's local storage: what decides a pause, and the calls asked about. */
export const FIRST_VIEW_KEYS = [STORAGE_KEYS.settings, STORAGE_KEYS.openTimes, STORAGE_KEYS.snooze, STORAGE_KEYS.meetingAsks] as const;
export type FirstViewKey = (typeof FIRST_VIEW_KEYS)[number];

/**
 * The reads the Insights page's first view needs, started before the page is
 * built: a small script at the top of insights.html starts them
 * (`startFirstRead`) while the page's modules load, and the page takes them
 * when it starts (`takeFirstRead`). The roll-ups are read with IndexedDB
 * itself, without the stores' library; a database that is not there yet, or
 * still at an older version, gives `undefined`, and the page then reads
 * through its store, which builds what the older version lacks.
 */
export interface FirstRead {
  /** When the reads began: the page's "today". */
  now: number;
  /** The pause history's roll-ups of the last `RECENT_DAYS` days. */
  pauses: Promise<DayRollup[] | undefined>;
  /** The journal's roll-ups of the same days. */
  journal: Promise<DayRollup[] | undefined>;
  /** The stored values of `FIRST_VIEW_KEYS`, as storage holds them. */
  stored: Promise<Partial<Record<FirstViewKey, unknown>>>;
}

/** The first and last day keys of the first view, both included. */
export function recentDays(now: number): { from: string; to: string } {
  const to = dayKey(now);
  return { from: addDays(to, -(RECENT_DAYS - 1)), to };
}

/**
 * The roll-ups of days `from` to `to` (day keys, both included) in store
 * `days` of database `name`, oldest first, read in one request; undefined
 * when the database does not exist or is older than `version`. Never creates
 * or upgrades a database: an open that would is abandoned, which leaves an
 * older database as it was and a missing one missing (IndexedDB, "abort an
 * upgrade transaction", https://w3c.github.io/IndexedDB/#abort-an-upgrade-transaction;
 * the web-platform test IndexedDB/abort-in-initial-upgradeneeded.any.js holds
 * browsers to deleting the database it would have created). A newer database
 * is an error, as it is for the stores. The connection closes once the read is done, and at
 * once if another page asks to upgrade the database.
 */
export function rollupsIfCurrent(name: string, version: number, days: string, from: string, to: string): Promise<DayRollup[] | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version);
    let older = false;
    open.onupgradeneeded = () => {
      older = true;
      open.transaction!.abort();
    };
    open.onerror = (event) => {
      if (!older) return reject(open.error);
      // The abandoned upgrade is not an error here: the store will make it.
      event.preventDefault();
      resolve(undefined);
    };
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      try {
        const request = db.transaction(days, 'readonly').objectStore(days).getAll(IDBKeyRange.bound(from, to));
        request.onsuccess = () => resolve(request.result as DayRollup[]);
        request.onerror = () => reject(request.error);
      } catch (error) {
        reject(error);
      } finally {
        // Closes when the read's transaction is done.
        db.close();
      }
    };
  });
}

/** The pause history's roll-ups of days `from` to `to`, if its database is current (`rollupsIfCurrent`). */
export function pauseDaysIfCurrent(from: string, to: string): Promise<DayRollup[] | undefined> {
  return rollupsIfCurrent(PAUSE_LOG_DB, PAUSE_LOG_VERSION, PAUSE_DAYS_STORE, from, to);
}

/** The journal's roll-ups of days `from` to `to`, if its database is current (`rollupsIfCurrent`). */
export function journalDaysIfCurrent(from: string, to: string): Promise<DayRollup[] | undefined> {
  return rollupsIfCurrent(JOURNAL_DB, JOURNAL_DB_VERSION, JOURNAL_DAYS_STORE, from, to);
}

/** Starts the first view's reads at `now`; `readStored` reads the extension's local storage (`settings/local-reader.ts`). */
export function firstRead(now: number, readStored: (keys: readonly FirstViewKey[]) => Promise<Partial<Record<FirstViewKey, unknown>>>): FirstRead {
  const { from, to } = recentDays(now);
  // The storage call goes first: it crosses to the browser's own process, while IndexedDB opens.
  const stored = readStored(FIRST_VIEW_KEYS);
  const pauses = pauseDaysIfCurrent(from, to);
  const journal = journalDaysIfCurrent(from, to);
  // Handled by whoever takes them; never an unhandled rejection meanwhile.
  for (const read of [stored, pauses, journal]) read.catch(() => {});
  return { now, pauses, journal, stored };
}

/** The slot on the page's global object the reads are handed over in. */
export const INSIGHTS_FIRST_READ_SLOT = '__pauseMomentInsightsFirstRead';
const slot = handover<FirstRead>(INSIGHTS_FIRST_READ_SLOT);

/** Starts the first view's reads now and keeps them for `takeFirstRead` (unless the page has read for itself already). */
export function startFirstRead(readStored: Parameters<typeof firstRead>[1]): void {
  slot.give(() => firstRead(Date.now(), readStored));
}

/** The reads `startFirstRead` began, once; undefined if it had not run, and then it never reads. */
export function takeFirstRead(): FirstRead | undefined {
  return slot.take();
}
