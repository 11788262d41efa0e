import { createStore, get, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, vi } from 'vitest';
import { idTimePrefix } from '@/lib/browser/ids';
import { createJournalStore } from '@/lib/journal/database';
import { journalStore } from '@/lib/journal/store';
import { newReflection, storedReflection, type Mood, type Reflection, type ReflectionSource } from '@/lib/journal/reflection';

/** Stores, records and counters shared by the journal's store and search tests. */

export const T0 = 1_700_000_000_000;
export const MINUTE = 60_000;
export const popup: ReflectionSource = { kind: 'popup' };

let dbCount = 0;
/** A number no other database in this test file has used. */
export const nextDbNumber = (): number => ++dbCount;
/** A journal of its own, with the word index, as the extension's. */
export const freshStore = (): UseStore => createJournalStore(`journal-test-${nextDbNumber()}`);
/** A plain idb-keyval store with no word index: searched by reading every record. */
export const plainStore = (): UseStore => createStore(`journal-plain-${nextDbNumber()}`, 'reflections');

/** The running test's journal: a fresh one for every test of a file that calls `freshJournal`. */
export let store: UseStore;
/** Makes `s` the running test's journal. */
export function useStore(s: UseStore): void {
  store = s;
}
export function freshJournal(): void {
  beforeEach(() => {
    store = freshStore();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}

let seq = 0;
/** A reflection made at `time`, with a unique, time-sortable id. */
export function made(time: number, text = 'a quiet note', extra: { prompt?: string; mood?: Mood } = {}): Reflection {
  const id = `${idTimePrefix(time)}-${(seq++).toString(36).padStart(8, '0')}`;
  return newReflection(id, time, text, popup, extra);
}

export const ids = (rs: readonly Reflection[]): string[] => rs.map((r) => r.id);
export const newestFirst = (rs: readonly Reflection[]): string[] => ids(rs).sort().reverse();

/** The store, counting its transactions; `onTransaction` sees each one's number as it starts. */
export function counting(inner: UseStore, onTransaction: (n: number) => void = () => {}): { store: UseStore; transactions: () => number } {
  let n = 0;
  const wrapped: UseStore = (mode, callback) => {
    onTransaction(++n);
    return inner(mode, callback);
  };
  return { store: wrapped, transactions: () => n };
}

/** The valid reflection stored under `id`, or undefined: what a test reads back to check a write. */
export async function getReflection(id: string, s: UseStore = journalStore()): Promise<Reflection | undefined> {
  return storedReflection(id, await get<unknown>(id, s));
}
