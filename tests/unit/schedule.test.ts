import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActiveAt, nextChangeAt } from '@/lib/pause/schedule';
import type { Schedule, ScheduleRange } from '@/lib/settings/schedule';

const Z = (iso: string): number => Date.parse(`${iso}Z`);
const h = (hours: number, minutes = 0): number => hours * 60 + minutes;
const WEEKDAYS = [1, 2, 3, 4, 5];
const range = (days: number[], from: number, to: number): ScheduleRange => ({ days, from, to });

const workHours: Schedule = [range(WEEKDAYS, h(9), h(17))];
const split: Schedule = [range(WEEKDAYS, h(9), h(12)), range(WEEKDAYS, h(14), h(17))];
const fridayNight: Schedule = [range([5], h(20), h(2))];

/**
 * Each case: a schedule, a zone, a moment (in UTC, with the zone's clock in
 * the name), whether pauses are active then, and the next change (in UTC).
 */
const CASES: Array<[string, Schedule, string, string, boolean, string | undefined]> = [
  // Europe/Berlin in December is UTC+1. 2026-12-02 is a Wednesday.
  ['Berlin, Wednesday 8:59, before work hours', workHours, 'Europe/Berlin', '2026-12-02T07:59', false, '2026-12-02T08:00'],
  ['Berlin, Wednesday 9:00, as work hours start', workHours, 'Europe/Berlin', '2026-12-02T08:00', true, '2026-12-02T16:00'],
  ['Berlin, Wednesday 16:59', workHours, 'Europe/Berlin', '2026-12-02T15:59', true, '2026-12-02T16:00'],
  ['Berlin, Wednesday 17:00, as they end', workHours, 'Europe/Berlin', '2026-12-02T16:00', false, '2026-12-03T08:00'],
  ['Berlin, Friday 17:30: the next start is after the weekend', workHours, 'Europe/Berlin', '2026-12-04T16:30', false, '2026-12-07T08:00'],
  ['Berlin, Sunday 12:00', workHours, 'Europe/Berlin', '2026-12-06T11:00', false, '2026-12-07T08:00'],
  ['Berlin, Wednesday 12:30, between two ranges', split, 'Europe/Berlin', '2026-12-02T11:30', false, '2026-12-02T13:00'],
  ['Berlin, Wednesday 11:00, in the first of two ranges', split, 'Europe/Berlin', '2026-12-02T10:00', true, '2026-12-02T11:00'],
  // The same moment is another hour in New York (UTC-5).
  ['New York, Wednesday 8:59', workHours, 'America/New_York', '2026-12-02T13:59', false, '2026-12-02T14:00'],
  ['New York, Wednesday 9:00', workHours, 'America/New_York', '2026-12-02T14:00', true, '2026-12-02T22:00'],
  // Past midnight: "days" is the day the range starts.
  ['Friday 19:59, before the evening', fridayNight, 'Europe/Berlin', '2026-12-04T18:59', false, '2026-12-04T19:00'],
  ['Friday 23:00', fridayNight, 'Europe/Berlin', '2026-12-04T22:00', true, '2026-12-05T01:00'],
  ['Saturday 1:00, in Friday evening', fridayNight, 'Europe/Berlin', '2026-12-05T00:00', true, '2026-12-05T01:00'],
  ['Saturday 2:00, as it ends', fridayNight, 'Europe/Berlin', '2026-12-05T01:00', false, '2026-12-11T19:00'],
  ['Friday 1:00, after a Thursday night nobody chose', fridayNight, 'Europe/Berlin', '2026-12-04T00:00', false, '2026-12-04T19:00'],
  ['Saturday 22:00, not a Friday', fridayNight, 'Europe/Berlin', '2026-12-05T21:00', false, '2026-12-11T19:00'],
  ['Monday 5:00, across the week boundary', [range([0], h(22), h(6))], 'Europe/Berlin', '2026-12-07T04:00', true, '2026-12-07T05:00'],
  ['an evening to midnight, at 23:59', [range([3], h(20), 0)], 'Europe/Berlin', '2026-12-02T22:59', true, '2026-12-02T23:00'],
  // Berlin springs forward on 2026-03-29: 2:00 CET becomes 3:00 CEST (1:00 UTC).
  ['spring: a start in the skipped hour waits for its first minute', [range([0], h(2, 30), h(4))], 'Europe/Berlin', '2026-03-29T00:59', false, '2026-03-29T01:00'],
  ['spring: and starts then', [range([0], h(2, 30), h(4))], 'Europe/Berlin', '2026-03-29T01:00', true, '2026-03-29T02:00'],
  ['spring: an end in the skipped hour ends at its first minute', [range([6], h(22), h(2, 30))], 'Europe/Berlin', '2026-03-29T00:59', true, '2026-03-29T01:00'],
  ['spring: work hours the next day are on summer time', workHours, 'Europe/Berlin', '2026-03-30T06:59', false, '2026-03-30T07:00'],
  // Berlin falls back on 2026-10-25: 3:00 CEST becomes 2:00 CET (1:00 UTC), so 2:00–2:59 comes twice.
  ['autumn: a range in the repeated hour runs the first time', [range([0], h(2), h(2, 30))], 'Europe/Berlin', '2026-10-25T00:15', true, '2026-10-25T00:30'],
  ['autumn: and not again the second time', [range([0], h(2), h(2, 30))], 'Europe/Berlin', '2026-10-25T01:15', false, '2026-11-01T01:00'],
  ['autumn: a night across the change lasts its real hours', [range([6], h(20), h(9))], 'Europe/Berlin', '2026-10-25T07:59', true, '2026-10-25T08:00'],
  ['autumn: work hours the next day are on winter time', workHours, 'Europe/Berlin', '2026-10-26T07:59', false, '2026-10-26T08:00'],
  // Lord Howe Island moves by half an hour: on 2026-10-04 2:00 (+10:30) becomes 2:30 (+11), at 15:30 UTC the day before.
  ['Lord Howe: a start in the skipped half hour', [range([0], h(2, 10), h(3))], 'Australia/Lord_Howe', '2026-10-03T15:29', false, '2026-10-03T15:30'],
  ['Lord Howe: starts at its first minute', [range([0], h(2, 10), h(3))], 'Australia/Lord_Howe', '2026-10-03T15:30', true, '2026-10-03T16:00'],
  // On 2026-04-05 2:00 (+11) becomes 1:30 (+10:30), at 15:00 UTC the day before: 1:30–1:59 comes twice.
  ['Lord Howe: the repeated half hour is not counted twice', [range([0], h(1), h(1, 45))], 'Australia/Lord_Howe', '2026-04-04T15:10', false, '2026-04-11T14:30'],
  ['Lord Howe: the first time it is', [range([0], h(1), h(1, 45))], 'Australia/Lord_Howe', '2026-04-04T14:40', true, '2026-04-04T14:45'],
  // A schedule that covers the whole week never changes.
  ['every hour of every day', [range([0, 1, 2, 3, 4, 5, 6], 0, h(12)), range([0, 1, 2, 3, 4, 5, 6], h(12), 0)], 'Europe/Berlin', '2026-12-02T10:00', true, undefined],
  ['no schedule: always', [], 'Europe/Berlin', '2026-12-02T10:00', true, undefined],
];

describe('isActiveAt / nextChangeAt', () => {
  it.each(CASES)('%s', (_, schedule, zone, now, active, next) => {
    expect(isActiveAt(schedule, Z(now), zone)).toBe(active);
    expect(nextChangeAt(schedule, Z(now), zone)).toBe(next === undefined ? undefined : Z(next));
  });

  it("reads the browser's own zone when none is given", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const now of [Z('2026-12-02T07:59'), Z('2026-12-02T12:00'), Z('2026-03-29T01:00')]) {
      expect(isActiveAt(workHours, now)).toBe(isActiveAt(workHours, now, zone));
      expect(nextChangeAt(workHours, now)).toBe(nextChangeAt(workHours, now, zone));
    }
  });
});

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Chatham'];
const arbRange = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort()),
    from: fc.integer({ min: 0, max: 1439 }),
    to: fc.integer({ min: 0, max: 1439 }),
  })
  .filter((r) => r.from !== r.to);
const arbSchedule = fc.array(arbRange, { minLength: 1, maxLength: 3 });
// Around the year, with its daylight saving changes; minutes matter, so some moments fall on them.
const arbNow = fc.oneof(
  fc.integer({ min: Z('2026-01-01T00:00'), max: Z('2027-01-01T00:00') }),
  fc.integer({ min: Z('2026-01-01T00:00') / 60_000, max: Z('2027-01-01T00:00') / 60_000 }).map((m) => m * 60_000),
);

/** What a schedule says on a clock that never changes, `offset` minutes ahead of UTC: the plain reading of the ranges. */
function plainReading(schedule: Schedule, now: number, offset: number): boolean {
  const local = new Date(now + offset * 60_000);
  const day = local.getUTCDay();
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return schedule.some(({ days, from, to }) =>
    from < to ? days.includes(day) && from <= minute && minute < to : (days.includes(day) && minute >= from) || (days.includes((day + 6) % 7) && minute < to),
  );
}

describe('schedule properties', () => {
  it('the next change is after now, within a week and a bit, and the answer flips there and not before', () => {
    fc.assert(
      fc.property(arbSchedule, arbNow, fc.constantFrom(...ZONES), fc.double({ min: 0, max: 1, noNaN: true }), (schedule, now, zone, where) => {
        const active = isActiveAt(schedule, now, zone);
        const next = nextChangeAt(schedule, now, zone);
        if (next === undefined) return;
        expect(next).toBeGreaterThan(now);
        expect(next - now).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
        expect(isActiveAt(schedule, next, zone)).toBe(!active);
        expect(isActiveAt(schedule, next - 1, zone)).toBe(active);
        const between = now + Math.floor((next - now) * where);
        expect(isActiveAt(schedule, Math.min(between, next - 1), zone)).toBe(active);
      }),
      { numRuns: 300 },
    );
  });

  it('a schedule that never changes is active all week', () => {
    fc.assert(
      fc.property(arbSchedule, arbNow, fc.constantFrom(...ZONES), (schedule, now, zone) => {
        const next = nextChangeAt(schedule, now, zone);
        if (next !== undefined) return;
        // Never changing: then it is active over the whole week.
        for (let t = now; t < now + 7 * 86_400_000; t += 3_600_000) expect(isActiveAt(schedule, t, zone)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('on a clock without daylight saving, reads exactly as the ranges say', () => {
    fc.assert(
      fc.property(arbSchedule, arbNow, fc.constantFrom<[string, number]>(['UTC', 0], ['Asia/Kolkata', 330], ['Asia/Kathmandu', 345], ['America/Phoenix', -420]), (schedule, now, [zone, offset]) => {
        expect(isActiveAt(schedule, now, zone)).toBe(plainReading(schedule, now, offset));
      }),
      { numRuns: 500 },
    );
  });

  it('the boundaries are the times typed, on the clock of the zone, away from daylight saving changes', () => {
    fc.assert(
      fc.property(arbSchedule, fc.integer({ min: Z('2026-12-01T00:00'), max: Z('2027-01-31T00:00') }), (schedule, now) => {
        // Berlin in December and January is UTC+1 throughout.
        expect(isActiveAt(schedule, now, 'Europe/Berlin')).toBe(plainReading(schedule, now, 60));
      }),
      { numRuns: 300 },
    );
  });
});
