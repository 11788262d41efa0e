import { reflectionWords } from './search-words';
import type { Reflection } from './reflection';

/**
 * The journal's word index: which reflections hold which words, so a search
 * reads the few reflections that can match instead of every one.
 *
 * It lives in the journal's database beside the reflections, in the store
 * `words`, and every write to the journal updates it in the same transaction.
 * One record per word and block of time: the key is [word, block], the value
 * the ids of the reflections written in that block that hold the word (or a
 * word it begins with, when the word is longer than `WORD_KEY_MAX`). A block is
 * the first `BLOCK_WIDTH` characters of the time-sortable id, about 25 days,
 * so a record stays small however large the journal grows, and blocks sort
 * like the ids in them.
 *
 * The index only narrows a search down: every reflection it names is read and
 * checked against the query before it is shown.
 */

export const WORDS_STORE = 'words';
/** Characters of a word kept in a key; longer words share the key of their start. */
export const WORD_KEY_MAX = 24;
/** Leading characters of an id that name its block (base-36 milliseconds: 36^6 ms ≈ 25 days). */
const BLOCK_WIDTH = 3;

type PostingKey = [word: string, block: string];

export function blockOf(id: string): string {
  return id.slice(0, BLOCK_WIDTH);
}

/** The words a reflection is filed under in the index. */
export function indexedWords(r: Pick<Reflection, 'text' | 'prompt' | 'tags'>): Set<string> {
  const out = new Set<string>();
  for (const w of reflectionWords(r)) out.add(w.slice(0, WORD_KEY_MAX));
  return out;
}

/**
 * Changes to the index, gathered first and then written with one read and
 * one write per [word, block] record, however many reflections touch it.
 */
export class PostingEdits {
  private readonly edits = new Map<string, { key: PostingKey; add: string[]; remove: string[] }>();

  private edit(word: string, id: string) {
    const block = blockOf(id);
    const k = `${word}\u0000${block}`;
    let e = this.edits.get(k);
    if (!e) this.edits.set(k, (e = { key: [word, block], add: [], remove: [] }));
    return e;
  }

  /** Files reflection `id` under the words it has now, and out of those it had `before` but no longer has. */
  change(id: string, before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined): void {
    if (before) for (const w of before) if (!after?.has(w)) this.edit(w, id).remove.push(id);
    if (after) for (const w of after) if (!before?.has(w)) this.edit(w, id).add.push(id);
  }

  get size(): number {
    return this.edits.size;
  }

  /** Issues the reads and writes in `words`, a store of a readwrite transaction; they are done when it completes. */
  writeTo(words: IDBObjectStore): void {
    for (const e of this.edits.values()) {
      const request = words.get(e.key);
      request.onsuccess = () => {
        const ids = new Set<string>(Array.isArray(request.result) ? request.result : []);
        for (const id of e.remove) ids.delete(id);
        for (const id of e.add) ids.add(id);
        if (ids.size) words.put([...ids], e.key);
        else words.delete(e.key);
      };
    }
    this.edits.clear();
  }
}

/** The index's store in the transaction that holds `reflections`, if this journal has one. */
export function wordsStoreBeside(reflections: IDBObjectStore): IDBObjectStore | undefined {
  const tx = reflections.transaction;
  return tx.objectStoreNames.contains(WORDS_STORE) ? tx.objectStore(WORDS_STORE) : undefined;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Where the index files a word: its records' keys, by block. */
export type Filing = Map<string, PostingKey[]>;

/**
 * The keys of the records filing `word`, by block (keys only: the ids are
 * read block by block, newest first, by `idsInBlock`). With `prefix`, of every
 * word that begins with it (as far as keys go: the caller checks the
 * reflections).
 */
export async function filingOf(words: IDBObjectStore, word: string, prefix: boolean): Promise<Filing> {
  const w = word.slice(0, WORD_KEY_MAX);
  const range = prefix || w.length < word.length ? IDBKeyRange.bound([w], [`${w}\uffff`]) : IDBKeyRange.bound([w], [w, []]);
  const byBlock: Filing = new Map();
  for (const key of await request(words.getAllKeys(range))) {
    const k = key as PostingKey;
    if (!Array.isArray(k) || typeof k[1] !== 'string') continue;
    let keys = byBlock.get(k[1]);
    if (!keys) byBlock.set(k[1], (keys = []));
    keys.push(k);
  }
  return byBlock;
}

/** The blocks every one of `filings` has, newest first, from the one holding `before` down. */
export function blocksInAll(filings: readonly Filing[], before?: string): string[] {
  if (filings.length === 0) return [];
  const [first, ...rest] = filings;
  const top = before === undefined ? undefined : blockOf(before);
  return [...first!.keys()]
    .filter((b) => (top === undefined || b <= top) && rest.every((f) => f.has(b)))
    .sort()
    .reverse();
}

/** The ids filed in `block` under every one of `filings`, newest first, below `before` (exclusive) when given. */
export async function idsInBlock(words: IDBObjectStore, filings: readonly Filing[], block: string, before?: string): Promise<string[]> {
  const sets = await Promise.all(
    filings.map(async (f) => {
      const set = new Set<string>();
      for (const ids of await Promise.all((f.get(block) ?? []).map((key) => request(words.get(key))))) {
        if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') set.add(id);
      }
      return set;
    }),
  );
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  const out: string[] = [];
  for (const id of smallest ?? []) {
    if (before !== undefined && id >= before) continue;
    if (rest.every((s) => s.has(id))) out.push(id);
  }
  return out.sort().reverse();
}
