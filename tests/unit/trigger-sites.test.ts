import { describe, expect, it } from 'vitest';
import type { Settings, TriggerSite } from '@/lib/settings/settings';
import {
  originsOf,
  siteForUrl,
  siteFromPreset,
  withoutSite,
  withSite,
  withSiteChanged,
} from '@/lib/sites/trigger-sites';
import { siteFromInput } from '@/lib/sites/site-input';
import { presetById } from './builders';

const preset = (id: string, over: Partial<TriggerSite> = {}): TriggerSite => ({ ...siteFromPreset(presetById(id)!), ...over });
const typed = (input: string, over: Partial<TriggerSite> = {}): TriggerSite => {
  const made = siteFromInput({ sites: [], meetings: { unmuteCard: false, afterCall: 'some' } }, input);
  if (!made.ok) throw new Error(made.error);
  return { ...made.site, ...over };
};
const ids = (s: Settings) => s.sites.map((x) => x.id);

describe('siteFromInput', () => {
  it('builds an enabled site with the default wait and window from what was typed', () => {
    expect(siteFromInput({ sites: [], meetings: { unmuteCard: false, afterCall: 'some' } }, '  YouTube.com/shorts/ ')).toEqual({
      ok: true,
      site: { id: 'site:youtube.com/shorts', label: 'youtube.com/shorts', patterns: ['youtube.com/shorts'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed' },
    });
  });

  it.each(['', 'ftp://example.com', 'exa mple.com'])('refuses %j with a sentence to show', (input) => {
    const result = siteFromInput({ sites: [], meetings: { unmuteCard: false, afterCall: 'some' } }, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeGreaterThan(0);
  });

  const list: Settings = {
    meetings: { unmuteCard: false, afterCall: 'some' },
    sites: [preset('reddit'), preset('x', { enabled: false }), typed('example.com', { exactHost: true })],
  };
  it.each([
    ['reddit.com', 'reddit.com is already in your list (as Reddit).'],
    ['*.REDDIT.com/', 'reddit.com is already in your list (as Reddit).'],
    ['twitter.com', 'twitter.com is already in your list (as X).'], // second host of a switched-off preset
    ['example.com', 'example.com is already in your list.'], // typed site, subdomains off
  ])('says %j is already in the list, and where', (input, error) => {
    expect(siteFromInput(list, input)).toEqual({ ok: false, error });
  });

  it.each(['old.reddit.com', 'reddit.com/r/all', 'https://reddit.com', 'x.org'])('accepts %j next to a similar site', (input) => {
    expect(siteFromInput(list, input).ok).toBe(true);
  });
});

describe('siteForUrl', () => {
  const settings: Settings = {
    meetings: { unmuteCard: false, afterCall: 'some' },
    sites: [
      preset('youtube-shorts'),
      preset('youtube'),
      preset('reddit'),
      typed('example.com', { exactHost: true }),
      typed('news.org', { enabled: false }),
      typed('localhost/app'),
    ],
  };
  it.each([
    ['https://www.youtube.com/shorts/abc', 'youtube-shorts'], // first match wins
    ['https://m.youtube.com/watch?v=1', 'youtube'],
    ['https://old.reddit.com/r/all#top', 'reddit'],
    ['http://reddit.com', 'reddit'],
    ['https://notreddit.com/', undefined],
    ['https://example.com/page', 'site:example.com'],
    ['https://www.example.com/page', undefined], // subdomains off
    ['https://news.org/today', undefined], // switched off
    ['http://localhost:5173/app/x', 'site:localhost/app'],
    ['http://localhost:5173/apple', undefined],
    ['chrome://extensions', undefined],
    ['not a url', undefined],
  ])('%s pauses on %s', (url, id) => {
    expect(siteForUrl(settings, url)?.id).toBe(id);
  });

  it('finds nothing with no sites', () => {
    expect(siteForUrl({ sites: [], meetings: { unmuteCard: false, afterCall: 'some' } }, 'https://reddit.com/')).toBeUndefined();
  });
});

describe('editing the list', () => {
  const a = typed('a.com');
  const b = typed('b.com');
  const c = typed('c.com');
  const base: Settings = { sites: [a, b, c], meetings: { unmuteCard: false, afterCall: 'some' } };

  it('adds a new site at the end', () => {
    expect(ids(withSite({ sites: [a], meetings: { unmuteCard: false, afterCall: 'some' } }, b))).toEqual(['site:a.com', 'site:b.com']);
  });

  it('replaces a site with the same id where it stood, without touching the input', () => {
    const next = withSite(base, { ...b, waitSeconds: 30 });
    expect(ids(next)).toEqual(ids(base));
    expect(next.sites[1]!.waitSeconds).toBe(30);
    expect(base.sites[1]!.waitSeconds).toBe(5);
  });

  it.each([
    ['site:b.com', ['site:a.com', 'site:c.com']],
    ['site:zzz', ['site:a.com', 'site:b.com', 'site:c.com']],
  ])('removing %s leaves %j', (id, left) => {
    expect(ids(withoutSite(base, id))).toEqual(left);
    expect(base.sites).toHaveLength(3);
  });

  it('changes only the named site, and keeps its id', () => {
    const next = withSiteChanged(base, 'site:c.com', { enabled: false, windowMinutes: 30 });
    expect(next.sites.map((s) => [s.id, s.enabled, s.windowMinutes])).toEqual([
      ['site:a.com', true, 15],
      ['site:b.com', true, 15],
      ['site:c.com', false, 30],
    ]);
    expect(base.sites[2]!.enabled).toBe(true);
  });
});

describe('originsOf', () => {
  it.each([
    ['a preset spanning two domains', preset('x'), ['*://*.x.com/*', '*://*.twitter.com/*']],
    ['a path (the script must follow the single-page app)', preset('youtube-shorts'), ['*://*.youtube.com/*']],
    ['subdomains off', typed('example.com', { exactHost: true }), ['*://example.com/*']],
    ['a scheme', typed('https://example.com'), ['https://*.example.com/*']],
    ['the same host twice', typed('youtube.com', { patterns: ['youtube.com', 'youtube.com/shorts'] }), ['*://*.youtube.com/*']],
    ['an unreadable stored pattern', typed('a.com', { patterns: ['a.com', 'ftp://b.com'] }), ['*://*.a.com/*']],
  ])('asks for access fitting %s', (_, site, origins) => {
    expect(originsOf(site)).toEqual(origins);
  });
});
