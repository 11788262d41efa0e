import { promisifyRequest, type UseStore } from 'idb-keyval';
import { storedReflection, type Reflection } from './reflection';
import { fold, hasEveryWord, queryWords, reflectionWords } from './search-words';
import { journalStore } from './store';
import { SEARCH_BATCH_SIZE, walk, yieldToEventLoop } from './walk';
import { blocksInAll, canLookUp, filingOf, idsInBlock, wordsStoreBeside, type Filing } from './word-index';

/**
 * Searching the journal by words and tags, newest first: through the word
 * index (`word-index.ts`) where the store has one, else by reading the store
 * in batches (`walk.ts`).
 */

/** Results a search returns when no limit is given. */
const SEARCH_LIMIT = 50;

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
