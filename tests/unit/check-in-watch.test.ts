import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCheckIns } from '@/lib/pause/check-in-watch';
import { CHECK_IN_TAG } from '@/lib/pause/check-in-card';
import type { PauseDecision } from '@/lib/pause/decision';
import { watchScrolling } from '@/lib/pause/scroll-watch';
import { typedSite } from './builders';

const T = 1_700_000_000_000;
const MIN = 60_000;
const site = typedSite('news.example', { checkIn: true, checkInScreens: 2, checkInMinutes: 3 });
const open: PauseDecision = { kind: 'open', site, until: T + 15 * MIN, recheckAt: T + 15 * MIN };

let life: ContentScriptContext;
let feed: HTMLElement;
let cardUrl: ReturnType<typeof vi.fn<(p: URLSearchParams) => string>>;
const card = () => document.querySelector(CHECK_IN_TAG);

/** Scrolls the inner feed to `top`, as the browser does: the position changes, then a scroll event fires at the element. */
function scrollFeedTo(top: number): void {
  feed.scrollTop = top;
  feed.dispatchEvent(new Event('scroll'));
}

/** The command the background sends when the user chose Keep going in the card. */
async function keepGoing(): Promise<void> {
  await fakeBrowser.runtime.onMessage.trigger({ checkIn: 'keepGoing' }, { id: fakeBrowser.runtime.id });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T });
  fakeBrowser.reset();
  document.documentElement.innerHTML = '<head></head><body><div id="feed" style="height: 500px; overflow: auto"><div style="height: 100000px"></div></div></body>';
  feed = document.getElementById('feed')!;
  Object.defineProperty(feed, 'clientHeight', { configurable: true, value: 500 });
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
  life = new ContentScriptContext('guard');
  cardUrl = vi.fn((p: URLSearchParams) => `chrome-extension://test-extension-id/check-in.html?${p}`);
});
afterEach(() => {
  life.notifyInvalidated();
  vi.useRealTimers();
});

const start = () => startCheckIns({ win: window, life, cardUrl, now: () => Date.now() });

describe('the check-in on a page', () => {
  it('shows the card at the corner once the inner feed has scrolled two screens, and Keep going moves the next one two screens on', async () => {
    const decide = start();
    decide(open);
    for (let top = 0; top <= 900; top += 100) scrollFeedTo(top);
    expect(card()).toBeNull();
    scrollFeedTo(1000);
    expect(card()).not.toBeNull();
    expect(Object.fromEntries(cardUrl.mock.calls[0]![0])).toEqual({ site: site.id, back: expect.any(String) });
    await keepGoing();
    expect(card()).toBeNull();
    for (let top = 1100; top <= 1900; top += 100) scrollFeedTo(top);
    expect(card()).toBeNull();
    scrollFeedTo(2000);
    expect(card()).not.toBeNull();
  });

  it('shows the card after the site’s minutes in view, not counting time the page was hidden', async () => {
    start()(open);
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(card()).toBeNull();
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    await vi.advanceTimersByTimeAsync(3 * MIN - 5_000);
    expect(card()).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(card()).not.toBeNull();
  });

  it('takes the card away and stops counting when the time on the site ends, and never checks in on a site that asks none', () => {
    const decide = start();
    decide(open);
    for (let top = 0; top <= 1000; top += 100) scrollFeedTo(top);
    expect(card()).not.toBeNull();
    decide({ kind: 'pause', site, ended: true });
    expect(card()).toBeNull();
    decide({ ...open, site: { ...site, checkIn: false } });
    for (let top = 1000; top <= 5000; top += 100) scrollFeedTo(top);
    expect(card()).toBeNull();
  });

  it('hears Keep going only from the extension', async () => {
    start()(open);
    for (let top = 0; top <= 1000; top += 100) scrollFeedTo(top);
    await fakeBrowser.runtime.onMessage.trigger({ checkIn: 'keepGoing' }, { id: 'another-extension' });
    expect(card()).not.toBeNull();
  });
});

describe('watchScrolling', () => {
  it('hears the scrolling of any element and of the document, with each one’s own height', () => {
    const heard: Array<[number, number]> = [];
    const stop = new AbortController();
    watchScrolling(window, (px, height) => heard.push([px, height]), stop.signal);
    scrollFeedTo(0);
    scrollFeedTo(300);
    scrollFeedTo(100);
    expect(heard).toEqual([
      [300, 500],
      [-200, 500],
    ]);
    stop.abort();
    scrollFeedTo(400);
    expect(heard).toHaveLength(2);
  });
});
