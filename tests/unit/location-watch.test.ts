import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLocation, withoutHash } from '@/lib/pause/location-watch';

type Happy = Window & { happyDOM: { setURL(url: string): void }; navigation?: EventTarget };
const win = window as unknown as Happy;
/** happy-dom's PageTransitionEvent drops `persisted`, so set it on a plain event. */
const pageshow = (persisted: boolean) => Object.assign(new Event('pageshow'), { persisted });

let stop: AbortController;
let onChange: ReturnType<typeof vi.fn<(reason: 'navigated' | 'restored') => void>>;
beforeEach(() => {
  vi.useFakeTimers();
  win.happyDOM.setURL('https://www.reddit.com/r/all');
  stop = new AbortController();
  onChange = vi.fn<(reason: 'navigated' | 'restored') => void>();
});
afterEach(() => {
  stop.abort();
  delete win.navigation;
  vi.useRealTimers();
});

describe('withoutHash', () => {
  it.each([
    ['https://a.com/x#top', 'https://a.com/x'],
    ['https://a.com/x?q=1#a#b', 'https://a.com/x?q=1'],
    ['https://a.com/x', 'https://a.com/x'],
  ])('%s → %s', (url, expected) => {
    expect(withoutHash(url)).toBe(expected);
  });
});

describe('watchLocation without the Navigation API (polling)', () => {
  it('has no Navigation API in happy-dom, so this is the path taken', () => {
    expect('navigation' in window).toBe(false);
  });

  it.each([
    ['pushState', (): void => history.pushState({}, '', '/r/popular')],
    ['replaceState', (): void => history.replaceState({}, '', '/r/all?sort=new')],
  ])('sees a %s move within half a second, once', async (_, move) => {
    watchLocation(window, onChange, stop.signal);
    move();
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange.mock.calls).toEqual([['navigated']]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it.each<[string, () => unknown, string?]>([
    ['a hash set on the location', () => (location.hash = '#comments')],
    ['a pushState that only adds a hash', () => history.pushState({}, '', '#top')],
    ['nothing, on a page opened with a hash', () => undefined, 'https://www.reddit.com/r/all#comments'],
  ])('ignores %s', async (_, move, startUrl) => {
    if (startUrl) win.happyDOM.setURL(startUrl);
    watchLocation(window, onChange, stop.signal);
    move();
    await vi.advanceTimersByTimeAsync(2000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reacts to popstate at once, without waiting for the next look', () => {
    watchLocation(window, onChange, stop.signal);
    history.pushState({}, '', '/r/popular');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange.mock.calls).toEqual([['navigated']]);
  });

  it('reports a page restored from the back/forward cache, and only that', async () => {
    watchLocation(window, onChange, stop.signal);
    window.dispatchEvent(pageshow(false));
    expect(onChange).not.toHaveBeenCalled();
    history.pushState({}, '', '/r/popular');
    window.dispatchEvent(pageshow(true));
    await vi.advanceTimersByTimeAsync(2000);
    expect(onChange.mock.calls).toEqual([['restored']]);
  });

  it('stops when aborted', async () => {
    watchLocation(window, onChange, stop.signal);
    stop.abort();
    history.pushState({}, '', '/r/popular');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(pageshow(true));
    await vi.advanceTimersByTimeAsync(2000);
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchLocation with a Navigation API (a stand-in EventTarget)', () => {
  it('listens to currententrychange instead of polling', async () => {
    win.navigation = new EventTarget();
    watchLocation(window, onChange, stop.signal);
    expect(vi.getTimerCount()).toBe(0);
    history.pushState({}, '', '/r/popular');
    await vi.advanceTimersByTimeAsync(2000);
    expect(onChange).not.toHaveBeenCalled();
    win.navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange.mock.calls).toEqual([['navigated']]);
  });
});
