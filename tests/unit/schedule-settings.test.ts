import { describe, expect, it } from 'vitest';
import { normaliseSchedule } from '@/lib/settings/schedule';
import { daysText, minutesOfInput, rangeProblem, scheduleText, timeInputValue } from '@/lib/settings/schedule-words';
import { normaliseSettings } from '@/lib/settings/settings';

const site = { id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, presetId: 'reddit', kind: 'feed' };
const meetings = { unmuteCard: false, afterCall: 'some' };
const work = { days: [1, 2, 3, 4, 5], from: 540, to: 1020 };

describe('a schedule in settings', () => {
  it('leaves settings from before schedules as they were: no schedule, so pauses at any time', () => {
    const before = { sites: [site], meetings };
    expect(normaliseSettings(before)).toEqual(before);
    expect(normaliseSettings(before)).not.toHaveProperty('schedule');
    expect(normaliseSettings(before).sites[0]).not.toHaveProperty('schedule');
  });

  it('keeps a schedule for all sites and one of a site', () => {
    const evenings = { days: [5], from: 1200, to: 120 };
    const read = normaliseSettings({ sites: [{ ...site, schedule: [evenings] }], meetings, schedule: [work] });
    expect(read.schedule).toEqual([work]);
    expect(read.sites[0]!.schedule).toEqual([evenings]);
  });

  it("keeps a site's own empty schedule (it pauses at any time, whatever the others do)", () => {
    expect(normaliseSettings({ sites: [{ ...site, schedule: [] }], meetings }).sites[0]!.schedule).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['not a list', 'weekdays'],
    ['a number', 7],
    ['null', null],
  ])('reads a schedule that is %s as none', (_, schedule) => {
    expect(normaliseSettings({ sites: [site], meetings, schedule })).not.toHaveProperty('schedule');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', '9-17'],
    ['no days', { days: [], from: 540, to: 1020 }],
    ['days that are not a list', { days: 'weekdays', from: 540, to: 1020 }],
    ['only unknown days', { days: [7, -1, 'mon'], from: 540, to: 1020 }],
    ['the same start and end', { days: [1], from: 540, to: 540 }],
    ['a start past the day', { days: [1], from: 1440, to: 60 }],
    ['a negative end', { days: [1], from: 60, to: -1 }],
    ['a fractional time', { days: [1], from: 60.5, to: 120 }],
    ['times as text', { days: [1], from: '09:00', to: '17:00' }],
  ])('drops a range with %s and keeps the rest', (_, bad) => {
    expect(normaliseSchedule([bad, work])).toEqual([work]);
  });

  it('sorts days, drops repeated and unknown ones, and keeps at most eight ranges', () => {
    expect(normaliseSchedule([{ days: [5, 1, 1, 9, 3], from: 0, to: 60 }])).toEqual([{ days: [1, 3, 5], from: 0, to: 60 }]);
    expect(normaliseSchedule(Array.from({ length: 12 }, () => work))).toHaveLength(8);
  });

  it.each([
    [{ days: [], from: 540, to: 1020 }, /at least one day/],
    [{ days: [1], from: 540, to: 540 }, /same time/],
    [{ days: [1], from: 540, to: undefined }, /both times/],
  ])('says what is wrong with a range as the user types it: %j', (range, problem) => {
    expect(rangeProblem(range)).toMatch(problem);
  });
});

describe('a schedule in words', () => {
  it.each([
    [[0, 1, 2, 3, 4, 5, 6], 'every day'],
    [[1, 2, 3, 4, 5], 'weekdays'],
    [[0, 6], 'weekends'],
    [[1, 2, 3, 4], 'Monday to Thursday'],
    [[5, 6, 0], 'Friday to Sunday'],
    [[1, 5], 'Monday and Friday'],
    [[1, 3, 5], 'Monday, Wednesday and Friday'],
    [[0], 'Sunday'],
  ])('%j: %s', (days, text) => expect(daysText(days)).toBe(text));

  it.each([
    [[], 'at any time'],
    [[work], 'on weekdays 9:00–17:00'],
    [[{ ...work, to: 720 }, { ...work, from: 840 }], 'on weekdays 9:00–12:00 and 14:00–17:00'],
    [[{ days: [5], from: 1200, to: 120 }], 'on Friday 20:00–2:00 the next day'],
    [[{ days: [0, 6], from: 1200, to: 0 }, work], 'on weekends 20:00–0:00 and weekdays 9:00–17:00'],
    [[{ days: [0, 1, 2, 3, 4, 5, 6], from: 1200, to: 1320 }], 'every day 20:00–22:00'],
  ])('%j reads "%s"', (schedule, text) => expect(scheduleText(schedule)).toBe(text));

  it('reads and writes what a time field holds', () => {
    expect(timeInputValue(540)).toBe('09:00');
    expect(timeInputValue(1439)).toBe('23:59');
    expect(minutesOfInput('09:05')).toBe(545);
    expect(minutesOfInput('17:00:00')).toBe(1020);
    expect(minutesOfInput('')).toBeUndefined();
    expect(minutesOfInput('25:00')).toBeUndefined();
  });
});
