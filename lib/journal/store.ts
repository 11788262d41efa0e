import { get, promisifyRequest, type UseStore } from 'idb-keyval';
import { createJournalStore } from './database';
import { reflectionProblem, storedReflection, type Reflection } from './reflection';
import { fold, hasEveryWord, queryWords, reflectionWords } from './search-words';
import { blocksInAll, canLookUp, filingOf, idsInBlock, indexedWords, PostingEdits, wordsStoreBeside, type Filing } from './word-index';

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
 * works too, and is searched by reading every record).
 */

/** Records read per transaction by the long walks (search, export). */
export const SEARCH_BATCH_SIZE = 500;
/** Results a search returns when no limit is given. */
const SEARCH_LIMIT = 50;

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
  if (problem !== undefined) throw new Error(`Cannot save ${named(r)}: it ${problem}.`);
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

/** The reflection with this id, or undefined if there is none (or the stored record is not valid). */
export async function getReflection(id: string, store = journalStore()): Promise<Reflection | undefined> {
  return storedReflection(id, await get<unknown>(id, store));
}

interface WalkOptions {
  range: IDBKeyRange | null;
  direction: 'next' | 'prev';
  /** Most records to read in this transaction (valid or not). */
  maxRecords: number;
  /** Called for each valid reflection; return true to stop before reading further. */
  visit: (r: Reflection) => boolean;
  /** Checked before each record; returning true stops the walk. */
  shouldStop?: () => boolean;
  /** After `visit` asks to stop, advance once more to learn whether another record follows. */
  peek?: boolean;
}

interface WalkResult {
  /** Key of the last record read, to continue from with an exclusive bound. */
  lastKey?: IDBValidKey;
  /** The walk ran past the last record in the range. */
  end: boolean;
  /** `visit` asked to stop and (with `peek`) another record follows in the range. */
  stoppedBeforeMore: boolean;
}

/**
 * Walks a cursor in one readonly transaction. With `peek`, after `visit` asks
 * to stop the cursor advances once more only to learn whether another record
 * follows; that record is not visited and `lastKey` stays on the last one
 * visited. (Checking the stop before the batch size means a stop on a batch's
 * last record still learns whether more follow.)
 */
function walk(store: UseStore, o: WalkOptions): Promise<WalkResult> {
  return store('readonly', (s) => {
    const request = s.openCursor(o.range, o.direction);
    let read = 0;
    let lastKey: IDBValidKey | undefined;
    let stopAfterPeek = false;
    return new Promise<WalkResult>((resolve, reject) => {
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve({ lastKey, end: true, stoppedBeforeMore: false });
        if (stopAfterPeek) return resolve({ lastKey, end: false, stoppedBeforeMore: true });
        if (read >= o.maxRecords || o.shouldStop?.()) return resolve({ lastKey, end: false, stoppedBeforeMore: false });
        read++;
        lastKey = cursor.key;
        const r = storedReflection(cursor.key, cursor.value);
        if (r && o.visit(r)) {
          if (!o.peek) return resolve({ lastKey, end: false, stoppedBeforeMore: true });
          stopAfterPeek = true;
        }
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
  });
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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

export interface SearchOptions {
  /** Most results to return; default 50. */
  limit?: number;
  /** Aborting makes the search reject with `signal.reason`; nothing partial is returned. */
  signal?: AbortSignal;
  /** Only reflections with this tag (a leading '#' and case are ignored). */
  tag?: string;
  /** Continue below this id (exclusive): the `cursor` of the previous page. */
  before?: string;
}

export interface SearchPage {
  /** Newest first. */
  results: Reflection[];
  /**
   * True when the search stopped at `limit` with records still left to look
   * at. Those records may not match: a next page can be empty.
   */
  more: boolean;
  /** With `more`: pass as `before` to continue. The id of the last result. */
  cursor?: string;
}

function normaliseTag(tag: string): string {
  return tag.trim().replace(/^#/, '').toLowerCase().normalize('NFC');
}

/** Reflections read per transaction when checking what the index found. */
const CHECK_BATCH_SIZE = 50;

/**
 * Reflections matching `query`, newest first. A reflection matches when every
 * word of the query begins a word of its text, its prompt or its tags, ignoring
 * case and accents ("bound" finds "boundary"; "#bound" finds the tag
 * #boundary; see `search-words.ts`). An empty query matches everything (useful
 * with `tag`).
 *
 * With the word index (the journal's own store), the reflections filed under
 * the query's words and the tag are read and checked, and nothing else.
 * Without it, or when no query word can be looked up (short words and
 * function words are not indexed, see `word-index.ts`), the store is read newest
 * first in transactions of `SEARCH_BATCH_SIZE` records, yielding to the event
 * loop between them, so a search never holds the thread for long. Either way
 * it stops at `limit` results (`more`/`cursor` tell how to continue: pages
 * continued this way give exactly what one unlimited search would).
 *
 * Abort: the search rejects with `signal.reason` (an "AbortError"
 * DOMException unless the caller gave another reason), checked between
 * reads; it never resolves with partial results once aborted.
 */
export async function searchReflections(query: string, opts: SearchOptions = {}, store = journalStore()): Promise<SearchPage> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const limit = opts.limit === undefined || Number.isNaN(opts.limit) ? SEARCH_LIMIT : Math.max(1, Math.floor(opts.limit));
  const wanted = queryWords(query);
  const tag = opts.tag === undefined ? '' : normaliseTag(opts.tag);
  const matches = (r: Reflection): boolean => {
    if (tag && !r.tags.some((t) => t.normalize('NFC') === tag)) return false;
    return wanted.length === 0 || hasEveryWord(reflectionWords(r), wanted);
  };
  // Words the index cannot answer for (short, or the start of a word it leaves out) are only checked.
  const lookups = wanted.filter(canLookUp).map((w) => ({ word: w, prefix: true }));
  if (tag) lookups.push({ word: `#${fold(tag)}`, prefix: false });
  const filings = lookups.length ? await filingsOf(store, lookups) : undefined;
  signal?.throwIfAborted();
  return filings ? searchFiled(store, filings, matches, limit, opts.before, signal) : scan(store, matches, limit, opts.before, signal);
}

/** Where the index files each of `lookups`; undefined when the store has no index. */
function filingsOf(store: UseStore, lookups: Array<{ word: string; prefix: boolean }>): Promise<Filing[] | undefined> {
  return store('readonly', async (s) => {
    const words = wordsStoreBeside(s);
    return words ? Promise.all(lookups.map((l) => filingOf(words, l.word, l.prefix))) : undefined;
  });
}

/**
 * Reads the reflections the index files under every lookup, block by block,
 * newest first, keeping those that match: only as many blocks and
 * reflections as it takes to fill the page are read.
 */
async function searchFiled(
  store: UseStore,
  filings: Filing[],
  matches: (r: Reflection) => boolean,
  limit: number,
  before?: string,
  signal?: AbortSignal,
): Promise<SearchPage> {
  const results: Reflection[] = [];
  const blocks = blocksInAll(filings, before);
  for (let b = 0; b < blocks.length; b++) {
    const candidates = await store('readonly', (s) => idsInBlock(wordsStoreBeside(s)!, filings, blocks[b]!, before));
    signal?.throwIfAborted();
    for (let at = 0; at < candidates.length; ) {
      // As many as are still wanted (most candidates match), at most a batch.
      const batch = candidates.slice(at, at + Math.min(CHECK_BATCH_SIZE, limit - results.length));
      const values = await store('readonly', (s) => Promise.all(batch.map((id) => promisifyRequest(s.get(id)))));
      signal?.throwIfAborted();
      for (let i = 0; i < batch.length; i++) {
        const r = storedReflection(batch[i]!, values[i]);
        if (!r || !matches(r)) continue;
        results.push(r);
        if (results.length >= limit) {
          const more = at + i + 1 < candidates.length || b + 1 < blocks.length;
          return more ? { results, more, cursor: r.id } : { results, more };
        }
      }
      at += batch.length;
    }
  }
  return { results, more: false };
}

/** Reads the store newest first, in batches, keeping what matches. */
async function scan(store: UseStore, matches: (r: Reflection) => boolean, limit: number, before?: string, signal?: AbortSignal): Promise<SearchPage> {
  const results: Reflection[] = [];
  let upper: IDBValidKey | undefined = before;
  for (;;) {
    const batch = await walk(store, {
      range: upper === undefined ? null : IDBKeyRange.upperBound(upper, true),
      direction: 'prev',
      maxRecords: SEARCH_BATCH_SIZE,
      peek: true,
      shouldStop: () => signal?.aborted === true,
      visit: (r) => {
        if (matches(r)) results.push(r);
        return results.length >= limit;
      },
    });
    signal?.throwIfAborted();
    if (batch.stoppedBeforeMore) return { results, more: true, cursor: results[results.length - 1]!.id };
    if (batch.end) return { results, more: false };
    upper = batch.lastKey;
    await yieldToEventLoop();
    signal?.throwIfAborted();
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
    if (problem !== undefined) throw new Error(`Cannot import: ${named(r)} (number ${i + 1} of ${rs.length}) ${problem}. Nothing was imported.`);
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
