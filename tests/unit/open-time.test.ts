import { describe, expect, it } from 'vitest';
import {
  cleanIntention,
  formatRemaining,
  INTENTION_MAX,
  isOpenNow,
  newOpenTime,
  normaliseOpenTimes,
  siteIdOfAlarm,
  openTimeAlarmName,
  openTimeLeft,
} from '@/lib/pause/open-time';

const T = 1_700_000_000_000;

describe('isOpenNow / openTimeLeft', () => {
  const w = { openedAt: T, until: T + 60_000 };
  it.each([
    ['before its end', w, T + 59_999, true, 1],
    ['at its end', w, T + 60_000, false, 0],
    ['after its end', w, T + 90_000, false, 0],
    ['with no window', undefined, T, false, 0],
    ['with an unreadable end', { openedAt: T, until: 'later' as unknown as number }, T, false, 0],
  ])('lets the user in %s: %s', (_, win, now, open, left) => {
    expect(isOpenNow(win, now)).toBe(open);
    expect(openTimeLeft(win, now)).toBe(left);
  });
});

describe('cleanIntention', () => {
  it.each([
    ['  reply to Sam  ', 'reply to Sam'],
    ['check\n\nthe\tnews', 'check the news'],
    ['   ', undefined],
    ['', undefined],
    [42, undefined],
    [null, undefined],
    ['x'.repeat(500), 'x'.repeat(INTENTION_MAX)],
  ])('reads %j as %j', (text, expected) => {
    expect(cleanIntention(text)).toBe(expected);
  });
});

describe('newOpenTime', () => {
  it.each([
    [15, undefined, { openedAt: T, until: T + 15 * 60_000 }],
    [1.5, '  one  thing ', { openedAt: T, until: T + 90_000, intention: 'one thing' }],
    [5, ' \n ', { openedAt: T, until: T + 5 * 60_000 }],
  ])('a Continue of %s min with intention %j opens %j', (minutes, intention, expected) => {
    expect(newOpenTime(minutes, T, intention)).toEqual(expected);
  });
});

describe('normaliseOpenTimes', () => {
  it.each([null, undefined, 'windows', 7, []])('reads %j as no windows', (raw) => {
    expect(normaliseOpenTimes(raw)).toEqual({});
  });

  it('keeps readable windows, cleans them, and drops the rest', () => {
    expect(
      normaliseOpenTimes({
        reddit: { openedAt: T, until: T + 1, intention: ' a\nb ', endedAt: T + 2, extra: true },
        youtube: { openedAt: T, until: T + 1, intention: 5, endedAt: 'soon' },
        noEnd: { openedAt: T },
        textEnd: { openedAt: T, until: String(T) },
        nothing: null,
        number: 3,
      }),
    ).toEqual({
      reddit: { openedAt: T, until: T + 1, intention: 'a b', endedAt: T + 2 },
      youtube: { openedAt: T, until: T + 1 },
    });
  });
});

describe('window alarms', () => {
  it.each(['reddit', 'site:youtube.com/shorts', 'site:a:b'])('finds the site %s back from its alarm name', (id) => {
    expect(siteIdOfAlarm(openTimeAlarmName(id))).toBe(id);
  });

  it.each(['other-alarm', 'reddit', ''])('ignores the alarm %j', (name) => {
    expect(siteIdOfAlarm(name)).toBeUndefined();
  });
});

describe('formatRemaining', () => {
  it.each([
    [-1, 'ended'],
    [0, 'ended'],
    [1, '1 s left'],
    [40_000, '40 s left'],
    [59_000, '59 s left'],
    [60_000, '1 min left'],
    [11.5 * 60_000, '12 min left'],
    [12 * 60_000, '12 min left'],
  ])('%i ms reads %j', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
