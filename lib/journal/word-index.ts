import { promisifyRequest } from 'idb-keyval';
import { fold, reflectionWords } from './search-words';
import type { Reflection } from './reflection';

/**
 * The journal's word index: which reflections hold which words, so a search
 * reads the few reflections that can match instead of every one.
 *
 * Words shorter than `INDEX_WORD_MIN` and the commonest function words
 * (`STOP_WORDS`) are left out: they would make up much of the index and
 * narrow nothing down. A query word is looked up only when it could not
 * begin any word left out (`canLookUp`); other query words are checked on
 * the reflections the rest of the query finds (or on every reflection).
 *
 * It lives in the journal's database beside the reflections, in the store
 * `words`, and every write to the journal updates it in the same transaction.
 * One record per word and block of time: the key is [word, block], the value
 * the ids of the reflections written in that block that hold the word (or a
 * word it begins with, when the word is longer than `WORD_KEY_MAX`), each
 * without the block's characters it begins with. A block is
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

/** Words shorter than this are not indexed (tags, "#word", always are). */
export const INDEX_WORD_MIN = 3;

/** Function words of three or more letters, folded, in the languages the extension speaks. */
const STOP_WORDS = new Set(
  (
    // English
    'the and for are but not you all any can had her was our out his has him how its she too that with have this will your from they been were which their there what when would about could other into than then them these some just also only very after before over such here where while more most much many should because being those ' +
    // German
    'der die das den dem des und ist nicht ein eine einen einem einer eines mit von auf für sich auch als wie bei aus nach noch sie ich wir ihr war hat haben wird sind dass oder aber wenn mir mich dir dich uns euch sein seine ihre zum zur vom ins über unter ' +
    // French
    'les des une pas que qui dans pour sur par est sont avec mais plus tout comme elle ils nous vous leur ses son mes mon ton tes aux ces cette ete etre avoir fait ' +
    // Spanish
    'los las una por con para del que como pero mas sus esta este esto son fue muy sin sobre todo tambien cuando porque entre hay ser'
  )
    .split(' ')
    .map(fold),
);

/** Every start, of at least `INDEX_WORD_MIN` letters, of a stop word: a query word that is one could begin an unindexed word. */
const STOP_WORD_STARTS = new Set([...STOP_WORDS].flatMap((w) => Array.from({ length: w.length - INDEX_WORD_MIN + 1 }, (_, i) => w.slice(0, INDEX_WORD_MIN + i))));

/** Whether a (folded) word of a reflection is filed in the index. */
export function isIndexedWord(word: string): boolean {
  return word.startsWith('#') || (word.length >= INDEX_WORD_MIN && !STOP_WORDS.has(word));
}

/** Whether looking a (folded) query word up in the index finds every reflection with a word it begins. */
export function canLookUp(word: string): boolean {
  return word.startsWith('#') || (word.length >= INDEX_WORD_MIN && !STOP_WORD_STARTS.has(word));
}

export function blockOf(id: string): string {
  return id.slice(0, BLOCK_WIDTH);
}

/** The words a reflection is filed under in the index. */
export function indexedWords(r: Pick<Reflection, 'text' | 'prompt' | 'tags'>): Set<string> {
  const out = new Set<string>();
  for (const w of reflectionWords(r)) if (isIndexedWord(w)) out.add(w.slice(0, WORD_KEY_MAX));
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
        // Stored without the block's own leading characters, which every id in it shares.
        const tails = new Set<string>(Array.isArray(request.result) ? request.result : []);
        for (const id of e.remove) tails.delete(id.slice(BLOCK_WIDTH));
        for (const id of e.add) tails.add(id.slice(BLOCK_WIDTH));
        if (tails.size) words.put([...tails], e.key);
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
  for (const key of await promisifyRequest(words.getAllKeys(range))) {
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
      for (const ids of await Promise.all((f.get(block) ?? []).map((key) => promisifyRequest(words.get(key))))) {
        if (Array.isArray(ids)) for (const tail of ids) if (typeof tail === 'string') set.add(block + tail);
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
