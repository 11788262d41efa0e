import type { UseStore } from 'idb-keyval';
import { createTalliedStore, rollupsBetween, type TalliedDbSpec } from '../browser/tallied-store';
import type { DayRollup } from '../browser/rollups';
import { storedReflection } from './reflection';
import { reflectionTally } from './tally';
import { indexedWords, PostingEdits, WORDS_STORE } from './word-index';
import { JOURNAL_DAYS_STORE, JOURNAL_DB, JOURNAL_DB_VERSION, REFLECTIONS_STORE } from '../browser/databases';

/**
 * The journal's database: the `reflections` store (one record per
 * reflection, keyed by its id); since version 2, the `words` store, its word
 * index (`word-index.ts`); and since version 3, the `days` store, a roll-up
 * of each day's reflections (`tally.ts`) that Insights charts.
 *
 * An older journal is upgraded on the first open: what it lacks is built from
 * every reflection in the upgrade's own transaction, so it is complete or, if
 * anything fails, not there at all and the journal is as it was. Its name,
 * version and store names are in `browser/databases.ts`.
 */

/** Builds the index in an upgrade transaction, reading every reflection once. */
function buildIndex(tx: IDBTransaction): void {
  const edits = new PostingEdits();
  const words = tx.objectStore(WORDS_STORE);
  const cursorRequest = tx.objectStore(REFLECTIONS_STORE).openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (!cursor) {
      edits.writeTo(words);
      return;
    }
    const r = storedReflection(cursor.key, cursor.value);
    if (r) edits.change(r.id, undefined, indexedWords(r));
    cursor.continue();
  };
}

const journalDb = (name: string): TalliedDbSpec => ({
  name,
  version: JOURNAL_DB_VERSION,
  records: REFLECTIONS_STORE,
  days: JOURNAL_DAYS_STORE,
  rollupsSince: 3,
  others: [WORDS_STORE],
  tallyOf: reflectionTally,
  upgrade(db, tx) {
    if (!db.objectStoreNames.contains(WORDS_STORE)) {
      db.createObjectStore(WORDS_STORE);
      buildIndex(tx);
    }
  },
});

/**
 * An idb-keyval store over the journal database `name`: every transaction
 * spans the reflections, their index and their roll-ups, and hands
 * idb-keyval the reflections store (the others are reached from its
 * transaction). Every write keeps the roll-ups in step.
 */
export function createJournalStore(name = JOURNAL_DB): UseStore {
  return createTalliedStore(journalDb(name));
}

/** The journal's roll-ups of days `from` to `to` (day keys, both included). */
export function journalDays(store: UseStore, from: string, to: string): Promise<DayRollup[]> {
  return rollupsBetween(store, JOURNAL_DAYS_STORE, from, to);
}
