import { describe, expect, it } from 'vitest';
import { decidePause } from '@/lib/pause/decision';
import { explainUrl } from '@/lib/pause/explain';
import type { Schedule } from '@/lib/settings/schedule';
import type { Settings } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById } from './builders';

const Z = (iso: string): number => Date.parse(`${iso}Z`);
const BERLIN = 'Europe/Berlin';
const reddit = siteFromPreset(presetById('reddit')!);
const x = siteFromPreset(presetById('x')!);
const work: Schedule = [{ days: [1, 2, 3, 4, 5], from: 540, to: 1020 }];
const evenings: Schedule = [{ days: [5], from: 1200, to: 120 }];
const settings = (over: Partial<Settings> = {}): Settings => ({ sites: [reddit, x], meetings: { unmuteCard: false, afterCall: 'some' }, ...over });
// 2026-12-02 is a Wednesday; Berlin is UTC+1 then.
const WED_0800 = Z('2026-12-02T07:00');
const WED_1000 = Z('2026-12-02T09:00');
const FRI_1800 = Z('2026-12-04T17:00');

describe('deciding with a schedule', () => {
  it('lets a chosen site be outside its hours, and looks again when they start', () => {
    expect(decidePause({ settings: settings({ schedule: work }), openTimes: {} }, 'https://www.reddit.com/', WED_0800, BERLIN)).toEqual({
      kind: 'off-schedule',
      site: reddit,
      recheckAt: Z('2026-12-02T08:00'),
    });
  });

  it('pauses inside its hours, and looks again when they end', () => {
    expect(decidePause({ settings: settings({ schedule: work }), openTimes: {} }, 'https://www.reddit.com/', WED_1000, BERLIN)).toEqual({
      kind: 'pause',
      site: reddit,
      ended: false,
      recheckAt: Z('2026-12-02T16:00'),
    });
  });

  it("a site's own schedule replaces the one for all sites, for that site only", () => {
    const own = { ...reddit, schedule: evenings };
    const state = { settings: settings({ schedule: work, sites: [own, x] }), openTimes: {} };
    expect(decidePause(state, 'https://www.reddit.com/', WED_1000, BERLIN)).toMatchObject({ kind: 'off-schedule', recheckAt: Z('2026-12-04T19:00') });
    expect(decidePause(state, 'https://x.com/', WED_1000, BERLIN)).toMatchObject({ kind: 'pause' });
    expect(decidePause(state, 'https://www.reddit.com/', Z('2026-12-04T23:30'), BERLIN)).toMatchObject({ kind: 'pause', recheckAt: Z('2026-12-05T01:00') });
  });

  it("a site's own empty schedule pauses it at any time", () => {
    const state = { settings: settings({ schedule: work, sites: [{ ...reddit, schedule: [] }] }), openTimes: {} };
    expect(decidePause(state, 'https://www.reddit.com/', FRI_1800, BERLIN)).toEqual({ kind: 'pause', site: { ...reddit, schedule: [] }, ended: false });
  });

  it('changes nothing for a page no site covers', () => {
    expect(decidePause({ settings: settings({ schedule: work }), openTimes: {} }, 'https://example.org/', WED_0800, BERLIN)).toEqual({ kind: 'none' });
  });
});

describe('"Does this address pause?" with a schedule', () => {
  it('says when a site does not pause now, and when it next does', () => {
    const answer = explainUrl({ settings: settings({ schedule: work }), openTimes: {} }, 'https://www.reddit.com/r/all', FRI_1800, 'en-GB', BERLIN);
    expect(answer).toEqual({ pauses: false, siteId: reddit.id, text: 'Not now: Reddit pauses on weekdays 9:00–17:00; the next starts Monday 9:00.' });
  });

  it.each([
    [WED_0800, 'today 9:00'],
    [Z('2026-12-02T17:00'), 'tomorrow 9:00'],
  ])('names the day of the next start plainly', (now, when) => {
    expect(explainUrl({ settings: settings({ schedule: work }), openTimes: {} }, 'reddit.com', now, 'en-GB', BERLIN).text).toContain(`the next starts ${when}.`);
  });

  it('says a site pauses now, and when its hours end', () => {
    const answer = explainUrl({ settings: settings({ schedule: work }), openTimes: {} }, 'https://www.reddit.com/', WED_1000, 'en-GB', BERLIN);
    expect(answer.pauses).toBe(true);
    expect(answer.text).toBe('It pauses: www.reddit.com is part of Reddit (reddit.com). Reddit pauses on weekdays 9:00–17:00; this stretch ends today 17:00.');
  });

  it('says nothing of schedules when there is none', () => {
    expect(explainUrl({ settings: settings(), openTimes: {} }, 'https://www.reddit.com/', WED_0800, 'en-GB', BERLIN).text).toBe(
      'It pauses: www.reddit.com is part of Reddit (reddit.com).',
    );
  });
});
