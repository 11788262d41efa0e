import { createStore, get, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { timeSortableId } from '@/lib/browser/ids';
import {
  describeToday,
  pausesSince,
  recordPauseChoice,
  recordPauseShown,
  startOfDay,
  summarisePauses,
  type PauseChoice,
  type PauseRecord,
} from '@/lib/pause/log';

const NOW = new Date(2025, 4, 14, 15, 30).getTime();
const HOUR = 3_600_000;
const entry = { siteId: 'reddit', siteLabel: 'Reddit', host: 'www.reddit.com', reason: 'arrived', waitSeconds: 5 } as const;
const fallback = entry;

let store: UseStore;
let dbCount = 0;
beforeEach(() => {
  store = createStore(`pause-log-test-${++dbCount}`, 'pauses');
});

describe('recordPauseShown', () => {
  it('stores a pause with no choice yet', async () => {
    const id = timeSortableId(NOW);
    const record = await recordPauseShown(entry, NOW, store, id);
    expect(record).toEqual({ v: 1, id, shownAt: NOW, choice: 'none', ...entry });
    expect(await get(id, store)).toEqual(record);
  });

  it('keeps one record, and the choice already made, when the same pause shows again', async () => {
    const id = timeSortableId(NOW);
    await recordPauseShown(entry, NOW, store, id);
    await recordPauseChoice(id, 'leave', {}, NOW + 1000, fallback, store);
    const again = await recordPauseShown({ ...entry, reason: 'window-ended' }, NOW + 5000, store, id);
    expect(again).toMatchObject({ choice: 'leave', shownAt: NOW, reason: 'arrived' });
    expect(await pausesSince(0, store)).toHaveLength(1);
  });
});

describe('recordPauseChoice', () => {
  it('adds the choice and its details to the pause it belongs to', async () => {
    const id = timeSortableId(NOW);
    await recordPauseShown(entry, NOW, store, id);
    const record = await recordPauseChoice(id, 'continue', { windowMinutes: 15, intention: 'reply to Sam' }, NOW + 7000, fallback, store);
    expect(record).toEqual({ v: 1, id, shownAt: NOW, ...entry, choice: 'continue', decidedAt: NOW + 7000, windowMinutes: 15, intention: 'reply to Sam' });
    expect(await get(id, store)).toEqual(record);
  });

  it('keeps a choice for an unknown pause as a record of its own', async () => {
    const id = timeSortableId(NOW);
    await recordPauseChoice(id, 'leave', {}, NOW, { ...fallback, host: 'old.reddit.com' }, store);
    expect(await pausesSince(0, store)).toEqual([
      { v: 1, id, shownAt: NOW, ...fallback, host: 'old.reddit.com', choice: 'leave', decidedAt: NOW },
    ]);
  });

  it('is harmless when the same choice arrives twice', async () => {
    const id = timeSortableId(NOW);
    await recordPauseShown(entry, NOW, store, id);
    await recordPauseChoice(id, 'leave', {}, NOW + 1, fallback, store);
    await recordPauseChoice(id, 'leave', {}, NOW + 2, fallback, store);
    const all = await pausesSince(0, store);
    expect(all.map((r) => [r.choice, r.shownAt])).toEqual([['leave', NOW]]);
  });
});

describe('pausesSince', () => {
  it('returns the pauses from the given time on, oldest first, and leaves out yesterday', async () => {
    const today = startOfDay(NOW);
    const times = [NOW - 2 * HOUR, today - 1, today - 24 * HOUR, today, NOW, today + 1];
    for (const t of times) await recordPauseShown(entry, t, store, timeSortableId(t));
    const since = await pausesSince(today, store);
    expect(since.map((r) => r.shownAt)).toEqual([today, today + 1, NOW - 2 * HOUR, NOW]);
  });

  it('is empty when nothing was recorded', async () => {
    expect(await pausesSince(0, store)).toEqual([]);
  });
});

describe('summarisePauses', () => {
  const rec = (choice: PauseChoice): PauseRecord => ({ v: 1, id: 'x', shownAt: NOW, choice, ...entry });
  it.each([
    [[], { pauses: 0, leaves: 0, continues: 0 }],
    [['none', 'leave', 'leave', 'continue'], { pauses: 4, leaves: 2, continues: 1 }],
    [['continue'], { pauses: 1, leaves: 0, continues: 1 }],
  ] as const)('counts %j as %j', (choices, summary) => {
    expect(summarisePauses(choices.map(rec))).toEqual(summary);
  });
});

describe('startOfDay', () => {
  it.each([
    [new Date(2025, 4, 14, 15, 30), new Date(2025, 4, 14)],
    [new Date(2025, 4, 14, 0, 0, 0, 0), new Date(2025, 4, 14)],
    [new Date(2025, 4, 14, 23, 59, 59, 999), new Date(2025, 4, 14)],
    [new Date(2025, 0, 1, 0, 0, 0, 1), new Date(2025, 0, 1)],
  ])('gives local midnight for %s', (now, midnight) => {
    expect(startOfDay(now.getTime())).toBe(midnight.getTime());
  });
});

describe('describeToday', () => {
  it.each([
    [{ pauses: 0, leaves: 0 }, ''],
    [{ pauses: 1, leaves: 0 }, '1 pause today.'],
    [{ pauses: 3, leaves: 0 }, '3 pauses today.'],
    [{ pauses: 1, leaves: 1 }, '1 pause today. You left after it.'],
    [{ pauses: 3, leaves: 1 }, '3 pauses today. You left after 1.'],
    [{ pauses: 2, leaves: 2 }, '2 pauses today. You left after each.'],
  ])('%o reads "%s": a fact, never a share or a zero count', (summary, line) => {
    expect(describeToday(summary)).toBe(line);
    expect(describeToday(summary)).not.toMatch(/%|\b0\b/);
  });
});
