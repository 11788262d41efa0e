import { entries } from 'idb-keyval';
import { draftItem, lastCallAskedItem, meetingChipItem, openTimesItem, pendingMeetingItem, settingsItem } from '@/lib/settings/storage-registry';
import { noteUnread } from '@/lib/meetings/reading';
import { openTimeAlarmName } from '@/lib/pause/open-time';
import { originsOf } from '@/lib/sites/trigger-sites';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import { deleteEverything, describeEverything } from '@/lib/data/reset';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { getSettings } from '@/lib/settings/store';
import { NOW, failingWrites, idAt, journal, pause, pauses, reflection, seed, site, freshStores } from './data-fixtures';

freshStores();

describe('describeEverything and deleteEverything', () => {
  it('counts, then deletes the journal, pause history, and everything kept in storage: settings, open times, draft, the meeting pages\' notes', async () => {
    await seed({ reflections: [reflection(), reflection()], pauses: [pause(), pause(), pause()], settings: { sites: [site('a')] } });
    await openTimesItem.setValue({ a: { openedAt: NOW, until: NOW + 1 } });
    await draftItem.setValue({ id: idAt(NOW), text: 'unsaved', updatedAt: NOW });
    await pendingMeetingItem.setValue({ platform: 'Google Meet', meetingId: 'https://meet.google.com/abc-defg-hij', joinedAt: NOW });
    await meetingChipItem.setValue({ x: 0.5, y: 0.5 });
    await lastCallAskedItem.setValue(true);
    await noteUnread('meet', { part: 'mic', at: NOW });
    await storage.setItem('local:unrelated', 'kept');
    await browser.alarms.create(openTimeAlarmName('a'), { when: NOW + 60_000 });
    await browser.alarms.create('someone-else', { when: NOW + 60_000 });
    const given: string[] = [];
    const giveBackAccess = async (origins: readonly string[]) => void given.push(...origins);
    const counts = { reflections: 2, pauses: 3, sites: 1 };
    expect(await describeEverything({ journal, pauses })).toEqual(counts);
    expect(await deleteEverything({ journal, pauses, giveBackAccess })).toEqual(counts);
    expect(given).toEqual(originsOf(site('a')));
    expect((await browser.alarms.getAll()).map((a) => a.name)).toEqual(['someone-else']);
    expect(await entries(journal)).toEqual([]);
    expect(await entries(pauses)).toEqual([]);
    const left = await browser.storage.local.get(null);
    expect(Object.keys(left).filter((k) => !k.endsWith('$'))).toEqual(['unrelated']);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await describeEverything({ journal, pauses })).toEqual({ reflections: 0, pauses: 0, sites: 0 });
  });

  it('keeps the settings version, so the next start does not migrate what is saved later', async () => {
    await settingsItem.setMeta({ v: 2 });
    await seed({ settings: { sites: [site('a', { kind: 'meeting' })] } });
    await deleteEverything({ journal, pauses, giveBackAccess: async () => undefined });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
  });

  it('deletes what it can and says what it could not', async () => {
    await seed({ reflections: [reflection()], pauses: [pause()], settings: { sites: [site('a')] } });
    await expect(deleteEverything({ journal: failingWrites(journal), pauses, giveBackAccess: async () => undefined })).rejects.toThrow('Could not delete the journal. Try again.');
    expect(await entries(journal)).toHaveLength(1);
    expect(await entries(pauses)).toEqual([]);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
