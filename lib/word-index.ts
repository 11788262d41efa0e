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

/**
 * The ids filed under `word`, by block. With `prefix`, under every word that
 * begins with it (as far as keys go: the caller checks the reflections).
 */
export async function idsFiledUnder(words: IDBObjectStore, word: string, prefix: boolean): Promise<Map<string, Set<string>>> {
  const w = word.slice(0, WORD_KEY_MAX);
  const range = prefix || w.length < word.length ? IDBKeyRange.bound([w], [`${w}\uffff`]) : IDBKeyRange.bound([w], [w, []]);
  const [keys, values] = await Promise.all([request(words.getAllKeys(range)), request(words.getAll(range))]);
  const byBlock = new Map<string, Set<string>>();
  keys.forEach((key, i) => {
    const block = (key as PostingKey)[1];
    const ids = values[i];
    if (typeof block !== 'string' || !Array.isArray(ids)) return;
    let set = byBlock.get(block);
    if (!set) byBlock.set(block, (set = new Set()));
    for (const id of ids) if (typeof id === 'string') set.add(id);
  });
  return byBlock;
}

/**
 * The ids filed under every one of `lists` (from `idsFiledUnder`), newest
 * first, below `before` (exclusive) when given.
 */
export function idsInAll(lists: ReadonlyArray<Map<string, Set<string>>>, before?: string): string[] {
  if (lists.length === 0) return [];
  const total = (l: Map<string, Set<string>>): number => {
    let n = 0;
    for (const ids of l.values()) n += ids.size;
    return n;
  };
  // Walk the shortest list, looking the others up.
  const [first, ...rest] = [...lists].sort((a, b) => total(a) - total(b));
  const blocks = [...first!.keys()].filter((b) => rest.every((l) => l.has(b))).sort().reverse();
  const out: string[] = [];
  for (const block of blocks) {
    if (before !== undefined && block > blockOf(before)) continue;
    const ids: string[] = [];
    for (const id of first!.get(block)!) {
      if (before !== undefined && id >= before) continue;
      if (rest.every((l) => l.get(block)!.has(id))) ids.push(id);
    }
    ids.sort();
    for (let i = ids.length - 1; i >= 0; i--) out.push(ids[i]!);
  }
  return out;
}
