import type { UseStore } from 'idb-keyval';
import { RollupEdits, type DayRollup, type Tally } from './rollups';

/**
 * A database of records with their day roll-ups (`rollups.ts`) beside them,
 * in a store of their own, and an idb-keyval store over it that keeps them in
 * step: every put, delete and clear of a record changes the roll-ups in the
 * same transaction, whoever makes it (idb-keyval's `set` and `setMany`, an
 * import, an undo). So the roll-ups are never out of step with the records,
 * even when a write fails half way: the transaction then keeps neither.
 */
export interface TalliedDbSpec {
  name: string;
  version: number;
  /** The records' store (keys out of line). */
  records: string;
  /** The roll-ups' store, keyed by day. */
  days: string;
  /**
   * The version the current tally began with: an older database has its
   * roll-ups built again from every record during the upgrade, so a change
   * to what a tally counts takes effect at once.
   */
  rollupsSince: number;
  /** Further stores each transaction spans (the journal's word index). */
  others?: readonly string[];
  tallyOf(key: IDBValidKey, value: unknown): Tally | undefined;
  /** More to do in the upgrade transaction, after the records' and roll-ups' stores exist. */
  upgrade?(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void;
}

/** Builds every roll-up from the records, in an upgrade transaction. */
function rebuildRollups(tx: IDBTransaction, spec: TalliedDbSpec): void {
  const days = tx.objectStore(spec.days);
  days.clear();
  const edits = new RollupEdits();
  const cursorRequest = tx.objectStore(spec.records).openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (!cursor) return edits.writeTo(days);
    edits.add(spec.tallyOf(cursor.key, cursor.value), 1);
    cursor.continue();
  };
}

/**
 * Opens (creating or upgrading) the database. The connection closes itself
 * when a newer version asks to open it, so an upgrade is never held up by a
 * page still open.
 */
export function openTalliedDb(spec: TalliedDbSpec): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(spec.name, spec.version);
    open.onupgradeneeded = (event) => {
      const db = open.result;
      const tx = open.transaction!;
      if (!db.objectStoreNames.contains(spec.records)) db.createObjectStore(spec.records);
      const fresh = !db.objectStoreNames.contains(spec.days);
      if (fresh) db.createObjectStore(spec.days);
      spec.upgrade?.(db, tx, event.oldVersion);
      if (fresh || event.oldVersion < spec.rollupsSince) rebuildRollups(tx, spec);
    };
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error);
    open.onblocked = () => {
      // An older page holds the database open; the open completes as soon as it closes.
    };
  });
}

/**
 * The records' store of one transaction, with every write also tallied into
 * the roll-ups: a put or delete reads the record it replaces first (the read
 * is queued before the write, so it sees the old value), and once every such
 * read is back the changes to each day are written.
 */
function tallying(records: IDBObjectStore, days: IDBObjectStore, tallyOf: TalliedDbSpec['tallyOf']): IDBObjectStore {
  let edits = new RollupEdits();
  let pending = 0;
  let clears = 0;
  // Each day's roll-up as this transaction has made it: a second batch of
  // writes builds on it rather than on a read that could come before the
  // first batch's write.
  let known = new Map<string, DayRollup | undefined>();
  const flush = (): void => {
    const batch = edits;
    const ours = known;
    edits = new RollupEdits();
    for (const day of batch.byDay.keys()) {
      const put = (before: DayRollup | undefined) => {
        const next = batch.applyTo(day, before);
        ours.set(day, next);
        if (next) days.put(next, day);
        else days.delete(day);
      };
      if (ours.has(day)) {
        put(ours.get(day));
        continue;
      }
      const read = days.get(day);
      read.onsuccess = () => {
        if (ours !== known) return;
        put(ours.has(day) ? ours.get(day) : (read.result as DayRollup | undefined));
      };
    }
  };
  const write = (key: IDBValidKey, next: unknown, request: () => IDBRequest): IDBRequest => {
    if (key instanceof IDBKeyRange) throw new TypeError('A tallied store writes one key at a time.');
    const generation = clears;
    const read = records.get(key);
    pending += 1;
    const done = request();
    read.onsuccess = () => {
      // A clear since then took this change with it.
      if (generation !== clears) return;
      edits.change(tallyOf(key, read.result), next === undefined ? undefined : tallyOf(key, next));
      pending -= 1;
      if (pending === 0) flush();
    };
    return done;
  };
  const overrides: Partial<Record<PropertyKey, unknown>> = {
    put: (value: unknown, key: IDBValidKey) => write(key, value, () => records.put(value, key)),
    add: (value: unknown, key: IDBValidKey) => write(key, value, () => records.add(value, key)),
    delete: (key: IDBValidKey) => write(key, undefined, () => records.delete(key)),
    clear: () => {
      clears += 1;
      edits = new RollupEdits();
      known = new Map();
      pending = 0;
      days.clear();
      return records.clear();
    },
  };
  return new Proxy(records, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * An idb-keyval store over a tallied database: every transaction spans the
 * records, their roll-ups and `others`, and hands idb-keyval the records'
 * store (the rest are reached from its transaction).
 */
export function createTalliedStore(spec: TalliedDbSpec): UseStore {
  let db: Promise<IDBDatabase> | undefined;
  const connection = (): Promise<IDBDatabase> => {
    if (!db) {
      const opening = openTalliedDb(spec);
      db = opening;
      opening.then(
        (d) => d.addEventListener('close', () => db === opening && (db = undefined)),
        () => db === opening && (db = undefined),
      );
    }
    return db;
  };
  const names = [spec.records, spec.days, ...(spec.others ?? [])];
  return async (mode, callback) => {
    let d = await connection();
    let tx: IDBTransaction;
    try {
      tx = d.transaction(names, mode);
    } catch (error) {
      // Closed for an upgrade (or by the browser) since it was opened: open again once.
      if ((error as DOMException)?.name !== 'InvalidStateError') throw error;
      db = undefined;
      d = await connection();
      tx = d.transaction(names, mode);
    }
    const records = tx.objectStore(spec.records);
    return callback(mode === 'readwrite' ? tallying(records, tx.objectStore(spec.days), spec.tallyOf) : records);
  };
}

/** The roll-ups of days `from` to `to` (day keys, both included), oldest first, read in one request. */
export function rollupsBetween(store: UseStore, days: string, from: string, to: string): Promise<DayRollup[]> {
  return store('readonly', (s) => {
    const request = s.transaction.objectStore(days).getAll(IDBKeyRange.bound(from, to));
    return new Promise<DayRollup[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as DayRollup[]);
      request.onerror = () => reject(request.error);
    });
  });
}
