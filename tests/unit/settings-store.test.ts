import { describe, expect, it } from 'vitest';
import { settingsItem } from '@/lib/settings/storage-registry';
import { browser } from 'wxt/browser';
import type { TriggerSite } from '@/lib/settings/settings';
import { getSettings, updateSettings } from '@/lib/settings/store';

const site = (over: Record<string, unknown> = {}): TriggerSite =>
  ({ id: 'site:example.com', label: 'example.com', patterns: ['example.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, ...over }) as TriggerSite;

describe('stored settings', () => {
  it('starts with no sites on a fresh install', async () => {
    expect(await getSettings()).toEqual({ sites: [], meetings: { unmuteCard: false, afterCall: 'some' } });
  });

  it('reads whatever is in storage through normaliseSettings', async () => {
    await browser.storage.local.set({ settings: { sites: [site({ waitSeconds: 999 }), 'junk'], meetings: { unmuteCard: false, afterCall: 'some' } } });
    const { sites } = await getSettings();
    expect(sites).toHaveLength(1);
    expect(sites[0]!.waitSeconds).toBe(60);
  });

  it('saves the normalised result of a change and returns it', async () => {
    const saved = await updateSettings(() => ({ sites: [site({ windowMinutes: 0 })], meetings: { unmuteCard: false, afterCall: 'some' } }));
    expect(saved.sites[0]!.windowMinutes).toBe(1);
    expect(await settingsItem.getValue()).toEqual(saved);
  });

  it('round-trips fields a newer version wrote through an edit made here', async () => {
    await browser.storage.local.set({
      settings: { sites: [site({ colour: 'teal' })], meetings: { unmuteCard: false, afterCall: 'some', chipHidden: true }, focusHours: [9, 12] },
    });
    await updateSettings((s) => ({ ...s, sites: s.sites.map((x) => ({ ...x, waitSeconds: 20 })) }));
    const stored = (await browser.storage.local.get('settings')).settings as Record<string, unknown> & { sites: Record<string, unknown>[]; meetings: Record<string, unknown> };
    expect(stored.focusHours).toEqual([9, 12]);
    expect(stored.meetings.chipHidden).toBe(true);
    expect(stored.sites[0]).toMatchObject({ colour: 'teal', waitSeconds: 20 });
  });

  it('lands two quick edits made without waiting for each other', async () => {
    const add = (id: string) => updateSettings((s) => ({ sites: [...s.sites, site({ id })], meetings: { unmuteCard: false, afterCall: 'some' } }));
    await Promise.all([add('a'), add('b')]);
    expect((await getSettings()).sites.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('keeps working after a change that throws', async () => {
    const failed = updateSettings(() => {
      throw new Error('bad edit');
    });
    const next = updateSettings(() => ({ sites: [site()], meetings: { unmuteCard: false, afterCall: 'some' } }));
    await expect(failed).rejects.toThrow('bad edit');
    expect((await next).sites).toHaveLength(1);
    expect((await getSettings()).sites).toHaveLength(1);
  });
});

describe('settings migrations', () => {
  it('turns version-1 settings into version 2: every site a feed, the unmute card off', async () => {
    const v1Site = { id: 'site:reddit.com', label: 'reddit.com', patterns: ['reddit.com'], enabled: false, waitSeconds: 9, windowMinutes: 30 };
    await browser.storage.local.set({ settings: { sites: [v1Site], meetings: { unmuteCard: false, afterCall: 'some' } }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await getSettings()).toEqual({ sites: [{ ...v1Site, kind: 'feed' }], meetings: { unmuteCard: false, afterCall: 'some' } });
    expect((await browser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
  });

  it('keeps a kind that is already there when it migrates', async () => {
    const meet = { id: 'meet', label: 'Google Meet', patterns: ['meet.google.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'meeting' };
    await browser.storage.local.set({ settings: { sites: [meet] }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect((await getSettings()).sites[0]!.kind).toBe('meeting');
  });
});
