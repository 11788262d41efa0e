import { describe, expect, it } from 'vitest';
import { expectedPauses } from '@/lib/pause/expected-pause';
import { SHOW_BACK_MS } from '@/lib/pause/decision';
import type { PauseState } from '@/lib/pause/state';
import type { TriggerSite } from '@/lib/settings/settings';
import { siteFromPreset } from '@/lib/sites/trigger-sites';
import { presetById, typedSite } from './builders';

const T = Date.UTC(2026, 11, 2, 12); // a Wednesday, noon UTC
const MIN = 60_000;
const reddit = () => siteFromPreset(presetById('reddit')!);
const state = (sites: TriggerSite[], over: Partial<PauseState> = {}): PauseState => ({
  settings: { sites, meetings: { unmuteCard: false, afterCall: 'some' } },
  openTimes: {},
  ...over,
});

describe('expectedPauses', () => {
  it('expects the question on every whole-host site with nothing open', () => {
    const x = siteFromPreset(presetById('x')!);
    expect(expectedPauses(state([reddit(), x, typedSite('127.0.0.1')]), T)).toEqual({
      question: ['*://*.reddit.com/*', '*://*.twitter.com/*', '*://*.x.com/*', '*://127.0.0.1/*'],
      breath: [],
    });
  });

  it('expects no pause while an open time is open, and looks again when it ends', () => {
    const hints = expectedPauses(state([reddit()], { openTimes: { reddit: { openedAt: T, until: T + 15 * MIN } } }), T);
    expect(hints).toEqual({ question: [], breath: [], recheckAt: T + 15 * MIN });
  });

  it('expects the breath alone just after an open time ended, and the question again once its intention is no longer shown', () => {
    const until = T - MIN;
    const hints = expectedPauses(state([reddit()], { openTimes: { reddit: { openedAt: until - 15 * MIN, until, intention: 'reply to Sam' } } }), T);
    expect(hints).toEqual({ question: [], breath: ['*://*.reddit.com/*'], recheckAt: until + SHOW_BACK_MS });
    expect(expectedPauses(state([reddit()], { openTimes: { reddit: { openedAt: until - 15 * MIN, until } } }), until + SHOW_BACK_MS).question).toEqual(['*://*.reddit.com/*']);
  });

  it('expects the breath alone on a site that asks its own questions: the page must not know them before storage says', () => {
    expect(expectedPauses(state([{ ...reddit(), questions: ['What am I looking for?'] }]), T)).toEqual({ question: [], breath: ['*://*.reddit.com/*'] });
  });

  it('expects no pause while pauses are snoozed, and looks again when the snooze ends', () => {
    const snooze = { id: '000000000-00000000', startedAt: T, until: T + 60 * MIN, length: '1h' as const };
    expect(expectedPauses(state([reddit()], { snooze }), T)).toEqual({ question: [], breath: [], recheckAt: T + 60 * MIN });
  });

  it('expects no pause outside the schedule, and looks again when it starts', () => {
    // Weekdays 18:00–22:00 in UTC.
    const site = { ...reddit(), schedule: [{ days: [1, 2, 3, 4, 5], from: 18 * 60, to: 22 * 60 }] };
    const hints = expectedPauses(state([site]), T, 'UTC');
    expect(hints.question).toEqual([]);
    expect(hints.recheckAt).toBe(Date.UTC(2026, 11, 2, 18));
    expect(expectedPauses(state([site]), Date.UTC(2026, 11, 2, 19), 'UTC').question).toEqual(['*://*.reddit.com/*']);
  });

  it.each([
    ['a site on one path only', [siteFromPreset(presetById('linkedin-feed')!)]],
    ['a site with an exception', [{ ...reddit(), exceptions: ['reddit.com/message'] }]],
    ['two sites on the same host', [siteFromPreset(presetById('youtube')!), siteFromPreset(presetById('youtube-shorts')!)]],
    ['a site and another on its subdomain', [reddit(), typedSite('old.reddit.com')]],
    ['a turned-off site', [{ ...reddit(), enabled: false }]],
    ['a meeting site', [{ ...typedSite('meet.google.com'), kind: 'meeting' as const }]],
  ])('expects nothing of %s, whose pages may not all pause', (_, sites) => {
    expect(expectedPauses(state(sites), T)).toMatchObject({ question: [], breath: [] });
  });

  it('still expects the pause on a site beside one it does not share a host with', () => {
    expect(expectedPauses(state([reddit(), siteFromPreset(presetById('linkedin-feed')!)]), T).question).toEqual(['*://*.reddit.com/*']);
  });
});
