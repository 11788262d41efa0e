import fc from 'fast-check';
import { createStore, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournalStore } from '@/lib/journal/database';
import { blockOf, indexedWords } from '@/lib/journal/word-index';
import { allReflections, clearJournal, countReflections, deleteReflection, putReflectionsAtomically, reflectionsNewestFirst, saveReflection, writeRecords } from '@/lib/journal/store';
import { searchReflections } from '@/lib/journal/search';
import { SEARCH_BATCH_SIZE } from '@/lib/journal/walk';
import { newReflection, type Reflection } from '@/lib/journal/reflection';
import { counting, freshJournal, freshStore, ids, made, MINUTE, newestFirst, nextDbNumber, plainStore, popup, store, T0, useStore } from './journal-fixtures';

freshJournal();

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
      useStore(plainStore());
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
    const name = `journal-upgrade-${nextDbNumber()}`;
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
    const name = `journal-reopen-${nextDbNumber()}`;
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
