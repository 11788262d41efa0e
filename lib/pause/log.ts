import type { PauseReason, PauseSummary, SnoozeLength } from '../browser/messages';
import type { Snooze } from '../settings/storage-registry';
import { get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { idTimePrefix, timeSortableId } from '../browser/ids';
import { createTalliedStore, rollupsBetween } from '../browser/tallied-store';
import type { DayRollup } from '../browser/rollups';
import { pauseTally } from './tally';
import { PAUSE_DAYS_STORE, PAUSE_LOG_DB, PAUSE_LOG_VERSION, PAUSES_STORE } from '../browser/databases';
import { i18n } from '#i18n';

/**
 * What the user did at a pause. `none` until they choose (or if they never
 * do); `skipped` when the page did not pause at all, because pauses were snoozed.
 */
export type PauseChoice = 'leave' | 'continue' | 'none' | 'skipped';

/**
 * One pause, as kept in the extension's own IndexedDB.
 *
 * Version 1 is a pause that showed; such records are still written, and read,
 * as they always were. Version 2 is a page that would have paused but did not,
 * because pauses were snoozed: `choice` is `skipped`, `snoozeId` names the
 * snooze, `shownAt` is when it would have shown, and `waitSeconds` the wait it
 * would have had. The history also holds the snoozes themselves
 * (`SnoozeRecord`, told apart by `kind`).
 */
export interface PauseRecord {
  v: 1 | 2;
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
  /** A skipped pause (v2): the snooze that let the page in. */
  snoozeId?: string;
  /** Set when the user wrote a note at this pause: it starts the day's friction count again (`friction.ts`). */
  noted?: true;
}

/** A snooze, as the pause history keeps it (version 2), beside the pauses it let through. */
export interface SnoozeRecord {
  v: 2;
  kind: 'snooze';
  /** The snooze's own id: time-sortable from its start, like a pause's. */
  id: string;
  startedAt: number;
  /** When it was set to end by itself. */
  until: number;
  /** What the user chose: 15 minutes, an hour, until morning. */
  length: SnoozeLength;
  /** One site only; absent when it covered every site. */
  siteId?: string;
  siteLabel?: string;
  /** When the user ended it with "End now", before `until`. Absent when it ran its course. */
  endedEarlyAt?: number;
}

/** Anything the pause history holds. A record without `kind` is a pause, whatever its version. */
export type PauseLogEntry = PauseRecord | SnoozeRecord;

/** Whether an entry of the history is a snooze rather than a pause. */
export function isSnoozeRecord(entry: PauseLogEntry): entry is SnoozeRecord {
  return (entry as { kind?: unknown }).kind === 'snooze';
}

/**
 * An idb-keyval store over a pause history database: the `pauses` store (one
 * entry per pause, skipped pause or snooze, keyed by its time-sortable id)
 * and, since version 2, the `days` store, a roll-up of each day's pauses
 * (`tally.ts`) that Insights and the popup chart. Every write keeps the
 * roll-ups in step; version 1 histories get theirs built on the first open.
 */
export function createPauseLogStore(name = PAUSE_LOG_DB): UseStore {
  return createTalliedStore({ name, version: PAUSE_LOG_VERSION, records: PAUSES_STORE, days: PAUSE_DAYS_STORE, rollupsSince: 2, tallyOf: (_, value) => pauseTally(value) });
}

let defaultStore: UseStore | undefined;
/**
 * The pause history store. Only extension pages and the background may open
 * it: from a content script idb-keyval would write into the website's own
 * IndexedDB, where the site could read it.
 */
export function pauseLogStore(): UseStore {
  defaultStore ??= createPauseLogStore();
  return defaultStore;
}

/** How many entries the pause history holds, counted without reading them; opening it upgrades an older history. */
export function countPauseLog(store = pauseLogStore()): Promise<number> {
  return store('readonly', (s) => promisifyRequest(s.count()));
}

/** The pause history's roll-ups of days `from` to `to` (day keys, both included), oldest first. */
export function pauseDays(from: string, to: string, store = pauseLogStore()): Promise<DayRollup[]> {
  return rollupsBetween(store, PAUSE_DAYS_STORE, from, to);
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

/** Marks pause `id` as one the user wrote a note at; a pause not (yet) in the history is left alone. */
export async function recordPauseNoted(id: string, store = pauseLogStore()): Promise<void> {
  const existing = await get<PauseLogEntry>(id, store);
  if (!existing || isSnoozeRecord(existing) || existing.noted) return;
  await set(id, { ...existing, noted: true }, store);
}

/** Every entry of the history (pauses, skipped pauses and snoozes) from `since` on, oldest first, read through a key range (ids sort by time). */
export function historySince(since: number, store = pauseLogStore()): Promise<PauseLogEntry[]> {
  return store('readonly', (s) => {
    const out: PauseLogEntry[] = [];
    const request = s.openCursor(IDBKeyRange.lowerBound(idTimePrefix(since)));
    return new Promise<PauseLogEntry[]>((resolve, reject) => {
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(out);
        out.push(cursor.value as PauseLogEntry);
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/** Pauses (shown or skipped) at or after `since`, oldest first: the history without its snoozes. */
export async function pausesSince(since: number, store = pauseLogStore()): Promise<PauseRecord[]> {
  return (await historySince(since, store)).filter((e): e is PauseRecord => !isSnoozeRecord(e));
}

/** Records a page that would have paused but did not, because of snooze `snoozeId`. The same id twice records once. */
export async function recordPauseSkipped(
  entry: Pick<PauseRecord, 'siteId' | 'siteLabel' | 'host' | 'waitSeconds'> & { snoozeId: string },
  id: string,
  now: number,
  store = pauseLogStore(),
): Promise<PauseRecord> {
  const existing = await get<PauseRecord>(id, store);
  if (existing) return existing;
  const record: PauseRecord = { v: 2, id, shownAt: now, reason: 'arrived', choice: 'skipped', ...entry };
  await set(id, record, store);
  return record;
}

/** Records a snooze as it starts. */
export async function recordSnoozeStarted(snooze: Snooze, store = pauseLogStore()): Promise<SnoozeRecord> {
  const { id, startedAt, until, length, site } = snooze;
  const record: SnoozeRecord = { v: 2, kind: 'snooze', id, startedAt, until, length, ...(site ? { siteId: site.id, siteLabel: site.label } : {}) };
  await set(id, record, store);
  return record;
}

/** Records that the user ended snooze `id` at `at`, before it ended by itself; the first end recorded stays. */
export async function recordSnoozeEndedEarly(id: string, at: number, store = pauseLogStore()): Promise<void> {
  const existing = await get<PauseLogEntry>(id, store);
  if (!existing || !isSnoozeRecord(existing) || existing.endedEarlyAt !== undefined || at >= existing.until) return;
  await set(id, { ...existing, endedEarlyAt: at }, store);
}

/** Counts pauses shown, leaves and continues; a skipped pause did not show, so is not counted. */
export function summarisePauses(all: readonly PauseRecord[]): PauseSummary {
  const records = all.filter((r) => r.choice !== 'skipped');
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
  const count = i18n.t('popup.today', pauses, { pauses });
  if (leaves <= 0) return count;
  const left = pauses === 1 ? i18n.t('popup.leftAfterIt') : leaves === pauses ? i18n.t('popup.leftAfterEach') : i18n.t('popup.leftAfterSome', { leaves });
  return `${count} ${left}`;
}

/** Local midnight of the day containing `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The whole pause history, oldest first: pauses, pages a snooze let in, and the snoozes (for export). */
export function wholeHistory(store = pauseLogStore()): Promise<PauseLogEntry[]> {
  return historySince(0, store);
}
