import { describe, expect, it } from 'vitest';
import { explainUrl, pageAddressOf } from '@/lib/pause/explain';
import type { Settings } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { siteFromInput } from '@/lib/sites/site-input';
import { presetById } from './builders';

const T = Date.UTC(2026, 11, 2, 10, 0);
const EMPTY: Settings = { sites: [], meetings: { unmuteCard: false, afterCall: 'some' } };
const shorts = (() => {
  const r = siteFromInput(EMPTY, 'youtube.com/shorts');
  if (!r.ok) throw new Error(r.error);
  return r.site;
})();
const reddit = siteFromPreset(presetById('reddit')!);
const meet = { ...siteFromPreset({ id: 'meet', label: 'Google Meet', sites: ['meet.google.com'] }, 'meeting') };
const settings: Settings = { ...EMPTY, sites: [reddit, shorts, { ...siteFromPreset(presetById('x')!), enabled: false }, meet] };

describe('explainUrl', () => {
  it.each<[string, string, boolean, RegExp]>([
    ['a page of a chosen site', 'https://old.reddit.com/r/all', true, /It pauses: old\.reddit\.com\/r\/all is part of Reddit \(reddit\.com\)/],
    ['a bare host', 'reddit.com', true, /It pauses: reddit\.com is part of Reddit/],
    ['a chosen path', 'https://www.youtube.com/shorts/abc', true, /part of youtube\.com\/shorts \(youtube\.com\/shorts\)/],
    ['the same site outside the chosen path', 'https://www.youtube.com/watch?v=1', false, /none of your sites covers www\.youtube\.com/],
    ['a switched-off site', 'https://x.com/home', false, /X covers it, but it is switched off/],
    ['a meeting site', 'https://meet.google.com/abc-defg-hij', false, /Google Meet is a meeting site/],
    ['a site nobody chose', 'https://example.org/', false, /none of your sites covers example\.org/],
    ['not a page address', 'ftp://reddit.com/', false, /not a web page address/],
    ['nothing', '   ', false, /not a web page address/],
  ])('%s', (_, input, pauses, text) => {
    const answer = explainUrl({ settings, openTimes: {} }, input, T, 'en-GB');
    expect(answer.pauses).toBe(pauses);
    expect(answer.text).toMatch(text);
  });

  it('says when time the user chose keeps a site open, and until when; and pauses once it ended', () => {
    const open = { [reddit.id]: { openedAt: T - 60_000, until: T + 15 * 60_000 } };
    const now = explainUrl({ settings, openTimes: open }, 'https://reddit.com', T, 'en-GB');
    expect(now).toEqual({ pauses: false, siteId: reddit.id, text: expect.stringMatching(/^Not now: you chose time on Reddit until \d{1,2}:\d{2}/) });
    expect(explainUrl({ settings, openTimes: open }, 'https://reddit.com', T + 15 * 60_000, 'en-GB').pauses).toBe(true);
  });
});

describe('explainUrl: exceptions', () => {
  const x = { ...siteFromPreset(presetById('x')!), exceptions: ['x.com/messages'] };
  const withX: Settings = { ...EMPTY, sites: [x] };

  it.each<[string, boolean, string]>([
    ['https://x.com/messages', false, 'No pause: x.com/messages is an exception you made for X.'],
    ['x.com/messages/42', false, 'No pause: x.com/messages/42 falls under x.com/messages, an exception you made for X.'],
    ['https://mobile.x.com/messages/', false, 'No pause: mobile.x.com/messages/ falls under x.com/messages, an exception you made for X.'],
    ['https://x.com/home', true, 'It pauses: x.com/home is part of X (x.com).'],
  ])('%s', (input, pauses, text) => {
    expect(explainUrl({ settings: withX, openTimes: {} }, input, T, 'en-GB')).toEqual({ pauses, siteId: x.id, text });
  });
});

describe('pageAddressOf', () => {
  it.each([
    ['reddit.com/r/all', 'https://reddit.com/r/all'],
    ['http://127.0.0.1:8080/feed', 'http://127.0.0.1:8080/feed'],
    ['  https://x.com  ', 'https://x.com/'],
    ['https://[::1]:8080/', 'https://[::1]:8080/'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ])('reads %s', (input, href) => expect(pageAddressOf(input)?.href).toBe(href));

  it.each(['', 'not an address at all', 'https://exa mple.com', 'https://a%20b.com/', 'javascript:alert(1)', 'mailto:a@b.c', 'https://', 'file:///etc/passwd'])('refuses %s', (input) => expect(pageAddressOf(input)).toBeUndefined());
});
