import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type TriggerSite } from '@/lib/settings/settings';
import { settingsItem } from '@/lib/settings/storage-registry';
import { getSettings } from '@/lib/settings/store';
import { addSites } from '@/lib/sites/add-sites';
import { requestAccessToAll } from '@/lib/sites/access';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { siteFromInput } from '@/lib/sites/site-input';
import { presetById } from './builders';

// The browser's permission prompt and storage are the fake browser's; the prompt's answer is set per test.

const reddit = siteFromPreset(presetById('reddit')!);
const x = siteFromPreset(presetById('x')!);
const typed = (input: string): TriggerSite => {
  const result = siteFromInput(DEFAULT_SETTINGS, input);
  if (!result.ok) throw new Error(result.error);
  return result.site;
};

function answer(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('addSites', () => {
  it('asks once, before anything is awaited, for every origin of every site', async () => {
    const request = answer(true);
    const adding = addSites([reddit, x, typed('127.0.0.1')]);
    // Still inside the click that called it: the prompt has been asked for already.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]![0].origins).toEqual(['*://*.reddit.com/*', '*://*.x.com/*', '*://*.twitter.com/*', '*://127.0.0.1/*']);
    await adding;
  });

  it('saves the sites once the browser gives access, and says which were added', async () => {
    answer(true);
    const site = typed('news.example.com');
    await expect(addSites([reddit, site])).resolves.toEqual({ added: [reddit, site], refused: false });
    expect((await getSettings()).sites.map((s) => s.id)).toEqual(['reddit', 'site:news.example.com']);
  });

  it('saves nothing when the browser refuses', async () => {
    answer(false);
    await expect(addSites([reddit, x])).resolves.toEqual({ added: [], refused: true });
    expect((await getSettings()).sites).toEqual([]);
  });

  it('saves nothing when the prompt cannot open', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('must be called during a user gesture'));
    await expect(addSites([reddit])).resolves.toEqual({ added: [], refused: true });
    expect((await getSettings()).sites).toEqual([]);
  });

  it('keeps what the person set for a site already in the list', async () => {
    answer(true);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: [{ ...reddit, waitSeconds: 30, enabled: false }] });
    await expect(addSites([reddit, x])).resolves.toEqual({ added: [x], refused: false });
    const sites = (await getSettings()).sites;
    expect(sites.map((s) => [s.id, s.waitSeconds, s.enabled])).toEqual([
      ['reddit', 30, false],
      ['x', 5, true],
    ]);
  });

  it('asks nothing and adds nothing for no sites', async () => {
    const request = answer(true);
    await expect(addSites([])).resolves.toEqual({ added: [], refused: false });
    expect(request).not.toHaveBeenCalled();
  });
});

describe('requestAccessToAll', () => {
  it('asks for each origin once, even when two sites share it', async () => {
    const request = answer(true);
    const shorts = siteFromPreset(presetById('youtube-shorts')!);
    const youtube = siteFromPreset(presetById('youtube')!);
    await requestAccessToAll([youtube, shorts]);
    expect(request.mock.calls).toEqual([[{ origins: ['*://*.youtube.com/*'] }]]);
  });
});
