import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { timeSortableId } from '@/lib/browser/ids';
import {
  isSnoozeOn,
  nextMorning,
  normaliseSnooze,
  snoozeCovers,
  snoozeEndText,
  snoozeLeftText,
  snoozeLengths,
  snoozeUntil,
  SNOOZE_MAX_MS,
  type Snooze,
} from '@/lib/pause/snooze';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ZONE = process.env.TZ;

/** Runs with the computer's clock in `zone`, as a person living there has it. */
function inZone(zone: string): void {
  process.env.TZ = zone;
}
afterEach(() => {
  if (ZONE === undefined) delete process.env.TZ;
  else process.env.TZ = ZONE;
});

/** The wall clock in `zone` at `t`, e.g. "2026-03-29 08:00". */
function wallClock(t: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const T = Date.UTC(2026, 11, 2, 13, 0);
const snooze = (over: Partial<Snooze> = {}): Snooze => ({ id: timeSortableId(T), startedAt: T, until: T + 15 * MIN, length: '15m', ...over });

describe('how long a snooze lasts', () => {
  it('is 15 minutes or an hour of real time', () => {
    expect(snoozeUntil('15m', T)).toBe(T + 15 * MIN);
    expect(snoozeUntil('1h', T)).toBe(T + HOUR);
  });

  it('offers the 20-second snooze only in a test build', () => {
    expect(snoozeLengths(false)).toEqual(['15m', '1h', 'morning']);
    expect(snoozeLengths(true)).toContain('test-20s');
    expect(snoozeUntil('test-20s', T)).toBe(T + 20_000);
  });
});

describe('until morning', () => {
  it.each<[string, string, number, string, number]>([
    // zone, chosen at (UTC), ends on the local clock, its length in real time
    ['an ordinary evening in Berlin', 'Europe/Berlin', Date.UTC(2026, 11, 2, 21, 0), '2026-12-03 08:00', 10 * HOUR],
    ['the evening before the clocks go forward in Berlin', 'Europe/Berlin', Date.UTC(2026, 2, 28, 21, 0), '2026-03-29 08:00', 9 * HOUR],
    ['just after the clocks went forward in Berlin (03:30)', 'Europe/Berlin', Date.UTC(2026, 2, 29, 1, 30), '2026-03-29 08:00', 4.5 * HOUR],
    ['the evening before the clocks go back in New York', 'America/New_York', Date.UTC(2026, 10, 1, 2, 0), '2026-11-01 08:00', 11 * HOUR],
    ['the small hours in Tokyo, which means this morning', 'Asia/Tokyo', Date.UTC(2026, 11, 2, 17, 0), '2026-12-03 08:00', 6 * HOUR],
    ['early morning in Tokyo, after the night: the next morning', 'Asia/Tokyo', Date.UTC(2026, 11, 2, 21, 0), '2026-12-04 08:00', 26 * HOUR],
  ])('ends at 8:00 on the clock: %s', (_, zone, at, clock, length) => {
    inZone(zone);
    const until = snoozeUntil('morning', at);
    expect(wallClock(until, zone)).toBe(clock);
    expect(until - at).toBe(length);
  });

  it('always ends at 8:00 on the local clock, between 4 and 28 hours later, in any zone and on any day', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (zone, at) => {
        inZone(zone);
        const until = nextMorning(at);
        expect(wallClock(until, zone).slice(-5)).toBe('08:00');
        expect(until - at).toBeGreaterThan(4 * HOUR - HOUR);
        expect(until - at).toBeLessThanOrEqual(28 * HOUR + HOUR);
      }),
      { numRuns: 400 },
    );
  });
});

describe('whether a snooze is on', () => {
  it('is over once its end has passed on the wall clock, whether or not anything cleared it', () => {
    const s = snooze();
    expect(isSnoozeOn(s, T)).toBe(true);
    expect(isSnoozeOn(s, s.until - 1)).toBe(true);
    expect(isSnoozeOn(s, s.until)).toBe(false);
    // The laptop slept through the end: hours later it is still over.
    expect(isSnoozeOn(s, s.until + 5 * HOUR)).toBe(false);
    expect(isSnoozeOn(undefined, T)).toBe(false);
  });

  it('covers every site, or only the one it was chosen for', () => {
    const all = snooze();
    const one = snooze({ site: { id: 'reddit', label: 'Reddit' } });
    expect(snoozeCovers(all, 'reddit', T)).toBe(true);
    expect(snoozeCovers(all, 'x', T)).toBe(true);
    expect(snoozeCovers(one, 'reddit', T)).toBe(true);
    expect(snoozeCovers(one, 'x', T)).toBe(false);
    expect(snoozeCovers(one, 'reddit', one.until)).toBe(false);
  });
});

describe('normaliseSnooze', () => {
  it('reads a stored snooze as it was written', () => {
    const s = snooze({ site: { id: 'reddit', label: 'Reddit' } });
    expect(normaliseSnooze(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it.each<[string, unknown]>([
    ['nothing', null],
    ['a string', 'snoozed'],
    ['no id', { ...snooze(), id: 'x' }],
    ['no end', { ...snooze(), until: '15:00' }],
    ['an unknown length', { ...snooze(), length: 'forever' }],
    ['an end before its start', { ...snooze(), until: T - 1 }],
    ['one longer than any snooze', { ...snooze(), until: T + SNOOZE_MAX_MS + 1 }],
  ])('reads %s as no snooze', (_, raw) => {
    expect(normaliseSnooze(raw)).toBeUndefined();
  });
});

describe('the words for a snooze', () => {
  it('says what is left to the minute, rounding up, so it changes once a minute', () => {
    expect(snoozeLeftText(15 * MIN)).toBe('15 min left');
    expect(snoozeLeftText(14 * MIN + 1)).toBe('15 min left');
    expect(snoozeLeftText(20_000)).toBe('1 min left');
    expect(snoozeLeftText(HOUR)).toBe('1 h left');
    expect(snoozeLeftText(10 * HOUR + 5 * MIN)).toBe('10 h 5 min left');
    const texts = new Set(Array.from({ length: 60 }, (_, s) => snoozeLeftText(15 * MIN - s * 1000)));
    expect(texts.size, 'one text over a whole minute').toBe(1);
  });

  it('says when it ends, and "tomorrow" when that is on the next day', () => {
    inZone('Europe/Berlin');
    const at = Date.UTC(2026, 11, 2, 13, 0); // 14:00 in Berlin
    expect(snoozeEndText(at + 30 * MIN, at, 'en-GB')).toBe('14:30');
    expect(snoozeEndText(snoozeUntil('morning', at), at, 'en-GB')).toBe('8:00 tomorrow');
  });
});
