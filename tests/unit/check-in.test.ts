import { describe, expect, it } from 'vitest';
import { addScroll, addTime, checkInDue, checkInPlan, keepGoing, MAX_JUMP_SCREENS, MAX_TICK_MS, startMeter } from '@/lib/pause/check-in';
import { normaliseSettings } from '@/lib/settings/settings';
import { CHECK_IN } from '@/lib/settings/site-options';
import { typedSite } from './builders';

const MIN = 60_000;
const plan = { screens: 10, ms: 10 * MIN };

describe('which sites check in while scrolling', () => {
  it.each([
    ['a feed preset, by default', typedSite('reddit.com', { presetId: 'reddit' }), plan],
    ['a feed preset turned off', typedSite('reddit.com', { presetId: 'reddit', checkIn: false }), undefined],
    ['a site the user typed, by default', typedSite('news.example'), undefined],
    ['a site the user typed, turned on', typedSite('news.example', { checkIn: true }), plan],
    ['a typed site with its own interval', typedSite('news.example', { checkIn: true, checkInScreens: 2, checkInMinutes: 3 }), { screens: 2, ms: 3 * MIN }],
    ['a meeting site, even turned on', typedSite('meet.example', { kind: 'meeting', checkIn: true }), undefined],
  ])('%s', (_, site, expected) => {
    expect(checkInPlan(site)).toEqual(expected);
  });

  it('reads the options from storage defensively: defaults are left out, values out of range dropped', () => {
    const read = (over: Record<string, unknown>) => normaliseSettings({ sites: [{ ...typedSite('x.com'), ...over }] }).sites[0]!;
    expect(read({ checkIn: true, checkInScreens: 3, checkInMinutes: 45 })).toMatchObject({ checkIn: true, checkInScreens: 3, checkInMinutes: 45 });
    const odd = read({ checkIn: 'yes', checkInScreens: CHECK_IN.screens.default, checkInMinutes: 0.5 });
    expect(odd).not.toHaveProperty('checkIn');
    expect(odd).not.toHaveProperty('checkInScreens');
    expect(odd).not.toHaveProperty('checkInMinutes');
    expect(read({ checkInScreens: CHECK_IN.screens.max + 1, checkInMinutes: -1 })).not.toHaveProperty('checkInScreens');
  });
});

describe('the check-in’s scroll and time accounting', () => {
  it('is due after the plan’s screens of scrolling, counted in either direction, in the container’s own height', () => {
    let m = startMeter(plan);
    for (let i = 0; i < 19; i++) m = addScroll(m, i % 2 ? -400 : 400, 800);
    expect(m.screens).toBeCloseTo(9.5);
    expect(checkInDue(m)).toBe(false);
    m = addScroll(m, 400, 800);
    expect(checkInDue(m)).toBe(true);
  });

  it('counts a jump as at most a couple of screens, and nothing in a container without height', () => {
    let m = addScroll(startMeter(plan), 50_000, 800);
    expect(m.screens).toBe(MAX_JUMP_SCREENS);
    m = addScroll(m, 400, 0);
    m = addScroll(m, Number.NaN, 800);
    expect(m.screens).toBe(MAX_JUMP_SCREENS);
  });

  it('is due after the plan’s minutes in view, whichever comes first; a long gap (sleep) counts as one tick at most', () => {
    let m = startMeter(plan);
    m = addTime(m, 3 * 60 * MIN);
    expect(m.ms).toBe(MAX_TICK_MS);
    while (!checkInDue(m)) m = addTime(m, 15_000);
    expect(m.ms).toBe(plan.ms);
    expect(m.screens).toBe(0);
  });

  it('after Keep going, the next check-in is one whole interval further on, in scrolling and in time', () => {
    let m = startMeter(plan);
    m = addScroll(m, 12 * 800, 800); // capped per event: 2 screens
    for (let i = 0; i < 8; i++) m = addScroll(m, 800, 800);
    m = addTime(m, MAX_TICK_MS);
    expect(checkInDue(m)).toBe(true);
    m = keepGoing(m, plan);
    expect(checkInDue(m)).toBe(false);
    expect(m.nextScreens).toBe(20);
    expect(m.nextMs).toBe(MAX_TICK_MS + plan.ms);
    for (let i = 0; i < 9; i++) m = addScroll(m, 800, 800);
    expect(checkInDue(m)).toBe(false);
    m = addScroll(m, 800, 800);
    expect(checkInDue(m)).toBe(true);
  });
});
