import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Settings, TriggerSite } from '@/lib/settings/settings';
import { originsNoLongerNeeded, requestAccess } from '@/lib/sites/access';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const preset = (id: string, over: Partial<TriggerSite> = {}): TriggerSite => ({ ...siteFromPreset(presetById(id)!), ...over });
const list = (...sites: TriggerSite[]): Settings => ({ sites, meetings: { unmuteCard: false, afterCall: 'some' } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('originsNoLongerNeeded', () => {
  it.each<[string, Settings, Settings, string[]]>([
    ['a removed site', list(preset('x'), preset('reddit')), list(preset('reddit')), ['*://*.x.com/*', '*://*.twitter.com/*']],
    ['nothing while another site still needs the host', list(preset('youtube'), preset('youtube-shorts')), list(preset('youtube-shorts')), []],
    ['nothing for a site only switched off (it keeps its access)', list(preset('reddit')), list(preset('reddit', { enabled: false })), []],
    ['the wide pattern when subdomains are switched off', list(preset('reddit')), list(preset('reddit', { exactHost: true })), ['*://*.reddit.com/*']],
    ['nothing when nothing changed', list(preset('reddit')), list(preset('reddit')), []],
  ])('gives back %s', (_, before, after, origins) => {
    expect(originsNoLongerNeeded(before, after)).toEqual(origins);
  });
});

describe('requestAccess', () => {
  it('asks for exactly the hosts the site needs', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    await expect(requestAccess(preset('x'))).resolves.toBe(true);
    expect(request.mock.calls).toEqual([[{ origins: ['*://*.x.com/*', '*://*.twitter.com/*'] }]]);
  });

  it('reads a failed prompt as no access', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('must be called during a user gesture'));
    await expect(requestAccess(preset('x'))).resolves.toBe(false);
  });
});
