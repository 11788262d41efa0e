import type { PauseReason, PauseSummary } from '../browser/messages';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { idTimePrefix, timeSortableId } from '../browser/ids';

/** What the user did at a pause. `none` until they choose (or if they never do). */
export type PauseChoice = 'leave' | 'continue' | 'none';

/** Why the pause showed. */

/** One pause, as kept in the extension's own IndexedDB. */
export interface PauseRecord {
  v: 1;
  id: string;
  siteId: string;
  siteLabel: string;
  /** The host the pause showed on, e.g. "www.reddit.com". Never the full URL. */
  host: string;
  shownAt: number;
  reason: PauseReason;
  /** The honest wait shown before Continue, in seconds. */
  waitSeconds: number;
  choice: PauseChoice;
  decidedAt?: number;
  windowMinutes?: number;
  intention?: string;
}

let defaultStore: UseStore | undefined;
/**
 * The pause history store. Only extension pages and the background may open
 * it: from a content script idb-keyval would write into the website's own
 * IndexedDB, where the site could read it.
 */
export function pauseLogStore(): UseStore {
  defaultStore ??= createStore('pause-moment-log', 'pauses');
  return defaultStore;
}

/** Records that a pause was shown and returns its record. */
export async function recordPauseShown(
  entry: Pick<PauseRecord, 'siteId' | 'siteLabel' | 'host' | 'reason' | 'waitSeconds'>,
  now: number,
  store = pauseLogStore(),
  id = timeSortableId(now),
): Promise<PauseRecord> {
  // The pause page can be reloaded (a hostile page re-inserting it, say): the
  // same pause id must stay one record, keeping any choice already made.
  const existing = await get<PauseRecord>(id, store);
  if (existing) return existing;
  const record: PauseRecord = { v: 1, id, shownAt: now, choice: 'none', ...entry };
  await set(record.id, record, store);
  return record;
}

/**
 * Records the user's choice at a pause. Recording the same choice twice is
 * harmless, and a choice for an unknown id is kept as a record of its own
 * rather than dropped.
 */
export async function recordPauseChoice(
  id: string,
  choice: Exclude<PauseChoice, 'none'>,
  details: { windowMinutes?: number; intention?: string },
  now: number,
  fallback: Omit<PauseRecord, 'v' | 'id' | 'choice' | 'shownAt'>,
  store = pauseLogStore(),
): Promise<PauseRecord> {
  const existing = await get<PauseRecord>(id, store);
  const record: PauseRecord = {
    ...(existing ?? { v: 1, id, shownAt: now, ...fallback }),
    choice,
    decidedAt: now,
    ...details,
  };
  await set(id, record, store);
  return record;
}

/** Pauses shown at or after `since`, oldest first, read through a key range (ids sort by time). */
export function pausesSince(since: number, store = pauseLogStore()): Promise<PauseRecord[]> {
  return store('readonly', (s) => {
    const out: PauseRecord[] = [];
    const request = s.openCursor(IDBKeyRange.lowerBound(idTimePrefix(since)));
    return new Promise<PauseRecord[]>((resolve, reject) => {
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(out);
        out.push(cursor.value as PauseRecord);
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/** Counts pauses, leaves and continues. */
export function summarisePauses(records: readonly PauseRecord[]): PauseSummary {
  return {
    pauses: records.length,
    leaves: records.filter((r) => r.choice === 'leave').length,
    continues: records.filter((r) => r.choice === 'continue').length,
  };
}

/**
 * The popup's line about today, a plain fact rather than a score: nothing
 * before the first pause, then how many pauses, and how many ended with the
 * user leaving, only when some did.
 */
export function describeToday({ pauses, leaves }: Pick<PauseSummary, 'pauses' | 'leaves'>): string {
  if (pauses <= 0) return '';
  const count = `${pauses} ${pauses === 1 ? 'pause' : 'pauses'} today.`;
  if (leaves <= 0) return count;
  return `${count} You left after ${pauses === 1 ? 'it' : leaves === pauses ? 'each' : leaves}.`;
}

/** Local midnight of the day containing `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Every recorded pause, oldest first (for export). */
export async function allPauses(store = pauseLogStore()): Promise<PauseRecord[]> {
  return pausesSince(0, store);
}
