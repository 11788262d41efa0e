import { createStore, setMany } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { addDays, dayKey } from '@/lib/browser/day';
import { recount } from '@/lib/browser/rollups';
import { firstRead, INSIGHTS_FIRST_READ_SLOT, recentDays, rollupsIfCurrent, startFirstRead, takeFirstRead, RECENT_DAYS } from '@/lib/insights/first-read';
import { readHistory } from '@/lib/insights/history';
import { journalDays } from '@/lib/journal/database';
import { JOURNAL_DB, PAUSE_LOG_DB, PAUSE_LOG_VERSION } from '@/lib/browser/databases';
import { journalStore, saveReflection } from '@/lib/journal/store';
import { pauseDays, pauseLogStore } from '@/lib/pause/log';
import { pauseTally } from '@/lib/pause/tally';
import { readLocal } from '@/lib/settings/local-reader';
import { meetingAsksItem, openTimesItem } from '@/lib/settings/storage-registry';
import { recordBuilders } from './builders';

const NOW = new Date(2026, 4, 14, 9).getTime();
const DAY = 86_400_000;
const b = recordBuilders(NOW);

/** Deletes database `name`, once every connection to it has closed (the stores close theirs when asked). */
function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** The version and stores of database `name` as it is, or undefined when there is none. */
async function describeDb(name: string): Promise<{ version: number; stores: string[] } | undefined> {
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return undefined;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const db = open.result;
      resolve({ version: db.version, stores: [...db.objectStoreNames].sort() });
      db.close();
    };
    open.onerror = () => reject(open.error);
  });
}

/** A history as version 1 kept it: the `pauses` store alone, no roll-ups. */
async function olderHistory(records: ReturnType<typeof b.pause>[]): Promise<void> {
  await deleteDb(PAUSE_LOG_DB);
  const old = createStore(PAUSE_LOG_DB, 'pauses');
  await setMany(records.map((r) => [r.id, r]), old);
  (await old('readonly', (s) => s.transaction.db)).close();
}

describe('Insights’ first read', () => {
  it('covers this week and the week before', () => {
    const { from, to } = recentDays(NOW);
    expect(to).toBe('2026-05-14');
    expect(from).toBe(addDays(to, -(RECENT_DAYS - 1)));
    expect(from).toBe('2026-05-01');
  });

  it('reads the roll-ups straight from current databases, as their stores give them, and the stored values', async () => {
    await deleteDb(PAUSE_LOG_DB);
    await deleteDb(JOURNAL_DB);
    const pauses = [b.pause({ choice: 'leave' }), b.pause({ choice: 'continue', windowMinutes: 5, shownAt: NOW - 3 * DAY }), b.pause({ shownAt: NOW - 20 * DAY })];
    await setMany(pauses.map((p) => [p.id, p]), pauseLogStore());
    await saveReflection(b.reflection({ text: 'Slow #morning', tags: ['morning'] }));
    await saveReflection(b.reflection({ text: 'Long ago', createdAt: NOW - 30 * DAY }));
    await meetingAsksItem.setValue({ '2026-05-14': 2 });

    const read = firstRead(NOW, readLocal);
    const { from, to } = recentDays(NOW);
    const [p, j, stored] = await Promise.all([read.pauses, read.journal, read.stored]);
    expect(p).toEqual(await pauseDays(from, to));
    expect(p?.map((d) => d.day)).toEqual([dayKey(NOW - 3 * DAY), dayKey(NOW)]);
    expect(j).toEqual(await journalDays(journalStore(), from, to));
    expect(j?.map((d) => d.day)).toEqual([dayKey(NOW)]);
    expect(stored).toEqual({ meetingAsks: { '2026-05-14': 2 } });
  });

  it('leaves a missing database missing and an older one as it was', async () => {
    expect(await rollupsIfCurrent('insights-nothing-here', 2, 'days', '2026-05-01', '2026-05-14')).toBeUndefined();
    expect(await describeDb('insights-nothing-here')).toBeUndefined();

    await olderHistory([b.pause({ choice: 'leave' })]);
    expect(await rollupsIfCurrent(PAUSE_LOG_DB, PAUSE_LOG_VERSION, 'days', '2026-05-01', '2026-05-14')).toBeUndefined();
    expect(await describeDb(PAUSE_LOG_DB)).toEqual({ version: 1, stores: ['pauses'] });
  });

  it('is handed over once', () => {
    delete (globalThis as Record<string, unknown>)[INSIGHTS_FIRST_READ_SLOT];
    startFirstRead(readLocal);
    const read = takeFirstRead();
    expect(read).toBeDefined();
    expect(Date.now() - read!.now).toBeLessThan(60_000);
    expect(takeFirstRead()).toBeUndefined();
  });

  it('never reads when it runs after the page has begun its own reads', () => {
    delete (globalThis as Record<string, unknown>)[INSIGHTS_FIRST_READ_SLOT];
    expect(takeFirstRead()).toBeUndefined();
    const late = vi.fn(readLocal);
    startFirstRead(late);
    expect(late).not.toHaveBeenCalled();
    expect(takeFirstRead()).toBeUndefined();
  });
});

describe('Insights’ history', () => {
  it('reads an older history through its store, which builds its roll-ups, then the year straight', async () => {
    const records = [b.pause({ choice: 'leave' }), b.pause({ choice: 'continue', windowMinutes: 15, intention: 'reply to Sam' }), b.pause({ choice: 'leave', shownAt: NOW - 200 * DAY })];
    await olderHistory(records);
    await deleteDb(JOURNAL_DB);

    const history = readHistory(firstRead(NOW, readLocal));
    const expected = recount(records.map((r) => pauseTally(r)));
    const first = await history.pauses;
    expect(first.rollups).toEqual(expected.filter((d) => d.day >= recentDays(NOW).from));
    expect(first.state.openTimes).toEqual({});
    expect(await history.journal).toEqual({ rollups: [], asks: {} });
    expect(await history.year()).toEqual({ pauses: expected, journal: [] });
    expect(await describeDb(PAUSE_LOG_DB)).toEqual({ version: PAUSE_LOG_VERSION, stores: ['days', 'pauses'] });
  });

  it('normalises the settings and open times it reads', async () => {
    await openTimesItem.setValue({ reddit: { openedAt: NOW - 60_000, until: NOW + 60_000, intention: '  reply\nto Sam ' }, broken: { openedAt: 'soon' } as never });
    const history = readHistory(firstRead(NOW, readLocal));
    const { state } = await history.pauses;
    expect(state.openTimes).toEqual({ reddit: { openedAt: NOW - 60_000, until: NOW + 60_000, intention: 'reply to Sam' } });
  });
});
