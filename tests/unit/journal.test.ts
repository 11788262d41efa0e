import fc from 'fast-check';
import { createStore, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idTimePrefix } from '@/lib/browser/ids';
import { createJournalStore } from '@/lib/journal/database';
import { blockOf, indexedWords } from '@/lib/journal/word-index';
import {
  allReflections,
  clearJournal,
  countReflections,
  deleteReflection,
  getReflection,
  journalStore,
  putReflectionsAtomically,
  reflectionsNewestFirst,
  restoreReflection,
  saveReflection,
  SEARCH_BATCH_SIZE,
  searchReflections,
  writeRecords,
} from '@/lib/journal/store';
import { newReflection, type Mood, type Reflection, type ReflectionSource } from '@/lib/journal/reflection';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;
const popup: ReflectionSource = { kind: 'popup' };

let dbCount = 0;
/** A journal of its own, with the word index, as the extension's. */
const freshStore = (): UseStore => createJournalStore(`journal-test-${++dbCount}`);
/** A plain idb-keyval store with no word index: searched by reading every record. */
const plainStore = (): UseStore => createStore(`journal-plain-${++dbCount}`, 'reflections');

let store: UseStore;
beforeEach(() => {
  store = freshStore();
});
afterEach(() => {
  vi.restoreAllMocks();
});

let seq = 0;
/** A reflection made at `time`, with a unique, time-sortable id. */
function made(time: number, text = 'a quiet note', extra: { prompt?: string; mood?: Mood } = {}): Reflection {
  const id = `${idTimePrefix(time)}-${(seq++).toString(36).padStart(8, '0')}`;
  return newReflection(id, time, text, popup, extra);
}

const ids = (rs: readonly Reflection[]): string[] => rs.map((r) => r.id);
const newestFirst = (rs: readonly Reflection[]): string[] => ids(rs).sort().reverse();

/** The store, counting its transactions; `onTransaction` sees each one's number as it starts. */
function counting(inner: UseStore, onTransaction: (n: number) => void = () => {}): { store: UseStore; transactions: () => number } {
  let n = 0;
  const wrapped: UseStore = (mode, callback) => {
    onTransaction(++n);
    return inner(mode, callback);
  };
  return { store: wrapped, transactions: () => n };
}

/** Every page of `reflectionsNewestFirst`, walking `before` down until an empty page. */
async function allPages(size: number, s: UseStore): Promise<Reflection[][]> {
  const pages: Reflection[][] = [];
  let before: string | undefined;
  for (;;) {
    const page = await reflectionsNewestFirst(size, before, s);
    if (page.length === 0) return pages;
    expect(page.length).toBeLessThanOrEqual(size);
    pages.push(page);
    before = page[page.length - 1]!.id;
  }
}

describe('saveReflection and getReflection', () => {
  it('stores a reflection under its id and reads it back', async () => {
    const r = made(T0, 'I paused before saying yes. #boundary', { prompt: 'What do I want here — really?', mood: 'calm' });
    await saveReflection(r, store);
    expect(await getReflection(r.id, store)).toEqual(r);
    expect(await get(r.id, store)).toEqual(r);
  });

  it('replaces, never duplicates, when the same id is saved again', async () => {
    const r = made(T0, 'first');
    await saveReflection(r, store);
    await saveReflection(r, store);
    await saveReflection({ ...r, text: 'second', updatedAt: T0 + 1 }, store);
    expect(await countReflections(store)).toBe(1);
    expect(await getReflection(r.id, store)).toMatchObject({ text: 'second', updatedAt: T0 + 1 });
  });

  it('refuses an invalid reflection with a clear message, writing nothing', async () => {
    const r = made(T0);
    await expect(saveReflection({ ...r, tags: ['#hash'] }, store)).rejects.toThrow(`Cannot save reflection "${r.id}": it has invalid tags.`);
    await expect(saveReflection({ ...r, id: 'nope' }, store)).rejects.toThrow('Cannot save reflection "nope": it has no valid id.');
    await expect(saveReflection(null as unknown as Reflection, store)).rejects.toThrow('Cannot save reflection: it is not an object.');
    expect(await countReflections(store)).toBe(0);
  });

  it('reads an unknown id as undefined', async () => {
    expect(await getReflection(made(T0).id, store)).toBeUndefined();
  });
});

describe('reflectionsNewestFirst', () => {
  it('gives the newest first, however they were written', async () => {
    const rs = [made(T0 + 2 * MINUTE), made(T0), made(T0 + 5 * MINUTE), made(T0 + MINUTE)];
    for (const r of rs) await saveReflection(r, store);
    expect(ids(await reflectionsNewestFirst(10, undefined, store))).toEqual(newestFirst(rs));
  });

  it('gives at most `limit`, and continues strictly below `before`', async () => {
    const rs = Array.from({ length: 7 }, (_, i) => made(T0 + i * MINUTE));
    await putReflectionsAtomically(rs, store);
    const expected = newestFirst(rs);
    expect(ids(await reflectionsNewestFirst(3, undefined, store))).toEqual(expected.slice(0, 3));
    expect(ids(await reflectionsNewestFirst(3, expected[2], store))).toEqual(expected.slice(3, 6));
    expect(ids(await reflectionsNewestFirst(3, expected[6], store))).toEqual([]);
    expect(await reflectionsNewestFirst(0, undefined, store)).toEqual([]);
    expect(await reflectionsNewestFirst(-2, undefined, store)).toEqual([]);
  });

  it('is empty for an empty journal', async () => {
    expect(await reflectionsNewestFirst(10, undefined, store)).toEqual([]);
  });

  it('reads only the records it returns, never the whole store: in one request where the browser can', async () => {
    const rs = Array.from({ length: 300 }, (_, i) => made(T0 + i));
    await putReflectionsAtomically(rs, store);
    const records = vi.spyOn(IDBObjectStore.prototype as IDBObjectStore & { getAllRecords: () => unknown }, 'getAllRecords');
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const page = await reflectionsNewestFirst(10, undefined, store);
    expect(ids(page)).toEqual(newestFirst(rs).slice(0, 10));
    expect(records).toHaveBeenCalledTimes(1);
    expect(records.mock.calls[0]).toEqual([{ query: null, count: 10, direction: 'prev' }]);
    expect(steps).not.toHaveBeenCalled();
    expect(getAll).not.toHaveBeenCalled();
  });

  it('walks a cursor back, only as far as it returns, where the browser cannot read newest first in one request', async () => {
    const rs = Array.from({ length: 300 }, (_, i) => made(T0 + i));
    await putReflectionsAtomically(rs, store);
    const proto = IDBObjectStore.prototype as IDBObjectStore & { getAllRecords?: unknown };
    const saved = Object.getOwnPropertyDescriptor(proto, 'getAllRecords')!;
    delete proto.getAllRecords;
    try {
      const steps = vi.spyOn(IDBCursor.prototype, 'continue');
      expect(ids(await reflectionsNewestFirst(10, undefined, store))).toEqual(newestFirst(rs).slice(0, 10));
      expect(steps.mock.calls.length).toBeLessThanOrEqual(10);
      expect(ids(await reflectionsNewestFirst(10, rs[200]!.id, store))).toEqual(newestFirst(rs.slice(0, 200)).slice(0, 10));
    } finally {
      Object.defineProperty(proto, 'getAllRecords', saved);
    }
  });

  it('pages cover every reflection exactly once, newest first, for any ids and page size', async () => {
    const base36 = fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz');
    const entry = fc.record({
      time: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      rand: fc.string({ unit: base36, minLength: 8, maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(entry, { selector: (e) => `${idTimePrefix(e.time)}-${e.rand}`, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        async (entries, size) => {
          const s = freshStore();
          const rs = entries.map((e) => newReflection(`${idTimePrefix(e.time)}-${e.rand}`, e.time, 'x', popup));
          await putReflectionsAtomically(rs, s);
          const pages = await allPages(size, s);
          const seen = pages.flat();
          expect(ids(seen)).toEqual(newestFirst(rs));
          expect(new Set(ids(seen)).size).toBe(rs.length);
          // Every page but the last is full; the times never go up.
          pages.slice(0, -1).forEach((p) => expect(p).toHaveLength(size));
          seen.forEach((r, i) => i > 0 && expect(r.createdAt).toBeLessThanOrEqual(seen[i - 1]!.createdAt));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('old or corrupt records', () => {
  let good: Reflection[];
  let badId: string;
  beforeEach(async () => {
    good = [made(T0, 'first #calm'), made(T0 + 2 * MINUTE, 'third #calm'), made(T0 + 4 * MINUTE, 'fifth #calm')];
    await putReflectionsAtomically(good, store);
    badId = made(T0 + MINUTE).id;
    await set(badId, { ...made(T0 + MINUTE, 'old #calm'), id: badId, v: 0 }, store); // an older schema
    await set(made(T0 + 3 * MINUTE).id, 'not a reflection at all #calm', store);
    await set(made(T0 + 5 * MINUTE).id, { ...made(T0 + 5 * MINUTE, 'stored under the wrong key #calm') }, store);
    await set(made(T0 + 6 * MINUTE).id, null, store);
    await set(42, made(T0 + 7 * MINUTE, 'a number key #calm'), store);
    await set(['array', 'key'], made(T0 + 8 * MINUTE, 'an array key #calm'), store);
  });

  it('are skipped by every read, which still fill their pages', async () => {
    expect(ids(await reflectionsNewestFirst(10, undefined, store))).toEqual(newestFirst(good));
    expect(ids(await reflectionsNewestFirst(2, undefined, store))).toEqual(newestFirst(good).slice(0, 2));
    expect(ids(await reflectionsNewestFirst(2, good[1]!.id, store))).toEqual([good[0]!.id]);
    expect(ids((await searchReflections('calm', {}, store)).results)).toEqual(newestFirst(good));
    expect(ids(await allReflections(store))).toEqual(ids(good));
    expect(await getReflection(badId, store)).toBeUndefined();
  });

  it('are deleted without being returned as reflections', async () => {
    expect(await deleteReflection(badId, store)).toBeUndefined();
    expect(await get(badId, store)).toBeUndefined();
  });

  it('are counted by countReflections, which does not read them', async () => {
    expect(await countReflections(store)).toBe(good.length + 6);
  });
});

describe('searchReflections', () => {
  const saveAll = (rs: Reflection[]): Promise<void> => putReflectionsAtomically(rs, store);

  it('needs every term, in any order, ignoring case', async () => {
    const a = made(T0, 'My boss asked me to stay late and I said YES.');
    const b = made(T0 + MINUTE, 'Said no to the late meeting.');
    const c = made(T0 + 2 * MINUTE, 'Nothing to do with work.');
    await saveAll([a, b, c]);
    expect(ids((await searchReflections('yes LATE', {}, store)).results)).toEqual([a.id]);
    expect(ids((await searchReflections('  late   said ', {}, store)).results)).toEqual([b.id, a.id]);
    expect(ids((await searchReflections('late holiday', {}, store)).results)).toEqual([]);
  });

  it('ignores accents, both ways', async () => {
    const a = made(T0, 'Mis límites importan. #Límites');
    const b = made(T0 + MINUTE, 'Café with Zoë, and I chose for myself');
    const c = made(T0 + 2 * MINUTE, 'limites again, written without accents');
    await saveAll([a, b, c]);
    expect(ids((await searchReflections('limites', {}, store)).results)).toEqual([c.id, a.id]);
    expect(ids((await searchReflections('LÍMITES', {}, store)).results)).toEqual([c.id, a.id]);
    expect(ids((await searchReflections('cafe zoe', {}, store)).results)).toEqual([b.id]);
    expect(ids((await searchReflections('zoë', {}, store)).results)).toEqual([b.id]);
  });

  it('finds words in the prompt and in the tags', async () => {
    const a = made(T0, 'Not today.', { prompt: 'Where did I say yes today when I meant no?' });
    const b = made(T0 + MINUTE, 'Kept it short. #boundary');
    await saveAll([a, b]);
    expect(ids((await searchReflections('meant no', {}, store)).results)).toEqual([a.id]);
    expect(ids((await searchReflections('#boundary', {}, store)).results)).toEqual([b.id]);
    expect(ids((await searchReflections('bound short', {}, store)).results)).toEqual([b.id]);
  });

  it('filters by tag, with or without "#", in any case, alone or with a query', async () => {
    const a = made(T0, 'Said no at work #boundary');
    const b = made(T0 + MINUTE, 'Said yes at home #MyChoice');
    const c = made(T0 + 2 * MINUTE, 'Thought about #boundaries in general');
    const d = made(T0 + 3 * MINUTE, 'Said no to a friend, then yes #boundary #mychoice');
    await saveAll([a, b, c, d]);
    expect(ids((await searchReflections('', { tag: 'boundary' }, store)).results)).toEqual([d.id, a.id]);
    expect(ids((await searchReflections('', { tag: '#MyChoice' }, store)).results)).toEqual([d.id, b.id]);
    expect(ids((await searchReflections('work', { tag: 'boundary' }, store)).results)).toEqual([a.id]);
    expect(ids((await searchReflections('said', { tag: 'nothing' }, store)).results)).toEqual([]);
  });

  it('gives everything, newest first, for an empty query', async () => {
    const rs = [made(T0), made(T0 + 2), made(T0 + 1)];
    await saveAll(rs);
    expect(await searchReflections('   ', {}, store)).toEqual({ results: [rs[1], rs[2], rs[0]], more: false });
  });

  it('stops at the limit and says how to continue', async () => {
    const rs = Array.from({ length: 5 }, (_, i) => made(T0 + i, i % 2 ? 'odd one' : 'even one'));
    await saveAll(rs);
    const first = await searchReflections('even', { limit: 2 }, store);
    expect(first).toEqual({ results: [rs[4], rs[2]], more: true, cursor: rs[2]!.id });
    const second = await searchReflections('even', { limit: 2, before: first.cursor }, store);
    expect(second).toEqual({ results: [rs[0]], more: false });
    // Reaching the limit on the oldest record: nothing is left to look at.
    expect(await searchReflections('even', { limit: 3 }, store)).toEqual({ results: [rs[4], rs[2], rs[0]], more: false });
    // The index knows no older reflection holds "odd": nothing is left to look at.
    const odd = await searchReflections('odd', { limit: 2 }, store);
    expect(odd).toEqual({ results: [rs[3], rs[1]], more: false });
    // Without an index older records remain unread, and `more` is honest only about records left, not matches.
    const plain = plainStore();
    await putReflectionsAtomically(rs, plain);
    const unindexed = await searchReflections('odd', { limit: 2 }, plain);
    expect(unindexed).toEqual({ results: [rs[3], rs[1]], more: true, cursor: rs[1]!.id });
    expect(await searchReflections('odd', { limit: 2, before: unindexed.cursor }, plain)).toEqual({ results: [], more: false });
  });

  it('gives, page by page, exactly what one unlimited search gives', async () => {
    const words = ['calm', 'Límites', 'yes', 'no', 'Meeting', 'boss', '#boundary', '#MyChoice'];
    const fold = (s: string): string => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 1e12 }), words: fc.subarray(words, { minLength: 1 }) }), { maxLength: 40 }),
        fc.subarray(['calm', 'limites', 'no', '#boundary', 'MYCHOICE', 'meet'], { maxLength: 2 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.constantFrom('boundary', 'mychoice'), { nil: undefined }),
        async (entries, terms, limit, tag) => {
          const s = freshStore();
          const rs = entries.map((e) => made(e.time, e.words.join(' ')));
          await putReflectionsAtomically(rs, s);
          const query = terms.join(' ');
          const opts = tag === undefined ? {} : { tag };
          const everything = await searchReflections(query, { ...opts, limit: Infinity }, s);
          expect(everything.more).toBe(false);
          const expected = rs
            .filter((r) => terms.every((t) => fold(r.text).includes(fold(t))) && (tag === undefined || r.tags.includes(tag)))
            .map((r) => r.id)
            .sort()
            .reverse();
          expect(ids(everything.results)).toEqual(expected);

          const paged: Reflection[] = [];
          let before: string | undefined;
          for (let guard = 0; guard < 100; guard++) {
            const page = await searchReflections(query, { ...opts, limit, ...(before ? { before } : {}) }, s);
            expect(page.results.length).toBeLessThanOrEqual(limit);
            paged.push(...page.results);
            if (!page.more) {
              expect(page.cursor).toBeUndefined();
              break;
            }
            expect(page.cursor).toBe(page.results[page.results.length - 1]!.id);
            before = page.cursor;
          }
          expect(ids(paged)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('in a large journal without a word index', () => {
    const N = 2 * SEARCH_BATCH_SIZE + 234;
    let rs: Reflection[]; // oldest first
    beforeEach(async () => {
      // Every 100th reflection, counting from the newest, mentions "needle".
      rs = Array.from({ length: N }, (_, i) => made(T0 + i * MINUTE, (N - 1 - i) % 100 === 99 ? `needle ${i}` : `hay ${i}`));
      store = plainStore();
      await saveAll(rs);
    });
    // Each search first opens one transaction to look for the index.
    const LOOKUP = 1;

    it('reads in batches, one transaction each, never all at once', async () => {
      const c = counting(store);
      const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
      const page = await searchReflections('needle', { limit: 100 }, c.store);
      expect(page.results).toHaveLength(12);
      expect(page.more).toBe(false);
      expect(c.transactions()).toBe(LOOKUP + Math.ceil(N / SEARCH_BATCH_SIZE));
      expect(getAll).not.toHaveBeenCalled();
    });

    it('yields to the event loop (a timer) between batches', async () => {
      const timers = vi.spyOn(globalThis, 'setTimeout');
      const timersAtStart: number[] = [];
      const c = counting(store, () => timersAtStart.push(timers.mock.calls.length));
      await searchReflections('nothing matches this', {}, c.store);
      expect(c.transactions()).toBe(LOOKUP + 3);
      expect(timersAtStart[2]).toBeGreaterThan(timersAtStart[1]!);
      expect(timersAtStart[3]).toBeGreaterThan(timersAtStart[2]!);
    });

    it('stops reading once it has `limit` results, even on the last record of a batch', async () => {
      const c = counting(store);
      // The 5th match is the 500th record from the newest: the last of the first batch.
      const page = await searchReflections('needle', { limit: 5 }, c.store);
      expect(page.results).toHaveLength(5);
      expect(page).toMatchObject({ more: true, cursor: rs[N - SEARCH_BATCH_SIZE]!.id });
      expect(c.transactions()).toBe(LOOKUP + 1);
      const rest = await searchReflections('needle', { limit: 100, before: page.cursor }, store);
      expect(rest.results).toHaveLength(7);
    });

    it('rejects with the abort reason and stops reading when aborted', async () => {
      const controller = new AbortController();
      const reason = new Error('the query changed');
      const c = counting(store, (n) => n === LOOKUP + 2 && controller.abort(reason));
      await expect(searchReflections('nothing matches this', { signal: controller.signal }, c.store)).rejects.toBe(reason);
      expect(c.transactions()).toBe(LOOKUP + 2);
    });

    it('rejects with an AbortError when aborted by a timer while it runs', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 0);
      await expect(searchReflections('nothing matches this', { signal: controller.signal }, store)).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('does not start when already aborted', async () => {
      const c = counting(store);
      await expect(searchReflections('needle', { signal: AbortSignal.abort() }, c.store)).rejects.toMatchObject({ name: 'AbortError' });
      expect(c.transactions()).toBe(0);
    });

    it('exports everything oldest first, in batches', async () => {
      const c = counting(store);
      expect(ids(await allReflections(c.store))).toEqual(ids(rs));
      expect(c.transactions()).toBe(Math.ceil(N / SEARCH_BATCH_SIZE));
    });
  });
});

describe('deleteReflection and restoreReflection', () => {
  it('returns what it deleted, and restoring brings it back unchanged', async () => {
    const keep = made(T0, 'keep');
    const r = made(T0 + MINUTE, 'oops #undo', { mood: 'tense' });
    await putReflectionsAtomically([keep, r], store);
    const deleted = await deleteReflection(r.id, store);
    expect(deleted).toEqual(r);
    expect(await getReflection(r.id, store)).toBeUndefined();
    expect(ids(await reflectionsNewestFirst(10, undefined, store))).toEqual([keep.id]);
    await restoreReflection(deleted!, store);
    expect(await getReflection(r.id, store)).toEqual(r);
    expect(ids(await reflectionsNewestFirst(10, undefined, store))).toEqual([r.id, keep.id]);
  });

  it('returns undefined for an id that is not there', async () => {
    expect(await deleteReflection(made(T0).id, store)).toBeUndefined();
  });

  it('restore validates like save', async () => {
    await expect(restoreReflection({ ...made(T0), text: 7 } as unknown as Reflection, store)).rejects.toThrow(/has no text/);
  });
});

describe('putReflectionsAtomically', () => {
  it('writes them all in one transaction, replacing ids already there', async () => {
    const old = made(T0, 'old text');
    await saveReflection(old, store);
    const rs = [{ ...old, text: 'imported text' }, made(T0 + 1), made(T0 + 2)];
    const c = counting(store);
    await putReflectionsAtomically(rs, c.store);
    expect(c.transactions()).toBe(1);
    expect(await countReflections(store)).toBe(3);
    expect(await getReflection(old.id, store)).toMatchObject({ text: 'imported text' });
  });

  it('writes nothing if any one is invalid, and says which', async () => {
    const existing = made(T0 - 1, 'already here');
    await saveReflection(existing, store);
    const rs = [made(T0), made(T0 + 1), { ...made(T0 + 2), mood: 'furious' } as unknown as Reflection, made(T0 + 3)];
    await expect(putReflectionsAtomically(rs, store)).rejects.toThrow(
      `Cannot import: reflection "${rs[2]!.id}" (number 3 of 4) has an unknown mood "furious". Nothing was imported.`,
    );
    expect(ids(await allReflections(store))).toEqual([existing.id]);
  });

  it('does nothing for an empty list', async () => {
    const c = counting(store);
    await putReflectionsAtomically([], c.store);
    expect(c.transactions()).toBe(0);
  });
});

describe('allReflections, countReflections and clearJournal', () => {
  it('export oldest first, count, and clear', async () => {
    const rs = [made(T0 + 3), made(T0 + 1), made(T0 + 2)];
    for (const r of rs) await saveReflection(r, store);
    expect(ids(await allReflections(store))).toEqual([rs[1]!.id, rs[2]!.id, rs[0]!.id]);
    expect(await countReflections(store)).toBe(3);
    await clearJournal(store);
    expect(await countReflections(store)).toBe(0);
    expect(await allReflections(store)).toEqual([]);
  });
});

describe('journalStore', () => {
  it('is one store, used when none is given', async () => {
    expect(journalStore()).toBe(journalStore());
    const r = made(T0);
    await saveReflection(r);
    expect(await getReflection(r.id, journalStore())).toEqual(r);
    expect(ids(await reflectionsNewestFirst(5))).toEqual([r.id]);
    expect((await searchReflections('quiet')).results).toEqual([r]);
    expect(await countReflections()).toBe(1);
    expect(await deleteReflection(r.id)).toEqual(r);
    await putReflectionsAtomically([r]);
    expect(await allReflections()).toEqual([r]);
    await clearJournal();
    expect(await countReflections()).toBe(0);
  });
});

describe('the word index', () => {
  it('finds a rare word by reading only the reflections filed under it', async () => {
    const N = 1234;
    const rs = Array.from({ length: N }, (_, i) => made(T0 + i * MINUTE, i % 100 === 7 ? `needle ${i} #rare` : `hay ${i}`));
    await putReflectionsAtomically(rs, store);
    const expected = newestFirst(rs.filter((r) => r.text.startsWith('needle')));
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const c = counting(store);
    const page = await searchReflections('needle', { limit: 100 }, c.store);
    expect(ids(page.results)).toEqual(expected);
    expect(page.more).toBe(false);
    expect(steps).not.toHaveBeenCalled();
    // Every reflection read is one that matches; the rest of the reads are of the index.
    expect(gets.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'reflections')).toHaveLength(expected.length);
    const blocks = new Set(rs.map((r) => blockOf(r.id))).size;
    // The lookup, then for each block its ids and one batch of reflections.
    expect(c.transactions()).toBe(1 + 2 * blocks);
    expect(ids((await searchReflections('', { tag: 'rare', limit: 100 }, store)).results)).toEqual(expected);
  });

  it('reads a common word\'s index block by block, newest first, only as far as the page needs', async () => {
    const DAY = 24 * 60 * MINUTE;
    const rs = Array.from({ length: 60 }, (_, i) => made(T0 + i * 5 * DAY, `common thread ${i}`));
    await putReflectionsAtomically(rs, store);
    expect(new Set(rs.map((r) => blockOf(r.id))).size).toBeGreaterThan(10);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const page = await searchReflections('common', { limit: 5 }, store);
    expect(ids(page.results)).toEqual(newestFirst(rs).slice(0, 5));
    expect(page.more).toBe(true);
    const readFrom = (name: string) => gets.mock.contexts.filter((st) => (st as IDBObjectStore).name === name).length;
    expect(readFrom('reflections')).toBe(5);
    expect(readFrom('words')).toBeLessThanOrEqual(2);
  });

  it('is built from every reflection when an older journal (reflections only) is opened', async () => {
    const name = `journal-upgrade-${++dbCount}`;
    const old = createStore(name, 'reflections'); // version 1, as journals were
    const rs = [made(T0, 'First light #calm'), made(T0 + MINUTE, 'Late meeting'), made(T0 + 2 * MINUTE, 'Calm evening')];
    for (const r of rs) await set(r.id, r, old);
    await set('not-a-reflection', { text: 'calm' }, old);
    // idb-keyval keeps its connection; a newer version closes nothing it does not own, so close it first.
    await old('readonly', (s) => s.transaction.db.close());

    const upgraded = createJournalStore(name);
    expect(await countReflections(upgraded)).toBe(4); // opens it, building the index
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');
    expect(ids((await searchReflections('calm', {}, upgraded)).results)).toEqual([rs[2]!.id, rs[0]!.id]);
    expect(ids((await searchReflections('', { tag: 'calm' }, upgraded)).results)).toEqual([rs[0]!.id]);
    expect(ids(await reflectionsNewestFirst(10, undefined, upgraded))).toEqual(newestFirst(rs));
    // The searches read the index, not every record (the only cursor steps are the newest-first read's).
    expect(steps.mock.calls.length).toBeLessThanOrEqual(rs.length + 1);
  });

  it('lets a newer version of the journal open, and opens again afterwards', async () => {
    const name = `journal-reopen-${++dbCount}`;
    const s = createJournalStore(name);
    const r = made(T0, 'still here');
    await saveReflection(r, s);
    // A newer version opening (here: deleting the database) is not blocked by our open connection.
    await new Promise<void>((resolve, reject) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
      del.onblocked = () => reject(new Error('blocked by the journal connection'));
    });
    await saveReflection(r, s);
    expect(ids((await searchReflections('still', {}, s)).results)).toEqual([r.id]);
  });

  it('always finds what reading every record finds, whatever was written, edited, deleted, imported or rolled back', async () => {
    // With words the index leaves out (short ones, function words like "with") and words they begin or that begin them.
    const vocabulary = ['calm', 'Límites', 'yes', 'no', 'Meeting', 'meetings', 'boss', '#boundary', '#MyChoice', 'self-care', 'lighthouse', 'with', 'witness', 'the', 'theory', 'über', 'a', '#a'];
    const text = fc.subarray(vocabulary, { minLength: 1 }).map((ws) => ws.join(' '));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), at: fc.nat(40), text }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('import' as const), texts: fc.array(fc.tuple(fc.nat(40), text), { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('rollback' as const), pick: fc.nat(), value: fc.oneof(fc.constant(undefined), fc.constant('junk'), text) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    const query = fc.record({
      terms: fc.subarray(['calm', 'lim', 'no', '#bound', '#mychoice', 'meet', 'meetings', 'self', 'care', 'li', 'xyz', 'wit', 'with', 'witn', 'the', 'theo', 'uber', 'a', '#a'], { maxLength: 2 }),
      tag: fc.option(fc.constantFrom('boundary', 'mychoice', 'a'), { nil: undefined }),
      limit: fc.integer({ min: 1, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 4 }), async (ops, queries) => {
        const indexed = freshStore();
        const plain = plainStore();
        const both = async (f: (s: UseStore) => Promise<unknown>) => {
          await f(indexed);
          await f(plain);
        };
        const live: Reflection[] = [];
        const pick = (n: number): Reflection | undefined => live[n % Math.max(1, live.length)];
        for (const o of ops) {
          if (o.kind === 'save') {
            const r = made(T0 + o.at * MINUTE, o.text);
            live.push(r);
            await both((s) => saveReflection(r, s));
          } else if (o.kind === 'edit') {
            const r = pick(o.pick);
            if (r) await both((s) => saveReflection({ ...r, text: o.text, tags: newReflection(r.id, r.createdAt, o.text, popup).tags }, s));
          } else if (o.kind === 'delete') {
            const r = pick(o.pick);
            if (r) await both((s) => deleteReflection(r.id, s));
          } else if (o.kind === 'import') {
            const rs = o.texts.map(([at, t]) => made(T0 + at * MINUTE, t));
            live.push(...rs);
            await both((s) => putReflectionsAtomically(rs, s));
          } else if (o.kind === 'rollback') {
            const r = pick(o.pick);
            const value = typeof o.value === 'string' && r && o.value !== 'junk' ? { ...r, text: o.value, tags: newReflection(r.id, r.createdAt, o.value, popup).tags } : o.value;
            if (r) await both((s) => writeRecords([[r.id, value]], s));
          } else {
            await both((s) => clearJournal(s));
          }
        }
        // The index holds exactly the words of the reflections there now: nothing stale is left behind.
        const expectedIndex = new Map<string, string[]>();
        for (const r of await allReflections(indexed)) {
          for (const w of indexedWords(r)) {
            const k = JSON.stringify([w, blockOf(r.id)]);
            expectedIndex.set(k, [...(expectedIndex.get(k) ?? []), r.id.slice(blockOf(r.id).length)].sort());
          }
        }
        const actualIndex = await indexed('readonly', async (st) => {
          const words = st.transaction.objectStore('words');
          const [keys, values] = await Promise.all([promisifyRequest(words.getAllKeys()), promisifyRequest(words.getAll())]);
          return new Map(keys.map((k, i) => [JSON.stringify(k), [...(values[i] as string[])].sort()]));
        });
        expect(actualIndex).toEqual(expectedIndex);

        for (const q of queries) {
          const query = q.terms.join(' ');
          const opts = { limit: q.limit, ...(q.tag ? { tag: q.tag } : {}) };
          const everything = async (s: UseStore): Promise<string[]> => {
            const out: string[] = [];
            let before: string | undefined;
            for (let guard = 0; guard < 100; guard++) {
              const page = await searchReflections(query, { ...opts, ...(before ? { before } : {}) }, s);
              out.push(...ids(page.results));
              if (!page.more) return out;
              before = page.cursor;
            }
            throw new Error('never ended');
          };
          expect(await everything(indexed)).toEqual(await everything(plain));
        }
      }),
      { numRuns: 60 },
    );
  });
});
