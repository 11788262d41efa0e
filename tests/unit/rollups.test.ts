import fc from 'fast-check';
import { clear, createStore, del, get, set, setMany, type UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayKey, dayStart, hourOf, lastDays, weekdayOf, weekOf } from '@/lib/browser/day';
import { recount, rollupsIn, type DayRollup } from '@/lib/browser/rollups';
import { createPauseLogStore, pauseDays, recordPauseChoice, recordPauseShown } from '@/lib/pause/log';
import { PAUSE_DAYS_STORE } from '@/lib/browser/databases';
import { pauseTally } from '@/lib/pause/tally';
import { createJournalStore, journalDays } from '@/lib/journal/database';
import { reflectionTally } from '@/lib/journal/tally';
import { deleteReflection, saveReflection, putReflectionsAtomically, clearJournal } from '@/lib/journal/store';
import type { PauseRecord } from '@/lib/pause/log';
import { recordBuilders } from './builders';

const ZONE = process.env.TZ;
afterEach(() => {
  if (ZONE === undefined) delete process.env.TZ;
  else process.env.TZ = ZONE;
});

let n = 0;
const freshPauses = (): UseStore => createPauseLogStore(`rollup-pauses-${++n}`);

/** Every roll-up kept in a store's `days`. */
function keptDays(store: UseStore): Promise<DayRollup[]> {
  return store('readonly', (s) => {
    const r = s.transaction.objectStore(PAUSE_DAYS_STORE).getAll();
    return new Promise((resolve) => (r.onsuccess = () => resolve(r.result as DayRollup[])));
  });
}

/** Every record of a store, key and value. */
function allRecords(store: UseStore): Promise<[IDBValidKey, unknown][]> {
  return store('readonly', (s) => {
    const keys = s.getAllKeys();
    const values = s.getAll();
    return new Promise((resolve) => (values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]]))));
  });
}

const countsOf = (days: DayRollup[]) => days.map((d) => ({ day: d.day, counts: d.counts }));

describe('days on the user’s clock', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29', 23],
    ['Europe/Berlin', '2026-10-25', 25],
    ['America/New_York', '2026-03-08', 23],
    ['Australia/Lord_Howe', '2026-04-05', 24.5],
  ])('in %s, %s lasts %s hours and is one day', (zone, day, hours) => {
    process.env.TZ = zone;
    const length = dayStart(addDays(day, 1)) - dayStart(day);
    expect(length / 3_600_000).toBe(hours);
    expect(dayKey(dayStart(day))).toBe(day);
    expect(dayKey(dayStart(addDays(day, 1)) - 1)).toBe(day);
  });

  it('counts days back across a month, a year and a DST change', () => {
    process.env.TZ = 'Europe/Berlin';
    const now = new Date(2026, 2, 30, 0, 30).getTime();
    expect(lastDays(now, 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('names weekdays from Monday and weeks by their Monday', () => {
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-06')).toBe(6);
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(weekOf('2026-12-07')).toBe('2026-12-07');
  });

  it('puts a pause just after local midnight on the new day, in the user’s zone', () => {
    process.env.TZ = 'Asia/Kolkata';
    const t = Date.UTC(2026, 5, 1, 18, 40); // 00:10 on 2 June in India
    expect(dayKey(t)).toBe('2026-06-02');
    expect(hourOf(t)).toBe(0);
  });
});

describe('the pause tally', () => {
  const b = recordBuilders(new Date(2026, 4, 14, 15, 30).getTime());

  it('counts a Leave, a Continue with its minutes and intention, and a skipped page by site', () => {
    expect(pauseTally(b.pause({ choice: 'leave' }))?.counts).toEqual({ shown: 1, left: 1, 'hour|15': 1, 'site.shown|reddit': 1, 'site.left|reddit': 1 });
    expect(pauseTally(b.pause({ choice: 'continue', windowMinutes: 10, intention: '  Reply to   Sam ', reason: 'window-ended' }))?.counts).toEqual({
      shown: 1,
      continued: 1,
      ended: 1,
      minutes: 10,
      'hour|15': 1,
      'site.shown|reddit': 1,
      'site.continued|reddit': 1,
      'site.minutes|reddit': 10,
      'intention|reply to sam': 1,
    });
    expect(pauseTally({ ...b.pause(), v: 2, choice: 'skipped', snoozeId: 'sn' })?.counts).toEqual({ skipped: 1, 'site.skipped|reddit': 1 });
  });

  it('counts nothing for a snooze or a broken record', () => {
    expect(pauseTally({ v: 2, kind: 'snooze', id: b.idAt(1), startedAt: 1, until: 2, length: '15m' })).toBeUndefined();
    expect(pauseTally({ id: 'x' })).toBeUndefined();
    expect(pauseTally(undefined)).toBeUndefined();
  });
});

describe('the roll-ups of a period', () => {
  const day = (key: string): DayRollup => ({ day: key, counts: { shown: 1 }, labels: {} });
  const year = ['2025-12-31', '2026-01-01', '2026-01-15', '2026-01-31', '2026-02-01'].map(day);

  it('keeps the days from the period’s first to its last, both included', () => {
    expect(rollupsIn(year, lastDays(dayStart('2026-01-31') + 3_600_000, 31)).map((r) => r.day)).toEqual(['2026-01-01', '2026-01-15', '2026-01-31']);
  });

  it('keeps none before anything is read, or for an empty period', () => {
    expect(rollupsIn(undefined, ['2026-01-01'])).toEqual([]);
    expect(rollupsIn(year, [])).toEqual([]);
  });
});

describe('roll-ups kept beside the pause history', () => {
  const now = new Date(2026, 4, 14, 15, 30).getTime();

  it('follow a pause from shown to chosen, in the same write', async () => {
    const store = freshPauses();
    const shown = await recordPauseShown({ siteId: 'x', siteLabel: 'X', host: 'x.com', reason: 'arrived', waitSeconds: 5 }, now, store);
    expect((await pauseDays('2026-05-14', '2026-05-14', store))[0]?.counts).toMatchObject({ shown: 1, undecided: 1 });
    await recordPauseChoice(shown.id, 'leave', {}, now + 1000, shown, store);
    const [day] = await pauseDays('2026-05-14', '2026-05-14', store);
    expect(day?.counts).toMatchObject({ shown: 1, left: 1 });
    expect(day?.counts.undecided).toBeUndefined();
    expect(day?.labels).toEqual({ x: 'X' });
  });

  it('always equal a full recount, whatever is put, replaced, deleted or cleared', async () => {
    const day = 86_400_000;
    const record = fc
      .record({
        t: fc.integer({ min: 0, max: 20 * day }),
        seq: fc.integer({ min: 0, max: 30 }),
        choice: fc.constantFrom('leave', 'continue', 'none', 'skipped'),
        site: fc.constantFrom('x', 'reddit', 'youtube'),
        minutes: fc.integer({ min: 0, max: 120 }),
        intention: fc.constantFrom(undefined, 'reply to Sam', 'Reply to sam', 'news'),
        ended: fc.boolean(),
      })
      .map(({ t, seq, choice, site, minutes, intention, ended }): PauseRecord => {
        const shownAt = now + t;
        const base = { id: `${(shownAt - (shownAt % day)).toString(36).padStart(9, '0')}-${seq.toString(36).padStart(8, '0')}`, siteId: site, siteLabel: site.toUpperCase(), host: `${site}.com`, shownAt, waitSeconds: 5 };
        if (choice === 'skipped') return { ...base, v: 2, reason: 'arrived', choice, snoozeId: 'snooze' };
        return { ...base, v: 1, reason: ended ? 'window-ended' : 'arrived', choice: choice as PauseRecord['choice'], ...(choice === 'continue' ? { windowMinutes: minutes, ...(intention ? { intention } : {}) } : {}) };
      });
    const op = fc.oneof(
      { weight: 5, arbitrary: record.map((r) => ({ kind: 'set' as const, r })) },
      { weight: 2, arbitrary: fc.array(record, { maxLength: 6 }).map((rs) => ({ kind: 'setMany' as const, rs })) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }).map((i) => ({ kind: 'delete' as const, i })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'junk' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const store = freshPauses();
        const ids: string[] = [];
        for (const o of ops) {
          if (o.kind === 'set') await set((ids.push(o.r.id), o.r.id), o.r, store);
          else if (o.kind === 'setMany') await setMany(o.rs.map((r) => (ids.push(r.id), [r.id, r] as [string, PauseRecord])), store);
          else if (o.kind === 'delete') ids.length && (await del(ids[o.i % ids.length]!, store));
          else if (o.kind === 'junk') await set('000000000-junkjunk', { v: 9 }, store);
          else await clear(store);
        }
        const expected = recount((await allRecords(store)).map(([, v]) => pauseTally(v)));
        expect(countsOf(await keptDays(store))).toEqual(countsOf(expected));
      }),
      { numRuns: 60 },
    );
  });

  it('are built from the history an older version kept, on the first open', async () => {
    const name = `rollup-upgrade-${++n}`;
    const old = createStore(name, 'pauses');
    const b = recordBuilders(now);
    const records = [b.pause({ choice: 'leave' }), b.pause({ choice: 'continue', windowMinutes: 5 }), b.pause({ choice: 'leave', shownAt: now + 86_400_000 })];
    await setMany(records.map((r) => [r.id, r]), old);
    (await old('readonly', (s) => s.transaction.db)).close();
    const upgraded = createPauseLogStore(name);
    expect(await get(records[0]!.id, upgraded)).toEqual(records[0]);
    const days = await pauseDays('2026-05-14', '2026-05-15', upgraded);
    expect(days.map((d) => [d.day, d.counts.shown, d.counts.left ?? 0])).toEqual([
      ['2026-05-14', 2, 1],
      ['2026-05-15', 1, 1],
    ]);
  });
});

describe('roll-ups kept beside the journal', () => {
  const now = new Date(2026, 4, 14, 9).getTime();
  const b = recordBuilders(now);

  it('count reflections, tags and meeting moments, and follow edits, deletes, imports and a clear', async () => {
    const store = createJournalStore(`rollup-journal-${++n}`);
    const first = b.reflection({ text: 'Slow #morning', tags: ['morning'] });
    await saveReflection(first, store);
    await saveReflection(b.reflection({ text: 'Said yes too fast', source: { kind: 'meeting', platform: 'meet', moment: 'after' } }), store);
    await saveReflection({ ...first, text: 'Slow #evening', tags: ['evening'] }, store);
    let [day] = await journalDays(store, '2026-05-14', '2026-05-14');
    expect(day?.counts).toEqual({ reflections: 2, 'source|popup': 1, 'source|meeting': 1, 'meeting|after': 1, 'tag|evening': 1 });
    await deleteReflection(first.id, store);
    await putReflectionsAtomically([b.reflection({ createdAt: now + 86_400_000 })], store);
    const days = await journalDays(store, '2026-05-14', '2026-05-15');
    expect(days.map((d) => [d.day, d.counts.reflections])).toEqual([
      ['2026-05-14', 1],
      ['2026-05-15', 1],
    ]);
    expect(countsOf(days)).toEqual(countsOf(recount((await allRecords(store)).map(([k, v]) => reflectionTally(k, v)))));
    await clearJournal(store);
    [day] = await journalDays(store, '2000-01-01', '2100-01-01');
    expect(day).toBeUndefined();
  });
});
