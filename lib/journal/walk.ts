import type { UseStore } from 'idb-keyval';
import { storedReflection, type Reflection } from './reflection';

/**
 * Walking the journal with a cursor, in batches of records per transaction,
 * for the reads that may cover the whole store (search, export).
 */

/** Records read per transaction by the long walks (search, export). */
export const SEARCH_BATCH_SIZE = 500;

export interface WalkOptions {
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

export interface WalkResult {
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
export function walk(store: UseStore, o: WalkOptions): Promise<WalkResult> {
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
        const r = storedReflection(cursor.key, cursor.value);
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

/** Lets other work run between two batches. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
