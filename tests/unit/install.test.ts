import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterInstall, shouldWelcome, versionToAnnounce, WELCOME_PAGE } from '@/lib/settings/install';
import { dismissWhatsNew, readWhatsNew } from '@/lib/settings/whats-new';

// The test build never opens the tour by itself (entrypoints/background.ts): which installs open it is checked here.

describe('which installs open the welcome tour', () => {
  it.each([
    ['a fresh install', { reason: 'install' }, true],
    ['an update', { reason: 'update', previousVersion: '0.1.0' }, false],
    ['a browser update', { reason: 'browser_update' }, false],
    ["Chrome's own update", { reason: 'chrome_update' }, false],
    ["a shared module's update", { reason: 'shared_module_update' }, false],
  ])('%s', (_, details, welcome) => {
    expect(shouldWelcome(details)).toBe(welcome);
  });
});

describe('which installs leave news in the popup', () => {
  it.each([
    ['an update to a new version', { reason: 'update', previousVersion: '0.1.0' }, '0.2.0'],
    ['a reload of the same version', { reason: 'update', previousVersion: '0.2.0' }, undefined],
    ['a fresh install', { reason: 'install' }, undefined],
    ['a browser update', { reason: 'browser_update' }, undefined],
  ])('%s', (_, details, version) => {
    expect(versionToAnnounce(details, '0.2.0')).toBe(version);
  });
});

describe('afterInstall', () => {
  let create: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Pause Moment', version: '0.2.0' });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens the welcome page in a tab after a fresh install, and leaves no news', async () => {
    await afterInstall({ reason: 'install' }, { welcome: true });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0]).toEqual({ url: fakeBrowser.runtime.getURL(WELCOME_PAGE) });
    expect(await readWhatsNew()).toBeNull();
  });

  it('opens nothing when the tour is held back (a test build)', async () => {
    await afterInstall({ reason: 'install' }, { welcome: false });
    expect(create).not.toHaveBeenCalled();
  });

  it('opens nothing after an update, and keeps its news for the popup until dismissed', async () => {
    await afterInstall({ reason: 'update', previousVersion: '0.1.0' }, { welcome: true });
    expect(create).not.toHaveBeenCalled();
    expect(await readWhatsNew()).toEqual({ version: '0.2.0' });
    await dismissWhatsNew();
    expect(await readWhatsNew()).toBeNull();
  });
});
