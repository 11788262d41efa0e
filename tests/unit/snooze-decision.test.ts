import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { timeSortableId } from '@/lib/browser/ids';
import { decidePause } from '@/lib/pause/decision';
import { explainUrl } from '@/lib/pause/explain';
import { startPauseGuard, type GuardEnv } from '@/lib/pause/guard';
import type { Snooze } from '@/lib/pause/snooze';
import type { Settings } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const T = Date.UTC(2026, 11, 2, 10, 0);
const MIN = 60_000;
const reddit = siteFromPreset(presetById('reddit')!);
const x = siteFromPreset(presetById('x')!);
const settings: Settings = { sites: [reddit, x], meetings: { unmuteCard: false, afterCall: 'some' } };
const snoozed = (over: Partial<Snooze> = {}): Snooze => ({ id: timeSortableId(T), startedAt: T, until: T + 15 * MIN, length: '15m', ...over });

describe('decidePause while pauses are snoozed', () => {
  it('lets a page in that would pause, and looks again the moment the snooze ends', () => {
    const snooze = snoozed();
    expect(decidePause({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/', T)).toEqual({
      kind: 'snoozed',
      site: reddit,
      until: snooze.until,
      snoozeId: snooze.id,
      recheckAt: snooze.until,
    });
  });

  it('pauses again once the snooze has ended on the wall clock, though nothing cleared it', () => {
    const snooze = snoozed();
    expect(decidePause({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/', snooze.until)).toMatchObject({ kind: 'pause' });
    expect(decidePause({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/', snooze.until + 8 * 60 * MIN)).toMatchObject({ kind: 'pause' });
  });

  it('snoozed on one site, still pauses the others', () => {
    const snooze = snoozed({ site: { id: reddit.id, label: reddit.label } });
    expect(decidePause({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/', T)).toMatchObject({ kind: 'snoozed' });
    expect(decidePause({ settings, openTimes: {}, snooze }, 'https://x.com/home', T)).toMatchObject({ kind: 'pause', site: x });
  });

  it('changes nothing where no pause would show anyway: no site, or time the user chose', () => {
    const snooze = snoozed();
    expect(decidePause({ settings, openTimes: {}, snooze }, 'https://example.org/', T)).toEqual({ kind: 'none' });
    const openTimes = { [reddit.id]: { openedAt: T, until: T + 5 * MIN } };
    expect(decidePause({ settings, openTimes, snooze }, 'https://www.reddit.com/', T)).toMatchObject({ kind: 'open' });
  });

  it('looks again when the paused hours end, if that comes before the snooze ends', () => {
    const withHours: Settings = { ...settings, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], from: 9 * 60, to: 10 * 60 + 5 }] };
    const decision = decidePause({ settings: withHours, openTimes: {}, snooze: snoozed() }, 'https://www.reddit.com/', T, 'UTC');
    expect(decision).toMatchObject({ kind: 'snoozed', recheckAt: T + 5 * MIN });
  });
});

describe('explainUrl while pauses are snoozed', () => {
  it('says pauses are snoozed, until when, and that the page pauses after that', () => {
    const snooze = snoozed({ until: Date.UTC(2026, 11, 2, 10, 30) });
    const answer = explainUrl({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/r/all', T, 'en-GB', 'UTC');
    expect(answer).toEqual({
      pauses: false,
      siteId: reddit.id,
      text: expect.stringMatching(/^Not now: pauses are snoozed until \d{1,2}:30\. After that it pauses \(reddit\.com\)\.$/),
    });
  });

  it('names the site when only it is snoozed, and still says the others pause', () => {
    const snooze = snoozed({ site: { id: reddit.id, label: reddit.label } });
    expect(explainUrl({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/', T, 'en-GB').text).toMatch(/^Not now: pauses on Reddit are snoozed until/);
    expect(explainUrl({ settings, openTimes: {}, snooze }, 'https://x.com/home', T, 'en-GB').pauses).toBe(true);
  });

  it('says it pauses once the snooze is over', () => {
    const snooze = snoozed();
    expect(explainUrl({ settings, openTimes: {}, snooze }, 'https://www.reddit.com/', snooze.until, 'en-GB').pauses).toBe(true);
  });
});

describe('the guard on a page while pauses are snoozed', () => {
  const win = window as unknown as Window & { happyDOM: { setURL(url: string): void } };
  const covered = () => document.querySelector('pause-moment') !== null;
  const settle = () => vi.advanceTimersByTimeAsync(1);
  let snooze: Snooze | undefined;
  let notify: () => void;
  let skips: Array<{ id: string; siteId: string; snoozeId: string }>;
  let pauseUrl: ReturnType<typeof vi.fn<(p: URLSearchParams) => string>>;
  let life: ContentScriptContext;

  function start(): void {
    life = new ContentScriptContext('guard');
    const env: GuardEnv = {
      win: window,
      doc: document,
      readState: async () => ({ settings, openTimes: {}, ...(snooze ? { snooze } : {}) }),
      onStateChange: (callback) => void (notify = callback),
      reportSkipped: (skip) => void skips.push(skip),
      pauseUrl,
      now: () => Date.now(),
      life,
    };
    startPauseGuard(env);
  }

  beforeEach(() => {
    vi.useFakeTimers({ now: T });
    (fakeBrowser.runtime as { id?: string }).id = 'test-extension-id';
    win.happyDOM.setURL('https://www.reddit.com/r/all');
    document.documentElement.innerHTML = '<head></head><body></body>';
    snooze = undefined;
    skips = [];
    pauseUrl = vi.fn((p: URLSearchParams) => `chrome-extension://test-extension-id/pause.html?${p}`);
    // happy-dom does not load frames and says so, for each one, on the console it was set up with.
    const error = nodeConsole.error.bind(nodeConsole);
    vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
    });
  });
  afterEach(() => {
    life.notifyInvalidated();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('lets a new page in and counts it once as a skipped pause', async () => {
    snooze = snoozed();
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    start();
    expect(covered()).toBe(true);
    await settle();
    expect(covered()).toBe(false);
    expect(pauseUrl).not.toHaveBeenCalled();
    // Moving within the site, coming back to the tab, a change in storage: still one page, one skip.
    history.pushState({}, '', '/r/popular');
    await vi.advanceTimersByTimeAsync(500);
    document.dispatchEvent(new Event('visibilitychange'));
    notify();
    await settle();
    expect(skips).toEqual([{ id: expect.any(String), siteId: reddit.id, snoozeId: snooze.id }]);
  });

  it('un-pauses a paused page the moment a snooze starts, without counting it twice, and pauses it again when the snooze ends', async () => {
    start();
    await settle();
    expect(covered()).toBe(true);
    snooze = snoozed();
    notify();
    await settle();
    expect(covered()).toBe(false);
    expect(skips, 'the pause it took away was already counted').toEqual([]);
    await vi.advanceTimersByTimeAsync(15 * MIN - 100);
    expect(covered()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(covered()).toBe(true);
    expect(pauseUrl).toHaveBeenCalledTimes(2);
  });

  it('pauses again when the snooze ended while the computer slept', async () => {
    snooze = snoozed();
    start();
    await settle();
    expect(covered()).toBe(false);
    vi.setSystemTime(T + 3 * 60 * MIN); // the clock jumps; the end timer has not fired
    await vi.advanceTimersByTimeAsync(15_000);
    expect(covered()).toBe(true);
  });

  it('pauses again at once when the user ends the snooze early', async () => {
    snooze = snoozed();
    start();
    await settle();
    snooze = undefined;
    notify();
    await settle();
    expect(covered()).toBe(true);
  });
});
