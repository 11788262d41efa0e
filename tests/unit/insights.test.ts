import { describe, expect, it } from 'vitest';
import type { DayRollup } from '@/lib/browser/rollups';
import { choicesByDay, choicesTable, compareWeeks, totalChoices } from '@/lib/insights/choices';
import { choicesBySite, sitesTable } from '@/lib/insights/sites';
import { heatmapTable, pausesByHour } from '@/lib/insights/heatmap';
import { intentions, intentionWords, openTimesKept } from '@/lib/insights/open-times';
import { givenBackMethod, timeGivenBack } from '@/lib/insights/given-back';
import { meetingReflections, reflectionsByWeek, tagsByWeek } from '@/lib/insights/journal-patterns';
import { csvFileName, toCsv } from '@/lib/insights/csv';
import { dayMonth, percent } from '@/lib/insights/table';
import { countAsk } from '@/lib/meetings/after-call';
import { recount } from '@/lib/browser/rollups';
import { pauseTally } from '@/lib/pause/tally';
import { recordBuilders } from './builders';
import { inGerman } from './german';

const day = (d: string, counts: Record<string, number>, labels: Record<string, string> = {}): DayRollup => ({ day: d, counts, labels });

describe('choices over time', () => {
  it('fills days without pauses, and has no share on them', () => {
    const rows = choicesByDay([day('2026-12-02', { shown: 4, left: 3, continued: 1 })], ['2026-12-01', '2026-12-02']);
    expect(rows).toEqual([
      { day: '2026-12-01', shown: 0, left: 0, continued: 0, undecided: 0, skipped: 0, shareLeft: null },
      { day: '2026-12-02', shown: 4, left: 3, continued: 1, undecided: 0, skipped: 0, shareLeft: 0.75 },
    ]);
    expect(choicesTable(rows).rows).toEqual([
      ['2026-12-01', 0, 0, 0, 0, 0, '–'],
      ['2026-12-02', 4, 3, 1, 0, 0, '75%'],
    ]);
  });

  it.each([
    [{ shown: 10, left: 4 }, { shown: 10, left: 3 }, 'You left 40% of the time, up from 30% the week before.'],
    [{ shown: 10, left: 2 }, { shown: 10, left: 3 }, 'You left 20% of the time, down from 30% the week before.'],
    [{ shown: 3, left: 1 }, { shown: 6, left: 2 }, 'You left 33% of the time, the same as the week before.'],
    [{ shown: 1, left: 1 }, {}, 'You left 100% of the time, over 1 pause; there were none the week before.'],
    [{}, { shown: 4, left: 1 }, 'No pauses in the last 7 days; the week before, you left 25% of the time.'],
    [{}, {}, 'No pauses in the last 7 days.'],
  ])('this week %o beside %o says “%s”', (now, then, said) => {
    const a = choicesByDay([day('2026-12-02', now)], ['2026-12-02']);
    const b = choicesByDay([day('2026-11-25', then)], ['2026-11-25']);
    expect(compareWeeks(a, b)).toBe(said);
  });

  it('totals skipped pages apart from pauses that showed', () => {
    expect(totalChoices(choicesByDay([day('2026-12-02', { shown: 2, left: 1, undecided: 1, skipped: 3 })], ['2026-12-02']))).toMatchObject({ shown: 2, skipped: 3, shareLeft: 0.5 });
  });
});

describe('where and when', () => {
  const now = new Date(2026, 11, 2, 21, 15).getTime(); // a Wednesday evening
  const b = recordBuilders(now);
  const rollups = recount([
    b.pause({ siteId: 'x', siteLabel: 'X', choice: 'leave' }),
    b.pause({ siteId: 'x', siteLabel: 'X', choice: 'continue', windowMinutes: 10, intention: 'Reply to Sam' }),
    b.pause({ siteId: 'x', siteLabel: 'X', choice: 'continue', windowMinutes: 20, intention: 'reply to sam', reason: 'window-ended' }),
    b.pause({ siteId: 'reddit', siteLabel: 'Reddit', choice: 'leave', shownAt: now - 86_400_000 - 3_600_000 }),
    { ...b.pause({ siteId: 'reddit', siteLabel: 'Reddit' }), v: 2, choice: 'skipped', snoozeId: 's' },
  ].map(pauseTally));

  it('totals each site, the most paused first, named by the settings when they know it', () => {
    const sites = choicesBySite(rollups, { reddit: 'Reddit (old)' });
    expect(sites.map((s) => [s.label, s.shown, s.left, s.continued, s.minutes, s.skipped])).toEqual([
      ['X', 3, 1, 2, 30, 0],
      ['Reddit (old)', 1, 1, 0, 0, 1],
    ]);
    expect(sitesTable(sites).rows[0]).toEqual(['X', 3, 1, 2, '33%', 30, 0]);
  });

  it('places each pause at its weekday and local hour', () => {
    const grid = pausesByHour(rollups);
    expect(grid[2]![21]).toBe(3); // Wednesday 21:00
    expect(grid[1]![20]).toBe(1); // Tuesday 20:00
    expect(grid.flat().reduce((a, c) => a + c, 0)).toBe(4); // a skipped page did not pause
  });

  it('counts open times that ran out against those left early, and the intentions said', () => {
    expect(openTimesKept(rollups)).toEqual({ opened: 2, ranOut: 1, stillOpen: 0, leftEarly: 1, shareRanOut: 0.5 });
    // One open now has not ended yet: it is neither kept nor left.
    expect(openTimesKept(rollups, 1)).toEqual({ opened: 2, ranOut: 1, stillOpen: 1, leftEarly: 0, shareRanOut: 1 });
    expect(intentions(rollups)).toEqual([{ text: 'reply to sam', count: 2 }]);
    expect(intentionWords(rollups)).toEqual([
      { word: 'reply', count: 2 },
      { word: 'sam', count: 2 },
    ]);
  });

  it('never counts more open times ran out than were opened in the period', () => {
    expect(openTimesKept([day('2026-12-01', { ended: 2, continued: 1 })])).toMatchObject({ opened: 1, ranOut: 1, stillOpen: 0, leftEarly: 0 });
  });

  it('estimates time given back from the time chosen on each site, or its usual open time', () => {
    const given = timeGivenBack(choicesBySite(rollups), (id) => (id === 'reddit' ? 15 : 5));
    expect(given.bySite).toEqual([
      { label: 'X', leaves: 1, minutesPerLeave: 15, minutes: 15 },
      { label: 'Reddit', leaves: 1, minutesPerLeave: 15, minutes: 15 },
    ]);
    expect(given.minutes).toBe(30);
    expect(givenBackMethod()).toMatch(/^An estimate, not a measurement: each Leave counts/);
  });
});

describe('journal patterns', () => {
  const rollups = [
    day('2026-11-24', { reflections: 2, 'tag|calm': 1, 'tag|work': 1 }),
    day('2026-11-30', { reflections: 1, 'tag|calm': 1 }),
    day('2026-12-02', { reflections: 3, 'tag|calm': 2, 'meeting|after': 2, 'meeting|before': 1 }),
  ];
  const weeks = ['2026-11-23', '2026-11-30'];

  it('counts reflections per week from Monday, and the most used tags in each', () => {
    expect(reflectionsByWeek(rollups, weeks)).toEqual([
      { week: '2026-11-23', count: 2 },
      { week: '2026-11-30', count: 4 },
    ]);
    expect(tagsByWeek(rollups, weeks)).toEqual([
      { tag: 'calm', total: 4, byWeek: [1, 3] },
      { tag: 'work', total: 1, byWeek: [1, 0] },
    ]);
  });

  it('counts meeting notes by moment, and the share of the calls asked about that were answered', () => {
    const asks = { '2026-11-20': 9, '2026-11-24': 1, '2026-12-02': 3 };
    expect(meetingReflections(rollups, asks, '2026-11-23', '2026-12-06')).toEqual({ before: 1, during: 0, after: 2, total: 3, asked: 4, shareAnswered: 0.5 });
    expect(meetingReflections(rollups, {}, '2026-11-23', '2026-12-06')).toMatchObject({ asked: 0, shareAnswered: null });
    expect(meetingReflections(rollups, { '2026-12-02': 1 })).toMatchObject({ asked: 1, shareAnswered: 1 });
    expect(meetingReflections([])).toMatchObject({ total: 0, shareAnswered: null });
  });

  it('keeps a year and a bit of asks, adding one to the day', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, 1]));
    expect(countAsk({ '2026-12-02': 2, junk: 5, '2026-12-01': -1 }, '2026-12-02')).toEqual({ '2026-12-02': 3 });
    expect(Object.keys(countAsk(many, '2026-12-03')).length).toBeLessThanOrEqual(401);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    const csv = toCsv({ caption: 'Pauses by site', columns: ['Site', 'Pauses'], rows: [['a, "b"', 1], ['=HYPERLINK("x")', 2], ['-1', 3]] });
    expect(csv).toBe('Site,Pauses\r\n"a, ""b""",1\r\n"\'=HYPERLINK(""x"")",2\r\n\'-1,3\r\n');
    expect(csvFileName({ caption: 'Pauses by site', columns: [], rows: [] }, '2026-12-02')).toBe('pause-moment-pauses-by-site-2026-12-02.csv');
  });
});

describe('in German', () => {
  const nbsp = '\u00a0';
  const week = (counts: Record<string, number>, d: string) => choicesByDay([day(d, counts)], [d]);

  it('compares the weeks in German words, with German percentages', () => {
    expect(inGerman(() => compareWeeks(week({ shown: 10, left: 4 }, '2026-12-02'), week({ shown: 10, left: 3 }, '2026-11-25')))).toBe(
      `Bei 40${nbsp}% der Pausen bist du gegangen, öfter als in der Woche davor (30${nbsp}%).`,
    );
    expect(inGerman(() => compareWeeks(week({ shown: 1, left: 1 }, '2026-12-02'), week({}, '2026-11-25')))).toBe(
      `Bei 100${nbsp}% der Pausen bist du gegangen (1 Pause); in der Woche davor gab es keine.`,
    );
  });

  it('names the tables’ columns, shares and weekdays in German, the same in the table and its CSV', () => {
    const table = inGerman(() => choicesTable(week({ shown: 4, left: 3 }, '2026-12-02')));
    expect(table.caption).toBe('Entscheidungen bei der Pause, nach Tag');
    expect(table.columns.slice(0, 3)).toEqual(['Tag', 'Pausen', 'Gegangen']);
    expect(table.rows[0]?.at(-1)).toBe(`75${nbsp}%`);
    expect(toCsv(table).split('\r\n')[0]).toBe(table.columns.join(','));
    const when = inGerman(() => heatmapTable(pausesByHour([])));
    expect(when.rows.map((r) => r[0])).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'].map((d) => expect.stringMatching(new RegExp(`^${d}\\.?$`))));
  });

  it('writes dates and shares as German does', () => {
    expect(dayMonth('2026-12-02', 'de')).toBe('2.12.');
    // Rounded as the week's comparison rounds (0.285 * 100 is just under 28.5), never one apart from it.
    expect(percent(0.285, 'de')).toBe(`28${nbsp}%`);
    expect(percent(0.285, 'en')).toBe('28%');
    expect(percent(null, 'de')).toBe('–');
  });
});
