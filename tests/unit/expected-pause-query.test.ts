import { describe, expect, it } from 'vitest';
import { pauseParams } from '@/lib/pause/guard';
import { settleExpectedQuery } from '@/lib/pause/expected-pause-query';
import { readPauseQuery } from '@/lib/pause/query';
import type { PauseState } from '@/lib/pause/state';
import { DEFAULT_SETTINGS, type TriggerSite } from '@/lib/settings/settings';

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const reddit: TriggerSite = { id: 'reddit', label: 'Reddit', patterns: ['reddit.com'], enabled: true, waitSeconds: 5, windowMinutes: 15, kind: 'feed' };
const state = (over: Partial<PauseState> = {}): PauseState => ({ settings: { ...DEFAULT_SETTINGS, sites: [reddit] }, openTimes: {}, ...over });

/** The query the pause page reads when the guard loaded it before storage answered. */
const expectedQuery = (page: string) =>
  readPauseQuery(`?${pauseParams({ siteId: '', pauseId: 'p1', reason: 'arrived', host: new URL(page).hostname, shownAt: NOW, canGoBack: true, page })}`, NOW);

describe('settleExpectedQuery', () => {
  it('leaves a query that names its site as it is', () => {
    const query = readPauseQuery(`?${pauseParams({ siteId: 'reddit', pauseId: 'p1', reason: 'window-ended', host: 'www.reddit.com', shownAt: NOW, canGoBack: false })}`, NOW);
    expect(settleExpectedQuery(query, state(), NOW)).toBe(query);
  });

  it('finds the site of the page the pause page was loaded for, as the guard would', () => {
    expect(settleExpectedQuery(expectedQuery('https://www.reddit.com/r/all'), state(), NOW)).toEqual({
      siteId: 'reddit',
      pauseId: 'p1',
      reason: 'arrived',
      host: 'www.reddit.com',
      shownAt: NOW,
      canGoBack: true,
    });
  });

  it('says the open time has just ended when it has', () => {
    const ended = state({ openTimes: { reddit: { openedAt: NOW - 20 * MIN, until: NOW - MIN, intention: 'reply to Sam' } } });
    expect(settleExpectedQuery(expectedQuery('https://www.reddit.com/'), ended, NOW)).toMatchObject({ siteId: 'reddit', reason: 'window-ended' });
  });

  it.each([
    ['an open time is open', state({ openTimes: { reddit: { openedAt: NOW - MIN, until: NOW + 10 * MIN } } })],
    ['pauses are snoozed', state({ snooze: { id: 's1', startedAt: NOW - MIN, until: NOW + 14 * MIN, length: '15m' } })],
    ['the site was turned off', state({ settings: { ...DEFAULT_SETTINGS, sites: [{ ...reddit, enabled: false }] } })],
    ['the site is gone', state({ settings: { ...DEFAULT_SETTINGS, sites: [] } })],
  ])('shows nothing when, by storage, the page does not pause: %s', (_, now) => {
    expect(settleExpectedQuery(expectedQuery('https://www.reddit.com/'), now, NOW)).toBeNull();
  });

  it('shows nothing for a page that is not an address of a chosen site', () => {
    expect(settleExpectedQuery({ ...expectedQuery('https://www.reddit.com/'), page: 'not a url' }, state(), NOW)).toBeNull();
    expect(settleExpectedQuery(expectedQuery('https://example.org/'), state(), NOW)).toBeNull();
  });
});
