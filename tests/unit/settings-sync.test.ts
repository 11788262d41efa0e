import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { normaliseSettings, type TriggerSite } from '@/lib/settings/settings';
import { browserSettingsSync, coalesced, readSyncedCopy, syncedItems, syncSettingsOnce, type SyncPass } from '@/lib/settings/settings-sync';
import { getSettings, updateSettings } from '@/lib/settings/store';
import { withSite, withoutSite } from '@/lib/sites/trigger-sites';
import { deleteEverything } from '@/lib/data/reset';
import { typedSite } from './builders';

const site = typedSite;

const syncArea = (): Promise<Record<string, unknown>> => browser.storage.sync.get(null);
const copyInSync = async () => readSyncedCopy(await syncArea());
const labels = async () => (await getSettings()).sites.map((s) => s.label);

/** Another device's copy, as its background would write it. */
async function writeFromAnotherDevice(settings: unknown, edits = {}): Promise<void> {
  const items = syncedItems({ settings: normaliseSettings(settings), edits }, 'other-device');
  if (!items.ok) throw new Error(items.reason);
  await browser.storage.sync.set(items.items);
}

describe('settings that follow the user', () => {
  it('copies the settings to sync storage in chunks when a site is added here', async () => {
    await updateSettings((s) => withSite(s, site('reddit.com')));
    expect(await syncSettingsOnce(browserSettingsSync, 1000)).toEqual({ local: false, sync: 'written' });
    const stored = await syncArea();
    expect(Object.keys(stored).sort()).toEqual(['settings', 'settings.0']);
    expect((await copyInSync())?.settings.sites.map((s) => s.label)).toEqual(['reddit.com']);
    // Nothing changed since: nothing is written again.
    expect(await syncSettingsOnce(browserSettingsSync, 2000)).toEqual({ local: false, sync: 'same' });
  });

  it('merges a change from another device without dropping a site added here', async () => {
    await updateSettings((s) => withSite(s, site('reddit.com')));
    await syncSettingsOnce(browserSettingsSync, 1000);
    await updateSettings((s) => withSite(s, site('news.example')));
    await writeFromAnotherDevice(
      { sites: [site('reddit.com', { waitSeconds: 30 }), site('youtube.com')], meetings: { unmuteCard: true } },
      { prefs: { 'meetings.unmuteCard': 1500 }, sites: { 'site:reddit.com': { f: { waitSeconds: 1500 } }, 'site:youtube.com': { at: 1500 } } },
    );
    expect(await syncSettingsOnce(browserSettingsSync, 2000)).toEqual({ local: true, sync: 'written' });
    const here = await getSettings();
    expect(here.sites.map((s) => [s.label, s.waitSeconds])).toEqual([
      ['reddit.com', 30],
      ['news.example', 5],
      ['youtube.com', 5],
    ]);
    expect(here.meetings.unmuteCard).toBe(true);
    // The copy now holds the merge, for the other device to take.
    expect((await copyInSync())?.settings.sites.map((s) => s.label).sort()).toEqual(['news.example', 'reddit.com', 'youtube.com']);
  });

  it('a later edit here wins over an earlier one there, and a removal here reaches the copy', async () => {
    await updateSettings((s) => withSite(withSite(s, site('a.com')), site('b.com')));
    await syncSettingsOnce(browserSettingsSync, 1000);
    await writeFromAnotherDevice({ sites: [site('a.com', { waitSeconds: 40 }), site('b.com')] }, { sites: { 'site:a.com': { f: { waitSeconds: 1100 } } } });
    await updateSettings((s) => withoutSite({ ...s, sites: s.sites.map((x) => ({ ...x, waitSeconds: 9 })) }, 'site:b.com'));
    await syncSettingsOnce(browserSettingsSync, 1200);
    expect((await getSettings()).sites.map((s) => [s.label, s.waitSeconds])).toEqual([['a.com', 9]]);
    const copy = await copyInSync();
    expect(copy?.settings.sites.map((s) => s.label)).toEqual(['a.com']);
    expect(copy?.edits.removed).toEqual({ 'site:b.com': 1200 });
  });

  it('takes the copy on a browser that has no settings yet', async () => {
    await writeFromAnotherDevice({ sites: [site('reddit.com')] }, { sites: { 'site:reddit.com': { at: 5 } } });
    expect(await syncSettingsOnce(browserSettingsSync, 1000)).toMatchObject({ local: true });
    expect(await labels()).toEqual(['reddit.com']);
  });

  it('ignores a copy that has only partly arrived', async () => {
    await updateSettings((s) => withSite(s, site('here.com')));
    await syncSettingsOnce(browserSettingsSync, 1000);
    await writeFromAnotherDevice({ sites: [site('x'.repeat(9000))] });
    await browser.storage.sync.remove('settings.1');
    const before = await syncArea();
    expect(await syncSettingsOnce(browserSettingsSync, 2000)).toEqual({ local: false, sync: 'nothing' });
    expect(await labels()).toEqual(['here.com']);
    expect(await syncArea()).toEqual(before);
  });

  it('does nothing where nothing is kept, and never brings back a copy "Delete everything" cleared', async () => {
    expect(await syncSettingsOnce(browserSettingsSync, 1000)).toEqual({ local: false, sync: 'nothing' });
    expect(await browser.storage.local.get(null)).toEqual({});
    await updateSettings((s) => withSite(s, site('reddit.com')));
    await syncSettingsOnce(browserSettingsSync, 2000);
    expect(Object.keys(await syncArea())).not.toEqual([]);
    await deleteEverything({ giveBackAccess: async () => undefined });
    expect(await syncArea()).toEqual({});
    expect(await syncSettingsOnce(browserSettingsSync, 3000)).toEqual({ local: false, sync: 'nothing' });
    expect(await syncArea()).toEqual({});
    expect(await labels()).toEqual([]);
  });

  it('does not write back a copy another device removed, until something is edited here', async () => {
    await updateSettings((s) => withSite(s, site('reddit.com')));
    await syncSettingsOnce(browserSettingsSync, 1000);
    await browser.storage.sync.clear();
    expect(await syncSettingsOnce(browserSettingsSync, 2000)).toEqual({ local: false, sync: 'nothing' });
    expect(await syncArea()).toEqual({});
    await updateSettings((s) => withSite(s, site('youtube.com')));
    expect(await syncSettingsOnce(browserSettingsSync, 3000)).toEqual({ local: false, sync: 'written' });
    expect((await copyInSync())?.settings.sites.map((s) => s.label)).toEqual(['reddit.com', 'youtube.com']);
  });

  it('keeps settings here only when sync storage is missing or too small for them', async () => {
    await updateSettings((s) => withSite(s, site('reddit.com')));
    const noSync = { ...browserSettingsSync, sync: { ...browserSettingsSync.sync, available: () => false } };
    expect(await syncSettingsOnce(noSync, 1000)).toEqual({ local: false, sync: 'unavailable' });
    expect(await syncArea()).toEqual({});
    const huge = Array.from({ length: 60 }, (_, i) => site(`${i}.example`, { label: `${i} ${'long label '.repeat(180)}` }));
    await updateSettings((s) => ({ ...s, sites: [...s.sites, ...huge] }));
    expect(await syncSettingsOnce(browserSettingsSync, 2000)).toEqual({ local: false, sync: 'too-large' });
    expect(await syncArea()).toEqual({});
    expect((await getSettings()).sites).toHaveLength(61);
  });

  it('uses several chunks when the settings need them, and removes the ones a shorter copy leaves', async () => {
    const many = Array.from({ length: 30 }, (_, i) => site(`${i}.example`, { label: `${i} ${'label '.repeat(80)}` }));
    await updateSettings((s) => ({ ...s, sites: many }));
    await syncSettingsOnce(browserSettingsSync, 1000);
    const keys = Object.keys(await syncArea());
    expect(keys.length).toBeGreaterThan(3);
    await updateSettings((s) => ({ ...s, sites: s.sites.slice(0, 1) }));
    await syncSettingsOnce(browserSettingsSync, 2000);
    expect(Object.keys(await syncArea()).sort()).toEqual(['settings', 'settings.0']);
  });
});

describe('coalesced passes', () => {
  it('runs once more for any calls made while a pass runs, and leaves a gap after a write', async () => {
    vi.useFakeTimers();
    try {
      const starts: number[] = [];
      let release: () => void = () => undefined;
      const pass = vi.fn(async (): Promise<SyncPass> => {
        starts.push(Date.now());
        await new Promise<void>((resolve) => (release = resolve));
        return { local: false, sync: 'written' };
      });
      const run = coalesced(pass, 2500);
      run();
      run();
      run();
      await vi.advanceTimersByTimeAsync(0);
      expect(pass).toHaveBeenCalledTimes(1);
      release();
      await vi.advanceTimersByTimeAsync(2499);
      expect(pass).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(pass).toHaveBeenCalledTimes(2);
      release();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(pass).toHaveBeenCalledTimes(2);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(2500);
    } finally {
      vi.useRealTimers();
    }
  });
});
