import { describe, expect, it } from 'vitest';
import { MatchPattern } from '@webext-core/match-patterns';
import { MEETING_PLATFORMS, adapterFor, adapterForSite, isPlatformId } from '@/lib/meetings/platforms';
import type { PlatformId } from '@/lib/meetings/types';
import { matchPatternsFor, parseSite, urlMatchesSite } from '@/lib/sites/site-rules';

describe('MEETING_PLATFORMS', () => {
  it('lists each platform once, with its label and an adapter for it', () => {
    expect(MEETING_PLATFORMS.map((p) => [p.id, p.label])).toEqual([
      ['meet', 'Google Meet'],
      ['zoom', 'Zoom'],
      ['teams', 'Microsoft Teams'],
      ['webex', 'Webex'],
      ['jitsi', 'Jitsi Meet'],
      ['whereby', 'Whereby'],
    ]);
    for (const p of MEETING_PLATFORMS) {
      expect(adapterFor(p.id).platform).toBe(p.id);
      expect(adapterFor(p.id).label).toBe(p.label);
    }
  });

  it.each(MEETING_PLATFORMS.flatMap((p) => p.sites))('%s is a valid site that parses back to itself', (site) => {
    const parsed = parseSite(site);
    expect(parsed).toMatchObject({ ok: true, display: site });
  });
});

describe('isPlatformId', () => {
  it('knows the six ids and nothing else', () => {
    for (const p of MEETING_PLATFORMS) expect(isPlatformId(p.id)).toBe(true);
    for (const v of ['Meet', 'toString', '__proto__', 'constructor', '', undefined, null, 3, {}]) expect(isPlatformId(v)).toBe(false);
  });
});

/** The first platform whose sites cover `url`, as the table lists them. */
function platformOf(url: string): PlatformId | undefined {
  return MEETING_PLATFORMS.find((p) =>
    p.sites.some((site) => {
      const parsed = parseSite(site);
      return parsed.ok && urlMatchesSite(parsed.rule, url);
    }),
  )?.id;
}

describe("the platforms' sites", () => {
  it.each<[string, PlatformId | undefined]>([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://meet.google.com/abc-defg-hij?authuser=1&pli=1', 'meet'],
    ['https://meet.google.com/', 'meet'],
    ['https://app.zoom.us/wc/123456789/join?fromPWA=1', 'zoom'],
    ['https://app.zoom.us/wc/join/123456789', 'zoom'],
    // zoom.us/wc covers any subdomain's /wc path: regional and vanity hosts.
    ['https://us02web.zoom.us/wc/123456789/start', 'zoom'],
    ['https://acme.zoom.us/wc/123456789/join', 'zoom'],
    ['https://zoom.us/wc/123456789/join', 'zoom'],
    ['https://zoom.us/wc', 'zoom'],
    // Not the web client: the launcher page, the account pages, a look-alike path.
    ['https://us02web.zoom.us/j/123456789?pwd=abc', undefined],
    ['https://zoom.us/profile', undefined],
    ['https://zoom.us/wcx/123', undefined],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0', 'teams'],
    ['https://teams.live.com/meet/9312345678901?p=abc', 'teams'],
    ['https://teams.cloud.microsoft/', 'teams'],
    ['https://company.webex.com/meet/alex', 'webex'],
    ['https://company.webex.com/company/j.php?MTID=m123', 'webex'],
    ['https://web.webex.com/meeting/abc', 'webex'],
    ['https://meet.jit.si/SomeLongRoomName', 'jitsi'],
    ['https://whereby.com/my-room', 'whereby'],
    ['https://acme.whereby.com/standup', 'whereby'],
    ['https://google.com/', undefined],
    ['https://meet.google.com.evil.example/abc-defg-hij', undefined],
    ['https://notwhereby.com/room', undefined],
    ['https://jit.si/Room', undefined],
    ['ftp://meet.google.com/abc', undefined],
    ['not a url', undefined],
    ['', undefined],
  ])('%s → %s', (url, platform) => {
    expect(platformOf(url)).toBe(platform);
  });

  it('agrees with the match patterns the content script would be registered for', () => {
    for (const p of MEETING_PLATFORMS) {
      for (const site of p.sites) {
        const parsed = parseSite(site);
        if (!parsed.ok) throw new Error(parsed.error);
        const patterns = matchPatternsFor(parsed.rule).map((m) => new MatchPattern(m));
        const sample = `https://${parsed.rule.host}${parsed.rule.path}/x`;
        expect(platformOf(sample)).toBe(p.id);
        expect(patterns.some((m) => m.includes(sample))).toBe(true);
      }
    }
  });
});

describe('adapterForSite', () => {
  it("reads a preset platform's site with that platform's adapter", () => {
    for (const p of MEETING_PLATFORMS) expect(adapterForSite({ presetId: p.id }).platform).toBe(p.id);
  });

  it.each([[undefined], ['reddit'], ['__proto__']])('reads a host the user added (preset %s) as self-hosted Jitsi Meet', (presetId) => {
    expect(adapterForSite({ presetId }).platform).toBe('jitsi');
  });
});
