import fc from 'fast-check';
import { get, set, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { idTimePrefix } from '@/lib/browser/ids';
import {
  allReflections,
  clearJournal,
  countReflections,
  deleteReflection,
  journalStore,
  putReflectionsAtomically,
  reflectionsNewestFirst,
  restoreReflection,
  saveReflection,
} from '@/lib/journal/store';
import { searchReflections } from '@/lib/journal/search';
import { newReflection, type Reflection } from '@/lib/journal/reflection';
import { counting, freshJournal, freshStore, getReflection, ids, made, MINUTE, newestFirst, popup, store, T0 } from './journal-fixtures';

freshJournal();

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
