import { describe, expect, it } from 'vitest';
import { FEED_PRESETS } from '../../lib/sites/presets';
import { parseSite, urlMatchesSite, type SiteRule } from '../../lib/sites/site-rules';

function rulesOf(id: string): SiteRule[] {
  const preset = FEED_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.sites.map((site) => {
    const parsed = parseSite(site);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.rule;
  });
}

const presetMatches = (id: string, url: string) => rulesOf(id).some((r) => urlMatchesSite(r, url));

describe('FEED_PRESETS', () => {
  it('has the expected presets, in order, with unique ids', () => {
    const ids = FEED_PRESETS.map((p) => p.id);
    expect(ids).toEqual(['x', 'reddit', 'youtube', 'youtube-shorts', 'instagram', 'facebook', 'tiktok', 'linkedin-feed', 'threads', 'bluesky']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(FEED_PRESETS.map((p) => [p.id, p] as const))('%s: every site parses to its own display form', (_id, preset) => {
    expect(preset.kind).toBe('feed');
    expect(preset.label.trim()).not.toBe('');
    expect(preset.sites.length).toBeGreaterThan(0);
    for (const site of preset.sites) {
      const parsed = parseSite(site);
      expect(parsed.ok, site).toBe(true);
      // Stored as typed, so the presets should already be in normalised form.
      if (parsed.ok) expect(parsed.display).toBe(site);
    }
  });

  it.each([
    ['x', 'https://x.com/home', true],
    ['x', 'https://twitter.com/someone', true],
    ['x', 'https://mobile.twitter.com/', true],
    ['x', 'https://xx.com/', false],
    ['x', 'https://box.com/', false],
    ['reddit', 'https://www.reddit.com/r/all/', true],
    ['reddit', 'https://old.reddit.com/', true],
    ['reddit', 'https://redd.it/abc', false],
    ['youtube', 'https://www.youtube.com/watch?v=1', true],
    ['youtube', 'https://m.youtube.com/', true],
    ['youtube', 'https://www.youtube-nocookie.com/embed/1', false],
    ['youtube-shorts', 'https://www.youtube.com/shorts/abc', true],
    ['youtube-shorts', 'https://m.youtube.com/shorts', true],
    ['youtube-shorts', 'https://www.youtube.com/watch?v=1', false],
    ['youtube-shorts', 'https://www.youtube.com/', false],
    ['youtube-shorts', 'https://www.youtube.com/@someone/shorts', false],
    ['instagram', 'https://www.instagram.com/', true],
    ['instagram', 'https://www.instagram.com/reels/', true],
    ['facebook', 'https://www.facebook.com/', true],
    ['facebook', 'https://m.facebook.com/home.php', true],
    ['facebook', 'https://facebook.com.example.org/', false],
    ['tiktok', 'https://www.tiktok.com/foryou', true],
    ['linkedin-feed', 'https://www.linkedin.com/feed/', true],
    ['linkedin-feed', 'https://www.linkedin.com/feed/update/urn:li:activity:1/', true],
    ['linkedin-feed', 'https://www.linkedin.com/in/someone', false],
    ['linkedin-feed', 'https://www.linkedin.com/jobs/', false],
    ['linkedin-feed', 'https://www.linkedin.com/feedback', false],
    ['threads', 'https://www.threads.net/@someone', true],
    ['threads', 'https://www.threads.com/', true],
    ['threads', 'https://threads.org/', false],
    ['bluesky', 'https://bsky.app/profile/someone', true],
    ['bluesky', 'https://bsky.social/', false],
    ['bluesky', 'ftp://bsky.app/', false],
  ])('%s on %s -> %s', (id, url, expected) => {
    expect(presetMatches(id, url)).toBe(expected);
  });
});
