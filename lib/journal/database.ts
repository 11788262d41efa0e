import type { UseStore } from 'idb-keyval';
import { storedReflection } from './reflection';
import { indexedWords, PostingEdits, WORDS_STORE } from './word-index';

/**
 * The journal's database: the `reflections` store (one record per
 * reflection, keyed by its id) and, since version 2, the `words` store, its
 * word index (`word-index.ts`).
 *
 * Version 1 journals (reflections only) are upgraded on the first open: the
 * index is built from every reflection in the upgrade's own transaction, so
 * it is complete or, if anything fails, not there at all and the journal is
 * as it was.
 */
export const JOURNAL_DB = 'pause-moment-journal';
export const REFLECTIONS_STORE = 'reflections';
export const JOURNAL_DB_VERSION = 2;

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

/**
 * Opens (creating or upgrading) the journal database `name`. The connection
 * closes itself when a newer version asks to open it, so an upgrade is never
 * held up by a page still open.
 */
export function openJournalDb(name = JOURNAL_DB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, JOURNAL_DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      const tx = open.transaction!;
      if (!db.objectStoreNames.contains(REFLECTIONS_STORE)) db.createObjectStore(REFLECTIONS_STORE);
      if (!db.objectStoreNames.contains(WORDS_STORE)) {
        db.createObjectStore(WORDS_STORE);
        buildIndex(tx);
      }
    };
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error);
    open.onblocked = () => {
      // An older page holds the journal open; the open completes as soon as it closes.
    };
  });
}

/**
 * An idb-keyval store over the journal database `name`: every transaction
 * spans the reflections and their index, and hands idb-keyval the
 * reflections store (the index is reached from its transaction).
 */
export function createJournalStore(name = JOURNAL_DB): UseStore {
  let db: Promise<IDBDatabase> | undefined;
  const connection = (): Promise<IDBDatabase> => {
    if (!db) {
      const opening = openJournalDb(name);
      db = opening;
      opening.then(
        (d) => d.addEventListener('close', () => db === opening && (db = undefined)),
        () => db === opening && (db = undefined),
      );
    }
    return db;
  };
  return async (mode, callback) => {
    let d = await connection();
    let tx: IDBTransaction;
    try {
      tx = d.transaction([REFLECTIONS_STORE, WORDS_STORE], mode);
    } catch (error) {
      // Closed for an upgrade (or by the browser) since it was opened: open again once.
      if ((error as DOMException)?.name !== 'InvalidStateError') throw error;
      db = undefined;
      d = await connection();
      tx = d.transaction([REFLECTIONS_STORE, WORDS_STORE], mode);
    }
    return callback(tx.objectStore(REFLECTIONS_STORE));
  };
}
