import { get } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { timeSortableId } from '@/lib/browser/ids';
import { readGuardMessage } from '@/lib/browser/guard-messages';
import type { Sender } from '@/lib/browser/messages';
import { deleteEverything } from '@/lib/data/reset';
import { pauseLogStore, type PauseLogEntry } from '@/lib/pause/log';
import { SNOOZE_ALARM, type Snooze } from '@/lib/pause/snooze';
import { handlePauseSkipped, handleSnoozeEnd, handleSnoozeStart, settleSnooze } from '@/lib/pause/snooze-actions';
import { settingsItem, snoozeItem } from '@/lib/settings/storage-registry';
import type { TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const MIN = 60_000;
const reddit: TriggerSite = { ...siteFromPreset(presetById('reddit')!), waitSeconds: 8 };
const x: TriggerSite = siteFromPreset(presetById('x')!);

const fromPopup = (): Sender => ({ url: browser.runtime.getURL('/popup.html') });
/** A content script of ours, in a tab at `url`. */
const fromPage = (url = 'https://www.reddit.com/r/all'): Sender => ({ url, tab: { id: 3, url } });
const entry = (id: string) => get<PauseLogEntry>(id, pauseLogStore());
const stored = async () => (await snoozeItem.getValue()) as Snooze | null;
const badge = async () => ({ text: await browser.action.getBadgeText({}), title: await browser.action.getTitle({}) });
const alarms = async () => (await browser.alarms.getAll()).map((a) => ({ name: a.name, at: a.scheduledTime }));

let now: number;
beforeEach(async () => {
  // A fresh moment each test, so ids (and so records in the shared history) never repeat.
  now = Date.UTC(2026, 11, 2, 13, 0) + Math.floor(Math.random() * 1e9);
  await settingsItem.setValue({ sites: [reddit, x], meetings: { unmuteCard: false, afterCall: 'some' } });
});

describe('starting a snooze from the popup', () => {
  it('stores it, sets an alarm for its end, shows it on the toolbar icon and records it', async () => {
    await handleSnoozeStart({ length: '15m' }, fromPopup(), now);
    const snooze = await stored();
    expect(snooze).toEqual({ id: expect.any(String), startedAt: now, until: now + 15 * MIN, length: '15m' });
    expect(await alarms()).toEqual([{ name: SNOOZE_ALARM, at: now + 15 * MIN }]);
    expect(await badge()).toEqual({ text: 'Zz', title: expect.stringMatching(/^Pause Moment: pauses snoozed on all sites until /) });
    expect(await entry(snooze!.id)).toEqual({ v: 2, kind: 'snooze', id: snooze!.id, startedAt: now, until: now + 15 * MIN, length: '15m' });
  });

  it('snoozes one site when asked, named on the toolbar', async () => {
    await handleSnoozeStart({ length: '1h', siteId: reddit.id }, fromPopup(), now);
    expect((await stored())?.site).toEqual({ id: reddit.id, label: 'Reddit' });
    expect((await badge()).title).toMatch(/snoozed on Reddit until/);
  });

  it.each<[string, Sender, { length: string; siteId?: string }]>([
    ['the options page', { url: browser.runtime.getURL('/options.html') }, { length: '15m' }],
    ['the pause page in a site', { url: browser.runtime.getURL('/pause.html'), tab: { id: 3, url: 'https://www.reddit.com/' } }, { length: '15m' }],
    ['a page of a site', fromPage(), { length: '15m' }],
    ['the popup, with a length it does not offer', fromPopup(), { length: 'forever' }],
    ['the popup, with the test build\'s 20 seconds in a release build', fromPopup(), { length: 'test-20s' }],
    ['the popup, for a site not in the list', fromPopup(), { length: '15m', siteId: 'tiktok' }],
  ])('does nothing when asked by %s', async (_, sender, data) => {
    await handleSnoozeStart(data as Parameters<typeof handleSnoozeStart>[0], sender, now);
    expect(await stored()).toBeNull();
    expect(await alarms()).toEqual([]);
    expect((await badge()).text).toBe('');
  });

  it('replaces a snooze that is on, noting that one ended early', async () => {
    await handleSnoozeStart({ length: '15m' }, fromPopup(), now);
    const first = (await stored())!;
    await handleSnoozeStart({ length: '1h' }, fromPopup(), now + 5 * MIN);
    expect(await stored()).toMatchObject({ length: '1h', until: now + 65 * MIN });
    expect(await entry(first.id)).toMatchObject({ endedEarlyAt: now + 5 * MIN });
  });
});

describe('ending a snooze', () => {
  it('"End now" clears it, its alarm and its badge, and records when it ended', async () => {
    await handleSnoozeStart({ length: '1h' }, fromPopup(), now);
    const { id } = (await stored())!;
    await handleSnoozeEnd(fromPopup(), now + 10 * MIN);
    expect(await stored()).toBeNull();
    expect(await alarms()).toEqual([]);
    expect(await badge()).toEqual({ text: '', title: 'Pause Moment' });
    expect(await entry(id)).toMatchObject({ kind: 'snooze', endedEarlyAt: now + 10 * MIN });
  });

  it('ignores "End now" from anywhere but the popup', async () => {
    await handleSnoozeStart({ length: '1h' }, fromPopup(), now);
    await handleSnoozeEnd(fromPage(), now + MIN);
    expect(await stored()).not.toBeNull();
  });

  it('at its alarm, clears a snooze that is over, without calling it ended early', async () => {
    await handleSnoozeStart({ length: '15m' }, fromPopup(), now);
    const { id } = (await stored())!;
    await settleSnooze(now + 15 * MIN);
    expect(await stored()).toBeNull();
    expect((await badge()).text).toBe('');
    expect(await entry(id)).not.toHaveProperty('endedEarlyAt');
  });

  it('after the browser restarts, shows a snooze still on again and keeps its alarm', async () => {
    await handleSnoozeStart({ length: '1h' }, fromPopup(), now);
    await browser.action.setBadgeText({ text: '' }); // a browser forgets the badge when it quits
    await browser.alarms.clearAll();
    await settleSnooze(now + 30 * MIN);
    expect((await badge()).text).toBe('Zz');
    expect(await alarms()).toEqual([{ name: SNOOZE_ALARM, at: now + 60 * MIN }]);
  });

  it('at a browser start with no snooze, writes nothing that every feed page would hear', async () => {
    const heard: unknown[] = [];
    const listener = (changes: unknown) => void heard.push(changes);
    browser.storage.onChanged.addListener(listener);
    await settleSnooze(now);
    browser.storage.onChanged.removeListener(listener);
    expect(heard).toEqual([]);
    expect((await badge()).text).toBe('');
  });

  it('"Delete everything" clears the snooze, its alarm and its badge', async () => {
    await handleSnoozeStart({ length: '1h' }, fromPopup(), now);
    await deleteEverything({ giveBackAccess: async () => undefined });
    expect(await stored()).toBeNull();
    expect(await alarms()).toEqual([]);
    expect((await badge()).text).toBe('');
  });
});

describe('a page the snooze let in', () => {
  async function snoozeAll(siteId?: string): Promise<Snooze> {
    await handleSnoozeStart({ length: '15m', ...(siteId ? { siteId } : {}) }, fromPopup(), now);
    return (await stored())!;
  }

  it('is recorded as a skipped pause of its site', async () => {
    const snooze = await snoozeAll();
    const id = timeSortableId(now + MIN);
    await handlePauseSkipped({ id, siteId: reddit.id, snoozeId: snooze.id }, fromPage(), now + MIN);
    expect(await entry(id)).toEqual({
      v: 2,
      id,
      siteId: reddit.id,
      siteLabel: 'Reddit',
      host: 'www.reddit.com',
      shownAt: now + MIN,
      reason: 'arrived',
      waitSeconds: 8,
      choice: 'skipped',
      snoozeId: snooze.id,
    });
  });

  it.each<[string, (s: Snooze) => { data: { siteId: string; snoozeId: string }; sender: Sender; at?: number }]>([
    ['a tab of another site', (s) => ({ data: { siteId: reddit.id, snoozeId: s.id }, sender: fromPage('https://evil.example/reddit.com') })],
    ['no tab', (s) => ({ data: { siteId: reddit.id, snoozeId: s.id }, sender: { url: 'https://www.reddit.com/' } })],
    ['another snooze', () => ({ data: { siteId: reddit.id, snoozeId: timeSortableId(now - MIN) }, sender: fromPage() })],
    ['after the snooze ended', (s) => ({ data: { siteId: reddit.id, snoozeId: s.id }, sender: fromPage(), at: s.until })],
    ['a site the snooze does not cover', (s) => ({ data: { siteId: x.id, snoozeId: s.id }, sender: fromPage('https://x.com/home') })],
  ])('is not recorded from %s', async (_, make) => {
    const snooze = await snoozeAll(_ === 'a site the snooze does not cover' ? reddit.id : undefined);
    const { data, sender, at } = make(snooze);
    const id = timeSortableId(now + 2 * MIN);
    await handlePauseSkipped({ id, ...data }, sender, at ?? now + 2 * MIN);
    expect(await entry(id)).toBeUndefined();
  });

  it('travels from the page as a message only the background reads', () => {
    const message = { guard: 'pauseSkipped', data: { id: timeSortableId(now), siteId: 'reddit', snoozeId: timeSortableId(now) } };
    expect(readGuardMessage(message)).toEqual(message);
    expect(readGuardMessage({ type: 'pauseShown', data: {}, timestamp: 1, id: 1 })).toBeUndefined();
    expect(readGuardMessage({ guard: 'pauseSkipped', data: { id: 1 } })).toBeUndefined();
  });
});
