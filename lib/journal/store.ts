import { promisifyRequest, type UseStore } from 'idb-keyval';
import { createJournalStore } from './database';
import { problemText } from '../browser/record-problem';
import { reflectionProblem, storedReflection, type Reflection } from './reflection';
import { SEARCH_BATCH_SIZE, walk, yieldToEventLoop } from './walk';
import { indexedWords, PostingEdits, wordsStoreBeside } from './word-index';

/**
 * The journal: one record per reflection, keyed by its id. Ids are
 * time-sortable strings, so key order is creation order and every "newest
 * first" read is a cursor walked backwards over a key range, never a load of
 * the whole store.
 *
 * Every read checks each record with `reflectionProblem` and skips the ones
 * that fail (old or corrupt data, or a record whose key is not its id): a bad
 * record is invisible, it never makes a read throw.
 *
 * Every write also updates the word index beside the reflections
 * (`word-index.ts`) in the same transaction, when the store has one (the
 * journal's own store does, see `database.ts`; a plain idb-keyval store
 * works too, and is searched by reading every record). Search is
 * `search.ts`.
 */

let defaultStore: UseStore | undefined;
/**
 * The journal store. Only extension pages and the background may open it:
 * from a content script idb-keyval would write into the website's own
 * IndexedDB, where the site could read it.
 */
export function journalStore(): UseStore {
  defaultStore ??= createJournalStore();
  return defaultStore;
}

function named(value: unknown): string {
  const id = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  return id === undefined ? 'reflection' : `reflection ${JSON.stringify(id.slice(0, 40))}`;
}

/**
 * Saves a reflection under its id: saving the same id again (a retry, an
 * edit) replaces it, never duplicates. Throws, writing nothing, when the
 * value is not a valid reflection.
 */
export async function saveReflection(r: Reflection, store = journalStore()): Promise<void> {
  const problem = reflectionProblem(r);
  if (problem !== undefined) throw new Error(`Cannot save ${named(r)}: it ${problemText(problem)}.`);
  await writeRecords([[r.id, r]], store);
}

/** The words a stored value is indexed under: none unless it is a valid reflection stored under its own id. */
function wordsOfStored(key: IDBValidKey, value: unknown): Set<string> | undefined {
  const r = storedReflection(key, value);
  return r && indexedWords(r);
}

/**
 * Writes each value under its id (`undefined` deletes it) in one readwrite
 * transaction, keeping the word index in step: the values there before are
 * read first, so the words they no longer have are dropped from the index.
 * Values are written as given (a rollback may put back an invalid record);
 * only valid reflections are indexed.
 */
export function writeRecords(entries: ReadonlyArray<readonly [id: string, value: unknown]>, store = journalStore()): Promise<void> {
  return store('readwrite', (s) => {
    const words = wordsStoreBeside(s);
    const done = promisifyRequest(s.transaction);
    if (!words) {
      for (const [id, value] of entries) {
        if (value === undefined) s.delete(id);
        else s.put(value, id);
      }
      return done;
    }
    const edits = new PostingEdits();
    // The last value given for an id wins, as it would with one put after another.
    const latest = new Map(entries);
    let pending = latest.size;
    for (const [id] of latest) {
      const read = s.get(id);
      read.onsuccess = () => {
        const value = latest.get(id);
        edits.change(id, wordsOfStored(id, read.result), value === undefined ? undefined : wordsOfStored(id, value));
        if (value === undefined) s.delete(id);
        else s.put(value, id);
        pending -= 1;
        if (pending === 0) edits.writeTo(words);
      };
    }
    return done;
  });
}

/** Puts back a reflection removed by `deleteReflection` (undo). The same as `saveReflection`. */
export function restoreReflection(r: Reflection, store = journalStore()): Promise<void> {
  return saveReflection(r, store);
}

/** How many reflections a page of the popup's list holds. */
export const JOURNAL_PAGE = 20;

/** `IDBObjectStore.getAllRecords` (newer browsers): keys and values in one request, in either direction. */
type RecordsReader = {
  getAllRecords?(options: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }): IDBRequest<Array<{ key: IDBValidKey; value: unknown }>>;
};

/**
 * Up to `count` records (valid or not) in `range`, newest first: one
 * getAllRecords request where the browser has it, else a cursor walked
 * backwards `count` steps.
 */
function newestRecords(s: IDBObjectStore, range: IDBKeyRange | null, count: number): Promise<Array<{ key: IDBValidKey; value: unknown }>> {
  const reader = s as IDBObjectStore & RecordsReader;
  if (typeof reader.getAllRecords === 'function') return promisifyRequest(reader.getAllRecords({ query: range, count, direction: 'prev' }));
  return new Promise((resolve, reject) => {
    const out: Array<{ key: IDBValidKey; value: unknown }> = [];
    const request = s.openCursor(range, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(out);
      out.push({ key: cursor.key, value: cursor.value });
      if (out.length >= count) return resolve(out);
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}

/**
 * Up to `limit` reflections, newest first, older than the id `before`
 * (exclusive) or from the newest. Reads only the records returned, plus any
 * invalid ones skipped on the way (then it reads on for as many more). A page
 * shorter than `limit` means there is nothing older; to page on, pass the last
 * id of a page as the next `before`.
 */
export async function reflectionsNewestFirst(limit: number, before?: string, store = journalStore()): Promise<Reflection[]> {
  const wanted = Math.floor(limit);
  if (!(wanted > 0)) return [];
  const out: Reflection[] = [];
  let upper: IDBValidKey | undefined = before;
  for (;;) {
    const count = Math.min(wanted - out.length, 1000);
    const range: IDBKeyRange | null = upper === undefined ? null : IDBKeyRange.upperBound(upper, true);
    const records: Array<{ key: IDBValidKey; value: unknown }> = await store('readonly', (s) => newestRecords(s, range, count));
    for (const { key, value } of records) {
      const r = storedReflection(key, value);
      if (r) out.push(r);
    }
    if (out.length >= wanted || records.length < count) return out;
    upper = records[records.length - 1]!.key;
  }
}

/**
 * Deletes a reflection and returns it, for undo (`restoreReflection`).
 * Returns undefined when there was none, or when the stored record was not a
 * valid reflection (it is deleted all the same).
 */
export function deleteReflection(id: string, store = journalStore()): Promise<Reflection | undefined> {
  return store('readwrite', (s) => {
    const request = s.get(id);
    const words = wordsStoreBeside(s);
    return new Promise<Reflection | undefined>((resolve, reject) => {
      request.onsuccess = () => {
        const old = storedReflection(id, request.result);
        s.delete(id);
        if (words && old) {
          const edits = new PostingEdits();
          edits.change(id, indexedWords(old), undefined);
          edits.writeTo(words);
        }
        promisifyRequest(s.transaction).then(() => resolve(old), reject);
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/**
 * Every valid reflection, oldest first (for export). Read in batches of
 * `SEARCH_BATCH_SIZE` records, yielding between them.
 */
export async function allReflections(store = journalStore()): Promise<Reflection[]> {
  const out: Reflection[] = [];
  let lower: IDBValidKey | undefined;
  for (;;) {
    const batch = await walk(store, {
      range: lower === undefined ? null : IDBKeyRange.lowerBound(lower, true),
      direction: 'next',
      maxRecords: SEARCH_BATCH_SIZE,
      visit: (r) => {
        out.push(r);
        return false;
      },
    });
    if (batch.end) return out;
    lower = batch.lastKey;
    await yieldToEventLoop();
  }
}

/**
 * How many records the journal holds, counted by IndexedDB without reading
 * them. Invalid records (skipped by every read) are counted too; they should
 * not exist, since every write is validated.
 */
export function countReflections(store = journalStore()): Promise<number> {
  return store('readonly', (s) => promisifyRequest(s.count()));
}

/**
 * Writes all the reflections in one transaction (for import): all are
 * validated first, and if any is invalid this throws before writing any.
 * Ids already in the journal are replaced.
 */
export async function putReflectionsAtomically(rs: readonly Reflection[], store = journalStore()): Promise<void> {
  rs.forEach((r, i) => {
    const problem = reflectionProblem(r);
    if (problem !== undefined) throw new Error(`Cannot import: ${named(r)} (number ${i + 1} of ${rs.length}) ${problemText(problem)}. Nothing was imported.`);
  });
  if (rs.length === 0) return;
  await writeRecords(
    rs.map((r) => [r.id, r] as const),
    store,
  );
}

/** Deletes every reflection (and the word index with them). */
export function clearJournal(store = journalStore()): Promise<void> {
  return store('readwrite', (s) => {
    s.clear();
    wordsStoreBeside(s)?.clear();
    return promisifyRequest(s.transaction);
  });
}
