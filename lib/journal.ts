import { clear, createStore, get, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';
import { reflectionProblem, type Reflection } from './reflection';

/**
 * The journal: one record per reflection, keyed by its id. Ids are
 * time-sortable strings, so key order is creation order and every "newest
 * first" read is a cursor walked backwards over a key range, never a load of
 * the whole store.
 *
 * Every read checks each record with `reflectionProblem` and skips the ones
 * that fail (old or corrupt data, or a record whose key is not its id): a bad
 * record is invisible, it never makes a read throw.
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
  defaultStore ??= createStore('pause-moment-journal', 'reflections');
  return defaultStore;
}

/** The record as a reflection, or undefined when it is not a valid one stored under its own id. */
function asReflection(key: IDBValidKey, value: unknown): Reflection | undefined {
  if (reflectionProblem(value) !== undefined) return undefined;
  const r = value as Reflection;
  return r.id === key ? r : undefined;
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
  await set(r.id, r, store);
}

/** Puts back a reflection removed by `deleteReflection` (undo). The same as `saveReflection`. */
export function restoreReflection(r: Reflection, store = journalStore()): Promise<void> {
  return saveReflection(r, store);
}

/** The reflection with this id, or undefined if there is none (or the stored record is not valid). */
export async function getReflection(id: string, store = journalStore()): Promise<Reflection | undefined> {
  return asReflection(id, await get<unknown>(id, store));
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
        const r = asReflection(cursor.key, cursor.value);
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

/**
 * Up to `limit` reflections, newest first, older than the id `before`
 * (exclusive) or from the newest. Reads one cursor backwards in one
 * transaction: only the records returned, plus any invalid ones skipped on
 * the way, are read. A page shorter than `limit` means there is nothing
 * older; to page on, pass the last id of a page as the next `before`.
 */
export async function reflectionsNewestFirst(limit: number, before?: string, store = journalStore()): Promise<Reflection[]> {
  const wanted = Math.floor(limit);
  if (!(wanted > 0)) return [];
  const out: Reflection[] = [];
  await walk(store, {
    range: before === undefined ? null : IDBKeyRange.upperBound(before, true),
    direction: 'prev',
    maxRecords: Infinity,
    visit: (r) => {
      out.push(r);
      return out.length >= wanted;
    },
  });
  return out;
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

/** Lowercased, decomposed, combining marks stripped: "Límites" and "LIMITES" fold alike. */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function normaliseTag(tag: string): string {
  return tag.trim().replace(/^#/, '').toLowerCase().normalize('NFC');
}

/**
 * Reflections matching `query`, newest first. A reflection matches when every
 * whitespace-separated term is found, ignoring case and accents, in its text,
 * its prompt or its tags (written "#tag", so "#boundary" and "bound" both
 * find the tag "boundary"). An empty query matches everything (useful with
 * `tag`).
 *
 * The store is read in transactions of `SEARCH_BATCH_SIZE` records, yielding
 * to the event loop between them, so a search over a large journal never
 * holds the thread for long. It stops at `limit` results (`more`/`cursor` tell
 * how to continue: pages continued this way give exactly what one unlimited
 * search would).
 *
 * Abort: the search rejects with `signal.reason` (an "AbortError"
 * DOMException unless the caller gave another reason), checked before every
 * record; it never resolves with partial results once aborted.
 */
export async function searchReflections(query: string, opts: SearchOptions = {}, store = journalStore()): Promise<SearchPage> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const limit = opts.limit === undefined || Number.isNaN(opts.limit) ? SEARCH_LIMIT : Math.max(1, Math.floor(opts.limit));
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const tag = opts.tag === undefined ? '' : normaliseTag(opts.tag);
  const matches = (r: Reflection): boolean => {
    if (tag && !r.tags.some((t) => t.normalize('NFC') === tag)) return false;
    if (terms.length === 0) return true;
    const haystack = fold(`${r.text}\n${r.prompt ?? ''}\n${r.tags.map((t) => `#${t}`).join(' ')}`);
    return terms.every((term) => haystack.includes(term));
  };

  const results: Reflection[] = [];
  let upper: IDBValidKey | undefined = opts.before;
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
    return new Promise<Reflection | undefined>((resolve, reject) => {
      request.onsuccess = () => {
        const old = asReflection(id, request.result);
        s.delete(id);
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
  await setMany(
    rs.map((r) => [r.id, r]),
    store,
  );
}

/** Deletes every reflection. */
export function clearJournal(store = journalStore()): Promise<void> {
  return clear(store);
}
