import { describe, expect, it } from 'vitest';
import { decidePause } from '@/lib/pause/decision';
import { DEFAULT_SETTINGS, type Settings, type TriggerSite } from '@/lib/settings/settings';
import { exceptionFromTyped } from '@/lib/sites/site-exceptions';
import { exceptionFor, siteForUrl, siteFromPreset } from '@/lib/sites/trigger-sites';
import { siteFromInput } from '@/lib/sites/site-input';
import { presetById } from './builders';

const T = Date.UTC(2026, 11, 2, 10, 0);
const typed = (input: string, over: Partial<TriggerSite> = {}): TriggerSite => {
  const made = siteFromInput(DEFAULT_SETTINGS, input);
  if (!made.ok) throw new Error(made.error);
  return { ...made.site, ...over };
};
const x = (exceptions?: string[]): TriggerSite => ({ ...siteFromPreset(presetById('x')!), ...(exceptions ? { exceptions } : {}) });
const settingsWith = (...sites: TriggerSite[]): Settings => ({ ...DEFAULT_SETTINGS, sites });

describe('exceptionFromTyped: typing an exception for a site', () => {
  it.each<[string, TriggerSite, string, string]>([
    ['a path of the site', x(), 'x.com/messages', 'x.com/messages'],
    ['a path of the site’s other host', x(), 'twitter.com/messages', 'twitter.com/messages'],
    ['as a person might type it', x(), '  https://X.com/messages/ ', 'https://x.com/messages'],
    ['a subdomain of the site', typed('reddit.com'), 'old.reddit.com', 'old.reddit.com'],
    ['a path under a site that is a path', typed('youtube.com/shorts'), 'youtube.com/shorts/abc', 'youtube.com/shorts/abc'],
    ['a path on a subdomain the site covers', typed('www.youtube.com'), 'youtube.com/watch', 'youtube.com/watch'],
    ['a path of a site given by address', typed('127.0.0.1'), '127.0.0.1/messages', '127.0.0.1/messages'],
  ])('takes %s', (_, site, input, kept) => {
    expect(exceptionFromTyped(site, input)).toEqual({ ok: true, exception: kept });
  });

  it('refuses a part of another site, saying it is not part of this one', () => {
    expect(exceptionFromTyped(x(), 'reddit.com/r/x')).toEqual({ ok: false, error: "reddit.com/r/x is not part of X, so it can't be an exception there." });
  });

  it.each<[string, TriggerSite, string, RegExp]>([
    ['another site’s address', typed('127.0.0.1'), 'localhost/messages', /localhost\/messages is not part of 127\.0\.0\.1/],
    ['a subdomain when subdomains are off', typed('reddit.com', { exactHost: true }), 'old.reddit.com', /not part of reddit\.com/],
    ['a path beside the site’s own path', typed('youtube.com/shorts'), 'youtube.com/watch', /not part of youtube\.com\/shorts/],
    ['a path on a segment the site does not cover', typed('youtube.com/shorts'), 'youtube.com/shortsx', /not part of/],
    ['the other scheme', typed('https://x.com'), 'http://x.com/messages', /not part of/],
    ['the whole site', typed('reddit.com'), '*.reddit.com', /^reddit\.com is all of reddit\.com\. To stop pausing there, switch reddit\.com off\.$/],
    ['the whole of a pathed site', typed('youtube.com/shorts'), 'youtube.com', /is all of youtube\.com\/shorts/],
    ['an exception it already has', x(['x.com/messages']), 'X.com/messages/', /^x\.com\/messages is already an exception\.$/],
    ['what is not a site', x(), 'x.com/a b', /can't contain spaces/],
    ['a star inside', x(), 'x.com/*/messages', /A \* can only stand at the start/],
    ['nothing', x(), '   ', /^Type a part of X to leave out, like x\.com\/messages\.$/],
  ])('refuses %s', (_, site, input, error) => {
    const result = exceptionFromTyped(site, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });

  it('takes one whole host of a site that has several', () => {
    expect(exceptionFromTyped(x(), 'twitter.com')).toEqual({ ok: true, exception: 'twitter.com' });
  });

  it('keeps at most 20 exceptions for a site', () => {
    const full = x(Array.from({ length: 20 }, (_, i) => `x.com/p${i}`));
    expect(exceptionFromTyped(full, 'x.com/messages')).toEqual({ ok: false, error: 'A site can have at most 20 exceptions. Remove one first.' });
  });
});

describe('exceptions when a page is decided', () => {
  const site = x(['x.com/messages', 'twitter.com/i/bookmarks']);
  const settings = settingsWith(site);

  it.each([
    'https://x.com/messages',
    'https://x.com/messages/',
    'https://x.com/messages/123-456',
    'https://mobile.x.com/messages/compose?text=hi#top',
    'https://twitter.com/i/bookmarks',
    'http://x.com/messages',
  ])('leaves out %s', (url) => {
    expect(siteForUrl(settings, url)).toBeUndefined();
    expect(decidePause({ settings, openTimes: {} }, url, T)).toEqual({
      kind: 'excepted',
      site,
      exception: url.includes('twitter') ? 'twitter.com/i/bookmarks' : 'x.com/messages',
    });
  });

  it.each(['https://x.com/', 'https://x.com/home', 'https://x.com/messagesx', 'https://x.com/i/messages', 'https://twitter.com/messages', 'https://x.com/Messages'])(
    'still pauses %s',
    (url) => {
      expect(siteForUrl(settings, url)).toBe(site);
      expect(decidePause({ settings, openTimes: {} }, url, T)).toMatchObject({ kind: 'pause', site });
    },
  );

  it('follows a single-page app through the site: each address is decided on its own', () => {
    const path = ['https://x.com/home', 'https://x.com/messages', 'https://x.com/messages/42', 'https://x.com/explore'];
    expect(path.map((url) => decidePause({ settings, openTimes: {} }, url, T).kind)).toEqual(['pause', 'excepted', 'excepted', 'pause']);
  });

  it('leaves out a subdomain excepted as a host, on every path', () => {
    const reddit = typed('reddit.com', { exceptions: ['old.reddit.com'] });
    const s = settingsWith(reddit);
    expect(exceptionFor(reddit, 'https://old.reddit.com/r/all')).toBe('old.reddit.com');
    expect(siteForUrl(s, 'https://www.old.reddit.com/')).toBeUndefined();
    expect(siteForUrl(s, 'https://www.reddit.com/r/all')).toBe(reddit);
  });

  it('pauses by another chosen site that covers the page and does not leave it out', () => {
    const feed = typed('x.com/messages/requests');
    const s = settingsWith(site, feed);
    expect(siteForUrl(s, 'https://x.com/messages/requests')).toBe(feed);
    expect(siteForUrl(s, 'https://x.com/messages/1')).toBeUndefined();
  });

  it('ignores an exception that cannot be read, and those of a switched-off site', () => {
    const odd = x(['not a site', 'x.com/*']);
    expect(siteForUrl(settingsWith(odd), 'https://x.com/messages')).toBe(odd);
    const off = { ...site, enabled: false };
    expect(decidePause({ settings: settingsWith(off), openTimes: {} }, 'https://x.com/messages', T)).toEqual({ kind: 'none' });
  });

  it('is decided before time chosen on the site: an excepted page is simply not paused', () => {
    const open = { [site.id]: { openedAt: T - 60_000, until: T + 60_000 } };
    expect(decidePause({ settings, openTimes: open }, 'https://x.com/messages', T).kind).toBe('excepted');
  });
});
