import { get } from 'idb-keyval';
import { openTimesItem, settingsItem } from '@/lib/settings/storage-registry';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { timeSortableId } from '@/lib/browser/ids';
import type { Sender } from '@/lib/browser/messages';
import { handlePauseContinue, handlePauseLeave, handlePauseShown, handleOpenTimeAlarm } from '@/lib/pause/actions';
import { pauseLogStore, type PauseRecord } from '@/lib/pause/log';
import type { TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';
import type { OpenTimes } from '@/lib/pause/open-time';

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const reddit: TriggerSite = { ...siteFromPreset(presetById('reddit')!), windowMinutes: 20, waitSeconds: 8 };
const youtube: TriggerSite = siteFromPreset(presetById('youtube')!);

const pausePage = () => `${browser.runtime.getURL('/pause.html')}?site=reddit`;
const fromPause = (tabUrl = 'https://www.reddit.com/r/all'): Sender => ({ url: pausePage(), tab: { id: 7, url: tabUrl } });
const record = (id: string) => get<PauseRecord>(id, pauseLogStore());

let pauseId: string;
let goBack: ReturnType<typeof vi.fn<(tabId?: number) => Promise<void>>>;
let remove: ReturnType<typeof vi.fn<(tabIds: number | number[]) => Promise<void>>>;
beforeEach(async () => {
  pauseId = timeSortableId(NOW); // a fresh id each test: the log store outlives fakeBrowser.reset()
  await settingsItem.setValue({ sites: [reddit, youtube], meetings: { unmuteCard: false, afterCall: 'some' } });
  goBack = vi.fn(async (_tabId?: number) => undefined);
  remove = vi.fn(async (_tabIds: number | number[]) => undefined);
  vi.spyOn(fakeBrowser.tabs, 'goBack').mockImplementation(goBack);
  vi.spyOn(fakeBrowser.tabs, 'remove').mockImplementation(remove);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const forged: [string, () => Sender, string?][] = [
  ['the site page itself', () => ({ url: 'https://www.reddit.com/r/all', tab: { id: 7, url: 'https://www.reddit.com/r/all' } })],
  ['another page of the extension', () => ({ url: browser.runtime.getURL('/options.html'), tab: { id: 7, url: 'https://www.reddit.com/' } })],
  ['another extension', () => ({ url: 'chrome-extension://someone-else/pause.html', tab: { id: 7, url: 'https://www.reddit.com/' } })],
  ['the pause page outside a tab', () => ({ url: pausePage() })],
  ['the pause page in a tab of another site', () => fromPause('https://evil.example/reddit.com')],
  ['the pause page for a site not in the list', () => fromPause(), 'tiktok'],
];

describe('who may act on a pause', () => {
  it.each(forged)('ignores a Continue from %s', async (_, sender, siteId = 'reddit') => {
    await handlePauseContinue({ pauseId, siteId, minutes: 30 }, sender(), NOW);
    expect(await openTimesItem.getValue()).toEqual({});
    expect(await browser.alarms.getAll()).toEqual([]);
    expect(await record(pauseId)).toBeUndefined();
  });

  it.each(forged)('ignores a Leave from %s', async (_, sender, siteId = 'reddit') => {
    await handlePauseLeave({ pauseId, siteId, canGoBack: true }, sender(), NOW);
    expect(goBack).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(await record(pauseId)).toBeUndefined();
  });

  it('ignores a shown pause from the site page itself', async () => {
    await handlePauseShown({ pauseId, siteId: 'reddit', host: 'www.reddit.com', reason: 'arrived' }, { url: 'https://www.reddit.com/', tab: { id: 7 } }, NOW);
    expect(await record(pauseId)).toBeUndefined();
  });
});

describe('handlePauseShown', () => {
  it('records the pause with the host the tab is really on', async () => {
    await handlePauseShown({ pauseId, siteId: 'reddit', host: 'forged.example', reason: 'window-ended' }, fromPause('https://old.reddit.com/r/x?q=1'), NOW);
    expect(await record(pauseId)).toEqual({
      v: 1, id: pauseId, shownAt: NOW, choice: 'none', siteId: 'reddit', siteLabel: 'Reddit', host: 'old.reddit.com', reason: 'window-ended', waitSeconds: 8,
    });
  });
});

describe('handlePauseContinue', () => {
  it('opens a window for the whole site, sets its alarm and records the choice', async () => {
    await openTimesItem.setValue({ youtube: { openedAt: NOW - MIN, until: NOW + 4 * MIN } });
    await handlePauseContinue({ pauseId, siteId: 'reddit', minutes: 30, intention: '  reply\nto Sam ' }, fromPause(), NOW);
    expect(await openTimesItem.getValue()).toEqual({
      youtube: { openedAt: NOW - MIN, until: NOW + 4 * MIN },
      reddit: { openedAt: NOW, until: NOW + 30 * MIN, intention: 'reply to Sam' },
    });
    expect(await browser.alarms.getAll()).toEqual([expect.objectContaining({ name: 'window-end:reddit', scheduledTime: NOW + 30 * MIN })]);
    expect(await record(pauseId)).toMatchObject({ choice: 'continue', decidedAt: NOW, windowMinutes: 30, intention: 'reply to Sam', siteLabel: 'Reddit' });
  });

  it.each([
    [0, 1],
    [-10, 1],
    [10_000, 240],
    [Number.NaN, 20], // the site's own window
    [Infinity, 20],
  ])('turns a request for %s minutes into %s', async (minutes, expected) => {
    await handlePauseContinue({ pauseId, siteId: 'reddit', minutes }, fromPause(), NOW);
    expect((await openTimesItem.getValue()).reddit!.until).toBe(NOW + expected * MIN);
    expect(await record(pauseId)).toMatchObject({ windowMinutes: expected });
    expect(await record(pauseId)).not.toHaveProperty('intention');
  });

  it('keeps both windows when two sites are continued at the same moment', async () => {
    await Promise.all([
      handlePauseContinue({ pauseId, siteId: 'reddit', minutes: 5 }, fromPause(), NOW),
      handlePauseContinue({ pauseId: timeSortableId(NOW), siteId: 'youtube', minutes: 5 }, fromPause('https://www.youtube.com/'), NOW),
    ]);
    expect(Object.keys(await openTimesItem.getValue()).sort()).toEqual(['reddit', 'youtube']);
  });

  // The alarm lands at different points of the Continue's read-change-write.
  it.each([0, 2, 4, 6, 8, 10, 12])('keeps a new window when another site’s window ends %i ticks later', async (ticks) => {
    await openTimesItem.setValue({ youtube: { openedAt: NOW - 5 * MIN, until: NOW } });
    const continued = handlePauseContinue({ pauseId, siteId: 'reddit', minutes: 5 }, fromPause(), NOW);
    for (let i = 0; i < ticks; i++) await Promise.resolve();
    await Promise.all([continued, handleOpenTimeAlarm('youtube', NOW)]);
    const windows = await openTimesItem.getValue();
    expect(windows.reddit?.until).toBe(NOW + 5 * MIN);
    expect(windows.youtube?.endedAt).toBe(NOW);
  });
});

describe('handleOpenTimeAlarm', () => {
  const open = { openedAt: NOW - 15 * MIN, until: NOW + MIN };
  const over = { openedAt: NOW - 15 * MIN, until: NOW - 1 };
  it.each<[string, OpenTimes, OpenTimes]>([
    ['a window that really ended is marked ended', { reddit: over, youtube: open }, { reddit: { ...over, endedAt: NOW }, youtube: open }],
    ['a window still open (a newer Continue) is left alone', { reddit: open }, { reddit: open }],
    ['a window already marked keeps its first end', { reddit: { ...over, endedAt: NOW - 1 } }, { reddit: { ...over, endedAt: NOW - 1 } }],
    ['no window: nothing is written', {}, {}],
  ])('%s', async (_, before, after) => {
    await openTimesItem.setValue(before);
    await handleOpenTimeAlarm('reddit', NOW);
    expect(await openTimesItem.getValue()).toEqual(after);
  });
});

describe('handlePauseLeave', () => {
  it.each([
    ['goes back when the tab has somewhere to go', true, false, 'goBack'],
    ['closes the tab when back fails', true, true, 'remove'],
    ['closes the tab when there is nothing behind', false, false, 'remove'],
  ] as const)('records the leave and %s', async (_, canGoBack, backFails, expected) => {
    if (backFails) goBack.mockRejectedValue(new Error('Cannot find a next page in history.'));
    await handlePauseLeave({ pauseId, siteId: 'reddit', canGoBack }, fromPause(), NOW);
    expect(await record(pauseId)).toMatchObject({ choice: 'leave', decidedAt: NOW, siteId: 'reddit', host: 'www.reddit.com' });
    expect(remove.mock.calls).toEqual(expected === 'remove' ? [[7]] : []);
    expect(goBack.mock.calls).toEqual(canGoBack ? [[7]] : []);
  });
});
