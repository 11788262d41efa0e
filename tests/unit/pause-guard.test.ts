import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOW_BACK_MS, startPauseGuard, type GuardEnv } from '@/lib/pause/guard';
import type { Settings } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';
import type { SiteWindows } from '@/lib/pause/open-time';

const T = 1_700_000_000_000;
const MIN = 60_000;
const win = window as unknown as Window & { happyDOM: { setURL(url: string): void } };
const covered = () => document.querySelector('pause-moment') !== null;
/** Lets the guard read its state and decide. */
const settle = () => vi.advanceTimersByTimeAsync(1);

let settings: Settings;
let windows: SiteWindows;
let alive: boolean;
let readFails: boolean;
let notify: () => void;
let pauseUrl: ReturnType<typeof vi.fn<(p: URLSearchParams) => string>>;
let stopGuard: (() => void) | undefined;

function start(readState?: GuardEnv['readState']): void {
  const env: GuardEnv = {
    win: window,
    doc: document,
    readState:
      readState ??
      (async () => {
        if (readFails) throw new Error('Extension context invalidated.');
        return { settings, windows };
      }),
    onStateChange: (callback) => void (notify = callback),
    pauseUrl,
    now: () => Date.now(),
    isAlive: () => alive,
  };
  stopGuard = startPauseGuard(env);
}
/** What the guard asked the pause page to show, one entry per pause. */
const pauses = () => pauseUrl.mock.calls.map(([p]) => Object.fromEntries(p));

beforeEach(() => {
  vi.useFakeTimers({ now: T });
  win.happyDOM.setURL('https://www.reddit.com/r/all');
  document.documentElement.innerHTML = '<head></head><body></body>';
  settings = { sites: [siteFromPreset(presetById('youtube-shorts')!), siteFromPreset(presetById('reddit')!)], meetings: { unmuteCard: false, afterCall: 'some' } };
  windows = {};
  alive = true;
  readFails = false;
  pauseUrl = vi.fn((p: URLSearchParams) => `chrome-extension://test-extension-id/pause.html?${p}`);
  // happy-dom does not load frames and says so, for each one, on the console it was set up with.
  const error = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
});
afterEach(() => {
  stopGuard?.();
  stopGuard = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('startPauseGuard', () => {
  it('covers the page at once, before it knows anything', () => {
    start();
    expect(covered()).toBe(true);
    expect(pauseUrl).not.toHaveBeenCalled();
  });

  it.each([
    ['a site not in the list', 'https://www.example.org/'],
    ['a path the site does not pause on', 'https://www.youtube.com/watch?v=1'],
  ])('uncovers %s', async (_, url) => {
    win.happyDOM.setURL(url);
    start();
    await settle();
    expect(covered()).toBe(false);
    expect(pauseUrl).not.toHaveBeenCalled();
  });

  it('keeps the cover and loads the pause when the site is in the list and no window is open', async () => {
    start();
    await settle();
    expect(covered()).toBe(true);
    expect(pauses()).toEqual([{ site: 'reddit', pause: expect.any(String), reason: 'arrived', host: 'www.reddit.com', shown: String(T), back: expect.any(String) }]);
  });

  it.each([
    ['ended a minute ago', T - MIN, 'window-ended'],
    ['ended just under the show-back time ago', T - SHOW_BACK_MS + 1, 'window-ended'],
    ['ended long ago', T - SHOW_BACK_MS, 'arrived'],
  ])('gives the reason for a pause when the window %s', async (_, until, reason) => {
    windows = { reddit: { openedAt: until - 15 * MIN, until, intention: 'reply to Sam', endedAt: until } };
    start();
    await settle();
    expect(pauses().map((p) => p.reason)).toEqual([reason]);
  });

  it('uncovers while a window is open and pauses again when it ends', async () => {
    windows = { reddit: { openedAt: T, until: T + 5 * MIN } };
    start();
    await settle();
    expect(covered()).toBe(false);
    await vi.advanceTimersByTimeAsync(5 * MIN - 100);
    expect(covered()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(covered()).toBe(true);
    expect(pauses().map((p) => p.reason)).toEqual(['window-ended']);
  });

  it('notices a window that ended while the computer slept', async () => {
    windows = { reddit: { openedAt: T, until: T + 5 * MIN } };
    start();
    await settle();
    vi.setSystemTime(T + 60 * MIN); // the clock jumps; the end-of-window timer has not fired
    await vi.advanceTimersByTimeAsync(15_000);
    expect(covered()).toBe(true);
    expect(pauses().map((p) => p.reason)).toEqual(['arrived']); // long past: nothing to show back
  });

  it('uncovers when a Continue in any tab opens a window', async () => {
    start();
    await settle();
    windows = { reddit: { openedAt: T, until: T + 15 * MIN } };
    notify();
    await settle();
    expect(covered()).toBe(false);
  });

  it('makes no second pause when the page moves within the site while paused', async () => {
    start();
    await settle();
    history.pushState({}, '', '/r/popular');
    await vi.advanceTimersByTimeAsync(1000);
    notify();
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(covered()).toBe(true);
    expect(pauseUrl).toHaveBeenCalledTimes(1);
  });

  it('uncovers when the page moves off the paused part of a site, and pauses again on return', async () => {
    win.happyDOM.setURL('https://www.youtube.com/shorts/abc');
    start();
    await settle();
    history.pushState({}, '', '/watch?v=1');
    await vi.advanceTimersByTimeAsync(500);
    expect(covered()).toBe(false);
    history.pushState({}, '', '/shorts/def');
    await vi.advanceTimersByTimeAsync(500);
    expect(covered()).toBe(true);
    expect(pauses().map((p) => p.site)).toEqual(['youtube-shorts', 'youtube-shorts']);
  });

  it('pauses when the site is added while the page is open', async () => {
    win.happyDOM.setURL('https://bsky.app/');
    start();
    await settle();
    expect(covered()).toBe(false);
    settings = { sites: [...settings.sites, siteFromPreset(presetById('bluesky')!)], meetings: { unmuteCard: false, afterCall: 'some' } };
    notify();
    await settle();
    expect(covered()).toBe(true);
    expect(pauses().map((p) => p.site)).toEqual(['bluesky']);
  });

  it.each([
    ['the extension is removed while paused', () => (alive = false), 2_000],
    ['its state cannot be read', () => (readFails = true), 0],
  ])('takes the cover away for good when %s', async (_, breakIt, wait) => {
    start();
    await settle();
    breakIt();
    if (!wait) notify();
    await vi.advanceTimersByTimeAsync(wait + 1);
    expect(covered()).toBe(false);
    alive = true;
    readFails = false;
    history.pushState({}, '', '/r/popular');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(covered()).toBe(false);
    expect(pauseUrl).toHaveBeenCalledTimes(1);
  });

  it('acts on the latest state only when reads overlap', async () => {
    let releaseFirst!: () => void;
    const stale = new Promise<void>((r) => (releaseFirst = r));
    const open: SiteWindows = { reddit: { openedAt: T, until: T + 15 * MIN } };
    let reads = 0;
    // The first read sees no window but answers last; the second sees the window just opened.
    start(async () => (++reads === 1 ? (await stale, { settings, windows: {} }) : { settings, windows: open }));
    notify();
    await settle();
    expect(covered()).toBe(false);
    releaseFirst();
    await settle();
    expect(covered()).toBe(false);
    expect(pauseUrl).not.toHaveBeenCalled();
  });
});
