import { describe, expect, it } from 'vitest';
import { dayOf, frictionReason, frictionRuleText, frictionWait, LONGEST_DAY_MS } from '@/lib/pause/friction';
import { FRICTION_DEFAULT, normaliseFrictionRule, storedFrictionRule } from '@/lib/settings/friction-rule';
import { normaliseSettings } from '@/lib/settings/settings';
import { timeSortableId } from '@/lib/browser/ids';
import type { PauseRecord } from '@/lib/pause/log';

const SITE = 'reddit';
const RULE = FRICTION_DEFAULT; // on, 5 s a step, up to 30 s

/** A pause on `site` at `at`, ended with `choice`. */
function pause(at: number, choice: PauseRecord['choice'] = 'continue', over: Partial<PauseRecord> = {}): PauseRecord {
  return { v: 1, id: timeSortableId(at), siteId: SITE, siteLabel: 'Reddit', host: 'www.reddit.com', shownAt: at, reason: 'arrived', waitSeconds: 5, choice, ...over };
}

/** Epoch ms of a UTC wall time. */
const utc = (iso: string) => Date.parse(`${iso}Z`);
const H = 3_600_000;

describe('friction that learns', () => {
  const morning = utc('2026-05-03T08:00:00');

  it('waits the site’s own wait at the first pause of the day', () => {
    expect(frictionWait(5, RULE, [], SITE, morning, { timeZone: 'UTC' })).toEqual({ waitSeconds: 5, steps: 0, sinceNote: false });
  });

  it('adds a step for each Continue earlier that day, and says why', () => {
    const pauses = [pause(morning), pause(morning + H)];
    const wait = frictionWait(5, RULE, pauses, SITE, morning + 2 * H, { timeZone: 'UTC' });
    expect(wait).toEqual({ waitSeconds: 15, steps: 2, sinceNote: false });
    expect(frictionReason(wait, 5)).toBe('Third visit today, so a longer breath: 15 s.');
  });

  it('counts only Continues on the same site: a Leave, a skipped page or another site adds nothing', () => {
    const pauses = [pause(morning, 'leave'), pause(morning + 1, 'skipped'), pause(morning + 2, 'continue', { siteId: 'youtube' }), pause(morning + 3, 'none')];
    expect(frictionWait(5, RULE, pauses, SITE, morning + H, { timeZone: 'UTC' }).steps).toBe(0);
  });

  it('leaves out the pause being shown (its page reloaded)', () => {
    const shown = pause(morning + H, 'continue');
    expect(frictionWait(5, RULE, [pause(morning), shown], SITE, morning + H, { timeZone: 'UTC', pauseId: shown.id }).steps).toBe(1);
  });

  it('stops at the cap, and never shortens a longer wait of the site', () => {
    const many = Array.from({ length: 12 }, (_, i) => pause(morning + i * 60_000));
    expect(frictionWait(5, RULE, many, SITE, morning + H, { timeZone: 'UTC' }).waitSeconds).toBe(30);
    expect(frictionWait(5, { ...RULE, capSeconds: 12 }, many, SITE, morning + H, { timeZone: 'UTC' }).waitSeconds).toBe(12);
    const long = frictionWait(45, RULE, many, SITE, morning + H, { timeZone: 'UTC' });
    expect(long.waitSeconds).toBe(45);
    expect(frictionReason(long, 45)).toBeUndefined();
  });

  it('starts the count again after a note written at a pause, and says so', () => {
    const pauses = [pause(morning), pause(morning + 1000), pause(morning + 2000, 'continue', { noted: true }), pause(morning + 3000)];
    const wait = frictionWait(5, RULE, pauses, SITE, morning + H, { timeZone: 'UTC' });
    expect(wait).toEqual({ waitSeconds: 10, steps: 1, sinceNote: true });
    expect(frictionReason(wait, 5)).toBe('Second visit today since your note, so a longer breath: 10 s.');
    // A note at the latest pause: the next one is back to the site's own wait.
    expect(frictionWait(5, RULE, [...pauses, pause(morning + 4000, 'leave', { noted: true })], SITE, morning + H, { timeZone: 'UTC' }).waitSeconds).toBe(5);
  });

  it('does nothing when turned off', () => {
    const pauses = [pause(morning), pause(morning + 1)];
    expect(frictionWait(5, { ...RULE, on: false }, pauses, SITE, morning + H, { timeZone: 'UTC' })).toEqual({ waitSeconds: 5, steps: 0, sinceNote: false });
  });

  it('names visits past the tenth by number', () => {
    expect(frictionReason({ waitSeconds: 30, steps: 11, sinceNote: false }, 5)).toBe('Visit 12 today, so a longer breath: 30 s.');
  });
});

describe('the day, on the user’s clock', () => {
  it('starts at local midnight, not UTC midnight', () => {
    // 23:30 in New York on 2 May is 03:30 UTC on 3 May.
    const evening = utc('2026-05-03T03:30:00');
    const late = pause(utc('2026-05-02T23:00:00')); // 19:00 in New York, 2 May
    expect(dayOf(evening, 'America/New_York')).toBe('2026-05-02');
    expect(frictionWait(5, RULE, [late], SITE, evening, { timeZone: 'America/New_York' }).steps).toBe(1);
    expect(frictionWait(5, RULE, [late], SITE, evening, { timeZone: 'UTC' }).steps).toBe(0);
  });

  it('counts a Continue just before midnight on the day before, across the spring clock change', () => {
    // Berlin, 29 March 2026: clocks go from 2:00 to 3:00. 23:50 on the 28th is 22:50 UTC; 0:10 on the 29th is 23:10 UTC.
    const beforeMidnight = pause(utc('2026-03-28T22:50:00'));
    const afterMidnight = utc('2026-03-28T23:10:00');
    expect(frictionWait(5, RULE, [beforeMidnight], SITE, afterMidnight, { timeZone: 'Europe/Berlin' }).steps).toBe(0);
    // 3:30 that morning (after the skipped hour) is still the 29th: a Continue at 0:10 counts.
    const early = pause(afterMidnight);
    expect(frictionWait(5, RULE, [beforeMidnight, early], SITE, utc('2026-03-29T01:30:00'), { timeZone: 'Europe/Berlin' }).steps).toBe(1);
  });

  it('keeps the whole 25-hour day together when the clocks go back', () => {
    // Berlin, 25 October 2026: 0:01 local is 22:01 UTC on the 24th (summer time); 23:59 local is 22:59 UTC on the 25th.
    const first = pause(utc('2026-10-24T22:01:00'));
    const now = utc('2026-10-25T22:59:00');
    // Nearly 25 hours apart, and still one day: the history read for today reaches back far enough.
    expect(now - first.shownAt).toBe(24 * H + 58 * 60_000);
    expect(now - first.shownAt).toBeLessThan(LONGEST_DAY_MS);
    expect(dayOf(first.shownAt, 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayOf(now, 'Europe/Berlin')).toBe('2026-10-25');
    expect(frictionWait(5, RULE, [first], SITE, now, { timeZone: 'Europe/Berlin' }).steps).toBe(1);
    // Two minutes later it is the 26th: a new day, the site's own wait.
    expect(frictionWait(5, RULE, [first], SITE, now + 2 * 60_000, { timeZone: 'Europe/Berlin' }).steps).toBe(0);
  });
});

describe('the friction rule in the settings', () => {
  it('is the default when absent or unreadable, and is kept only when it differs', () => {
    expect(normaliseFrictionRule(undefined)).toEqual(FRICTION_DEFAULT);
    expect(normaliseFrictionRule({ on: 'no', stepSeconds: 'x', capSeconds: 1e9 })).toEqual({ on: true, stepSeconds: 5, capSeconds: 120 });
    expect(storedFrictionRule({ ...FRICTION_DEFAULT })).toBeUndefined();
    expect(normaliseSettings({ sites: [], friction: { on: true, stepSeconds: 5, capSeconds: 30 } }).friction).toBeUndefined();
    expect(normaliseSettings({ sites: [], friction: { on: false } }).friction).toEqual({ on: false, stepSeconds: 5, capSeconds: 30 });
    expect(normaliseSettings({ sites: [], friction: { stepSeconds: 0.2, capSeconds: 2 } }).friction).toEqual({ on: true, stepSeconds: 1, capSeconds: 5 });
  });

  it('says the rule in words', () => {
    expect(frictionRuleText(FRICTION_DEFAULT)).toMatch(/Each further Continue that day adds 5 s to the next wait, up to 30 s\. Writing a note at a pause starts the count again\./);
    expect(frictionRuleText({ ...FRICTION_DEFAULT, on: false })).toMatch(/however often you continue/);
  });
});

describe('the friction rule, following the user to their other browsers', () => {
  it('merges like any preference: the later edit wins, and a rule changed on one device reaches the other', async () => {
    const { stampEdits } = await import('@/lib/settings/settings-edits');
    const { mergeSynced } = await import('@/lib/settings/settings-merge');
    const base = normaliseSettings({ sites: [] });
    const off = normaliseSettings({ ...base, friction: { on: false } });
    const here = { settings: off, edits: stampEdits(base, off, {}, 1000) };
    const there = { settings: base, edits: {} };
    expect(mergeSynced(there, here).settings.friction).toEqual({ on: false, stepSeconds: 5, capSeconds: 30 });
    const step = normaliseSettings({ ...base, friction: { stepSeconds: 9 } });
    const later = { settings: step, edits: stampEdits(base, step, {}, 2000) };
    expect(mergeSynced(here, later).settings.friction).toEqual({ on: true, stepSeconds: 9, capSeconds: 30 });
  });
});
