import { openTimesItem, settingsItem } from '@/lib/settings/storage-registry';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { timeSortableId } from '@/lib/browser/ids';
import type { Sender } from '@/lib/browser/messages';
import { handleCheckInKeepGoing, handleCheckInLeave, handleCheckInNote } from '@/lib/pause/check-in-actions';
import { allReflections } from '@/lib/journal/store';
import type { TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const reddit: TriggerSite = siteFromPreset(presetById('reddit')!);
const OPENED = NOW - 5 * MIN;

const cardPage = () => `${browser.runtime.getURL('/check-in.html')}?site=reddit&back=1`;
const fromCard = (tabUrl = 'https://www.reddit.com/r/all'): Sender => ({ url: cardPage(), tab: { id: 7, url: tabUrl } });

let goBack: ReturnType<typeof vi.fn<(tabId?: number) => Promise<void>>>;
let remove: ReturnType<typeof vi.fn<(tabIds: number | number[]) => Promise<void>>>;
let toTab: ReturnType<typeof vi.fn<(tabId: number, message: unknown, options?: unknown) => Promise<unknown>>>;
beforeEach(async () => {
  fakeBrowser.reset();
  await settingsItem.setValue({ sites: [reddit], meetings: { unmuteCard: false, afterCall: 'some' } });
  await openTimesItem.setValue({ reddit: { openedAt: OPENED, until: NOW + 10 * MIN, intention: 'read one thread' } });
  await browser.alarms.create('window-end:reddit', { when: NOW + 10 * MIN });
  goBack = vi.fn(async (_tabId?: number) => undefined);
  remove = vi.fn(async (_tabIds: number | number[]) => undefined);
  toTab = vi.fn(async (_tabId: number, _message: unknown, _options?: unknown): Promise<unknown> => undefined);
  vi.spyOn(fakeBrowser.tabs, 'goBack').mockImplementation(goBack);
  vi.spyOn(fakeBrowser.tabs, 'remove').mockImplementation(remove);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(toTab);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const forged: [string, () => Sender][] = [
  ['the site page itself', () => ({ url: 'https://www.reddit.com/r/all', tab: { id: 7, url: 'https://www.reddit.com/r/all' } })],
  ['the pause page', () => ({ url: browser.runtime.getURL('/pause.html'), tab: { id: 7, url: 'https://www.reddit.com/' } })],
  ['the card outside a tab', () => ({ url: cardPage() })],
  ['the card in a tab of another site', () => fromCard('https://evil.example/reddit.com')],
];

describe('who may act on a check-in', () => {
  it.each(forged)('ignores Keep going, Leave and a note from %s', async (_, sender) => {
    await handleCheckInKeepGoing({ siteId: 'reddit' }, sender(), NOW);
    await handleCheckInLeave({ siteId: 'reddit', canGoBack: true }, sender(), NOW);
    await handleCheckInNote({ siteId: 'reddit', noteId: timeSortableId(NOW), text: 'hello', prompt: 'Still your choice?' }, sender(), NOW);
    expect(toTab).not.toHaveBeenCalled();
    expect(goBack).not.toHaveBeenCalled();
    expect((await openTimesItem.getValue()).reddit?.until).toBe(NOW + 10 * MIN);
    expect(await allReflections()).toEqual([]);
  });

  it('ignores the card once the time on the site has ended', async () => {
    await handleCheckInKeepGoing({ siteId: 'reddit' }, fromCard(), NOW + 11 * MIN);
    await handleCheckInLeave({ siteId: 'reddit', canGoBack: true }, fromCard(), NOW + 11 * MIN);
    expect(toTab).not.toHaveBeenCalled();
    expect(goBack).not.toHaveBeenCalled();
  });
});

describe('the check-in’s choices', () => {
  it('Keep going tells the tab’s top frame, and nothing else changes', async () => {
    await handleCheckInKeepGoing({ siteId: 'reddit' }, fromCard(), NOW);
    expect(toTab).toHaveBeenCalledWith(7, { checkIn: 'keepGoing' }, { frameId: 0 });
    expect((await openTimesItem.getValue()).reddit?.until).toBe(NOW + 10 * MIN);
  });

  it('Leave takes the tab away and ends the time on the site now, so the next visit pauses', async () => {
    await handleCheckInLeave({ siteId: 'reddit', canGoBack: true }, fromCard(), NOW);
    expect(goBack).toHaveBeenCalledWith(7);
    expect((await openTimesItem.getValue()).reddit).toEqual({ openedAt: OPENED, until: NOW, endedAt: NOW, intention: 'read one thread' });
    expect(await browser.alarms.getAll()).toEqual([]);
  });

  it('Leave closes a tab with nothing to go back to', async () => {
    await handleCheckInLeave({ siteId: 'reddit', canGoBack: false }, fromCard(), NOW);
    expect(goBack).not.toHaveBeenCalled();
    expect(remove).toHaveBeenCalledWith(7);
  });

  it('keeps a note as a reflection linked to the open time, once however often it is sent', async () => {
    const noteId = timeSortableId(NOW);
    const note = { siteId: 'reddit', noteId, text: '  Found it.\nEnough.  ', prompt: 'Still about read one thread?' };
    await handleCheckInNote(note, fromCard(), NOW);
    await handleCheckInNote(note, fromCard(), NOW);
    const saved = await allReflections();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      id: noteId,
      text: 'Found it. Enough.',
      prompt: 'Still about read one thread?',
      source: { kind: 'check-in', siteId: 'reddit', siteLabel: 'Reddit', openedAt: OPENED },
    });
  });
});
