import { createStore, set, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { timeSortableId } from '@/lib/browser/ids';
import { buildExport } from '@/lib/data/export';
import { parseImport } from '@/lib/data/parse-import';
import {
  historySince,
  isSnoozeRecord,
  pausesSince,
  wholeHistory,
  recordPauseShown,
  recordPauseSkipped,
  recordSnoozeEndedEarly,
  recordSnoozeStarted,
  summarisePauses,
} from '@/lib/pause/log';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const NOW = new Date(2026, 11, 2, 14, 0).getTime();
const MIN = 60_000;
const site = { siteId: 'reddit', siteLabel: 'Reddit', host: 'www.reddit.com', waitSeconds: 5 } as const;

let store: UseStore;
let dbCount = 0;
beforeEach(() => {
  store = createStore(`snooze-log-test-${++dbCount}`, 'pauses');
});

/** A pause exactly as the version before snoozes wrote it. */
const v1Pause = (at: number, choice: 'leave' | 'continue' | 'none') => ({
  v: 1,
  id: timeSortableId(at),
  siteId: 'reddit',
  siteLabel: 'Reddit',
  host: 'www.reddit.com',
  shownAt: at,
  reason: 'arrived',
  waitSeconds: 5,
  choice,
  ...(choice === 'none' ? {} : { decidedAt: at + 6000 }),
});

describe('the pause history with snoozes', () => {
  it('still reads every pause an earlier version wrote, unchanged', async () => {
    const old = [v1Pause(NOW - 3 * MIN, 'leave'), v1Pause(NOW - 2 * MIN, 'continue'), v1Pause(NOW - MIN, 'none')];
    for (const p of old) await set(p.id, p, store);
    expect(await pausesSince(0, store)).toEqual(old);
    expect(await historySince(0, store)).toEqual(old);
    expect((await historySince(0, store)).some(isSnoozeRecord)).toBe(false);
  });

  it('keeps a snooze beside the pauses: its start, length, scope, and when it was ended early', async () => {
    const snooze = { id: timeSortableId(NOW), startedAt: NOW, until: NOW + 60 * MIN, length: '1h' as const, site: { id: 'reddit', label: 'Reddit' } };
    await recordSnoozeStarted(snooze, store);
    await recordSnoozeEndedEarly(snooze.id, NOW + 20 * MIN, store);
    // Ending it again (a second click, a retried message) keeps the first end.
    await recordSnoozeEndedEarly(snooze.id, NOW + 25 * MIN, store);
    const all = await historySince(0, store);
    expect(all).toEqual([
      { v: 2, kind: 'snooze', id: snooze.id, startedAt: NOW, until: NOW + 60 * MIN, length: '1h', siteId: 'reddit', siteLabel: 'Reddit', endedEarlyAt: NOW + 20 * MIN },
    ]);
    expect(all.every(isSnoozeRecord)).toBe(true);
    expect(await pausesSince(0, store), 'a snooze is not a pause').toEqual([]);
  });

  it('notes no early end for a snooze that ran its course, nor for an id it does not know', async () => {
    const snooze = { id: timeSortableId(NOW), startedAt: NOW, until: NOW + 15 * MIN, length: '15m' as const };
    await recordSnoozeStarted(snooze, store);
    await recordSnoozeEndedEarly(snooze.id, NOW + 15 * MIN, store);
    await recordSnoozeEndedEarly(timeSortableId(NOW + 1), NOW + MIN, store);
    expect(await historySince(0, store)).toEqual([{ v: 2, kind: 'snooze', id: snooze.id, startedAt: NOW, until: NOW + 15 * MIN, length: '15m' }]);
  });

  it('records a page the snooze let in as a skipped pause, once per id, which the popup does not count as a pause', async () => {
    const snoozeId = timeSortableId(NOW);
    const shown = await recordPauseShown({ ...site, reason: 'arrived' }, NOW + MIN, store);
    const id = timeSortableId(NOW + 2 * MIN);
    await recordPauseSkipped({ ...site, snoozeId }, id, NOW + 2 * MIN, store);
    await recordPauseSkipped({ ...site, snoozeId }, id, NOW + 3 * MIN, store);
    const pauses = await pausesSince(0, store);
    expect(pauses).toEqual([
      shown,
      { v: 2, id, shownAt: NOW + 2 * MIN, reason: 'arrived', choice: 'skipped', snoozeId, ...site },
    ]);
    expect(summarisePauses(pauses)).toEqual({ pauses: 1, leaves: 0, continues: 0 });
  });

  it('exports the whole history, snoozes and the pages they let in included, as a file an import reads back whole', async () => {
    const shown = await recordPauseShown({ ...site, reason: 'arrived' }, NOW, store);
    const snooze = await recordSnoozeStarted({ id: timeSortableId(NOW + MIN), startedAt: NOW + MIN, until: NOW + 16 * MIN, length: '15m' }, store);
    const skipped = await recordPauseSkipped({ ...site, snoozeId: snooze.id }, timeSortableId(NOW + 2 * MIN), NOW + 2 * MIN, store);
    const file = buildExport({ reflections: [], pauses: await wholeHistory(store), settings: DEFAULT_SETTINGS }, NOW);
    expect(file.pauses).toEqual([shown, snooze, skipped]);
    const back = parseImport(JSON.stringify(file));
    expect(back.ok && back.file.pauses).toEqual(file.pauses);
  });
});
